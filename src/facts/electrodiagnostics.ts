// Facts for electrodiagnostic requests (EMG, NCS/NCV): which limb and which studies, the
// limb's neurologic symptoms and signs, whether an entrapment or peripheral neuropathy or a
// radiculopathy is suspected, whether a radiculopathy is already clinically obvious (objective
// deficit corroborated by imaging), and earlier studies of the same limb.
import { defineFact, known, unknown, type Fact, type FactContext, type FactDefinition } from './types.js';
import { diagnosisTexts, indexed, isNegative, isPositive, sidesAgree, type Indexed } from './record.js';
import { limbSpine, limbsOfRegion as limbRegionsOf, regionsOverlap, type Limb as LimbRegion } from '../request/regions.js';
import { levelConsistentWithRoot, spineRegionOf } from '../request/levels.js';
import { dayNumber } from '../util/dates.js';
import type { ExamFinding, Study, Symptom } from '../request/schema.js';
import type { Region } from '../request/vocabulary.js';
import { nerveWords } from './nerve-words.js';

/** The limb as the rules name it (electrodiagnostics.limbs). */
export type Limb = 'upper' | 'lower';
const LIMB_REGION: Record<Limb, LimbRegion> = { upper: 'upper-extremity', lower: 'lower-extremity' };
/** The nerves of each limb, by name: a neuropathy or entrapment named for one is of that limb. */
const LIMB_NERVES: Record<Limb, RegExp> = {
  upper: /ulnar|median|radial|carpal|cubital/,
  lower: /sciatic|peroneal|tibial|tarsal|sural/,
};
/**
 * The limb a symptom's or finding's words name: body words and the limb's nerves. Not the region
 * words of service labels (request/regions.ts regionsInText): those count a spine word ("neck pain"
 * is no arm symptom here), need whole words ("fingertips" names the hand here) and name no nerve.
 */
const LIMB_WORDS: Record<Limb, RegExp> = {
  upper: new RegExp(`\\barms?\\b|hands?|fingers?|thumb|wrist|elbow|forearm|shoulder|upper extremit|${LIMB_NERVES.upper.source}`),
  lower: new RegExp(`\\blegs?\\b|foot|feet|toes?|thigh|calf|knee|ankle|buttock|lower extremit|hip|${LIMB_NERVES.lower.source}`),
};

const NEURO_SYMPTOM = nerveWords(
  'symptoms.radiating',
  'symptoms.radicular',
  'symptoms.sensory',
  'symptoms.neuropathicPain',
  'symptoms.motor',
);
const RADIATING = nerveWords('symptoms.radiating', 'symptoms.radicular');
const SIGN_FINDINGS: readonly ExamFinding['finding'][] = [
  'sensory-deficit',
  'motor-weakness',
  'reflex-change',
  'tinel-sign',
  'phalen-sign',
  'grip-weakness',
  'muscle-atrophy',
  'straight-leg-raise',
];
/** A focal entrapment: a peripheral lesion that can mimic one root (carpal tunnel and C6, peroneal and L5). */
const FOCAL_ENTRAPMENT_TEXT = nerveWords('diagnoses.entrapment');
/** A polyneuropathy or its cause: grounds for nerve conduction studies, not a mimic of one root. */
const POLYNEUROPATHY_TEXT = nerveWords('diagnoses.neuropathy', 'diagnoses.neuropathyRisk');
/** Named tests of a peripheral nerve entrapment, recorded as `other` findings. */
const ENTRAPMENT_TESTS = /median (nerve )?compression|carpal compression|durkan|froment|wartenberg|elbow flexion test|tarsal/;
/** Named tests of a limb's nerve signs: the entrapment tests and Spurling's (a cervical root). */
const SIGN_TESTS = new RegExp(`spurling|${ENTRAPMENT_TESTS.source}`);
/** Words that name an electrodiagnostic study (the label is read when it names one). */
const STUDY_WORDS =
  /\bemgs?\b|electromyog|\bnc[sv]s?\b|nerve conduction|\bss?eps?\b|evoked potential|\beeg\b|electroencephalog|h-?reflex|current perception|quantitative sensory|v-?snct/;
const RADICULAR_TEXT = nerveWords('diagnoses.radicular', 'diagnoses.plexus');

function limbsOfRegion(r: Region): Limb[] {
  const regions = limbRegionsOf(r);
  return (Object.keys(LIMB_REGION) as Limb[]).filter((l) => regions.includes(LIMB_REGION[l]));
}

function spineLimb(named: string): Limb | undefined {
  const s = spineRegionOf(named.toUpperCase());
  return s === 'cervical' ? 'upper' : s === 'lumbar' ? 'lower' : undefined;
}

function wordLimbs(words: string): Limb[] {
  return (Object.keys(LIMB_WORDS) as Limb[]).filter((l) => LIMB_WORDS[l].test(words));
}

/** Limbs an exam finding bears on: its dermatome, root or level, else its region, else its words. */
function findingLimbs(f: ExamFinding): Limb[] {
  const named = f.dermatome ?? f.root ?? f.level;
  if (named) {
    const l = spineLimb(named);
    return l ? [l] : [];
  }
  if (f.region) return limbsOfRegion(f.region);
  if (f.finding === 'straight-leg-raise') return ['lower'];
  const text = (f.text ?? '').toLowerCase();
  if (/spurling/.test(text)) return ['upper'];
  return wordLimbs(text);
}

/** Limbs a symptom bears on: its dermatome, else its limb region, else its words (a symptom may name both). */
function symptomLimbs(s: Symptom): Limb[] {
  if (s.dermatome) {
    const l = spineLimb(s.dermatome);
    return l ? [l] : [];
  }
  if (s.region && !['cervical', 'lumbar', 'thoracic', 'sacroiliac'].includes(s.region)) return limbsOfRegion(s.region);
  return wordLimbs(`${s.kind} ${s.text ?? ''}`.toLowerCase().replace(/-/g, ' '));
}

function limbsOf(ctx: FactContext): Limb[] {
  return [...new Set(ctx.service.regions.flatMap(limbsOfRegion))];
}

function limbFindings(ctx: FactContext, kinds: readonly ExamFinding['finding'][]): Indexed<ExamFinding>[] {
  const limbs = limbsOf(ctx);
  return indexed(ctx.request.raw.exam, 'exam').filter((e) => {
    if (!findingLimbs(e.item).some((l) => limbs.includes(l)) || !sidesAgree(ctx.service.raw.side, e.item.side)) return false;
    return kinds.includes(e.item.finding) || (e.item.finding === 'other' && SIGN_TESTS.test((e.item.text ?? '').toLowerCase()));
  });
}

/**
 * Pain that is neurologic only because it radiates (no numbness, tingling, weakness or radicular
 * word) is a focal neurologic symptom of the limb when it names a dermatome or reaches the distal
 * limb; when it only reaches the limb girdle ("neck pain radiating to the shoulder"), or starts in
 * a joint of the limb and stays proximal ("hip pain radiating down the leg"), it is referred pain,
 * not the "subtle focal neurologic dysfunction" (ACOEM Ch8, Ch12) the studies are for.
 */
const RADIATION = new RegExp(nerveWords('symptoms.radiating').source, 'g');
const DISTAL_LIMB: Record<Limb, RegExp> = {
  upper: /forearm|wrist|hands?\b|fingers?|thumbs?|digits?/,
  lower: /\bcalf|calves|shins?\b|ankles?|\bfoot|\bfeet|\btoes?\b|heels?\b/,
};
/** Words of the limb girdle: pain reaching only these has not reached the limb. */
const GIRDLE = /shoulders?|\bhips?\b|buttocks?|glute\w*|trapezi\w*|scapul\w*/g;
const JOINT_REGIONS: readonly Region[] = ['shoulder', 'elbow', 'hip', 'knee'];
/** Regions that are the spine or the girdle, not the limb itself. */
const LIMB_GIRDLE_REGIONS: readonly Region[] = ['cervical', 'lumbar', 'thoracic', 'sacroiliac', 'pelvis', 'shoulder', 'hip'];
const JOINT_PAIN = /\b(hip|shoulder|knee|elbow)s?( joint)? pain/;

function radiatingPainReachesLimb(s: Symptom, limb: Limb): boolean {
  const words = `${s.kind} ${s.text ?? ''}`.toLowerCase().replace(/-/g, ' ');
  if (NEURO_SYMPTOM.test(words.replace(RADIATION, ' '))) return true; // a neurologic quality, not radiation alone
  if (s.dermatome || DISTAL_LIMB[limb].test(words)) return true;
  const fromJoint = s.kind === 'joint-pain' || (s.region !== undefined && JOINT_REGIONS.includes(s.region)) || JOINT_PAIN.test(words);
  if (fromJoint) return false;
  const inLimb = s.region !== undefined && !LIMB_GIRDLE_REGIONS.includes(s.region) && limbsOfRegion(s.region).includes(limb);
  // where the text says the pain radiates, the text says how far ("neck pain radiating to the shoulder" under any kind)
  const text = (s.text ?? '').toLowerCase().replace(/-/g, ' ');
  const reach = new RegExp(RADIATION.source).test(text) ? text : words;
  return inLimb || wordLimbs(reach.replace(GIRDLE, ' ')).includes(limb);
}

/** Symptoms of the limb with a neurologic word, split into those that are focal neurologic symptoms and referred pain. */
function limbSymptomsAndReferred(ctx: FactContext): { neurologic: Indexed<Symptom>[]; referred: Indexed<Symptom>[] } {
  const limbs = limbsOf(ctx);
  const neurologic: Indexed<Symptom>[] = [];
  const referred: Indexed<Symptom>[] = [];
  for (const s of indexed(ctx.request.raw.symptoms, 'symptoms')) {
    const own = symptomLimbs(s.item).filter((l) => limbs.includes(l));
    if (
      own.length === 0 ||
      !sidesAgree(ctx.service.raw.side, s.item.side) ||
      !NEURO_SYMPTOM.test(`${s.item.kind} ${s.item.text ?? ''}`.toLowerCase())
    )
      continue;
    (own.some((l) => radiatingPainReachesLimb(s.item, l)) ? neurologic : referred).push(s);
  }
  return { neurologic, referred };
}

function limbSymptoms(ctx: FactContext): Indexed<Symptom>[] {
  return limbSymptomsAndReferred(ctx).neurologic;
}

const positive = (e: Indexed<ExamFinding>): boolean => isPositive(e.item) && e.item.result !== 'not-tested';
const describe = (e: Indexed<ExamFinding>): string =>
  `${e.path} = ${e.item.finding === 'other' ? e.item.text : e.item.finding}${(e.item.dermatome ?? e.item.root) ? ` ${e.item.dermatome ?? e.item.root}` : ''}${e.item.region ? ` (${e.item.region})` : ''}`;

/** Diagnoses bearing on the service's limbs (no region, or a region of the limb; no side, or the service's side). */
function limbDiagnoses(ctx: FactContext): { text: string; path: string }[] {
  const limbs = limbsOf(ctx);
  const raw = ctx.request.raw.diagnoses ?? [];
  return diagnosisTexts(ctx.request.raw).filter((_, i) => {
    const dx = raw[i]!;
    if (typeof dx === 'string') return true;
    return (
      (dx.region === undefined || limbsOfRegion(dx.region).some((l) => limbs.includes(l))) && sidesAgree(ctx.service.raw.side, dx.side)
    );
  });
}

function corroboratingImaging(ctx: FactContext, roots: readonly string[]): string[] {
  const spines = limbsOf(ctx).map((l) => limbSpine(LIMB_REGION[l]));
  const hits: string[] = [];
  indexed(ctx.request.raw.studies, 'studies').forEach((s: Indexed<Study>) => {
    if (!['mri', 'ct', 'mri-arthrogram'].includes(s.item.type) || s.item.officialReport === false) return;
    (s.item.findings ?? []).forEach((f, j) => {
      if (f.kind !== 'nerve-root-compression' && f.kind !== 'foraminal-stenosis') return;
      const spine = f.level ? spineRegionOf(f.level.toUpperCase()) : s.item.region;
      if (!spine || !(spines as string[]).includes(spine)) return;
      const consistent =
        roots.length === 0 ||
        (f.root !== undefined && roots.includes(f.root.toUpperCase())) ||
        (f.level !== undefined && roots.some((r) => levelConsistentWithRoot(f.level!.toUpperCase(), r)));
      if (consistent) hits.push(`${s.path}.findings[${j}] = ${f.kind}${f.level ? ` ${f.level}` : ''}`);
    });
  });
  return hits;
}

/** Earlier electrodiagnostic studies of the service's limbs (by region, or by the roots or nerves their findings name), up to the request date. */
function priorLimbStudies(ctx: FactContext): Indexed<Study>[] {
  const limbs = limbsOf(ctx);
  // the request's date may be unknown (an undated request in an undated record): then every study counts as earlier
  const at = ctx.get<string>('imaging.requestDate').value;
  return indexed(ctx.request.raw.studies, 'studies').filter((s) => {
    if (s.item.type !== 'emg-ncv') return false;
    if (s.item.date && at !== undefined && dayNumber(s.item.date) > dayNumber(at)) return false;
    if (s.item.region)
      return (
        ctx.service.regions.some((r) => regionsOverlap(r, s.item.region!)) || limbsOfRegion(s.item.region).some((l) => limbs.includes(l))
      );
    const root = s.item.findings?.find((f) => f.root ?? f.level);
    if (root) {
      const sp = spineRegionOf((root.root ?? root.level)!.toUpperCase());
      return limbs.some((l) => limbSpine(LIMB_REGION[l]) === sp);
    }
    return (s.item.findings ?? []).some(
      (f) => f.kind === 'neuropathy' && limbs.some((l) => LIMB_NERVES[l].test((f.text ?? '').toLowerCase())),
    );
  });
}

/**
 * The signs, diagnoses and symptoms of the limb studied that point to a peripheral nerve lesion:
 * Tinel, Phalen or a compression test, and the words of a focal entrapment, or also of a
 * polyneuropathy (diabetes) when `polyneuropathy` is asked for (a reason for nerve conduction
 * studies, but not an alternative to one root for dermatomal sensory loss: imaging.nerveCompromise).
 */
export function entrapmentFindings(ctx: FactContext, polyneuropathy: boolean): { tests: Indexed<ExamFinding>[]; yes: string[] } {
  const named = (text: string): boolean => FOCAL_ENTRAPMENT_TEXT.test(text) || (polyneuropathy && POLYNEUROPATHY_TEXT.test(text));
  const tests = limbFindings(ctx, ['tinel-sign', 'phalen-sign']).filter(
    (e) => e.item.finding !== 'other' || ENTRAPMENT_TESTS.test((e.item.text ?? '').toLowerCase()),
  );
  const dx = limbDiagnoses(ctx).filter((d) => named(d.text));
  const sx = indexed(ctx.request.raw.symptoms, 'symptoms').filter(
    (s) =>
      s.item.result !== 'negative' &&
      sidesAgree(ctx.service.raw.side, s.item.side) &&
      named(`${s.item.kind} ${s.item.text ?? ''}`.toLowerCase().replace(/-/g, ' ')) &&
      (symptomLimbs(s.item).length === 0 || symptomLimbs(s.item).some((l) => limbsOf(ctx).includes(l))),
  );
  const yes = [
    ...tests.filter(positive).map((e) => `${describe(e)} positive`),
    ...dx.map((d) => `${d.path} = ${d.text}`),
    ...sx.map((s) => `${s.path}.kind = ${s.item.kind}`),
  ];
  return { tests, yes };
}

/** Findings of the limb: true when one is positive, false when they were examined and normal, else not documented. */
function examined(findings: readonly Indexed<ExamFinding>[], none: string): Fact<boolean> {
  const yes = findings.filter(positive);
  if (yes.length > 0)
    return known(
      true,
      yes.map((e) => `${describe(e)} positive`),
    );
  const no = findings.filter((e) => isNegative(e.item));
  return no.length > 0
    ? known(
        false,
        no.map((e) => `${describe(e)} negative`),
      )
    : unknown([none]);
}

export const electrodiagnosticFacts: FactDefinition[] = [
  defineFact<readonly string[]>({
    id: 'electrodiagnostics.limbs',
    type: 'list',
    description: 'Limbs the study covers: upper (arm, or a cervical work-up) and/or lower (leg, or a lumbar work-up).',
    reads: ['services[].region', 'services[].regions', 'services[].label'],
    derive: (ctx) => {
      const limbs = limbsOf(ctx);
      return limbs.length > 0
        ? known(limbs, [`services[${ctx.service.index}] regions ${ctx.service.regions.join(', ')} → ${limbs.join(', ')}`])
        : unknown([`services[${ctx.service.index}]: limb not stated`]);
    },
  }),
  defineFact<readonly string[]>({
    id: 'electrodiagnostics.components',
    type: 'list',
    description:
      'Studies requested, read from the label (or, when the label names none, the text): emg (needle electromyography, H-reflex), ncs (nerve conduction studies, NCV), surface-emg, ssep (somatosensory or other evoked potentials), eeg, sensory-threshold (current perception threshold, quantitative sensory testing, V-sNCT).',
    reads: ['services[].label', 'services[].text'],
    derive: (ctx) => {
      const label = (ctx.service.raw.label ?? '').toLowerCase();
      const w = STUDY_WORDS.test(label) ? label : ctx.service.words;
      const parts: string[] = [];
      if (/surface (emg|electromyog)|\bsemg\b/.test(w)) parts.push('surface-emg');
      if (/\bemg\b|electromyog|\bemgs\b|h-?reflex/.test(w.replace(/surface (emg|electromyog\w*)/g, ''))) parts.push('emg');
      if (/\bnc[sv]s?\b|nerve conduction/.test(w)) parts.push('ncs');
      if (/\bss?eps?\b|evoked potential|\bmeps?\b|\bbaers?\b|\bveps?\b/.test(w)) parts.push('ssep');
      if (/\beeg\b|electroencephalog/.test(w)) parts.push('eeg');
      if (
        /current perception|\bcpt\b|quantitative sensory|\bqst\b|v-?snct|sensory nerve conduction threshold|pressure-specified sensory/.test(
          w,
        )
      )
        parts.push('sensory-threshold');
      const from =
        w === label
          ? `services[${ctx.service.index}].label = ${ctx.service.raw.label}`
          : `services[${ctx.service.index}].text = ${ctx.service.raw.text ?? ''}`;
      return parts.length > 0 ? known(parts, [from]) : unknown([`services[${ctx.service.index}]: the studies (EMG, NCS) are not named`]);
    },
  }),
  defineFact<boolean>({
    id: 'electrodiagnostics.limbSymptoms',
    type: 'boolean',
    description:
      'Neurologic symptoms in the limb studied: numbness, tingling, paresthesias, burning, weakness, radicular pain, or pain radiating into the limb (with a dermatome, to the distal limb, or from the spine into the arm or leg; pain from a joint that stays proximal, or reaching only the shoulder or hip, is referred pain). False when the worker denies them.',
    reads: ['symptoms[]', 'services[].side'],
    derive: (ctx) => {
      const { neurologic: s, referred } = limbSymptomsAndReferred(ctx);
      const yes = s.filter((x) => x.item.result !== 'negative');
      if (yes.length > 0)
        return known(
          true,
          yes.map((x) => `${x.path}.kind = ${x.item.kind}`),
        );
      return s.length > 0
        ? known(
            false,
            s.map((x) => `${x.path}.kind = ${x.item.kind} (denied)`),
          )
        : unknown([
            `symptoms: no numbness, tingling, weakness or ${referred.length > 0 ? 'pain radiating into the limb' : 'radiating pain'} recorded for the limb`,
            ...referred.map(
              (x) => `${x.path}.kind = ${x.item.kind}: pain referred from a joint or the limb girdle, not reaching the distal limb`,
            ),
          ]);
    },
  }),
  defineFact<boolean>({
    id: 'electrodiagnostics.limbSigns',
    type: 'boolean',
    description:
      'Objective neurologic signs in the limb studied: sensory deficit, weakness, reflex change, atrophy, grip weakness, Tinel or Phalen, a provocative test (Spurling, median compression, straight-leg raise). False when they were examined and normal.',
    reads: ['exam[]', 'services[].side'],
    derive: (ctx) => examined(limbFindings(ctx, SIGN_FINDINGS), 'exam: no neurologic finding recorded for the limb'),
  }),
  defineFact<boolean>({
    id: 'electrodiagnostics.motorDeficit',
    type: 'boolean',
    description:
      'A motor deficit in the limb studied: weakness, grip weakness or atrophy on exam. False when strength was examined and normal.',
    reads: ['exam[]'],
    derive: (ctx) =>
      examined(
        limbFindings(ctx, ['motor-weakness', 'grip-weakness', 'muscle-atrophy']).filter((e) => e.item.finding !== 'other'),
        'exam: strength of the limb not recorded',
      ),
  }),
  defineFact<boolean>({
    id: 'electrodiagnostics.entrapmentSuspected',
    type: 'boolean',
    description:
      'A focal entrapment or peripheral neuropathy is suspected in the limb: positive Tinel or Phalen or a nerve compression test, or a diagnosis or symptom naming carpal/cubital/tarsal tunnel, an ulnar, median or peroneal neuropathy, or diabetes. False when Tinel/Phalen were negative, or (lower limb) when the picture is radicular, and nothing points to one.',
    reads: ['exam[]', 'diagnoses[]', 'symptoms[]', 'services[].side'],
    derive: (ctx) => {
      const { tests, yes } = entrapmentFindings(ctx, true);
      if (yes.length > 0) return known(true, yes);
      const negative = tests.filter((e) => isNegative(e.item)).map((e) => `${describe(e)} negative`);
      if (negative.length > 0) return known(false, negative);
      if (limbsOf(ctx).includes('lower') && !limbsOf(ctx).includes('upper')) {
        const radicular = ctx.get<boolean>('electrodiagnostics.radiculopathySuspected');
        if (radicular.value === true)
          return known(false, [...radicular.evidence, 'no sign or diagnosis of peripheral neuropathy or entrapment']);
      }
      return unknown(['no sign, symptom or diagnosis of an entrapment or peripheral neuropathy recorded']);
    },
  }),
  defineFact<boolean>({
    id: 'electrodiagnostics.radiculopathySuspected',
    type: 'boolean',
    description:
      "A radiculopathy or plexopathy is suspected for the limb: radiating or dermatomal symptoms, a radiculopathy/radiculitis/sciatica/plexopathy diagnosis, a positive Spurling or straight-leg raise, or a dermatomal or myotomal deficit. False when the limb's neurologic symptoms are denied and its exam is normal.",
    reads: ['symptoms[]', 'diagnoses[]', 'exam[]'],
    derive: (ctx) => {
      const symptoms = limbSymptoms(ctx).filter(
        (s) => s.item.result !== 'negative' && (RADIATING.test(`${s.item.kind} ${s.item.text ?? ''}`.toLowerCase()) || s.item.dermatome),
      );
      const dx = limbDiagnoses(ctx).filter((d) => RADICULAR_TEXT.test(d.text));
      const signs = limbFindings(ctx, ['straight-leg-raise', 'sensory-deficit', 'motor-weakness', 'reflex-change']).filter(
        (e) =>
          positive(e) &&
          (e.item.finding === 'straight-leg-raise' ||
            (e.item.finding === 'other' && /spurling/.test((e.item.text ?? '').toLowerCase())) ||
            e.item.dermatome !== undefined ||
            e.item.root !== undefined ||
            e.item.level !== undefined),
      );
      const yes = [
        ...symptoms.map((s) => `${s.path}.kind = ${s.item.kind}`),
        ...dx.map((d) => `${d.path} = ${d.text}`),
        ...signs.map((e) => `${describe(e)} positive`),
      ];
      if (yes.length > 0) return known(true, yes);
      const sx = ctx.get<boolean>('electrodiagnostics.limbSymptoms');
      const exam = ctx.get<boolean>('electrodiagnostics.limbSigns');
      if (sx.value === false && exam.value === false) return known(false, [...sx.evidence, ...exam.evidence]);
      return unknown(['no radicular symptom, sign or diagnosis recorded for the limb']);
    },
  }),
  defineFact<boolean>({
    id: 'electrodiagnostics.radiculopathyObvious',
    type: 'boolean',
    description:
      'Radiculopathy is already clinically obvious: an objective dermatomal or myotomal deficit (sensory, motor or reflex) in the limb and a formal MRI or CT report showing nerve-root compression or foraminal stenosis consistent with it. False otherwise.',
    reads: ['exam[]', 'studies[]'],
    derive: (ctx) => {
      const deficits = limbFindings(ctx, ['sensory-deficit', 'motor-weakness', 'reflex-change']).filter(
        (e) => e.item.finding !== 'other' && positive(e),
      );
      if (deficits.length === 0) return known(false, ['exam: no objective sensory, motor or reflex deficit in the limb']);
      const roots = [
        ...new Set(deficits.map((e) => (e.item.dermatome ?? e.item.root)?.toUpperCase()).filter((r): r is string => r !== undefined)),
      ];
      const imaging = corroboratingImaging(ctx, roots);
      if (imaging.length === 0)
        return known(false, [
          ...deficits.map((e) => `${describe(e)} positive`),
          'no formal MRI or CT report shows a corresponding nerve-root compression',
        ]);
      return known(true, [...deficits.map((e) => `${describe(e)} positive`), ...imaging]);
    },
  }),
  defineFact<readonly string[]>({
    id: 'electrodiagnostics.priorStudies',
    type: 'list',
    description: 'Earlier electrodiagnostic studies of the same limb (by region, or by the roots or nerves their findings name).',
    reads: ['studies[]'],
    derive: (ctx) => {
      const prior = priorLimbStudies(ctx);
      return known(
        prior.map((s) => `${s.path}${s.item.date ? ` ${s.item.date}` : ''}`),
        prior.length > 0
          ? prior.map((s) => `${s.path} = emg-ncv${s.item.date ? ` (${s.item.date})` : ''}`)
          : ['studies: no earlier electrodiagnostic study of this limb'],
      );
    },
  }),
  defineFact<readonly string[]>({
    id: 'electrodiagnostics.eventSincePrior',
    type: 'list',
    description:
      'Events since the latest dated earlier study of the limb that change what a new study can show: a surgery of the limb or its spinal region (e.g. a carpal tunnel release, a decompression) dated after it, or a new injury. Not documented when there is no dated earlier study or no such event is recorded.',
    reads: ['studies[]', 'surgeries[]', 'injury.date'],
    derive: (ctx) => {
      const limbs = limbsOf(ctx);
      const dates = priorLimbStudies(ctx)
        .map((p) => p.item.date)
        .filter((d): d is string => d !== undefined);
      if (dates.length === 0) return unknown(['no dated earlier electrodiagnostic study of this limb']);
      const latest = dates.reduce((a, b) => (dayNumber(b) > dayNumber(a) ? b : a));
      const at = ctx.get<string>('imaging.requestDate').value;
      const since = (d: string | undefined): boolean =>
        d !== undefined && dayNumber(d) > dayNumber(latest) && (at === undefined || dayNumber(d) <= dayNumber(at));
      const events: string[] = [];
      indexed(ctx.request.raw.surgeries, 'surgeries').forEach((s) => {
        const level = s.item.levels === undefined ? undefined : Array.isArray(s.item.levels) ? s.item.levels[0] : s.item.levels;
        const surgeryLimbs = s.item.region
          ? limbsOfRegion(s.item.region)
          : level
            ? [spineLimb(String(level))].filter((l): l is Limb => l !== undefined)
            : wordLimbs(`${s.item.kind} ${s.item.text ?? ''}`.toLowerCase());
        if (since(s.item.date) && surgeryLimbs.some((l) => limbs.includes(l)))
          events.push(`${s.path} = ${s.item.kind} ${s.item.date} (after the study of ${latest})`);
      });
      const injury = ctx.request.raw.injury?.date;
      if (since(injury)) events.push(`injury.date = ${injury} (after the study of ${latest})`);
      return events.length > 0
        ? known(events, events)
        : unknown([`no surgery or new injury of the limb recorded after the study of ${latest}`]);
    },
  }),
];
