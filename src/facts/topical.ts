// Topical analgesics (CPMTG "Topical analgesics"): which ingredients of a topical product the
// guideline does not recommend, which fall under its general indication (neuropathic pain after
// antidepressants and anticonvulsants), and where a topical NSAID is to be applied.
import { defineFact, known, unknown, type FactContext, type FactDefinition } from './types.js';
import { drugsNamed, type Drug } from './drugs.js';
import { serviceDrugText } from './medication-use.js';
import type { Region } from '../request/vocabulary.js';

/** Every named ingredient of a topical product, kits expanded. */
function ingredients(ctx: FactContext): Drug[] {
  return drugsNamed(serviceDrugText(ctx)).filter((d) => !d.categories.includes('compounding-kit'));
}

const isLidocainePatch = (text: string): boolean => /lidoderm|patch/.test(text) && !/cream|ointment|lotion|\bgel\b|spray/.test(text);

/** Why the guideline does not recommend an ingredient as a topical, or undefined when it may. */
function notRecommendedReason(d: Drug, text: string): string | undefined {
  if (d.categories.includes('nsaid') && d.generic !== 'diclofenac')
    return `${d.generic} (not an FDA-approved topical NSAID; diclofenac is the only one)`;
  if (d.categories.includes('muscle-relaxant')) return `${d.generic} (no evidence for any muscle relaxant as a topical product)`;
  if (d.categories.includes('anticonvulsant')) return `${d.generic} (no peer-reviewed literature supports topical antiepilepsy drugs)`;
  if (d.generic === 'lidocaine' && !isLidocainePatch(text))
    return 'lidocaine other than a dermal patch (no other topical formulation is indicated for neuropathic pain)';
  return undefined;
}

/** Ingredients the guideline addresses with their own indication (not the general neuropathic one). */
const OWN_INDICATION = (d: Drug): boolean =>
  d.generic === 'diclofenac' ||
  d.categories.includes('salicylate') ||
  d.categories.includes('counterirritant') ||
  d.categories.includes('capsaicin');

/** Joints a topical NSAID suits; the spine, hip and shoulder are not. */
const AMENABLE: ReadonlySet<Region> = new Set(['ankle', 'elbow', 'foot', 'hand', 'knee', 'wrist', 'forearm', 'leg']);

export const topicalFacts: FactDefinition[] = [
  defineFact<readonly string[]>({
    id: 'topical.notRecommended',
    type: 'list',
    description:
      'Ingredients of a topical product the guideline does not recommend: NSAIDs other than diclofenac, muscle relaxants, antiepilepsy drugs, lidocaine other than a patch. Empty when none.',
    reads: ['services[].name', 'services[].label', 'services[].text'],
    derive: (ctx) => {
      const text = serviceDrugText(ctx);
      const reasons = ingredients(ctx)
        .map((d) => notRecommendedReason(d, text))
        .filter((r): r is string => r !== undefined);
      return known(
        reasons,
        reasons.length > 0
          ? reasons.map((r) => `services[${ctx.service.index}] contains ${r}`)
          : [`services[${ctx.service.index}]: no ingredient the guideline rejects`],
      );
    },
  }),
  defineFact<boolean>({
    id: 'topical.generalIndication',
    type: 'boolean',
    description:
      'The product contains an agent (or an unidentified agent) for which the guideline gives only its general indication for topical analgesics: neuropathic pain after antidepressants and anticonvulsants have failed (lidocaine patch, local anesthetics, NMDA antagonists, steroids, others).',
    reads: ['services[].name', 'services[].label', 'services[].text'],
    derive: (ctx) => {
      const text = serviceDrugText(ctx);
      const named = ingredients(ctx);
      if (named.length === 0) return known(true, [`services[${ctx.service.index}]: ingredients not identified`]);
      const general = named.filter((d) => !OWN_INDICATION(d) && notRecommendedReason(d, text) === undefined);
      return known(
        general.length > 0,
        general.length > 0
          ? general.map((d) => `services[${ctx.service.index}] contains ${d.generic}`)
          : [`services[${ctx.service.index}]: every ingredient has its own indication`],
      );
    },
  }),
  defineFact<boolean>({
    id: 'topical.jointAmenable',
    type: 'boolean',
    description:
      'Where the topical is applied lends itself to topical treatment (ankle, elbow, foot, hand, knee, wrist), not the spine, hip or shoulder: the service regions, else the injured regions; not documented when the injured regions are mixed.',
    reads: ['services[].region', 'services[].regions', 'services[].label', 'injury.regions'],
    derive: (ctx) => {
      const stated = ctx.service.regions;
      const injured = ctx.request.raw.injury?.regions ?? [];
      const regions = stated.length > 0 ? stated : injured;
      const source = stated.length > 0 ? `services[${ctx.service.index}] regions` : 'injury.regions';
      if (regions.length === 0) return unknown(['where the topical is to be applied is not stated']);
      const evidence = [`${source} = ${regions.join(', ')}`];
      if (regions.every((r) => AMENABLE.has(r))) return known(true, evidence);
      if (stated.length > 0 || regions.every((r) => !AMENABLE.has(r))) return known(false, evidence);
      return unknown([...evidence, 'which injured region the topical is for is not stated']);
    },
  }),
];
