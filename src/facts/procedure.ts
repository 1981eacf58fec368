// Facts about how an injection is to be done: guidance, sedation, what else is done the same
// day, how many injections, what is injected; and trigger points on exam.
import { defineFact, known, unknown, type FactDefinition } from './types.js';
import { examFindings, isNegative, isPositive, itemInRegion, serviceSpine, findingInSpine } from './record.js';
import { INJECTION_SERVICE_KINDS } from '../request/vocabulary.js';
import { quantityInText } from '../request/visits.js';
import { parseLevels } from '../request/levels.js';

const APPROACH_WORDS: ReadonlyArray<[string, RegExp]> = [
  ['transforaminal', /transforaminal|\btfesi\b|\btf ?esi\b|\bselective nerve root block\b|\bsnrb\b/],
  ['interlaminar', /interlaminar|translaminar|\bilesi\b|\bil ?esi\b/],
  ['caudal', /caudal/],
];

/** Spinal motion segments or ranges a label names ("L4-5 and L5-S1", "L3-S1"), normalized. */
function levelsInWords(words: string): string[] {
  const found = new Set<string>();
  for (const m of words.toUpperCase().matchAll(/\b[CTL]\d{1,2}\s*-\s*[CTLS]?\d{1,2}\b/g)) {
    const parsed = parseLevels(m[0].replace(/\s+/g, ''));
    if (parsed.ok) parsed.levels.forEach((l) => found.add(l));
  }
  return [...found];
}

/** What a trigger-point finding's words say about a twitch response or referred pain (undefined: silent). */
const TRIGGER_POINT_WORDS: Record<'twitchResponse' | 'referredPain', (text: string) => boolean | undefined> = {
  twitchResponse: (t) => (/\b(?:no|without|absent|negative)\b[^.;]{0,20}twitch/.test(t) ? false : /twitch/.test(t) ? true : undefined),
  referredPain: (t) =>
    /\b(?:no|without|absent|negative)\b[^.;]{0,20}(?:referred|referral|radiat)/.test(t)
      ? false
      : /referred pain|referral pattern|refers pain|radiat/.test(t)
        ? true
        : undefined,
};

/** The level an add-on line names by its ordinal ("2ND LEVEL", "third level"): that many levels at least. */
const ORDINALS: Record<string, number> = { first: 1, second: 2, third: 3, fourth: 4, fifth: 5 };
function ordinalLevel(words: string): number | undefined {
  const m = /\b([1-5])(?:st|nd|rd|th)\s+level|\b(first|second|third|fourth|fifth)\s+level/.exec(words);
  if (!m) return undefined;
  return m[1] !== undefined ? Number(m[1]) : ORDINALS[m[2]!];
}

const INJECTATES_NOT_ANESTHETIC = /botox|botulinum|saline|dextrose|glucose|sarapin|prolotherap|ozone|b-?12|traumeel|morrhuate|hyaluron/;

export const procedureFacts: FactDefinition[] = [
  defineFact<boolean>({
    id: 'procedure.postoperative',
    type: 'boolean',
    description: 'The service is for the period after a surgery: requested `for:` a surgery, or labelled post-operative.',
    reads: ['services[].for', 'services[].label'],
    derive: ({ request, service }) => {
      const primary = service.raw.for ? request.byId.get(service.raw.for) : undefined;
      if (primary?.kind === 'surgery') return known(true, [`services[${service.index}].for = ${primary.id} (surgery)`]);
      if (/\bpost[- ]?op(erative)?\b|after surgery/.test(service.words))
        return known(true, [`services[${service.index}].label says post-operative`]);
      return known(false, ['not requested for a surgery']);
    },
  }),
  defineFact<boolean>({
    id: 'procedure.sedation',
    type: 'boolean',
    description: 'IV sedation or anesthesia is requested with the procedure (a service `for:` it, or named in its label).',
    reads: ['services[].for', 'services[].label'],
    derive: ({ request, service }) => {
      const assoc = request.services.filter((s) => s.raw.for === service.id && (s.kind === 'iv-sedation' || s.kind === 'anesthesia'));
      if (assoc.length > 0)
        return known(
          true,
          assoc.map((s) => `services[${s.index}].kind = ${s.kind}`),
        );
      if (/sedation|anesthesia|anaesthesia|mac\b/.test(service.words))
        return known(true, [`services[${service.index}].label mentions sedation`]);
      return known(false, ['services: no sedation requested']);
    },
  }),
  defineFact<boolean>({
    id: 'procedure.fluoroscopy',
    type: 'boolean',
    description: 'The injection is to be done under fluoroscopic guidance (a guidance service `for:` it, or stated in its label).',
    reads: ['services[].for', 'services[].label'],
    derive: ({ request, service }) => {
      const assoc = request.services.filter((s) => s.raw.for === service.id && s.kind === 'fluoroscopic-guidance');
      if (assoc.length > 0)
        return known(
          true,
          assoc.map((s) => `services[${s.index}].kind = fluoroscopic-guidance`),
        );
      if (/fluoro|image[- ]guid|c-arm|x-ray guid/.test(service.words))
        return known(true, [`services[${service.index}].label states fluoroscopic guidance`]);
      return unknown(['services: fluoroscopic guidance not stated']);
    },
  }),
  defineFact<readonly string[]>({
    id: 'procedure.sameDayInjections',
    type: 'list',
    description: 'Other injection services in the request dated the same day as this one.',
    reads: ['services[].date', 'services[].kind'],
    derive: ({ request, service }) => {
      const date = service.raw.date;
      const same =
        date === undefined
          ? []
          : request.services.filter(
              (s) =>
                s.id !== service.id &&
                s.raw.date === date &&
                INJECTION_SERVICE_KINDS.has(s.kind) &&
                s.kind !== service.kind &&
                s.raw.for !== service.id,
            );
      return known(
        same.map((s) => s.kind),
        same.length > 0
          ? same.map((s) => `services[${s.index}] = ${s.kind} on ${date}`)
          : ['services: no other injection dated the same day'],
      );
    },
  }),
  defineFact<string>({
    id: 'procedure.approach',
    type: 'string',
    description:
      'Epidural injection approach: its `approach`, else the one its label or text names (transforaminal / TFESI, interlaminar / translaminar, caudal); not documented when none or several are named.',
    reads: ['services[].approach', 'services[].label', 'services[].text'],
    derive: ({ service }) => {
      if (service.raw.approach) return known(service.raw.approach, [`services[${service.index}].approach = ${service.raw.approach}`]);
      const named = APPROACH_WORDS.filter(([, re]) => re.test(service.words)).map(([a]) => a);
      return named.length === 1
        ? known(named[0]!, [`services[${service.index}].label/text names ${named[0]}`])
        : unknown([`services[${service.index}].approach not stated${named.length > 1 ? ` (label names ${named.join(' and ')})` : ''}`]);
    },
  }),
  defineFact<string>({
    id: 'procedure.purpose',
    type: 'string',
    description:
      'Whether an injection is diagnostic or therapeutic: its `purpose`, else the one of the two words its label or text uses ("diagnostic medial branch block", "therapeutic facet injection"), else diagnostic for a facet injection or medial branch block when the request plans a neurotomy; not documented otherwise.',
    reads: ['services[].purpose', 'services[].label', 'services[].text', 'services[].kind'],
    derive: (ctx) => {
      const { service } = ctx;
      const stated = service.raw.purpose;
      if (stated === 'diagnostic' || stated === 'therapeutic') return known(stated, [`services[${service.index}].purpose = ${stated}`]);
      const diagnostic = /\bdiagnostic\b/.test(service.words);
      const therapeutic = /\btherapeutic\b/.test(service.words);
      if (diagnostic !== therapeutic) {
        const purpose = diagnostic ? 'diagnostic' : 'therapeutic';
        return known(purpose, [`services[${service.index}].label/text says ${purpose}`]);
      }
      if (!diagnostic && (service.kind === 'facet-joint-injection' || service.kind === 'medial-branch-block')) {
        // a block before a planned neurotomy is the diagnostic block the neurotomy requires
        const rf = ctx.get<boolean>('facet.neurotomyPlanned');
        if (rf.value === true)
          return known('diagnostic', [`services[${service.index}].purpose not stated; a neurotomy is planned`, ...rf.evidence]);
      }
      return unknown([`services[${service.index}].purpose not stated${diagnostic ? ' (label names both)' : ''}`]);
    },
  }),
  defineFact<number>({
    id: 'procedure.levelCount',
    type: 'number',
    description:
      'Spinal levels the procedure covers with its add-on level lines (`additional-level` services `for:` it): the distinct levels the procedure (its `levels`, else the segments its label names) and its add-ons list, or the highest level an add-on names by ordinal ("3RD LEVEL"), whichever is more; a bilateral level counts once.',
    reads: ['services[].levels', 'services[].for', 'services[].kind', 'services[].label'],
    derive: ({ request, service }) => {
      const addOns = request.services.filter((s) => s.raw.for === service.id && s.kind === 'additional-level');
      const own = service.levels.length > 0 ? service.levels : levelsInWords(service.words);
      const levels = new Set([...own, ...addOns.flatMap((s) => s.levels)]);
      const evidence =
        service.levels.length > 0
          ? [`services[${service.index}].levels = ${service.levels.join(', ')}`]
          : own.length > 0
            ? [`services[${service.index}].label/text names ${own.join(', ')}`]
            : [];
      let ordinal = 0;
      for (const s of addOns) {
        const n = ordinalLevel(s.words);
        if (s.levels.length > 0) evidence.push(`services[${s.index}] = additional level ${s.levels.join(', ')}`);
        if (n !== undefined) {
          ordinal = Math.max(ordinal, n);
          evidence.push(`services[${s.index}].label = ${s.raw.label ?? s.raw.text} (level ${n})`);
        }
      }
      const count = Math.max(levels.size, ordinal);
      return count > 0
        ? known(count, [...evidence, `${count} level${count === 1 ? '' : 's'}`])
        : unknown([`services[${service.index}].levels not given`]);
    },
  }),
  defineFact<number>({
    id: 'procedure.injectionCount',
    type: 'number',
    description:
      'Injections requested in the session: quantity, or the count stated in the label ("x 3", "three trigger point injections"); one for a joint injection (kind `injection`) requested without a count.',
    reads: ['services[].quantity', 'services[].label'],
    derive: ({ service }) => {
      if (service.raw.quantity !== undefined)
        return known(service.raw.quantity, [`services[${service.index}].quantity = ${service.raw.quantity}`]);
      const n = quantityInText(service.words);
      if (n !== undefined) return known(n, [`services[${service.index}].label = ${service.raw.label ?? service.raw.text}`]);
      // a joint injection requested on one line without a count is one injection (trigger points and
      // spinal levels are counted on their own: their labels name them)
      if (service.kind === 'injection') return known(1, [`services[${service.index}] requests an injection; no quantity stated`]);
      return unknown([`services[${service.index}].quantity not given`]);
    },
  }),
  defineFact<boolean>({
    id: 'procedure.injectateOtherThanAnesthetic',
    type: 'boolean',
    description:
      'The label names an injectate other than local anesthetic with or without steroid (botulinum toxin, saline, dextrose, Sarapin, …).',
    reads: ['services[].label', 'services[].text'],
    derive: ({ service }) => {
      const m = INJECTATES_NOT_ANESTHETIC.exec(service.words);
      return m
        ? known(true, [`services[${service.index}].label names ${m[0]}`])
        : known(false, ['label names local anesthetic/steroid or no injectate']);
    },
  }),
  defineFact<boolean>({
    id: 'procedure.triggerPoints.documented',
    type: 'boolean',
    description: 'Trigger points found on exam in the region.',
    reads: ['exam[]'],
    derive: (ctx) => {
      const spine = serviceSpine(ctx.service);
      const tps = examFindings(ctx.request.raw, 'trigger-point').filter(
        (e) => findingInSpine(e.item, spine) && itemInRegion(e.item.region, ctx.service),
      );
      const positive = tps.filter((e) => isPositive(e.item));
      if (positive.length > 0)
        return known(
          true,
          positive.map((e) => `${e.path} = trigger-point positive${e.item.count ? ` × ${e.item.count}` : ''}`),
        );
      const negative = tps.filter((e) => isNegative(e.item));
      return negative.length > 0
        ? known(
            false,
            negative.map((e) => `${e.path} = trigger-point negative`),
          )
        : unknown(['exam: no trigger point recorded']);
    },
  }),
  ...(['twitchResponse', 'referredPain'] as const).map((field) =>
    defineFact<boolean>({
      id: `procedure.triggerPoints.${field}`,
      type: 'boolean',
      description:
        field === 'twitchResponse'
          ? 'A twitch response on palpation of the trigger points is documented.'
          : 'Referred pain from the trigger points is documented.',
      reads: [`exam[].${field}`],
      derive: (ctx) => {
        const spine = serviceSpine(ctx.service);
        const tps = examFindings(ctx.request.raw, 'trigger-point').filter(
          (e) => isPositive(e.item) && findingInSpine(e.item, spine) && itemInRegion(e.item.region, ctx.service),
        );
        const stated = tps.filter((e) => e.item[field] !== undefined);
        if (stated.some((e) => e.item[field] === true))
          return known(
            true,
            stated.filter((e) => e.item[field]).map((e) => `${e.path}.${field} = true`),
          );
        // the finding's own words, when the field is not given ("twitch response and referred pain")
        const worded = tps
          .filter((e) => e.item[field] === undefined && e.item.text !== undefined)
          .map((e) => ({ e, said: TRIGGER_POINT_WORDS[field](e.item.text!.toLowerCase()) }))
          .filter((x) => x.said !== undefined);
        if (worded.some((x) => x.said === true))
          return known(
            true,
            worded.filter((x) => x.said).map((x) => `${x.e.path}.text = ${x.e.item.text}`),
          );
        if (stated.length > 0 || worded.length > 0)
          return known(false, [
            ...stated.map((e) => `${e.path}.${field} = false`),
            ...worded.map((x) => `${x.e.path}.text = ${x.e.item.text}`),
          ]);
        return unknown(tps.length > 0 ? tps.map((e) => `${e.path}.${field} not stated`) : ['exam: no trigger point recorded']);
      },
    }),
  ),
];
