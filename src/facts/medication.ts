// Facts about a requested medication and the worker's current medications, including the
// monitoring the opioid guidelines require (the "4 A's").
import { termInRecord } from './record-terms.js';
import { defineFact, known, unknown, type Fact, type FactContext, type FactDefinition } from './types.js';
import { indexed } from './record.js';
import type { Medication } from '../request/schema.js';

import { drugClassOfName } from './drugs.js';

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
  if (value !== undefined) return known(value, [`documentation.opioidMonitoring.${field} = ${value}`]);
  // the additions' flags can also be stated in the record's words (vocab/record-terms.yaml)
  const words = field === 'painScores' || field === 'treatmentAgreement' || field === 'cures' || field === 'riskScreening'
    ? termInRecord(ctx.request.raw, field) : undefined;
  return words?.value !== undefined ? words : unknown([`documentation.opioidMonitoring.${field} not stated`]);
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
    description: 'Total daily oral morphine equivalent (mg) across current opioids and the requested one when it is not already taken.',
    reads: ['medications[].morphineEquivalentDaily', 'services[].morphineEquivalentDaily'],
    derive: (ctx) => {
      const meds = currentOpioids(ctx);
      const withMed = meds.filter((m) => m.item.morphineEquivalentDaily !== undefined);
      const requested = ctx.service.raw.morphineEquivalentDaily;
      const name = serviceName(ctx).toLowerCase();
      const alreadyTaken = meds.some((m) => name.includes(m.item.name.toLowerCase().split(/[\s/]/)[0] ?? '\u0000'));
      let total = withMed.reduce((n, m) => n + m.item.morphineEquivalentDaily!, 0);
      const evidence = withMed.map((m) => `${m.path}.morphineEquivalentDaily = ${m.item.morphineEquivalentDaily}`);
      if (requested !== undefined && !alreadyTaken) { total += requested; evidence.push(`services[${ctx.service.index}].morphineEquivalentDaily = ${requested}`); }
      if (requested !== undefined && alreadyTaken && withMed.length === 0) { total = requested; evidence.push(`services[${ctx.service.index}].morphineEquivalentDaily = ${requested}`); }
      return evidence.length > 0 ? known(total, evidence) : unknown(['morphine equivalent dose not stated']);
    },
  }),
];
