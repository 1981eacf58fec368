// `precheck draft`: clinical text (a progress note, an RFA, or an IMR letter's case summary)
// → an `imr-precheck/request@1` draft in which every drafted field carries the words it came
// from under `extensions.evidence`, and every sentence nothing was drafted from is kept in
// `documentation.notes`. The draft always validates: a value the schema refuses is moved to
// the notes with a warning, never silently dropped.
import { isImrLetter, parseHeader } from '../letters/sections.js';
import { ITEMS_HEADING, normalizeText } from '../letters/text.js';
import { parseLetterText } from '../letters/parse.js';
import {
  REQUEST_FORMAT,
  requestSchema,
  type ExamFinding,
  type Medication,
  type Study,
  type Symptom,
  type Treatment,
} from '../request/schema.js';
import { sentenceRole, isContinuation, restatesRecord, withEvidence, type DraftContext } from './context.js';
import { absencesReported, documentationIn, emptyDocumentation, type DocumentationDraft } from './documentation.js';
import { closesExam, examFindings, opensExam } from './exam.js';
import { medicationsIn, mergeMedications } from './medications.js';
import type { z } from 'zod';
import type { surgerySchema } from '../request/schema.js';
import { samePlace } from '../request/regions.js';
type Surgery = z.infer<typeof surgerySchema>;
import { authorizedVisits, servicesFromLetter, servicesFromRfa, type DraftService } from './services.js';
import { MAX_DRAFT_CHARS, sentences, SourceText, type Evidence, type Sentence } from './source.js';
import { studiesIn } from './studies.js';
import { mergeSymptoms, symptomsIn } from './symptoms.js';
import { authorizedIn, isTreatmentList, mergeTreatments, surgeriesIn, treatmentsIn } from './treatments.js';
import { ageIn, datesIn, scoresIn, type Found } from './values.js';
import { draftVocabulary, type CompiledVocabulary } from './vocab.js';

export type ServicesFrom = 'auto' | 'rfa' | 'letter' | 'none';

export interface DraftOptions {
  id?: string;
  servicesFrom?: ServicesFrom;
  /** The note's date, for relative dates; read from the text ("Date of service: …") when absent. */
  noteDate?: string;
  vocabulary?: CompiledVocabulary;
}

export interface Draft {
  request: Record<string, unknown>;
  warnings: string[];
  /** What the evidence's lines and columns refer to. */
  text: string;
}

export const DRAFT_WARNING =
  'Drafted from free text: every drafted fact must be confirmed against the record before it is relied on (see extensions.evidence for the words each came from).';

const SUMMARY_HEADING = /^[ \t]*CLINICAL CASE SUMMARY[ \t]*$/im;
const NOTE_DATE = /\b(?:date of (?:service|visit|exam(?:ination)?|report|evaluation)|DOS|visit date|exam date)\s*:?\s*/i;
const INJURY = /\b(?:injur(?:y|ed)|date of injury|DOI)\b/i;
// "The injured worker is undergoing treatment for right shoulder strain and …": the diagnoses too
const DIAGNOSES =
  /\b(?:diagnos(?:is|es|ed)(?:\s(?:of|include[sd]?|were|was|is|are))?|assessment|(?:undergoing|receiving) treatment for|being treated for)\s*:?\s*(?:the diagnoses of\s)?/i;

/** Drafts a request from clinical text. Never throws on text; the result always validates. */
export function draftRequest(input: string, options: DraftOptions = {}): Draft {
  const v = options.vocabulary ?? draftVocabulary();
  const warnings: string[] = [];
  const text = normalizeText(truncated(input, warnings));
  const source = new SourceText(text);
  const request: Record<string, unknown> = { format: REQUEST_FORMAT, id: options.id ?? 'draft' };
  const letter = isImrLetter(text);
  const read = letter
    ? readLetter(text, source, options, request, warnings)
    : { region: { start: 0, end: text.length }, services: [], authorized: [], rationales: [] };
  if (!letter && options.servicesFrom === 'letter')
    warnings.push('--services-from letter: the text is not an IMR Final Determination letter');
  let services = read.services;
  if (services.length === 0 && (options.servicesFrom === 'rfa' || (options.servicesFrom ?? 'auto') === 'auto'))
    services = servicesFromRfa(source);

  const noteDate = noteDateOf(text, options);
  const ctx: DraftContext = { v, source, ...(noteDate ? { noteDate } : {}) };
  const all = sentences(source).filter((s) => s.start >= read.region.start && s.end <= read.region.end);
  const c = collectFacts(ctx, all, request, noteDate);
  // a letter's rationales restate the record too ("She had decreased wrist strength graded at
  // 4+/5"): what they add to the summary is drafted; the reviewer's reasoning is not
  if (letter) addRestatements(c, collectFacts(ctx, restatements(ctx, read.rationales), request, noteDate));
  // the reviewer's rationale restates studies of the record ("Recent x-rays reveal spondylosis")
  // and what the record lacks ("there is no documentation of functional improvement")
  if (letter)
    for (const s of sentences(source).filter((x) => x.start >= read.region.end)) {
      c.studies.push(...studiesIn(ctx, s, c.studies, 'reported'));
      absencesReported(ctx, s, c.documentation);
    }
  setPatient(request, c);
  setClinical(request, c, ctx, letter, read.authorized);
  const doc = documentationOf(c.documentation, c.unused);
  if (Object.keys(doc).length > 0) request.documentation = doc;

  if (services.length === 0) {
    warnings.push(
      'no requested service found (no RFA table, no letter items): a placeholder service of kind "other" was added; describe what is requested',
    );
    services = [
      {
        id: 'requested',
        kind: 'other',
        label: 'the requested service (not found in the text: describe it)',
        extensions: { placeholder: true },
      },
    ];
  }
  // "The Request for Authorization dated 11-08-2016 includes …": the date the services were asked for
  if (letter) dateServices(ctx, all, services, read);
  if (letter) describePrimary(ctx, all, services);
  request.services = services;
  request.extensions = {
    draft: {
      warning: DRAFT_WARNING,
      evidenceLinesOf: letter ? 'the letter text, normalized (line endings, double spacing)' : 'the input text, normalized (line endings)',
    },
  };
  return { request: repair(request, warnings), warnings, text };
}

/** The input, cut to the length a draft reads (with a warning when it was longer). */
function truncated(input: string, warnings: string[]): string {
  if (input.length <= MAX_DRAFT_CHARS) return input;
  warnings.push(`the text has ${input.length} characters; only the first ${MAX_DRAFT_CHARS} were read`);
  return input.slice(0, MAX_DRAFT_CHARS);
}

interface LetterRead {
  /** The clinical case summary: the part of the letter that is the record. */
  region: { start: number; end: number };
  services: DraftService[];
  authorized: Array<Record<string, unknown>>;
  /** Each decision rationale's text (the reviewer's words: only restatements of the record are read). */
  rationales: Array<{ start: number; end: number }>;
  decisionDate?: string;
  /** The header's "UR Denial Date": the request came before it. */
  urDenialDate?: string;
}

/** An IMR letter: its header (case number, dates), its case summary and its disputed items. */
function readLetter(
  text: string,
  source: SourceText,
  options: DraftOptions,
  request: Record<string, unknown>,
  warnings: string[],
): LetterRead {
  const read: LetterRead = { region: { start: 0, end: text.length }, services: [], authorized: [], rationales: rationalesOf(text) };
  // only the clinical case summary is the record; the rationales are the reviewer's conclusions
  const start = SUMMARY_HEADING.exec(text);
  const end = text.search(ITEMS_HEADING);
  if (start) read.region = { start: start.index + start[0].length, end: end > start.index ? end : text.length };
  const header = parseHeader(text);
  if (header.caseNumber && !options.id) request.id = header.caseNumber;
  if (header.decisionDate) {
    request.decisionDate = header.decisionDate;
    read.decisionDate = header.decisionDate;
  }
  if (header.urDenialDate) read.urDenialDate = header.urDenialDate;
  if (header.dateOfInjury) request.injury = { date: header.dateOfInjury };
  if (options.servicesFrom === 'none' || options.servicesFrom === 'rfa') return read;
  try {
    const parsed = parseLetterText(text);
    read.services = servicesFromLetter(parsed, source, Math.max(0, end), options.vocabulary ?? draftVocabulary());
    read.authorized.push(...authorizedVisits(parsed, source));
  } catch (err) {
    warnings.push(`no disputed items read from the letter: ${(err as Error).message}`);
  }
  return read;
}

const RATIONALE_LABEL = /Decision rationale\s*:/gi;
// what ends a rationale: the next item's heading ("… : Upheld") or body label
const RATIONALE_END = /^[^\n]*:[ \t]*(?:Upheld|Overturned)\b|(?:Claims Administrator guideline|MAXIMUS guideline)\s*:/im;

/** Where each decision rationale of a letter is. */
function rationalesOf(text: string): Array<{ start: number; end: number }> {
  const out: Array<{ start: number; end: number }> = [];
  for (const m of text.matchAll(RATIONALE_LABEL)) {
    const start = m.index + m[0].length;
    const end = text.slice(start).search(RATIONALE_END);
    out.push({ start, end: end < 0 ? text.length : start + end });
  }
  return out;
}

const QUOTE = /["\u201C\u201D]/g;

/** The sentences of the rationales that restate the record: outside quotations (a guideline's words), with no word of reasoning. */
function restatements(ctx: DraftContext, rationales: ReadonlyArray<{ start: number; end: number }>): Sentence[] {
  if (rationales.length === 0) return [];
  const quoted: Array<{ start: number; end: number }> = [];
  for (const r of rationales) {
    const marks = [...ctx.source.text.slice(r.start, r.end).matchAll(QUOTE)].map((q) => r.start + q.index);
    // an unclosed quotation runs to the end of the rationale
    for (let i = 0; i < marks.length; i += 2) quoted.push({ start: marks[i]!, end: marks[i + 1] ?? r.end });
  }
  return sentences(ctx.source).filter(
    (s) =>
      // the first sentence of a rationale begins with its label ("Decision rationale: She had …")
      rationales.some((r) => s.end > r.start && s.start < r.end && s.end <= r.end) &&
      !quoted.some((q) => s.start < q.end && q.start < s.end) &&
      restatesRecord(ctx.v, s),
  );
}

// one place named more or less precisely (request/regions.ts samePlace, the facts' limb parts): a
// rationale's straight leg raise of the leg is the summary's of the lower extremity; the hand's
// strength is not the wrist's
const sameFinding = (a: ExamFinding, b: ExamFinding): boolean =>
  a.finding === b.finding && a.result === b.result && (a.region === undefined || b.region === undefined || samePlace(a.region, b.region));
const studyKey = (x: Study): string => `${x.type}|${x.region ?? ''}`;

/**
 * Adds what the rationales' restatements say and the summary did not: symptoms, treatments and
 * medications merge by kind (a rationale's "with no improvement" gives a course its outcome),
 * exam findings, studies and surgeries only when new, documentation flags only when unstated.
 * Diagnoses, age and the notes stay the summary's.
 */
function addRestatements(c: Collected, r: Collected): void {
  c.symptoms.push(...r.symptoms);
  c.treatments.push(...r.treatments);
  c.medications.push(...r.medications);
  // a finding restated without its region ("edema") is the one the summary gave with it
  for (const e of r.exam) if (e.finding !== 'other' && !c.exam.some((x) => sameFinding(x, e))) c.exam.push(e);
  addNew(c.studies, r.studies, studyKey);
  addNew(c.surgeries, r.surgeries, (x) => x.kind);
  const d = c.documentation;
  for (const [k, x] of r.documentation.flags) if (!d.flags.has(k)) d.flags.set(k, x);
  for (const [k, x] of r.documentation.monitoring) if (!d.monitoring.has(k)) d.monitoring.set(k, x);
  for (const [k, x] of r.documentation.redFlags) if (!d.redFlags.has(k)) d.redFlags.set(k, x);
  d.workStatus ??= r.documentation.workStatus;
  d.noRedFlags ??= r.documentation.noRedFlags;
}

/** Appends the items of `more` whose key `into` does not have yet. */
function addNew<T>(into: T[], more: readonly T[], key: (x: T) => string): void {
  const have = new Set(into.map(key));
  for (const x of more) {
    if (have.has(key(x))) continue;
    have.add(key(x));
    into.push(x);
  }
}

/** The note's date: given, or read from the text ("Date of service: …"). */
function noteDateOf(text: string, options: DraftOptions): string | undefined {
  if (options.noteDate !== undefined) return options.noteDate;
  const m = NOTE_DATE.exec(text);
  return m ? datesIn(text.slice(m.index, m.index + 60), m.index)[0]?.value : undefined;
}

/** What the sentences of the record gave: the clinical facts, the documentation, and the sentences nothing came from. */
interface Collected {
  symptoms: Symptom[];
  exam: ExamFinding[];
  studies: Study[];
  treatments: Treatment[];
  surgeries: Surgery[];
  medications: Medication[];
  diagnoses: unknown[];
  documentation: DocumentationDraft;
  patient: Record<string, unknown>;
  patientEvidence: Record<string, Evidence>;
  unused: Sentence[];
}

/** What one sentence leaves for the next: an open exam paragraph, a list of care cut at ";" or ":". */
interface ReadState {
  inExam: boolean;
  carryList: boolean;
}

const factCount = (c: Collected): number =>
  c.symptoms.length +
  c.exam.length +
  c.studies.length +
  c.treatments.length +
  c.surgeries.length +
  c.medications.length +
  c.diagnoses.length;
const flagCount = (d: DocumentationDraft): number => d.flags.size + d.monitoring.size + d.redFlags.size + (d.workStatus ? 1 : 0);

function collectFacts(
  ctx: DraftContext,
  all: readonly Sentence[],
  request: Record<string, unknown>,
  noteDate: string | undefined,
): Collected {
  const c: Collected = {
    symptoms: [],
    exam: [],
    studies: [],
    treatments: [],
    surgeries: [],
    medications: [],
    diagnoses: [],
    documentation: emptyDocumentation(),
    patient: {},
    patientEvidence: {},
    unused: [],
  };
  // a list of care cut into sentences at ";" or ":" ("Treatment has included: PT; acupuncture; …")
  const state: ReadState = { inExam: false, carryList: false };
  for (const s of all) {
    const role = sentenceRole(ctx.v, s);
    if (role === 'review') {
      c.unused.push(s);
      continue;
    }
    const before = factCount(c);
    let isDiagnosisList = false;
    if (role === 'fact') isDiagnosisList = readFactSentence(ctx, s, c, state, request, noteDate);
    else {
      state.inExam = false;
      if (isContinuation(ctx.v, s)) c.medications.push(...medicationsIn(ctx, s));
      // "The provider noted negative hip and lumbar x-rays under the treatment plan"
      c.studies.push(...studiesIn(ctx, s, c.studies, 'reported'));
    }
    state.carryList = role === 'fact' && /[;:]$/.test(s.text) && (state.carryList || isTreatmentList(ctx.v, s));
    const flagsBefore = flagCount(c.documentation);
    // a diagnosis ("post-operative infection") is kept in the diagnoses, not drafted again as a red flag
    documentationIn(ctx, s, c.documentation, role === 'fact', isDiagnosisList);
    if (factCount(c) === before && flagCount(c.documentation) === flagsBefore) c.unused.push(s);
  }
  return c;
}

/** Drafts the facts of one sentence of the record; says whether it lists the diagnoses. */
function readFactSentence(
  ctx: DraftContext,
  s: Sentence,
  c: Collected,
  state: ReadState,
  request: Record<string, unknown>,
  noteDate: string | undefined,
): boolean {
  if (c.patient.age === undefined) ageAndSexIn(ctx.source, s, c);
  injuryIn(ctx.source, s, request, noteDate);
  const dx = DIAGNOSES.exec(s.text);
  const isDiagnosisList = dx !== null && /diagnos|treat/i.test(dx[0]);
  if (dx && isDiagnosisList) c.diagnoses.push(...diagnosesIn(ctx.source, s, s.start + dx.index + dx[0].length));
  if (opensExam(s)) state.inExam = true;
  else if (closesExam(s)) state.inExam = false;
  // a diagnosis ("lumbago with sciatica", "pain in thoracic spine") is not a complaint
  const found = symptomsIn(ctx, s, dx && /diagnos/i.test(dx[0]) ? s.start + dx.index : undefined);
  c.symptoms.push(...found);
  if (found.length === 0) attachScore(ctx.source, s, c.symptoms);
  c.exam.push(...examFindings(ctx, s, state.inExam));
  const newStudies = studiesIn(ctx, s, c.studies);
  const lastStudy = c.studies.at(-1);
  if (newStudies.length === 0 && lastStudy) reportStatement(ctx, s, lastStudy);
  c.studies.push(...newStudies);
  c.treatments.push(...treatmentsIn(ctx, s, state.carryList));
  c.surgeries.push(...surgeriesIn(ctx, s));
  const meds = medicationsIn(ctx, s);
  c.medications.push(...meds);
  c.treatments.push(...medicationTrials(ctx, s, meds));
  return isDiagnosisList;
}

/** "A 45-year-old female": the patient's age and sex, from the first sentence that gives an age. */
function ageAndSexIn(source: SourceText, s: Sentence, c: Collected): void {
  const { age, sex } = ageIn(s.text, s.start);
  if (age) {
    c.patient.age = age.value;
    c.patientEvidence.age = source.evidence(age.start, age.end);
  }
  if (sex) {
    c.patient.sex = sex.value;
    c.patientEvidence.sex = source.evidence(sex.start, sex.end);
  }
}

/** "She was injured on 3/4/2014": the date of injury, when the letter's header did not give it. */
function injuryIn(source: SourceText, s: Sentence, request: Record<string, unknown>, noteDate: string | undefined): void {
  const injury = INJURY.exec(s.text);
  if (!injury || (request.injury as { date?: string } | undefined)?.date) return;
  const d = datesIn(s.text, s.start, noteDate).find((x) => x.start >= s.start + injury.index);
  if (d) request.injury = withEvidence({ date: d.value }, source, [d]);
}

function setPatient(request: Record<string, unknown>, c: Collected): void {
  const work = c.documentation.workStatus;
  if (work) {
    c.patient.workStatus = work.value;
    c.patientEvidence.workStatus = work.evidence;
  }
  if (Object.keys(c.patient).length > 0) request.patient = { ...c.patient, extensions: { evidence: c.patientEvidence } };
}

function setClinical(
  request: Record<string, unknown>,
  c: Collected,
  ctx: DraftContext,
  letter: boolean,
  authorized: Array<Record<string, unknown>>,
): void {
  if (c.diagnoses.length > 0) request.diagnoses = c.diagnoses;
  if (c.symptoms.length > 0) request.symptoms = mergeSymptoms(c.symptoms);
  if (c.exam.length > 0) request.exam = c.exam;
  if (c.studies.length > 0) request.studies = c.studies;
  c.treatments.push(...(authorized as Treatment[]));
  // what the claims administrator already authorized is stated anywhere in a letter
  if (letter) for (const s of sentences(ctx.source)) c.treatments.push(...authorizedIn(ctx, s));
  if (c.treatments.length > 0) request.treatments = mergeTreatments(c.treatments);
  if (c.surgeries.length > 0) request.surgeries = c.surgeries;
  if (c.medications.length > 0) request.medications = mergeMedications(ctx.v, c.medications);
}

/** `documentation`: the flags, opioid monitoring and red flags drafted, and the notes (the sentences nothing came from). */
function documentationOf(documentation: DocumentationDraft, unused: readonly Sentence[]): Record<string, unknown> {
  const doc: Record<string, unknown> = {};
  const docEvidence: Record<string, Evidence> = {};
  for (const [flag, { value, evidence }] of documentation.flags) {
    doc[flag] = value;
    docEvidence[flag] = evidence;
  }
  if (documentation.monitoring.size > 0) {
    const monitoring: Record<string, boolean> = {};
    for (const [k, { value, evidence }] of documentation.monitoring) {
      monitoring[k] = value;
      docEvidence[`opioidMonitoring.${k}`] = evidence;
    }
    doc.opioidMonitoring = monitoring;
  }
  if (documentation.redFlags.size > 0) {
    doc.redFlags = [...documentation.redFlags.keys()];
    for (const [k, e] of documentation.redFlags) docEvidence[`redFlags.${k}`] = e;
  } else if (documentation.noRedFlags) {
    doc.redFlags = [];
    docEvidence.redFlags = documentation.noRedFlags;
  }
  const notes = unused.map((s) => s.text.replace(/\s+/g, ' ')).join(' ');
  if (notes !== '') doc.notes = notes;
  if (Object.keys(docEvidence).length > 0) doc.extensions = { evidence: docEvidence };
  return doc;
}

/**
 * A letter's date of the request for authorization is the date of every service that has none
 * (never a date after the decision). When the letter names no such date, the header's UR
 * denial date stands for it: utilization review answers a request within 5 working days (14 at
 * most, 8 CCR 9792.9.1), so the durations it gives are at most two weeks long.
 */
function dateServices(ctx: DraftContext, all: readonly Sentence[], services: DraftService[], read: LetterRead): void {
  const asked = requestDateIn(ctx, all) ?? urDenialDateIn(ctx, read);
  if (!asked || (read.decisionDate && asked.value > read.decisionDate)) return;
  for (const sv of services) {
    if (sv.date !== undefined || sv.requested === false) continue;
    sv.date = asked.value;
    const ext = (sv.extensions ?? {}) as { evidence?: Evidence[] };
    sv.extensions = { ...ext, evidence: [...(ext.evidence ?? []), ctx.source.evidence(asked.start, asked.end)] };
  }
}

/** "The formal report is attached" / "the report was not provided", after a study sentence. */
function reportStatement(ctx: DraftContext, s: Sentence, study: Study): void {
  if (!/\breport\b/i.test(s.text)) return;
  const absent = ctx.v.reportAbsent.find(s.text, s.start)[0];
  const present = absent ? undefined : ctx.v.reportPresent.find(s.text, s.start)[0];
  const cue = absent ?? present;
  if (!cue || study.officialReport !== undefined) return;
  study.officialReport = Boolean(present);
  (study.extensions as { evidence: Evidence[] }).evidence.push(ctx.source.evidence(cue.start, cue.end));
}

const TRIAL_KIND: Record<string, Treatment['kind']> = {
  nsaid: 'nsaid',
  'muscle-relaxant': 'muscle-relaxant',
  opioid: 'opioid',
  neuropathic: 'neuropathic-medication',
  'oral-corticosteroid': 'oral-corticosteroid',
  topical: 'topical-medication',
};

const MEDICATION_LIST =
  /(?<![A-Za-z])medications?\s(?:list\s|regimen\s)?(?:include[sd]?|(?:have|has)\sincluded|consist(?:s|ed)?\sof|(?:are|were)\b)/i;

/** "Ibuprofen was tried and failed": a medication with an outcome is also a treatment tried. */
function medicationTrials(ctx: DraftContext, s: Sentence, meds: Medication[]): Treatment[] {
  const outcome = ctx.v.treatmentOutcome.find(s.text, s.start)[0];
  // "Her medication list included Flexeril, Norco …": what the patient takes, not care tried
  const listed = isTreatmentList(ctx.v, s) && !(MEDICATION_LIST.test(s.text) && !outcome);
  if (!listed && (!outcome || !/\b(tried|trial|failed|taken|taking|takes|used|using)\b/i.test(s.text))) return [];
  const out: Treatment[] = [];
  for (const m of meds) {
    const kind = (m.drugClass ? TRIAL_KIND[m.drugClass] : undefined) ?? 'other';
    const ev = (m.extensions as { evidence: Evidence[] }).evidence[0];
    if (!ev) continue;
    const start = ctx.source.offsetOf(ev.line, ev.column);
    out.push(
      withEvidence({ kind, outcome: (outcome?.key ?? 'unknown') as Treatment['outcome'], text: m.name }, ctx.source, [
        { start, end: start + ev.quote.length },
        outcome,
      ]),
    );
  }
  return out;
}

const PROCEDURE_TAIL =
  /^\s(?:of|on|to)\s(?:the\s)?(?:(?:left|right|bilateral)\s)?[A-Za-z-]+(?:\s(?:spine|joint|shoulder|knee|hip|wrist|elbow|ankle|hand|foot|tendon|nerve|tunnel))?/i;

/**
 * The primary procedure a letter's associated items serve but do not dispute (parse-letter's
 * placeholder "the primary procedure (surgery) …"): named by the summary's plan ("The
 * treatment plan included scheduling laparoscopic versus open umbilical hernia repair"), so
 * that its tests and equipment are judged for that procedure. The words are the procedure's
 * name and the few words before it that qualify it, at most six.
 */
function describePrimary(ctx: DraftContext, all: readonly Sentence[], services: DraftService[]): void {
  for (const sv of services) {
    if (sv.requested !== false || sv.kind !== 'surgery') continue;
    for (const s of all) {
      if (sentenceRole(ctx.v, s) !== 'plan') continue;
      const m = ctx.v.surgeries.find(s.text, s.start)[0];
      if (!m) continue;
      const words = [...ctx.source.text.slice(s.start, m.start).matchAll(/[A-Za-z][A-Za-z'-]*/g)];
      let start = m.start;
      for (let i = words.length - 1; i >= 0 && words.length - i <= 6; i--) {
        const w = words[i]!;
        const at = s.start + w.index;
        if (ctx.v.notProcedureName.is(w[0])) break;
        if (/[,;:.]/.test(ctx.source.text.slice(at + w[0].length, start))) break;
        start = at;
      }
      const tail = PROCEDURE_TAIL.exec(ctx.source.text.slice(m.end, s.end));
      const end = m.end + (tail ? tail[0].length : 0);
      sv.text = ctx.source.text.slice(start, end).replace(/\s+/g, ' ');
      const ext = (sv.extensions ?? {}) as { evidence?: Evidence[] };
      sv.extensions = { ...ext, evidence: [...(ext.evidence ?? []), ctx.source.evidence(start, end)] };
      break;
    }
  }
}

/** The header's UR denial date, with the words it is written in. */
function urDenialDateIn(ctx: DraftContext, read: LetterRead): Found<string> | undefined {
  if (!read.urDenialDate) return undefined;
  const head = ctx.source.text.slice(0, Math.max(0, ctx.source.text.search(SUMMARY_HEADING)));
  return datesIn(head, 0).find((d) => d.value === read.urDenialDate);
}

const RFA = /(?<![A-Za-z])(?:RFA|request for authori[sz]ation)(?![A-Za-z])/gi;

/** The date of the request for authorization, when the text gives one just after naming it. */
function requestDateIn(ctx: DraftContext, all: readonly Sentence[]): Found<string> | undefined {
  for (const s of all) {
    for (const m of s.text.matchAll(RFA)) {
      const from = s.start + m.index + m[0].length;
      const date = datesIn(ctx.source.text.slice(from, Math.min(s.end, from + 60)), from, ctx.noteDate)[0];
      if (date && date.value.length === 10) return date;
    }
  }
  return undefined;
}

/** "The pain was rated 6-8/10": a score in a sentence naming no symptom belongs to the last pain drafted. */
function attachScore(source: SourceText, s: Sentence, symptoms: Symptom[]): void {
  const score = scoresIn(s.text, s.start)[0];
  if (!score || !/\bpain\b/i.test(s.text)) return;
  const target = [...symptoms].reverse().find((x) => /pain|headache/.test(x.kind) && x.result !== 'negative');
  if (!target || target.score !== undefined) return;
  target.score = score.value;
  (target.extensions as { evidence: Evidence[] }).evidence.push(source.evidence(score.start, score.end));
}

function diagnosesIn(source: SourceText, s: Sentence, from: number): unknown[] {
  const tail = source.text.slice(from, s.end).replace(/\.$/, '');
  const out: unknown[] = [];
  let at = from;
  for (const part of tail.split(/,|;|\band\b/)) {
    const trimmed = part.trim();
    const start = source.text.indexOf(trimmed, at);
    at += part.length + 1;
    if (trimmed.length < 3 || trimmed.length > 120 || start < 0) continue;
    out.push({ text: trimmed.replace(/\s+/g, ' '), extensions: { evidence: [source.evidence(start, start + trimmed.length)] } });
    if (out.length >= 12) break;
  }
  return out;
}

/** The notes drafted so far: a string, or (should a value ever be put there) its JSON. */
const noteText = (notes: unknown): string => (typeof notes === 'string' ? notes : JSON.stringify(notes));

/** Removes whatever the schema refuses (moving it into the notes) until the draft validates. */
function repair(request: Record<string, unknown>, warnings: string[]): Record<string, unknown> {
  for (let round = 0; round < 50; round++) {
    const parsed = requestSchema.safeParse(request);
    if (parsed.success) return request;
    const issue = parsed.error.issues[0]!;
    const path = issue.path as Array<string | number>;
    let parent: unknown = request;
    for (const key of path.slice(0, -1)) parent = (parent as Record<string | number, unknown>)[key];
    const leaf = path.at(-1);
    if (leaf === undefined || parent === null || typeof parent !== 'object') break;
    const value = (parent as Record<string | number, unknown>)[leaf];
    warnings.push(
      `drafted ${path.join('.')} = ${JSON.stringify(value)} was not valid (${issue.message}); it is kept in documentation.notes`,
    );
    if (Array.isArray(parent) && typeof leaf === 'number') parent.splice(leaf, 1);
    else delete (parent as Record<string | number, unknown>)[leaf];
    const doc = (request.documentation ??= {}) as Record<string, unknown>;
    doc.notes = `${doc.notes ? `${noteText(doc.notes)} ` : ''}[not drafted: ${path.join('.')} = ${JSON.stringify(value)}]`;
  }
  return request;
}
