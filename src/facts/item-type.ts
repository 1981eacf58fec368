// What a requested item is, read from its label, text and name, for the service kinds whose
// vocabulary does not say (durable-medical-equipment, other, laboratory, surgery): a lumbar
// support, a cold therapy unit, a hearing aid, a grip-strength test, an EKG, adhesiolysis, …
// The first matching pattern wins, so specific items come before the words they contain
// ("abduction pillow sling" is a sling, not a pillow). No match: not documented.
import { defineFact, known, unknown, type FactDefinition } from './types.js';
import type { NormalizedService } from '../request/normalize.js';

export const ITEM_TYPES: ReadonlyArray<readonly [string, RegExp]> = [
  ['cytokine-dna-test', /cytokine|dna (signature|profile)/],
  [
    'genetic-test',
    /genetic (test|testing|screen|risk)|pharmacogen\w*|genotyp\w*|\bdna (test|testing|swab)|cyp ?450 (test|testing|genotyp)|proove/,
  ],
  ['tens', /\btens\b|transcutaneous electric|interferential|\bh-?wave\b|neuromuscular (electrical )?stim|\bnmes\b|\be-?stim\b/],
  ['sling', /\bsling\b|abduction pillow|ultra-?sling|slingshot/],
  [
    'cold-therapy',
    /cryotherap|cold therapy|cold (compression )?unit|continuous[- ]flow|polar ?care|game ?ready|ice (machine|unit)|cold compression/,
  ],
  ['hearing-aid', /hearing aids?\b/],
  [
    'lumbar-support',
    /lumbar (support|brace|corset|orthosis|belt|binder)|lumbosacral (orthosis|brace|support)|lumbar[- ]sacral orthosis|\blso\b|back (brace|support|belt)/,
  ],
  ['cervical-collar', /(cervical|neck|soft|hard|philadelphia) collar/],
  ['commode', /commode|bedside toilet|raised toilet seat|toilet (safety frame|riser|seat riser)|bed ?pan/],
  [
    'bath-equipment',
    /shower (chair|seat|bench|stool)|(bath|tub)\w* (chair|seat|bench|stool|lift)|transfer bench|grab bars?|hand-?held shower/,
  ],
  ['hospital-bed', /hospital bed|adjustable bed|semi-?electric bed|electric bed|bed rails?|trapeze/],
  ['pillow', /pillow/],
  [
    'ergonomic-workstation',
    /ergonomic|work ?station|sit[- ]stand desk|standing desk|keyboard tray|(office|desk|task) chair|telephone headset/,
  ],
  ['elbow-strap', /counter-?force|tennis elbow (strap|band|brace)|epicondyl\w* (strap|band|brace|support)/],
  ['elbow-brace', /elbow\b[^.;]*\b(brace|splint|immobili[sz]er|orthosis|pad)|\b(brace|splint|orthosis)\w*\b[^.;]*\belbow/],
  [
    'wrist-splint',
    /(wrist|thumb|hand|finger|spica|cock-?up)\w*\b[^.;]*\b(brace|splint|orthosis|support)|\b(brace|splint|orthosis)\w*\b[^.;]*\b(wrist|thumb|hand)/,
  ],
  ['knee-brace', /knee\b[^.;]*\b(brace|orthosis|immobili[sz]er|unloader)/],
  ['ankle-foot-orthosis', /\bafo\b|ankle[- ]foot orthosis|ankle (brace|support)|orthotics?\b|insoles?|fracture boot|walking boot|cam boot/],
  ['mobility-aid', /scooter|wheel ?chair|walker|crutch|\bcane\b|rollator|knee walker/],
  ['supplies', /\bgloves?\b|\bwipes?\b|diapers?|underpads?|\bchux\b|bandages?|dressing supplies|gauze|incontinence|disposable/],
  ['gym-membership', /\bgym\b|health club|fitness (club|center|membership)|pool membership|\bymca\b/],
  ['grip-strength-test', /jamar|grip (strength )?(test|testing|measurement)|dynamometer/],
  [
    'range-of-motion-test',
    /range of motion (of )?(test|testing|measurement)|\brom (test|testing|measurement)|inclinometr|computeri[sz]ed (rom|range of motion)/,
  ],
  ['hyperstimulation-analgesia', /hyperstimulation|localized intense neurostimulation|\blint\b/],
  ['tpii', /impedance imaging|\btpii\b/],
  ['ekg', /\bekg\b|\becg\b|electrocardiogra/],
  ['adhesiolysis', /adhesiolysis|neuroplasty|lysis of (epidural )?adhesions|epidural neurolysis|racz/],
  ['urine-drug-screen', /urine (drug|tox)\w*|drug (screen|test)\w*|\buds\b|\budt\b|toxicology screen/],
  ['partial-hospitalization', /partial hospitali[sz]|day treatment|intensive outpatient|\biop\b|\bphp\b/],
];

/** The words a service is described by: label, text and (for medications and devices) name. */
export function itemWords(service: NormalizedService): string {
  return `${service.words} ${(service.raw.name ?? '').toLowerCase()}`;
}

export function itemTypeOf(words: string): string | undefined {
  return ITEM_TYPES.find(([, re]) => re.test(words))?.[0];
}

export const itemTypeFacts: FactDefinition[] = [
  defineFact<string>({
    id: 'itemType.requested',
    type: 'string',
    description: `What the requested item is, named in its label, text or name: ${ITEM_TYPES.map(([t]) => t).join(', ')}. Not documented when the words name none of these.`,
    reads: ['services[].label', 'services[].text', 'services[].name'],
    derive: ({ service }) => {
      const type = itemTypeOf(itemWords(service));
      return type
        ? known(type, [`services[${service.index}].label/text names ${type}`])
        : unknown([`services[${service.index}]: the label and text name no known item`]);
    },
  }),
];
