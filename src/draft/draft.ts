// `precheck draft`: clinical text (a progress note, an RFA, or an IMR letter's case summary)
// → an `imr-precheck/request@1` draft in which every drafted field carries the words it came
// from under `extensions.evidence`, and every sentence nothing was drafted from is kept in
// `documentation.notes`. The draft always validates: a value the schema refuses is moved to
// the notes with a warning, never silently dropped.
import { isImrLetter, parseHeader } from '../letters/sections.js';
import { ITEMS_HEADING, normalizeText } from '../letters/text.js';
import { parseLetterText } from '../letters/parse.js';
import { REQUEST_FORMAT, requestSchema, type ExamFinding, type Medication, type Study, type Symptom, type Treatment } from '../request/schema.js';
import { sentenceRole, isContinuation, withEvidence, type DraftContext } from './context.js';
import { documentationIn, emptyDocumentation } from './documentation.js';
import { closesExam, examFindings, opensExam } from './exam.js';
import { medicationsIn, mergeMedications } from './medications.js';
import type { z } from 'zod';
import type { surgerySchema } from '../request/schema.js';
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

export const DRAFT_WARNING = 'Drafted from free text: every drafted fact must be confirmed against the record before it is relied on (see extensions.evidence for the words each came from).';

const SUMMARY_HEADING = /^[ \t]*CLINICAL CASE SUMMARY[ \t]*$/im;
const NOTE_DATE = /\b(?:date of (?:service|visit|exam(?:ination)?|report|evaluation)|DOS|visit date|exam date)\s*:?\s*/i;
const INJURY = /\b(?:injur(?:y|ed)|date of injury|DOI)\b/i;
// "The injured worker is undergoing treatment for right shoulder strain and …": the diagnoses too
const DIAGNOSES = /\b(?:diagnos(?:is|es|ed)(?:\s(?:of|include[sd]?|were|was|is|are))?|assessment|(?:undergoing|receiving) treatment for|being treated for)\s*:?\s*(?:the diagnoses of\s)?/i;

/** Drafts a request from clinical text. Never throws on text; the result always validates. */
export function draftRequest(input: string, options: DraftOptions = {}): Draft {
  const v = options.vocabulary ?? draftVocabulary();
  const warnings: string[] = [];
  let raw = input;
  if (raw.length > MAX_DRAFT_CHARS) {
    warnings.push(`the text has ${raw.length} characters; only the first ${MAX_DRAFT_CHARS} were read`);
    raw = raw.slice(0, MAX_DRAFT_CHARS);
  }
  const text = normalizeText(raw);
  const source = new SourceText(text);
  let region = { start: 0, end: text.length };
  const request: Record<string, unknown> = { format: REQUEST_FORMAT, id: options.id ?? 'draft' };
  let services: DraftService[] = [];
  const authorized: Array<Record<string, unknown>> = [];
  const letter = isImrLetter(text);
  if (letter) {
    // only the clinical case summary is the record; the rationales are the reviewer's conclusions
    const start = SUMMARY_HEADING.exec(text);
    const end = text.search(ITEMS_HEADING);
    if (start) region = { start: start.index + start[0].length, end: end > start.index ? end : text.length };
    const header = parseHeader(text);
    if (header.caseNumber && !options.id) request.id = header.caseNumber;
    if (header.decisionDate) request.decisionDate = header.decisionDate;
    if (header.dateOfInjury) request.injury = { date: header.dateOfInjury };
    if (options.servicesFrom !== 'none' && options.servicesFrom !== 'rfa') {
      try {
        const parsed = parseLetterText(text);
        services = servicesFromLetter(parsed, source, Math.max(0, end));
        authorized.push(...authorizedVisits(parsed, source));
      } catch (err) { warnings.push(`no disputed items read from the letter: ${(err as Error).message}`); }
    }
  }
  if (!letter && options.servicesFrom === 'letter') warnings.push('--services-from letter: the text is not an IMR Final Determination letter');
  if (services.length === 0 && (options.servicesFrom === 'rfa' || (options.servicesFrom ?? 'auto') === 'auto')) services = servicesFromRfa(source);

  const noteDateMatch = options.noteDate ? undefined : NOTE_DATE.exec(text);
  const noteDate = options.noteDate ?? (noteDateMatch ? datesIn(text.slice(noteDateMatch.index, noteDateMatch.index + 60), noteDateMatch.index)[0]?.value : undefined);
  const ctx: DraftContext = { v, source, ...(noteDate ? { noteDate } : {}) };

  const all = sentences(source).filter((s) => s.start >= region.start && s.end <= region.end);
  const symptoms: Symptom[] = [];
  const exam: ExamFinding[] = [];
  const studies: Study[] = [];
  const treatments: Treatment[] = [];
  const surgeries: Surgery[] = [];
  const medications: Medication[] = [];
  const diagnoses: unknown[] = [];
  const documentation = emptyDocumentation();
  const patientEvidence: Record<string, Evidence> = {};
  const patient: Record<string, unknown> = {};
  const unused: Sentence[] = [];
  let inExam = false;
  // a list of care cut into sentences at ";" or ":" ("Treatment has included: PT; acupuncture; …")
  let carryList = false;

  for (const s of all) {
    const role = sentenceRole(v, s);
    let isDiagnosisList = false;
    const before = symptoms.length + exam.length + studies.length + treatments.length + surgeries.length + medications.length + diagnoses.length;
    if (role === 'review') { unused.push(s); continue; }
    if (role === 'fact') {
      if (patient.age === undefined) {
        const { age, sex } = ageIn(s.text, s.start);
        if (age) { patient.age = age.value; patientEvidence.age = source.evidence(age.start, age.end); }
        if (sex) { patient.sex = sex.value; patientEvidence.sex = source.evidence(sex.start, sex.end); }
      }
      const injury = INJURY.exec(s.text);
      if (injury && !(request.injury as { date?: string } | undefined)?.date) {
        const d = datesIn(s.text, s.start, noteDate).find((x) => x.start >= s.start + injury.index);
        if (d) request.injury = withEvidence({ date: d.value }, source, [d]);
      }
      const dx = DIAGNOSES.exec(s.text);
      isDiagnosisList = dx !== null && /diagnos|treat/i.test(dx[0]);
      if (dx && isDiagnosisList) diagnoses.push(...diagnosesIn(source, s, s.start + dx.index + dx[0].length));
      if (opensExam(s)) inExam = true;
      else if (closesExam(s)) inExam = false;
      const found = symptomsIn(ctx, s);
      symptoms.push(...found);
      if (found.length === 0) attachScore(source, s, symptoms);
      exam.push(...examFindings(ctx, s, inExam));
      const newStudies = studiesIn(ctx, s, studies);
      if (newStudies.length === 0 && studies.length > 0) reportStatement(ctx, s, studies.at(-1)!);
      studies.push(...newStudies);
      treatments.push(...treatmentsIn(ctx, s, carryList));
      surgeries.push(...surgeriesIn(ctx, s));
      const meds = medicationsIn(ctx, s);
      medications.push(...meds);
      treatments.push(...medicationTrials(ctx, s, meds));
    } else {
      inExam = false;
      if (isContinuation(s)) medications.push(...medicationsIn(ctx, s));
    }
    carryList = role === 'fact' && /[;:]$/.test(s.text) && (carryList || isTreatmentList(v, s));
    const flagsBefore = documentation.flags.size + documentation.monitoring.size + documentation.redFlags.size + (documentation.workStatus ? 1 : 0);
    // a diagnosis ("post-operative infection") is kept in the diagnoses, not drafted again as a red flag
    documentationIn(ctx, s, documentation, role === 'fact', isDiagnosisList);
    const after = symptoms.length + exam.length + studies.length + treatments.length + surgeries.length + medications.length + diagnoses.length;
    const flagsAfter = documentation.flags.size + documentation.monitoring.size + documentation.redFlags.size + (documentation.workStatus ? 1 : 0);
    if (after === before && flagsAfter === flagsBefore) unused.push(s);
  }

  if (documentation.workStatus) { patient.workStatus = documentation.workStatus.value; patientEvidence.workStatus = documentation.workStatus.evidence; }
  if (Object.keys(patient).length > 0) request.patient = { ...patient, extensions: { evidence: patientEvidence } };
  if (diagnoses.length > 0) request.diagnoses = diagnoses;
  if (symptoms.length > 0) request.symptoms = mergeSymptoms(symptoms);
  if (exam.length > 0) request.exam = exam;
  if (studies.length > 0) request.studies = studies;
  treatments.push(...(authorized as Treatment[]));
  // what the claims administrator already authorized is stated anywhere in a letter
  if (letter) for (const s of sentences(source)) treatments.push(...authorizedIn(ctx, s));
  if (treatments.length > 0) request.treatments = mergeTreatments(treatments);
  if (surgeries.length > 0) request.surgeries = surgeries;
  if (medications.length > 0) request.medications = mergeMedications(medications);

  const doc: Record<string, unknown> = {};
  const docEvidence: Record<string, Evidence> = {};
  for (const [flag, { value, evidence }] of documentation.flags) { doc[flag] = value; docEvidence[flag] = evidence; }
  if (documentation.monitoring.size > 0) {
    const monitoring: Record<string, boolean> = {};
    for (const [k, { value, evidence }] of documentation.monitoring) { monitoring[k] = value; docEvidence[`opioidMonitoring.${k}`] = evidence; }
    doc.opioidMonitoring = monitoring;
  }
  if (documentation.redFlags.size > 0) {
    doc.redFlags = [...documentation.redFlags.keys()];
    for (const [k, e] of documentation.redFlags) docEvidence[`redFlags.${k}`] = e;
  } else if (documentation.noRedFlags) { doc.redFlags = []; docEvidence.redFlags = documentation.noRedFlags; }
  const notes = unused.map((s) => s.text.replace(/\s+/g, ' ')).join(' ');
  if (notes !== '') doc.notes = notes;
  if (Object.keys(docEvidence).length > 0) doc.extensions = { evidence: docEvidence };
  if (Object.keys(doc).length > 0) request.documentation = doc;

  if (services.length === 0) {
    warnings.push('no requested service found (no RFA table, no letter items): a placeholder service of kind "other" was added; describe what is requested');
    services = [{ id: 'requested', kind: 'other', label: 'the requested service (not found in the text: describe it)', extensions: { placeholder: true } }];
  }
  // "The Request for Authorization dated 11-08-2016 includes …": the date the services were asked for
  const asked = letter ? requestDateIn(ctx, all) : undefined;
  if (asked && (!request.decisionDate || asked.value <= String(request.decisionDate))) {
    for (const sv of services) {
      if (sv.date !== undefined || sv.requested === false) continue;
      sv.date = asked.value;
      const ext = (sv.extensions ?? {}) as { evidence?: Evidence[] };
      sv.extensions = { ...ext, evidence: [...(ext.evidence ?? []), source.evidence(asked.start, asked.end)] };
    }
  }
  request.services = services;
  request.extensions = { draft: { warning: DRAFT_WARNING, evidenceLinesOf: letter ? 'the letter text, normalized (line endings, double spacing)' : 'the input text, normalized (line endings)' } };
  return { request: repair(request, warnings), warnings, text };
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

const TRIAL_KIND: Record<string, Treatment['kind']> = { nsaid: 'nsaid', 'muscle-relaxant': 'muscle-relaxant', opioid: 'opioid', neuropathic: 'neuropathic-medication', 'oral-corticosteroid': 'oral-corticosteroid', topical: 'topical-medication' };

const MEDICATION_LIST = /(?<![A-Za-z])medications?\s(?:list\s|regimen\s)?(?:include[sd]?|(?:have|has)\sincluded|consist(?:s|ed)?\sof|(?:are|were)\b)/i;

/** "Ibuprofen was tried and failed": a medication with an outcome is also a treatment tried. */
function medicationTrials(ctx: DraftContext, s: Sentence, meds: Medication[]): Treatment[] {
  const outcome = ctx.v.treatmentOutcome.find(s.text, s.start)[0];
  // "Her medication list included Flexeril, Norco …": what the patient takes, not care tried
  const listed = isTreatmentList(ctx.v, s) && !(MEDICATION_LIST.test(s.text) && !outcome);
  if (!listed && (!outcome || !/\b(tried|trial|failed|taken|used)\b/i.test(s.text))) return [];
  const out: Treatment[] = [];
  for (const m of meds) {
    const kind = (m.drugClass ? TRIAL_KIND[m.drugClass] : undefined) ?? 'other';
    const ev = (m.extensions as { evidence: Evidence[] }).evidence[0];
    if (!ev) continue;
    const start = ctx.source.offsetOf(ev.line, ev.column);
    out.push(withEvidence({ kind, outcome: (outcome?.key ?? 'unknown') as Treatment['outcome'], text: m.name }, ctx.source, [{ start, end: start + ev.quote.length }, outcome]));
  }
  return out;
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
    warnings.push(`drafted ${path.join('.')} = ${JSON.stringify(value)} was not valid (${issue.message}); it is kept in documentation.notes`);
    if (Array.isArray(parent) && typeof leaf === 'number') parent.splice(leaf, 1);
    else delete (parent as Record<string | number, unknown>)[leaf];
    const doc = (request.documentation ??= {}) as Record<string, unknown>;
    doc.notes = `${doc.notes ? `${String(doc.notes)} ` : ''}[not drafted: ${path.join('.')} = ${JSON.stringify(value)}]`;
  }
  return request;
}
