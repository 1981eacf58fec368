// The phrase lists `precheck draft` reads text with (vocab/draft.yaml), validated once and
// compiled to linear-time matchers: each list is one alternation of literal phrases with
// word-boundary lookarounds, no nested quantifiers.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import { PROJECT_ROOT } from '../rules/pack.js';

const phrases = z.array(z.union([z.string().min(1), z.number()]).transform(String)).min(1);
const groups = z.record(z.string(), phrases);

const vocabSchema = z.strictObject({
  assertion: z.strictObject({ negatedPre: phrases, negatedPost: phrases, uncertain: phrases, history: phrases, terminators: phrases }),
  sentenceRoles: z.strictObject({ plan: phrases, review: phrases, reviewer: phrases, judgement: phrases }),
  sections: z.strictObject({ plan: phrases, given: phrases, exam: phrases, symptoms: phrases }),
  sentenceCues: z.strictObject({
    complaint: phrases,
    symptomStatement: phrases,
    symptomWords: phrases,
    exam: phrases,
    examStatement: phrases,
    examTerms: phrases,
    care: phrases,
    continuation: phrases,
    recordSubject: phrases,
    aboutTheRecord: phrases,
    notProcedureName: phrases,
  }),
  regions: groups,
  fingers: groups,
  regionListGap: phrases,
  symptoms: groups,
  exam: groups,
  examNeutral: phrases,
  examNeuroSummary: phrases,
  examResult: z.strictObject({ positive: phrases, negative: phrases }),
  examVitalSigns: phrases,
  examNotFinding: phrases,
  namedMuscles: phrases,
  examStudyReport: phrases,
  studies: groups,
  studyDone: phrases,
  notTheRecord: z.strictObject({ conditional: phrases, guideline: phrases, hypothetical: phrases, request: phrases }),
  officialReport: z.strictObject({ absent: phrases, present: phrases }),
  studyFindings: groups,
  treatments: groups,
  treatmentOutcome: groups,
  treatmentGiven: phrases,
  deviceUse: phrases,
  surgeries: groups,
  surgeryCue: phrases,
  otherMedications: groups,
  notDrugs: phrases,
  workStatus: groups,
  redFlags: groups,
  documentation: z.strictObject({
    functionalImprovement: z.strictObject({ positive: phrases }),
    homeExerciseProgram: z.strictObject({ positive: phrases }),
    risksDiscussed: z.strictObject({ positive: phrases }),
    opioidMonitoring: groups,
  }),
});
export type DraftVocabulary = z.infer<typeof vocabSchema>;

export const VOCAB_FILE = join(PROJECT_ROOT, 'vocab', 'draft.yaml');

/** One phrase found in a text: which key of its list, and where. */
export interface PhraseMatch {
  key: string;
  start: number;
  end: number;
  text: string;
}

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
/** A phrase written in capitals (PT, OT, TENS, UR) is an abbreviation: matched with its case. */
const isAbbreviation = (p: string): boolean => /[A-Z]{2}/.test(p) && !/[a-z]/.test(p);
const source = (p: string): string => escape(p.trim()).replace(/ +/g, '\\s+');

/** A compiled phrase list: finds every non-overlapping phrase, the longest at each position. */
export class PhraseSet {
  private readonly sensitive: RegExp | undefined;
  private readonly insensitive: RegExp | undefined;
  private readonly keyOf = new Map<string, string>();

  constructor(lists: Record<string, readonly string[]>) {
    const exact: string[] = [];
    const folded: string[] = [];
    for (const [key, list] of Object.entries(lists)) {
      for (const p of list) {
        if (isAbbreviation(p)) {
          exact.push(p);
          this.keyOf.set(`=${p.replace(/\s+/g, ' ')}`, key);
        } else {
          folded.push(p);
          if (!this.keyOf.has(`~${p.toLowerCase().replace(/\s+/g, ' ')}`)) this.keyOf.set(`~${p.toLowerCase().replace(/\s+/g, ' ')}`, key);
        }
      }
    }
    const build = (list: string[], flags: string): RegExp | undefined =>
      list.length === 0
        ? undefined
        : new RegExp(
            `(?<![A-Za-z0-9])(?:${[...new Set(list)]
              .sort((a, b) => b.length - a.length)
              .map(source)
              .join('|')})(?![A-Za-z0-9])`,
            flags,
          );
    this.sensitive = build(exact, 'g');
    this.insensitive = build(folded, 'gi');
  }

  find(text: string, offset = 0): PhraseMatch[] {
    const found: PhraseMatch[] = [];
    for (const [re, mark] of [
      [this.sensitive, '='],
      [this.insensitive, '~'],
    ] as const) {
      if (!re) continue;
      re.lastIndex = 0;
      for (const m of text.matchAll(re)) {
        const norm = m[0].replace(/\s+/g, ' ');
        const key = this.keyOf.get(mark === '=' ? `=${norm}` : `~${norm.toLowerCase()}`);
        if (key !== undefined) found.push({ key, start: offset + m.index, end: offset + m.index + m[0].length, text: m[0] });
      }
    }
    // longest first at each position, then drop the ones inside a longer one
    found.sort((a, b) => a.start - b.start || b.end - a.end);
    const out: PhraseMatch[] = [];
    for (const f of found) if (!out.some((o) => f.start < o.end && f.end > o.start)) out.push(f);
    return out;
  }

  has(text: string): boolean {
    return this.find(text).length > 0;
  }

  /** Whether the whole text is one phrase of the list (not merely contains one). */
  is(text: string): boolean {
    const norm = text.trim().replace(/\s+/g, ' ');
    return this.keyOf.has(`=${norm}`) || this.keyOf.has(`~${norm.toLowerCase()}`);
  }
}

export interface CompiledVocabulary {
  raw: DraftVocabulary;
  negatedPre: PhraseSet;
  negatedPost: PhraseSet;
  uncertain: PhraseSet;
  history: PhraseSet;
  terminators: PhraseSet;
  plan: PhraseSet;
  review: PhraseSet;
  reviewer: PhraseSet;
  judgement: PhraseSet;
  planSection: PhraseSet;
  givenSection: PhraseSet;
  examSection: PhraseSet;
  symptomSection: PhraseSet;
  /** A complaint in an exam sentence: the worker's account or symptom words. */
  complaint: PhraseSet;
  /** A sentence that states symptoms: the worker's account or a statement word. */
  symptomCue: PhraseSet;
  examWord: PhraseSet;
  /** A sentence that may state exam findings. */
  examCue: PhraseSet;
  /** A sentence of the exam, for symptom words that are also findings. */
  examSentence: PhraseSet;
  careWord: PhraseSet;
  continuation: PhraseSet;
  recordSubject: PhraseSet;
  aboutTheRecord: PhraseSet;
  notProcedureName: PhraseSet;
  regions: PhraseSet;
  fingers: PhraseSet;
  regionListGap: PhraseSet;
  symptoms: PhraseSet;
  exam: PhraseSet;
  examNeutral: PhraseSet;
  examNeuroSummary: PhraseSet;
  examPositive: PhraseSet;
  examNegative: PhraseSet;
  examVitalSigns: PhraseSet;
  examNotFinding: PhraseSet;
  namedMuscles: PhraseSet;
  examStudyReport: PhraseSet;
  studies: PhraseSet;
  studyDone: PhraseSet;
  /** Conditionals and the guideline's wording: no absence the reviewer states is read from the sentence. */
  notTheRecord: PhraseSet;
  /** …and hypotheticals and the request's words: no study done is read from a sentence that is not the record's. */
  notTheRecordStudy: PhraseSet;
  reportAbsent: PhraseSet;
  reportPresent: PhraseSet;
  studyFindings: PhraseSet;
  treatments: PhraseSet;
  treatmentOutcome: PhraseSet;
  treatmentGiven: PhraseSet;
  deviceUse: PhraseSet;
  surgeries: PhraseSet;
  surgeryCue: PhraseSet;
  otherMedications: PhraseSet;
  notDrugs: PhraseSet;
  workStatus: PhraseSet;
  redFlags: PhraseSet;
  functionalImprovement: PhraseSet;
  homeExerciseProgram: PhraseSet;
  risksDiscussed: PhraseSet;
  opioidMonitoring: PhraseSet;
}

/** Validates and compiles a vocabulary document; throws with the path of the first problem. */
export function compileVocabulary(data: unknown, file = VOCAB_FILE): CompiledVocabulary {
  const parsed = vocabSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`${file}: ${issue.path.join('.')}: ${issue.message}`);
  }
  const v = parsed.data;
  const one = (list: string[]): PhraseSet => new PhraseSet({ yes: list });
  return {
    raw: v,
    negatedPre: one(v.assertion.negatedPre),
    negatedPost: one(v.assertion.negatedPost),
    uncertain: one(v.assertion.uncertain),
    history: one(v.assertion.history),
    terminators: one(v.assertion.terminators),
    plan: one(v.sentenceRoles.plan),
    review: one(v.sentenceRoles.review),
    reviewer: one(v.sentenceRoles.reviewer),
    judgement: one(v.sentenceRoles.judgement),
    planSection: one(v.sections.plan),
    givenSection: one(v.sections.given),
    examSection: one(v.sections.exam),
    symptomSection: one(v.sections.symptoms),
    complaint: one([...v.sentenceCues.complaint, ...v.sentenceCues.symptomWords]),
    symptomCue: one([...v.sentenceCues.complaint, ...v.sentenceCues.symptomStatement]),
    examWord: one(v.sentenceCues.exam),
    examCue: one([...v.sentenceCues.exam, ...v.sentenceCues.examStatement]),
    examSentence: one([...v.sentenceCues.exam, ...v.sentenceCues.examTerms]),
    careWord: one(v.sentenceCues.care),
    continuation: one(v.sentenceCues.continuation),
    recordSubject: one(v.sentenceCues.recordSubject),
    aboutTheRecord: one(v.sentenceCues.aboutTheRecord),
    notProcedureName: one(v.sentenceCues.notProcedureName),
    regions: new PhraseSet(v.regions),
    fingers: new PhraseSet(v.fingers),
    regionListGap: one(v.regionListGap),
    symptoms: new PhraseSet(v.symptoms),
    exam: new PhraseSet(v.exam),
    examNeutral: one(v.examNeutral),
    examNeuroSummary: one(v.examNeuroSummary),
    examPositive: one(v.examResult.positive),
    examNegative: one(v.examResult.negative),
    examVitalSigns: one(v.examVitalSigns),
    examNotFinding: one(v.examNotFinding),
    namedMuscles: one(v.namedMuscles),
    examStudyReport: one(v.examStudyReport),
    studies: new PhraseSet(v.studies),
    studyDone: one(v.studyDone),
    notTheRecord: one([...v.notTheRecord.conditional, ...v.notTheRecord.guideline]),
    notTheRecordStudy: one([
      ...v.notTheRecord.conditional,
      ...v.notTheRecord.guideline,
      ...v.notTheRecord.hypothetical,
      ...v.notTheRecord.request,
    ]),
    reportAbsent: one(v.officialReport.absent),
    reportPresent: one(v.officialReport.present),
    studyFindings: new PhraseSet(v.studyFindings),
    treatments: new PhraseSet(v.treatments),
    treatmentOutcome: new PhraseSet(v.treatmentOutcome),
    treatmentGiven: one(v.treatmentGiven),
    deviceUse: one(v.deviceUse),
    surgeries: new PhraseSet(v.surgeries),
    surgeryCue: one(v.surgeryCue),
    otherMedications: new PhraseSet(v.otherMedications),
    notDrugs: one(v.notDrugs),
    workStatus: new PhraseSet(v.workStatus),
    redFlags: new PhraseSet(v.redFlags),
    functionalImprovement: one(v.documentation.functionalImprovement.positive),
    homeExerciseProgram: one(v.documentation.homeExerciseProgram.positive),
    risksDiscussed: one(v.documentation.risksDiscussed.positive),
    opioidMonitoring: new PhraseSet(v.documentation.opioidMonitoring),
  };
}

let cached: CompiledVocabulary | undefined;

/** The shipped vocabulary, read and validated once per process. */
export function draftVocabulary(): CompiledVocabulary {
  cached ??= compileVocabulary(parse(readFileSync(VOCAB_FILE, 'utf8')));
  return cached;
}
