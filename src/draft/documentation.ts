// Statements about the record as a whole: work status, red flags, functional improvement,
// home exercise, risks discussed, and opioid monitoring (the "4 A's", urine drug screens,
// agreements, CURES). Each flag keeps the words that set it.
import { assertionOf } from './assertion.js';
import type { DraftContext } from './context.js';
import type { Evidence, Sentence } from './source.js';
import { isTreatmentList } from './treatments.js';
import type { PhraseSet } from './vocab.js';

export interface DocumentationDraft {
  workStatus?: { value: string; evidence: Evidence };
  flags: Map<string, { value: boolean; evidence: Evidence }>;
  monitoring: Map<string, { value: boolean; evidence: Evidence }>;
  redFlags: Map<string, Evidence>;
  noRedFlags?: Evidence;
}

export function emptyDocumentation(): DocumentationDraft {
  return { flags: new Map(), monitoring: new Map(), redFlags: new Map() };
}

const OPIOID_CONTEXT =
  /\b(opioids?|opiates?|narcotics?|norco|hydrocodone|oxycodone|percocet|tramadol|ultram|morphine|oxycontin|nucynta|tapentadol|methadone|fentanyl|medications?|analgesi[ac]s?)\b/i;

export function documentationIn(ctx: DraftContext, s: Sentence, into: DocumentationDraft, isFact: boolean, isDiagnosisList = false): void {
  const { v, source } = ctx;
  const firstAsserted = (set: PhraseSet): { negated: boolean; evidence: Evidence } | undefined => {
    for (const m of set.find(s.text, s.start)) {
      const a = assertionOf(v, s, m.start, m.end);
      if (a.uncertain) continue;
      return {
        negated: a.negated,
        evidence: source.evidence(Math.min(m.start, a.trigger?.start ?? m.start), Math.max(m.end, a.trigger?.end ?? m.end)),
      };
    }
    return undefined;
  };
  if (isFact) {
    // "working with modified duties" says more than "working": the specific status first
    const statuses = v.workStatus.find(s.text, s.start).sort((a, b) => Number(a.key === 'working') - Number(b.key === 'working'));
    // "Treatments have included physical therapy, work restrictions, and medications": care given, not the status now
    const careList = isTreatmentList(v, s);
    for (const m of statuses) {
      if (careList && m.key === 'modified-duty') continue;
      const a = assertionOf(v, s, m.start, m.end);
      if (a.negated || a.uncertain) continue;
      into.workStatus ??= { value: m.key, evidence: source.evidence(m.start, m.end) };
    }
    for (const m of isDiagnosisList ? [] : v.redFlags.find(s.text, s.start)) {
      const a = assertionOf(v, s, m.start, m.end);
      if (a.uncertain) continue;
      if (a.negated) {
        if (m.key === 'other') into.noRedFlags ??= source.evidence(Math.min(m.start, a.trigger?.start ?? m.start), m.end);
        continue;
      }
      if (m.key !== 'other' && !into.redFlags.has(m.key)) into.redFlags.set(m.key, source.evidence(m.start, m.end));
    }
  }
  const flags: Array<[string, PhraseSet]> = [
    ['functionalImprovement', v.functionalImprovement],
    ['homeExerciseProgram', v.homeExerciseProgram],
    ['risksDiscussed', v.risksDiscussed],
  ];
  for (const [flag, set] of flags) {
    if (flag === 'homeExerciseProgram' && !isFact) continue;
    const found = firstAsserted(set);
    if (found && !into.flags.has(flag)) into.flags.set(flag, { value: !found.negated, evidence: found.evidence });
  }
  for (const m of v.opioidMonitoring.find(s.text, s.start)) {
    if (into.monitoring.has(m.key)) continue;
    if (m.key !== 'urineDrugScreen' && m.key !== 'cures' && m.key !== 'treatmentAgreement' && !OPIOID_CONTEXT.test(s.text)) continue;
    if (!isFact && m.key === 'urineDrugScreen') continue; // a requested screen is not one done
    const a = assertionOf(v, s, m.start, m.end);
    if (a.uncertain) continue;
    into.monitoring.set(m.key, {
      value: !a.negated,
      evidence: source.evidence(Math.min(m.start, a.trigger?.start ?? m.start), Math.max(m.end, a.trigger?.end ?? m.end)),
    });
  }
}

/**
 * A reviewer's rationale states what the record lacks ("there is no documentation of functional
 * improvement", "there are no red flags documented"): read for those absences only, never for a
 * flag the record itself set, and never from the guideline's wording.
 */
export function absencesReported(ctx: DraftContext, s: Sentence, into: DocumentationDraft): void {
  const { v, source } = ctx;
  // the guideline's words or a conditional (vocab notTheRecord): not a statement about this record
  if (v.notTheRecord.has(s.text) || !v.aboutTheRecord.has(s.text)) return;
  if (!into.flags.has('functionalImprovement')) {
    const m = v.functionalImprovement.find(s.text, s.start)[0];
    const a = m ? assertionOf(v, s, m.start, m.end) : undefined;
    if (m && a?.negated && !a.uncertain && a.trigger)
      into.flags.set('functionalImprovement', {
        value: false,
        evidence: source.evidence(Math.min(m.start, a.trigger.start), Math.max(m.end, a.trigger.end)),
      });
  }
  if (into.redFlags.size === 0 && !into.noRedFlags) {
    const m = v.redFlags.find(s.text, s.start).find((x) => x.key === 'other');
    const a = m ? assertionOf(v, s, m.start, m.end) : undefined;
    if (m && a?.negated && !a.uncertain && a.trigger) into.noRedFlags = source.evidence(Math.min(m.start, a.trigger.start), m.end);
  }
}
