// Facts about a requested medication and the worker's current medications, including the
// monitoring the opioid guidelines require (the "4 A's", CURES, drug screens: the flags when
// stated, else the record's own words), the daily morphine-equivalent dose and the opioid's use
// (post-operative course, long-acting form).
import { defineFact, known, unknown, type Fact, type FactContext, type FactDefinition } from './types.js';
import { indexed } from './record.js';
import { termInRecord, type TermId } from './record-terms.js';
import type { Medication } from '../request/schema.js';

import { drugClassOfName } from './drugs.js';
import { morphineEquivalentOf, type DoseSource } from './medication-dose.js';

export function isOpioidName(name: string): boolean {
  return drugClassOfName(name) === 'opioid';
}

export function isOpioidMedication(m: Pick<Medication, 'name' | 'opioid' | 'drugClass'>): boolean {
  return m.opioid === true || m.drugClass === 'opioid' || (m.opioid !== false && isOpioidName(m.name));
}

function serviceName(ctx: FactContext): string {
  const s = ctx.service.raw;
  return `${s.name ?? ''} ${s.label ?? ''} ${s.text ?? ''}`;
}

const LONG_ACTING =
  /\b(?:er|xr|sr|cr|xl|la)\b|extended[- ]release|long[- ]acting|sustained[- ]release|controlled[- ]release|oxycontin|ms ?contin|kadian|hysingla|zohydro|xtampza|exalgo|duragesic|fentanyl|butrans|belbuca|methadone/;

function currentOpioids(ctx: FactContext) {
  return indexed(ctx.request.raw.medications, 'medications').filter((m) => isOpioidMedication(m.item));
}

const MONITORING = [
  ['analgesia', 'Analgesia (pain relief with the opioid) is documented.'],
  ['activities', 'Activities of daily living / function on the opioid are documented.'],
  ['adverseEffects', 'Adverse side effects are assessed and documented.'],
  ['aberrantBehavior', 'Aberrant drug-taking behavior is assessed and documented.'],
  ['urineDrugScreen', 'Urine drug screening is documented.'],
  ['painScores', 'Pain scores with and without the opioid are documented.'],
  ['treatmentAgreement', 'A signed opioid treatment agreement is documented.'],
  ['cures', 'The state prescription drug monitoring database (CURES) was checked before prescribing.'],
  ['riskScreening', 'The worker was screened for risk of addiction or adverse events before chronic opioid treatment.'],
] as const;

const MEDS =
  '(?:the |her |his )?(?:current )?(?:pain )?(?:medications?|meds|opioids?|narcotics?|norco|percocet|tramadol|ultram|oxycodone|hydrocodone|oxycontin)';

/** Monitoring steps whose words are the vocabulary's terms (vocab/record-terms.yaml `terms`): the one list a rule author extends. */
const WORDED_STEPS: ReadonlySet<string> = new Set<TermId>(['painScores', 'treatmentAgreement', 'cures', 'riskScreening']);
type StepInCode = Exclude<(typeof MONITORING)[number][0], 'painScores' | 'treatmentAgreement' | 'cures' | 'riskScreening'>;

/**
 * Words by which a record states the four A's and drug screens in its own text: these tie a
 * phrase to the medication within a clause and read "no side effects" as an assessment, which
 * the vocabulary's phrase lists cannot yet express.
 */
const MONITORING_WORDS: Readonly<Record<StepInCode, RegExp>> = {
  analgesia: new RegExp(
    String.raw`\banalgesia\b|(?:pain relief|relief|reduc\w* (?:the )?pain|decreas\w* (?:the )?pain|pain (?:is )?reduced)[^.;]{0,30}\b(?:with|from|on|by) MEDS|MEDS[^.;]{0,30}\b(?:relieves?|reduces?|decreases?|helps?) (?:the )?pain`.replaceAll(
      'MEDS',
      MEDS,
    ),
  ),
  activities: new RegExp(
    String.raw`(?:activities of daily living|\badls?\b|function\w*|able to \w+)[^.;]{0,40}\b(?:with|from|on|because of|due to) MEDS|MEDS[^.;]{0,30}\b(?:allows?|enables?|improves?|helps?)\b[^.;]{0,30}(?:function|activit|adls?|work|walk)`.replaceAll(
      'MEDS',
      MEDS,
    ),
  ),
  adverseEffects: /side[- ]effects?|adverse (?:effects?|reactions?)/,
  aberrantBehavior: /aberrant|drug[- ]seeking|misuse|diversion/,
  urineDrugScreen: /urine (?:drug|tox\w*)|\buds\b|\budt\b|drug (?:screen|test)|toxicology screen/,
};
/** The step itself not done ("CURES not checked", "no documented screening"). */
const NOT_DONE =
  /\bnot (?:yet )?(?:been )?(?:done|performed|checked|reviewed|completed|documented|assessed|obtained|provided|addressed|discussed)\b|\b(?:pending|awaited|to be (?:done|checked|obtained))\b|\bno (?:documented|documentation|evidence|record)\b|\bnever\b|\black(?:s|ing)? of\b|\bfail(?:s|ed)? to\b|\bwithout (?:a |any )?(?:documented )?(?:check|screening|review)/;
/** A clause that continues the previous clause's list ("…; of a CURES report"). */
const LIST_CONTINUATION = /^(?:of|and|or|nor)\b/;
/** A negation right before the step ("no urine drug screen", "without CURES"). */
const NEGATED_BEFORE = /\b(?:no|not|without|never)\b(?:\s+\S+){0,2}\s*$/;
/** Steps whose finding is the assessment: "no aberrant behavior", "denies side effects" state them assessed. */
const FINDING_STEPS: ReadonlySet<string> = new Set(['adverseEffects', 'aberrantBehavior']);

function negatedStep(field: StepInCode, clause: string, words: RegExp): boolean {
  if (NOT_DONE.test(clause)) return true;
  if (FINDING_STEPS.has(field)) return false;
  const m = words.exec(clause);
  return m !== null && NEGATED_BEFORE.test(clause.slice(0, m.index));
}

/** The record's own words (notes and the text of every item), clause by clause. */
function recordClauses(ctx: FactContext): { path: string; clause: string }[] {
  const r = ctx.request.raw;
  const texts: { path: string; text: string | undefined }[] = [
    { path: 'documentation.notes', text: r.documentation?.notes },
    ...indexed(r.medications, 'medications').map((m) => ({ path: `${m.path}.text`, text: m.item.text })),
    ...indexed(r.treatments, 'treatments').map((t) => ({ path: `${t.path}.text`, text: t.item.text })),
    ...indexed(r.studies, 'studies').map((t) => ({ path: `${t.path}.text`, text: t.item.text })),
    ...indexed(r.diagnoses, 'diagnoses').map((d) => ({ path: d.path, text: typeof d.item === 'string' ? d.item : d.item.text })),
  ];
  return texts.flatMap((t) => {
    const clauses = (t.text ?? '')
      .toLowerCase()
      .split(/[.;\n]+/)
      .map((c) => c.trim())
      .filter((c) => c !== '');
    // a clause continuing a list ("lack of documentation of X; of Y; and Z") keeps the head's negation
    const joined: string[] = [];
    for (const [i, clause] of clauses.entries())
      joined.push(i > 0 && LIST_CONTINUATION.test(clause) ? `${joined[i - 1]} ${clause}` : clause);
    return joined.map((clause) => ({ path: t.path, clause }));
  });
}

/**
 * A monitoring step: the opioidMonitoring flag when stated; else the record's words (a clause
 * naming the step without negation states it was done; only negated mentions state it was not).
 * A urine drug screen may also be a study or treatment of its own, or a screen requested with the opioid.
 */
function monitoringFlag(ctx: FactContext, field: (typeof MONITORING)[number][0]): Fact<boolean> {
  const value = ctx.request.raw.documentation?.opioidMonitoring?.[field];
  if (value !== undefined) return known(value, [`documentation.opioidMonitoring.${field} = ${value}`]);
  if (field === 'urineDrugScreen') {
    const screens = ctx.request.services
      .filter((s) => s.kind === 'urine-drug-screen')
      .map((s) => `services[${s.index}] = urine drug screen${s.raw.requested === false ? ' (done)' : ' (ordered with it)'}`);
    if (screens.length > 0) return known(true, screens);
  }
  if (WORDED_STEPS.has(field)) {
    const words = termInRecord(ctx.request.raw, field as TermId);
    return words.value !== undefined
      ? words
      : unknown([`documentation.opioidMonitoring.${field} not stated, and the record's text does not mention it`]);
  }
  const step = field as StepInCode;
  const words = MONITORING_WORDS[step];
  const hits = recordClauses(ctx).filter((c) => words.test(c.clause));
  const positive = hits.filter((c) => !negatedStep(step, c.clause, words));
  if (positive.length > 0)
    return known(
      true,
      positive.map((c) => `${c.path}: "${c.clause}"`),
    );
  if (hits.length > 0)
    return known(
      false,
      hits.map((c) => `${c.path}: "${c.clause}"`),
    );
  return unknown([`documentation.opioidMonitoring.${field} not stated, and the record's text does not mention it`]);
}

/** The opioids counted toward the daily dose: every requested opioid, and each listed one no request replaces. */
function totalMorphineEquivalent(ctx: FactContext): Fact<number> {
  const requested: DoseSource[] = ctx.request.services
    .filter(
      (s) =>
        s.kind === 'medication' &&
        s.requested &&
        isOpioidMedication({ name: `${s.raw.name ?? ''} ${s.raw.label ?? ''} ${s.raw.text ?? ''}`, drugClass: s.raw.drugClass }),
    )
    .map((s) => ({
      path: `services[${s.index}]`,
      name: `${s.raw.name ?? ''} ${s.raw.label ?? ''}`,
      strength: s.raw.strength,
      directions: `${s.raw.label ?? ''} ${s.raw.text ?? ''}`,
      quantity: s.raw.quantity,
      unit: s.raw.unit,
      stated: s.raw.morphineEquivalentDaily,
    }));
  const listed: DoseSource[] = currentOpioids(ctx).map((m) => ({
    path: m.path,
    name: m.item.name,
    strength: m.item.strength,
    directions: `${m.item.name} ${m.item.text ?? ''}`,
    quantity: undefined,
    unit: undefined,
    stated: m.item.morphineEquivalentDaily,
  }));
  const listedParts = listed.map(morphineEquivalentOf);
  // a requested opioid without directions renews the listed one at the dose taken
  const requestedParts = requested.map(morphineEquivalentOf).map((p) => {
    if (p.mg !== undefined) return p;
    const same = listedParts.find((l) => l.mg !== undefined && l.drugs.some((d) => p.drugs.includes(d)));
    return same ? { ...p, mg: same.mg, evidence: `${p.evidence}; renews ${same.evidence}` } : p;
  });
  // a listed opioid the request renews or changes counts once, at the requested dose
  const requestedDrugs = new Set(requestedParts.flatMap((p) => p.drugs));
  const counted = [...requestedParts, ...listedParts.filter((p) => !p.drugs.some((d) => requestedDrugs.has(d)))];
  if (counted.length === 0) return unknown(['no opioid taken or requested']);
  const known_ = counted.filter((p) => p.mg !== undefined);
  const total = Math.round(known_.reduce((n, p) => n + p.mg!, 0) * 10) / 10;
  const evidence = counted.map((p) => p.evidence);
  return known_.length === counted.length ? known(total, evidence) : unknown(evidence);
}

export const medicationFacts: FactDefinition[] = [
  defineFact<boolean>({
    id: 'medication.isOpioid',
    type: 'boolean',
    description: 'The requested medication is an opioid (by drug class or name).',
    reads: ['services[].drugClass', 'services[].name', 'services[].label'],
    derive: (ctx) => {
      const s = ctx.service.raw;
      if (s.drugClass) return known(s.drugClass === 'opioid', [`services[${ctx.service.index}].drugClass = ${s.drugClass}`]);
      return isOpioidName(serviceName(ctx))
        ? known(true, [`services[${ctx.service.index}] names an opioid`])
        : known(false, [`services[${ctx.service.index}] names no opioid`]);
    },
  }),
  defineFact<string>({
    id: 'medication.drugClass',
    type: 'string',
    description: 'Drug class of the requested medication (opioid, nsaid, muscle-relaxant, …).',
    reads: ['services[].drugClass', 'services[].name'],
    derive: (ctx) => {
      const s = ctx.service.raw;
      if (s.drugClass) return known(s.drugClass, [`services[${ctx.service.index}].drugClass = ${s.drugClass}`]);
      const named = drugClassOfName(serviceName(ctx), s.route);
      return named
        ? known(named, [`services[${ctx.service.index}] names a ${named} medication`])
        : unknown([`services[${ctx.service.index}].drugClass not stated`]);
    },
  }),
  defineFact<boolean>({
    id: 'medication.opioidOngoing',
    type: 'boolean',
    description:
      'The worker is already taking an opioid (current medication list or opioid treatment), so this is ongoing management rather than initiation.',
    reads: ['medications[]', 'treatments[]'],
    derive: (ctx) => {
      const meds = currentOpioids(ctx);
      const treatments = indexed(ctx.request.raw.treatments, 'treatments').filter((t) => t.item.kind === 'opioid');
      const evidence = [...meds.map((m) => `${m.path}.name = ${m.item.name}`), ...treatments.map((t) => `${t.path}.kind = opioid`)];
      if (evidence.length > 0) return known(true, evidence);
      return ctx.request.raw.medications ? known(false, ['medications: no opioid listed']) : unknown(['medications not listed']);
    },
  }),
  defineFact<boolean>({
    id: 'medication.opioidFunctionImproved',
    type: 'boolean',
    description:
      'Function improved on the opioid: the flag on the opioid the worker takes (medications[].functionImproved) when stated, else the record-level documentation.functionalImprovement.',
    reads: ['medications[].functionImproved', 'documentation.functionalImprovement'],
    derive: (ctx) => {
      const flagged = currentOpioids(ctx).filter((m) => m.item.functionImproved !== undefined);
      if (flagged.length > 0) {
        const improved = flagged.filter((m) => m.item.functionImproved === true);
        const shown = improved.length > 0 ? improved : flagged;
        return known(
          improved.length > 0,
          shown.map((m) => `${m.path}.functionImproved = ${m.item.functionImproved}`),
        );
      }
      const flag = ctx.request.raw.documentation?.functionalImprovement;
      return flag === undefined
        ? unknown(['functional improvement on the opioid not stated'])
        : known(flag, [`documentation.functionalImprovement = ${flag}`]);
    },
  }),
  defineFact<boolean>({
    id: 'medication.opioidLongActing',
    type: 'boolean',
    description:
      'The requested opioid is a long-acting (extended-release or transdermal) form: ER/XR/SR/CR in its words, a long-acting brand (OxyContin, MS Contin, Kadian, Hysingla, Zohydro, Xtampza, Exalgo, Nucynta ER), a patch (fentanyl, buprenorphine) or methadone.',
    reads: ['services[].name', 'services[].label', 'services[].text', 'services[].route'],
    derive: (ctx) => {
      const words = serviceName(ctx).toLowerCase();
      const path = `services[${ctx.service.index}]`;
      const hit = LONG_ACTING.exec(words) ?? (ctx.service.raw.route === 'transdermal' ? ['transdermal'] : null);
      return hit
        ? known(true, [`${path} names a long-acting form ("${hit[0]}")`])
        : known(false, [`${path}: no extended-release or long-acting form named`]);
    },
  }),
  defineFact<boolean>({
    id: 'medication.withSurgery',
    type: 'boolean',
    description:
      'The medication is for the period after a surgery: requested `for:` a surgery or labelled post-operative, or requested together with a surgery in this request.',
    reads: ['services[].for', 'services[].label', 'services[].text', 'services[].kind'],
    derive: (ctx) => {
      const stated = ctx.get<boolean>('procedure.postoperative');
      if (stated.value === true) return stated;
      const surgeries = ctx.request.services.filter((s) => s.kind === 'surgery' && s.requested);
      return surgeries.length > 0
        ? known(
            true,
            surgeries.map((s) => `services[${s.index}] = surgery requested with it`),
          )
        : known(false, [...stated.evidence, 'no surgery requested with it']);
    },
  }),
  defineFact<boolean>({
    id: 'medication.opioidPostoperative',
    type: 'boolean',
    description:
      'The requested opioid is for pain after surgery, a short course not judged by long-term monitoring: requested `for:` a surgery or labelled post-operative, or requested with a surgery in this request while the worker is not documented to take an opioid already.',
    reads: ['services[].for', 'services[].label', 'services[].text', 'services[].kind', 'medications[]', 'treatments[]'],
    derive: (ctx) => {
      const stated = ctx.get<boolean>('procedure.postoperative');
      if (stated.value === true) return stated;
      const withSurgery = ctx.get<boolean>('medication.withSurgery');
      if (withSurgery.value !== true) return withSurgery;
      const ongoing = ctx.get<boolean>('medication.opioidOngoing');
      if (ongoing.value === true)
        return known(false, [
          ...ongoing.evidence,
          'the worker already takes an opioid: the surgery does not make it a post-operative course',
        ]);
      // with no medication list, an opioid requested with a surgery is read as the surgery's course
      return known(true, [...withSurgery.evidence, ...ongoing.evidence]);
    },
  }),
  ...MONITORING.map(([field, description]) =>
    defineFact<boolean>({
      id: `medication.opioidMonitoring.${field}`,
      type: 'boolean',
      description: `${description} From the opioidMonitoring flag, else the record's own words (notes, item text; a negated mention is false).`,
      reads: [
        `documentation.opioidMonitoring.${field}`,
        'documentation.notes',
        'medications[].text',
        'treatments[].text',
        'studies[].text',
        'diagnoses[]',
        ...(field === 'urineDrugScreen' ? ['services[].kind'] : []),
      ],
      derive: (ctx) => monitoringFlag(ctx, field),
    }),
  ),
  defineFact<number>({
    id: 'medication.morphineEquivalentDaily',
    type: 'number',
    description:
      "Total daily oral morphine equivalent (mg) across the opioids the worker takes and those requested (a requested opioid replaces the same drug on the list): as stated, else computed from drug, strength and directions (doses a day, or quantity over days). Not documented when any opioid's dose cannot be computed.",
    reads: [
      'medications[].morphineEquivalentDaily',
      'medications[].strength',
      'medications[].text',
      'services[].morphineEquivalentDaily',
      'services[].strength',
      'services[].quantity',
      'services[].label',
      'services[].text',
    ],
    derive: (ctx) => totalMorphineEquivalent(ctx),
  }),
];
