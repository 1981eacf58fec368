// Facts about a requested medication and the worker's current medications, including the
// monitoring the opioid guidelines require (the "4 A's").
import { defineFact, known, unknown, type Fact, type FactContext, type FactDefinition } from './types.js';
import { indexed } from './record.js';
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

function monitoringFlag(ctx: FactContext, field: (typeof MONITORING)[number][0]): Fact<boolean> {
  const value = ctx.request.raw.documentation?.opioidMonitoring?.[field];
  return value === undefined ? unknown([`documentation.opioidMonitoring.${field} not stated`]) : known(value, [`documentation.opioidMonitoring.${field} = ${value}`]);
}

/** The opioids counted toward the daily dose: every requested opioid, and each listed one no request replaces. */
function totalMorphineEquivalent(ctx: FactContext): Fact<number> {
  const requested: DoseSource[] = ctx.request.services
    .filter((s) => s.kind === 'medication' && s.raw.requested !== false && (s.id === ctx.service.id || isOpioidMedication({ name: `${s.raw.name ?? ''} ${s.raw.label ?? ''}`, drugClass: s.raw.drugClass })))
    .filter((s) => s.id !== ctx.service.id || isOpioidMedication({ name: serviceName(ctx), drugClass: s.raw.drugClass }))
    .map((s) => ({ path: `services[${s.index}]`, name: `${s.raw.name ?? ''} ${s.raw.label ?? ''}`, strength: s.raw.strength, directions: `${s.raw.label ?? ''} ${s.raw.text ?? ''}`, quantity: s.raw.quantity, unit: s.raw.unit, stated: s.raw.morphineEquivalentDaily }));
  const listed: DoseSource[] = currentOpioids(ctx)
    .map((m) => ({ path: m.path, name: m.item.name, strength: m.item.strength, directions: `${m.item.name} ${m.item.text ?? ''}`, quantity: undefined, unit: undefined, stated: m.item.morphineEquivalentDaily }));
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
    id: 'service.isOpioid', type: 'boolean', description: 'The requested medication is an opioid (by drug class or name).', reads: ['services[].drugClass', 'services[].name', 'services[].label'],
    derive: (ctx) => {
      const s = ctx.service.raw;
      if (s.drugClass) return known(s.drugClass === 'opioid', [`services[${ctx.service.index}].drugClass = ${s.drugClass}`]);
      return isOpioidName(serviceName(ctx)) ? known(true, [`services[${ctx.service.index}] names an opioid`]) : known(false, [`services[${ctx.service.index}] names no opioid`]);
    },
  }),
  defineFact<string>({
    id: 'service.drugClass', type: 'string', description: 'Drug class of the requested medication (opioid, nsaid, muscle-relaxant, …).', reads: ['services[].drugClass', 'services[].name'],
    derive: (ctx) => {
      const s = ctx.service.raw;
      if (s.drugClass) return known(s.drugClass, [`services[${ctx.service.index}].drugClass = ${s.drugClass}`]);
      const named = drugClassOfName(serviceName(ctx), s.route);
      return named ? known(named, [`services[${ctx.service.index}] names a ${named} medication`]) : unknown([`services[${ctx.service.index}].drugClass not stated`]);
    },
  }),
  defineFact<boolean>({
    id: 'opioid.ongoing', type: 'boolean',
    description: 'The worker is already taking an opioid (current medication list or opioid treatment), so this is ongoing management rather than initiation.',
    reads: ['medications[]', 'treatments[]'],
    derive: (ctx) => {
      const meds = currentOpioids(ctx);
      const treatments = indexed(ctx.request.raw.treatments, 'treatments').filter((t) => t.item.kind === 'opioid');
      const evidence = [...meds.map((m) => `${m.path}.name = ${m.item.name}`), ...treatments.map((t) => `${t.path}.kind = opioid`)];
      if (evidence.length > 0) return known(true, evidence);
      return ctx.request.raw.medications ? known(false, ['medications: no opioid listed']) : unknown(['medications not listed']);
    },
  }),
  ...MONITORING.map(([field, description]) => defineFact<boolean>({
    id: `opioid.monitoring.${field}`, type: 'boolean', description, reads: [`documentation.opioidMonitoring.${field}`],
    derive: (ctx) => monitoringFlag(ctx, field),
  })),
  defineFact<number>({
    id: 'opioid.morphineEquivalentDaily', type: 'number',
    description: 'Total daily oral morphine equivalent (mg) across the opioids the worker takes and those requested (a requested opioid replaces the same drug on the list): as stated, else computed from drug, strength and directions (doses a day, or quantity over days). Not documented when any opioid\'s dose cannot be computed.',
    reads: ['medications[].morphineEquivalentDaily', 'medications[].strength', 'medications[].text', 'services[].morphineEquivalentDaily', 'services[].strength', 'services[].quantity', 'services[].label', 'services[].text'],
    derive: (ctx) => totalMorphineEquivalent(ctx),
  }),
];
