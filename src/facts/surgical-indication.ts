// What the ACOEM chapters' "Surgical Considerations" and ODG's surgery topics ask of a surgery
// request: the procedures named, a red-flag condition, clear clinical and imaging evidence of a
// lesion in the region, and the specific findings some procedures need (nerve conduction for
// carpal tunnel release, apprehension and recurrent dislocation for shoulder stabilization,
// mechanical symptoms for meniscectomy).
import { defineFact, known, unknown, type FactContext, type FactDefinition } from './types.js';
import { diagnosisTexts, indexed, isNegative, isPositive, regionConcerns, treatmentOutcome } from './record.js';
import { listedRedFlags } from './red-flags.js';
import { regionsInText } from '../request/regions.js';
import type { Region } from '../request/vocabulary.js';
import type { ExamFinding } from '../request/schema.js';

/** Procedures by name; a generic "arthroscopy" or "surgery" names none. */
export const PROCEDURES: ReadonlyArray<readonly [string, RegExp]> = [
  ['carpal-tunnel-release', /carpal tunnel release|\bctr\b|median nerve (decompression|release)|carpal tunnel decompression/],
  ['cubital-tunnel-release', /cubital tunnel release|ulnar nerve (transposition|decompression|release)/],
  ['trigger-finger-release', /trigger (finger|thumb) release|a1 pulley release/],
  ['de-quervain-release', /de ?quervain\w* release|first dorsal compartment release/],
  ['meniscectomy', /meniscectom|menisc\w* (repair|debridement|resection)/],
  ['acl-reconstruction', /\bacl reconstruction|anterior cruciate (ligament )?reconstruction/],
  [
    'bankart-repair',
    /bankart|(anterior|posterior|inferior) labr(al|um) repair|capsulorrhaphy|capsular shift|shoulder stabili[sz]ation|latarjet/,
  ],
  [
    'slap-repair',
    /\bslap\b[^.;,]{0,20}(repair|fixation|reconstruction)|(superior labr\w*|slap lesion) repair|repair of (the )?(slap|superior labr\w*)/,
  ],
  ['labral-repair', /(?<!(anterior|posterior|inferior|superior) )labr(al|um) (repair|reconstruction|refixation)|repair of (the )?labrum/],
  ['biceps-tenodesis', /tenodesis|tenotomy/],
  ['rotator-cuff-repair', /(rotator )?cuff (tear )?repair|repair of (the )?rotator cuff|\brcr\b/],
  ['subacromial-decompression', /subacromial decompression|acromioplasty|\bsad\b/],
  ['distal-clavicle-excision', /distal clavicle (excision|resection)|mumford/],
  ['chondroplasty', /chondroplast|microfracture/],
  ['synovectomy', /synovectom/],
  ['debridement', /debridement/],
  ['lateral-release', /lateral (retinacular )?release/],
  ['manipulation-under-anesthesia', /manipulation under an(a)?esthesia|\bmua\b/],
  ['arthroplasty', /arthroplasty|joint replacement|(knee|hip|shoulder) replacement/],
  ['fracture-fixation', /\borif\b|open reduction|internal fixation|fracture fixation/],
  ['fusion', /fusion|arthrodesis/],
  ['decompression', /laminectomy|laminotomy|discectomy|foraminotomy|(?<!subacromial |carpal tunnel |nerve )decompression/],
  ['hernia-repair', /hernia\w* repair|herniorrhaphy|hernioplasty/],
];

/** The procedure vocabulary's names, for rule files that say which procedures a topic decides. */
export const PROCEDURE_NAMES: readonly string[] = PROCEDURES.map(([name]) => name);

/** A procedure preceded by "possible", "if needed", "versus" depends on intra-operative findings. */
const CONTINGENT =
  /(possible|possibly|potential|if (needed|necessary|indicated)|as (needed|indicated)|versus|\bvs\.?|\bor\b)\s+(\w+\s+){0,2}$/;

/** The procedure patterns compiled once with the global flag, for walking every mention. */
const PROCEDURES_GLOBAL: readonly (readonly [string, RegExp])[] = PROCEDURES.map(
  ([name, re]) => [name, new RegExp(re.source, 'g')] as const,
);

export function proceduresIn(words: string): { definite: string[]; contingent: string[] } {
  const definite: string[] = [];
  const contingent: string[] = [];
  for (const [name, m] of PROCEDURES_GLOBAL) {
    m.lastIndex = 0;
    let hit: RegExpExecArray | null;
    let sure = false;
    let seen = false;
    while ((hit = m.exec(words)) !== null) {
      seen = true;
      if (!CONTINGENT.test(words.slice(Math.max(0, hit.index - 40), hit.index))) sure = true;
    }
    if (sure) definite.push(name);
    else if (seen) contingent.push(name);
  }
  return { definite, contingent };
}

/** Exam findings that are clinical evidence of a surgical lesion, and the regions they speak for when unlabeled. */
const LESION_SIGNS: Partial<Record<ExamFinding['finding'], readonly Region[]>> = {
  'joint-instability': [],
  'joint-effusion': [],
  'muscle-atrophy': [],
  'grip-weakness': ['wrist', 'hand', 'forearm', 'elbow'],
  'meniscal-sign': ['knee'],
  'impingement-sign': ['shoulder'],
  'rotator-cuff-weakness': ['shoulder'],
  'tinel-sign': ['wrist', 'hand', 'elbow', 'forearm'],
  'phalen-sign': ['wrist', 'hand'],
  'motor-weakness': [],
  'sensory-deficit': [],
  'reflex-change': [],
  'straight-leg-raise': ['lumbar'],
};

/** Bones whose fracture is a fracture of a joint region ("distal radius" is the wrist). */
const BONE_REGIONS: ReadonlyArray<readonly [Region, RegExp]> = [
  ['wrist', /distal radius|radial (head|styloid)|distal ulna|scaphoid|carpal bone|colles|smith'?s fracture/],
  ['hand', /metacarpal|phalan|boxer'?s fracture/],
  ['shoulder', /proximal humer|humeral head|(greater|lesser) tuberosity|clavicle|glenoid|scapula/],
  ['knee', /tibial plateau|patella|distal femur/],
  ['ankle', /malleol|distal fibula|pilon|talus/],
  ['hip', /femoral neck|intertrochanteric|acetabul/],
];

const boneRegions = (text: string): Region[] => BONE_REGIONS.filter(([, re]) => re.test(text)).map(([r]) => r);

function regionsOf(ctx: FactContext): Region[] {
  return ctx.service.regions;
}

function inRegion(ctx: FactContext, region: Region | undefined, unlabeled: readonly Region[] | undefined): boolean {
  return regionConcerns(regionsOf(ctx), region, { placed: true, unplacedRegions: unlabeled ?? [] });
}

function lesionSigns(ctx: FactContext) {
  return indexed(ctx.request.raw.exam, 'exam').filter(
    (e) => e.item.finding in LESION_SIGNS && e.item.result !== 'not-tested' && inRegion(ctx, e.item.region, LESION_SIGNS[e.item.finding]),
  );
}

const IMAGING_TYPES = new Set(['mri', 'mri-arthrogram', 'ct', 'xray', 'ultrasound', 'bone-scan', 'emg-ncv', 'other']);

/**
 * Studies of the surgical region. A study that gives no region (nor do its findings) counts when
 * its own words name the region ("median neuropathy at the right wrist"): writers to the shared
 * format often leave the region of a nerve study unset, and its limb-wide region has no code there.
 */
function regionStudies(ctx: FactContext) {
  return indexed(ctx.request.raw.studies, 'studies').filter((s) => {
    if (!IMAGING_TYPES.has(s.item.type) || s.item.officialReport === false) return false;
    const findings = s.item.findings ?? [];
    if (s.item.region !== undefined || findings.some((f) => f.region !== undefined))
      return inRegion(ctx, s.item.region, []) || findings.some((f) => inRegion(ctx, f.region, []));
    const words = [s.item.text, ...findings.map((f) => f.text)].filter(Boolean).join('; ').toLowerCase();
    return regionsInText(words).some((r) => inRegion(ctx, r, []));
  });
}

export const surgicalIndicationFacts: FactDefinition[] = [
  defineFact<readonly string[]>({
    id: 'surgicalIndication.procedures',
    type: 'list',
    description: `Procedures the surgery request names outright (not "possible …"): ${PROCEDURES.map(([p]) => p).join(', ')}.`,
    reads: ['services[].label', 'services[].text'],
    derive: ({ service }) => {
      const { definite } = proceduresIn(service.words);
      return known(definite, [
        `services[${service.index}].label/text names ${definite.length > 0 ? definite.join(', ') : 'no specific procedure'}`,
      ]);
    },
  }),
  defineFact<boolean>({
    id: 'surgicalIndication.procedureNamed',
    type: 'boolean',
    description:
      'The surgery request names the procedure(s) to be performed; false when it names only an approach ("arthroscopy", "surgery") or says the procedures are not specified.',
    reads: ['services[].label', 'services[].text'],
    derive: ({ service }) => {
      const at = `services[${service.index}]`;
      if (!service.words.trim()) return unknown([`${at}: no label or text`]);
      const { definite, contingent } = proceduresIn(service.words);
      if (definite.length > 0)
        return known(true, [`${at} names ${definite.join(', ')}${contingent.length > 0 ? ` (contingent: ${contingent.join(', ')})` : ''}`]);
      return known(false, [`${at}.label = ${service.raw.label ?? service.raw.text} names no specific procedure`]);
    },
  }),
  defineFact<boolean>({
    id: 'surgicalIndication.redFlag',
    type: 'boolean',
    description:
      'A red-flag condition in the surgical region: a serious red flag recorded (fracture suspected, progressive neurologic deficit, cauda equina, infection, cancer), or a fracture of the region diagnosed (by region or bone, e.g. distal radius = wrist), shown on a study or fixed surgically. Never false.',
    reads: ['documentation.redFlags', 'diagnoses[]', 'studies[].findings[]', 'surgeries[]'],
    derive: (ctx) => {
      const raw = ctx.request.raw;
      const flags = listedRedFlags(raw, 'surgical');
      if (flags.length > 0) return known(true, [`documentation.redFlags = [${flags.join(', ')}]`]);
      const fractures = diagnosisTexts(raw).filter((d, i) => {
        const dx = raw.diagnoses![i]!;
        const region = typeof dx === 'string' ? undefined : dx.region;
        return (
          /fracture/.test(d.text) &&
          !/history of|healed|old fracture/.test(d.text) &&
          (region ? inRegion(ctx, region, []) : [...regionsInText(d.text), ...boneRegions(d.text)].some((r) => inRegion(ctx, r, [])))
        );
      });
      const onStudy = indexed(raw.studies, 'studies').filter(
        (s) => (s.item.findings ?? []).some((f) => f.kind === 'fracture') && inRegion(ctx, s.item.region, []),
      );
      // a fracture fixed in the region (ORIF) is a fracture of the region, whatever the diagnoses say
      const fixed = indexed(raw.surgeries, 'surgeries').filter(
        (s) =>
          (s.item.kind === 'orif' || /fracture|\borif\b|internal fixation/.test((s.item.text ?? '').toLowerCase())) &&
          inRegion(ctx, s.item.region, []) &&
          !/history of|healed/.test((s.item.text ?? '').toLowerCase()),
      );
      const evidence = [
        ...fractures.map((d) => `${d.path} = ${d.text}`),
        ...onStudy.map((s) => `${s.path} shows a fracture`),
        ...fixed.map((s) => `${s.path} = ${s.item.kind}${s.item.text ? ` (${s.item.text})` : ''}`),
      ];
      return evidence.length > 0 ? known(true, evidence) : unknown(['no red-flag condition recorded for the region']);
    },
  }),
  defineFact<boolean>({
    id: 'surgicalIndication.clinicalEvidence',
    type: 'boolean',
    description:
      'Clinical (exam) evidence of a lesion in the surgical region: a positive specific sign (instability, meniscal sign, impingement, cuff weakness, effusion, Tinel/Phalen, atrophy, neurologic deficit). False when such signs were examined and are negative. Tenderness and reduced motion alone do not count.',
    reads: ['exam[]'],
    derive: (ctx) => {
      const signs = lesionSigns(ctx);
      const positive = signs.filter((e) => isPositive(e.item));
      if (positive.length > 0)
        return known(
          true,
          positive.map((e) => `${e.path} = ${e.item.finding}${e.item.text ? ` (${e.item.text})` : ''} positive`),
        );
      const negative = signs.filter((e) => isNegative(e.item));
      return negative.length > 0
        ? known(
            false,
            negative.map((e) => `${e.path} = ${e.item.finding} negative`),
          )
        : unknown(['exam: no specific sign of a lesion recorded for the region']);
    },
  }),
  defineFact<boolean>({
    id: 'surgicalIndication.imagingEvidence',
    type: 'boolean',
    description:
      "Imaging (or electrodiagnostic) evidence of a lesion in the surgical region: a study of the region, its report not said to be missing, with an abnormal finding. False when the region's studies are normal; not documented when no study of the region lists findings.",
    reads: ['studies[]'],
    derive: (ctx) => {
      const studies = regionStudies(ctx);
      const abnormal = studies.filter((s) => (s.item.findings ?? []).some((f) => f.kind !== 'normal'));
      if (abnormal.length > 0) {
        return known(
          true,
          abnormal.map(
            (s) =>
              `${s.path} = ${s.item.type}: ${(s.item.findings ?? [])
                .filter((f) => f.kind !== 'normal')
                .map((f) => f.text ?? f.kind)
                .join('; ')}`,
          ),
        );
      }
      const normal = studies.filter((s) => (s.item.findings ?? []).length > 0);
      if (normal.length > 0)
        return known(
          false,
          normal.map((s) => `${s.path} = ${s.item.type} normal`),
        );
      return unknown(
        studies.length > 0
          ? studies.map((s) => `${s.path} = ${s.item.type}, findings not stated`)
          : ['studies: no imaging of the region with a report'],
      );
    },
  }),
  defineFact<boolean>({
    id: 'surgicalIndication.ctsNerveConduction',
    type: 'boolean',
    description:
      'A nerve conduction study supports carpal tunnel syndrome (neuropathy at the wrist); false when the upper-extremity study shows no neuropathy.',
    reads: ['studies[]'],
    derive: (ctx) => {
      const edx = indexed(ctx.request.raw.studies, 'studies').filter(
        (s) =>
          s.item.type === 'emg-ncv' &&
          s.item.officialReport !== false &&
          (s.item.region === undefined || ['wrist', 'hand', 'forearm', 'elbow', 'upper-extremity'].includes(s.item.region)),
      );
      const median = edx.filter((s) =>
        (s.item.findings ?? []).some(
          (f) => f.kind === 'neuropathy' && (f.region === undefined || ['wrist', 'hand', 'forearm', 'upper-extremity'].includes(f.region)),
        ),
      );
      if (median.length > 0)
        return known(
          true,
          median.map((s) => `${s.path} = emg-ncv showing neuropathy`),
        );
      const normal = edx.filter(
        (s) => (s.item.findings ?? []).some((f) => f.kind === 'normal') && !(s.item.findings ?? []).some((f) => f.kind === 'neuropathy'),
      );
      if (normal.length > 0)
        return known(
          false,
          normal.map((s) => `${s.path} = emg-ncv normal`),
        );
      return unknown(['studies: no nerve conduction study of the upper extremity']);
    },
  }),
  defineFact<boolean>({
    id: 'surgicalIndication.apprehension',
    type: 'boolean',
    description:
      'Positive shoulder apprehension or instability findings on exam (apprehension, relocation, load-and-shift tests); false when tested and negative.',
    reads: ['exam[]'],
    derive: (ctx) => {
      const tests = indexed(ctx.request.raw.exam, 'exam').filter(
        (e) => e.item.finding === 'joint-instability' && (e.item.region === undefined || e.item.region === 'shoulder'),
      );
      const positive = tests.filter((e) => isPositive(e.item));
      if (positive.length > 0)
        return known(
          true,
          positive.map((e) => `${e.path} = joint-instability positive${e.item.text ? ` (${e.item.text})` : ''}`),
        );
      const negative = tests.filter((e) => isNegative(e.item));
      return negative.length > 0
        ? known(
            false,
            negative.map((e) => `${e.path} = joint-instability negative`),
          )
        : unknown(['exam: no shoulder apprehension or instability test recorded']);
    },
  }),
  defineFact<boolean>({
    id: 'surgicalIndication.recurrentDislocation',
    type: 'boolean',
    description:
      'A history of multiple (recurrent) shoulder dislocations or subluxations is documented in the diagnoses, symptoms or exam. Never false.',
    reads: ['diagnoses[]', 'symptoms[]', 'exam[]'],
    derive: (ctx) => {
      const raw = ctx.request.raw;
      const RECURRENT =
        /(recurrent|multiple|repeated|several|habitual|\b[2-9]\b|two|three|four)[^.;]{0,25}(dislocation|subluxation)|(dislocation|subluxation)s?[^.;]{0,25}(recurrent|multiple|repeated|several times)|recurrent (instability|dislocation)/;
      const texts = [
        ...diagnosisTexts(raw),
        ...indexed(raw.symptoms, 'symptoms').map((s) => ({ path: s.path, text: `${s.item.kind} ${s.item.text ?? ''}`.toLowerCase() })),
        ...indexed(raw.exam, 'exam').map((e) => ({ path: e.path, text: (e.item.text ?? '').toLowerCase() })),
      ].filter((t) => RECURRENT.test(t.text));
      return texts.length > 0
        ? known(
            true,
            texts.map((t) => `${t.path} = ${t.text.trim()}`),
          )
        : unknown(['no history of multiple dislocations or subluxations documented']);
    },
  }),
  defineFact<boolean>({
    id: 'surgicalIndication.mechanicalSymptoms',
    type: 'boolean',
    description:
      'Knee symptoms other than pain: locking, catching, popping, giving way or recurrent effusion (symptoms or an effusion on exam); false when the record says they are absent.',
    reads: ['symptoms[]', 'exam[]'],
    derive: (ctx) => {
      const raw = ctx.request.raw;
      const MECHANICAL = /lock|catch|pop|giv(e|es|ing) way|buckl|instab|effusion/;
      const symptoms = indexed(raw.symptoms, 'symptoms').filter(
        (s) =>
          MECHANICAL.test(`${s.item.kind} ${s.item.text ?? ''}`.toLowerCase()) && (s.item.region === undefined || s.item.region === 'knee'),
      );
      const effusion = indexed(raw.exam, 'exam').filter(
        (e) => e.item.finding === 'joint-effusion' && (e.item.region === undefined || e.item.region === 'knee'),
      );
      const positive = [
        ...symptoms.filter((s) => s.item.result !== 'negative').map((s) => `${s.path}.kind = ${s.item.kind}`),
        ...effusion.filter((e) => isPositive(e.item)).map((e) => `${e.path} = joint-effusion positive`),
      ];
      if (positive.length > 0) return known(true, positive);
      const negative = [
        ...symptoms.map((s) => `${s.path}.kind = ${s.item.kind} (denied)`),
        ...effusion.map((e) => `${e.path} = joint-effusion negative`),
      ];
      return negative.length > 0 ? known(false, negative) : unknown(['no locking, catching, giving way or effusion documented']);
    },
  }),
  defineFact<boolean>({
    id: 'surgicalIndication.labralTear',
    type: 'boolean',
    description: 'Imaging of the shoulder shows a labral (SLAP) tear; false when the shoulder imaging is reported without one.',
    reads: ['studies[]'],
    derive: (ctx) => {
      const shoulder = indexed(ctx.request.raw.studies, 'studies').filter(
        (s) =>
          s.item.officialReport !== false && (s.item.region === 'shoulder' || (s.item.findings ?? []).some((f) => f.region === 'shoulder')),
      );
      const tears = shoulder.filter((s) =>
        (s.item.findings ?? []).some((f) => f.kind === 'labral-tear' || /slap|labr/.test((f.text ?? '').toLowerCase())),
      );
      if (tears.length > 0)
        return known(
          true,
          tears.map((s) => `${s.path} = ${s.item.type} showing a labral tear`),
        );
      const reported = shoulder.filter((s) => (s.item.findings ?? []).length > 0);
      return reported.length > 0
        ? known(
            false,
            reported.map((s) => `${s.path} = ${s.item.type} without a labral tear`),
          )
        : unknown(['studies: no shoulder imaging with findings']);
    },
  }),
  defineFact<boolean>({
    id: 'surgicalIndication.kneeInstability',
    type: 'boolean',
    description:
      'Knee instability: a positive ligament test on exam (Lachman, drawer, pivot shift, varus/valgus stress) or giving way / buckling among the symptoms; false when the ligament tests were done and are negative.',
    reads: ['exam[]', 'symptoms[]'],
    derive: (ctx) => {
      const raw = ctx.request.raw;
      const tests = indexed(raw.exam, 'exam').filter(
        (e) => e.item.finding === 'joint-instability' && (e.item.region === undefined || e.item.region === 'knee'),
      );
      const givingWay = indexed(raw.symptoms, 'symptoms').filter(
        (s) =>
          s.item.result !== 'negative' &&
          (s.item.region === undefined || s.item.region === 'knee') &&
          /giv(e|es|ing) way|buckl|instab/.test(`${s.item.kind} ${s.item.text ?? ''}`.toLowerCase()),
      );
      const positive = [
        ...tests
          .filter((e) => isPositive(e.item))
          .map((e) => `${e.path} = joint-instability positive${e.item.text ? ` (${e.item.text})` : ''}`),
        ...givingWay.map((s) => `${s.path}.kind = ${s.item.kind}`),
      ];
      if (positive.length > 0) return known(true, positive);
      const negative = tests.filter((e) => isNegative(e.item));
      return negative.length > 0
        ? known(
            false,
            negative.map((e) => `${e.path} = joint-instability negative`),
          )
        : unknown(['no knee ligament test or giving way documented']);
    },
  }),
  defineFact<string>({
    id: 'surgicalIndication.cuffTear',
    type: 'string',
    description:
      'The rotator cuff tear the record shows: full-thickness (full-thickness, complete, through-and-through, massive or retracted) or partial-thickness, from shoulder imaging findings or the diagnoses; a study that reports a cuff tear without saying which is not documented. full-thickness wins when both are stated.',
    reads: ['studies[].findings[]', 'diagnoses[]'],
    derive: (ctx) => {
      const raw = ctx.request.raw;
      const CUFF = /rotator cuff|supraspinatus|infraspinatus|subscapularis|\bcuff\b/;
      const texts = [
        ...indexed(raw.studies, 'studies')
          .filter((s) => s.item.officialReport !== false && (s.item.region === 'shoulder' || s.item.region === undefined))
          .flatMap((s) =>
            (s.item.findings ?? []).map((f, j) => ({
              path: `${s.path}.findings[${j}]`,
              text: `${f.kind} ${f.text ?? ''}`.toLowerCase(),
              tear: f.kind === 'tendon-tear',
            })),
          )
          .filter((f) => f.tear || CUFF.test(f.text)),
        ...diagnosisTexts(raw)
          .filter((d) => CUFF.test(d.text) && /tear|rupture/.test(d.text))
          .map((d) => ({ ...d, tear: true })),
      ];
      const full = texts.filter((t) => /full[- ]thickness|\bcomplete\b|through[- ]and[- ]through|massive|retract/.test(t.text));
      if (full.length > 0)
        return known(
          'full-thickness',
          full.map((t) => `${t.path} = ${t.text.trim()}`),
        );
      const partial = texts.filter((t) => /partial/.test(t.text));
      if (partial.length > 0)
        return known(
          'partial-thickness',
          partial.map((t) => `${t.path} = ${t.text.trim()}`),
        );
      return unknown(
        texts.length > 0
          ? texts.map((t) => `${t.path} = ${t.text.trim()} (thickness not stated)`)
          : ['no rotator cuff tear on imaging or among the diagnoses'],
      );
    },
  }),
  defineFact<boolean>({
    id: 'surgicalIndication.cuffWeakness',
    type: 'boolean',
    description:
      'Weakness of arm elevation or rotation on exam: a positive rotator-cuff-weakness sign (drop arm, Jobe) or shoulder motor weakness; false when those were tested and negative (e.g. 5/5 strength).',
    reads: ['exam[]'],
    derive: (ctx) => {
      const tests = indexed(ctx.request.raw.exam, 'exam').filter(
        (e) =>
          (e.item.finding === 'rotator-cuff-weakness' && (e.item.region === undefined || e.item.region === 'shoulder')) ||
          (e.item.finding === 'motor-weakness' && e.item.region === 'shoulder'),
      );
      const positive = tests.filter((e) => isPositive(e.item));
      if (positive.length > 0)
        return known(
          true,
          positive.map((e) => `${e.path} = ${e.item.finding} positive${e.item.text ? ` (${e.item.text})` : ''}`),
        );
      const negative = tests.filter((e) => isNegative(e.item));
      return negative.length > 0
        ? known(
            false,
            negative.map((e) => `${e.path} = ${e.item.finding} negative`),
          )
        : unknown(['exam: shoulder strength (drop arm, Jobe, elevation and rotation) not recorded']);
    },
  }),
  defineFact<boolean>({
    id: 'surgicalIndication.injectionFailed',
    type: 'boolean',
    description: 'An injection of the surgical region was tried and failed (or helped only partly); false when it helped.',
    reads: ['treatments[]'],
    derive: (ctx) => {
      const injections = indexed(ctx.request.raw.treatments, 'treatments')
        .filter((t) => t.item.kind === 'injection' && inRegion(ctx, t.item.region, ctx.service.regions))
        .map((t) => ({ ...t, outcome: treatmentOutcome(t.item) }));
      const failed = injections.filter((t) => t.outcome.status === 'failed' || t.outcome.status === 'partial');
      if (failed.length > 0)
        return known(
          true,
          failed.map((t) => `${t.path} = injection, ${t.outcome.from}`),
        );
      const improved = injections.filter((t) => t.outcome.status === 'helped');
      if (improved.length > 0)
        return known(
          false,
          improved.map((t) => `${t.path} = injection, ${t.outcome.from}`),
        );
      return unknown(
        injections.length > 0
          ? injections.map((t) => `${t.path} = injection, outcome not stated`)
          : ['treatments: no injection of the region recorded'],
      );
    },
  }),
];
