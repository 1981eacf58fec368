// Radiculopathy on examination versus radicular symptoms only, in the service's spine region.
import { defineFact, known, unknown, type FactDefinition, type FactContext } from './types.js';
import {
  examFindings,
  findingInSpine,
  findingRoots,
  isNegative,
  isPositive,
  serviceSpine,
  indexed,
  diagnosisTexts,
  itemInRegion,
  type Spine,
} from './record.js';
import { spineRegionOf } from '../request/levels.js';
import type { ExamFinding, Symptom } from '../request/schema.js';
import { statedInWords } from './record-terms.js';
import { nerveWords } from './nerve-words.js';

/** Objective exam signs of radiculopathy (the CPMTG's "documented by physical examination"). */
const OBJECTIVE_SIGNS: readonly ExamFinding['finding'][] = ['sensory-deficit', 'motor-weakness', 'reflex-change', 'straight-leg-raise'];

function signLabel(f: ExamFinding): string {
  const where = findingRoots(f).join('/');
  return `${f.finding}${where ? ` ${where}` : ''}${f.side ? ` ${f.side}` : ''}`;
}

function objectiveSigns(ctx: FactContext) {
  const spine = serviceSpine(ctx.service);
  return examFindings(ctx.request.raw, OBJECTIVE_SIGNS).filter((e) => findingInSpine(e.item, spine));
}

const RADICULAR_SYMPTOM = nerveWords('symptoms.radiating', 'symptoms.radicular', 'symptoms.sensory', 'symptoms.limbPain');
/** Words of a symptom's text that make it radicular whatever its kind ("hip pain radiating down the leg"). */
const RADICULAR_WORDS = nerveWords('symptoms.radiating', 'symptoms.radicular');

/** A radicular symptom: its kind says so, or its text does (not negated: "non-radiating"). */
const radicularSymptom = (s: Symptom): boolean =>
  RADICULAR_SYMPTOM.test(s.kind.toLowerCase()) || statedInWords(s.text, RADICULAR_WORDS) === true;

function symptomSpine(s: Symptom): Spine | undefined {
  if (s.dermatome) return spineRegionOf(s.dermatome.toUpperCase());
  if (/leg|sciatic/.test(s.kind)) return 'lumbar';
  if (/arm|hand/.test(s.kind)) return 'cervical';
  // a radiating symptom of another kind: the limb its words name
  const words = RADICULAR_SYMPTOM.test(s.kind.toLowerCase()) ? '' : (s.text ?? '').toLowerCase();
  if (/\b(legs?|thighs?|calf|calves|foot|feet|toes?|sciatic)\b/.test(words)) return 'lumbar';
  if (/\b(arms?|forearms?|hands?|fingers?|thumbs?)\b/.test(words)) return 'cervical';
  return undefined;
}

const DIAGNOSIS = nerveWords('diagnoses.radicular', 'diagnoses.neuritis');
const SPINE_WORDS: Record<Spine, RegExp> = {
  cervical: /cervical|neck/,
  thoracic: /thoracic/,
  lumbar: /lumbar|lumbosacral|low back|sciatica/,
};

export const radiculopathyFacts: FactDefinition[] = [
  defineFact<readonly string[]>({
    id: 'radiculopathy.examSigns',
    type: 'list',
    description:
      'Positive objective exam signs of radiculopathy in the service region: dermatomal sensory deficit, motor weakness, reflex change, positive straight-leg raise.',
    reads: ['exam[]'],
    derive: (ctx) => {
      const positive = objectiveSigns(ctx).filter((e) => isPositive(e.item));
      return known(
        positive.map((e) => signLabel(e.item)),
        positive.map((e) => `${e.path} = ${signLabel(e.item)} positive`),
      );
    },
  }),
  defineFact<boolean>({
    id: 'radiculopathy.onExam',
    type: 'boolean',
    description:
      'Radiculopathy documented on physical examination (at least one objective sign positive); false when the signs were examined and all negative.',
    reads: ['exam[]'],
    derive: (ctx) => {
      const signs = objectiveSigns(ctx);
      const positive = signs.filter((e) => isPositive(e.item));
      if (positive.length > 0)
        return known(
          true,
          positive.map((e) => `${e.path} = ${signLabel(e.item)} positive`),
        );
      const negative = signs.filter((e) => isNegative(e.item));
      if (negative.length > 0)
        return known(
          false,
          negative.map((e) => `${e.path} = ${signLabel(e.item)} negative`),
        );
      return unknown(['exam: no sensory, motor, reflex or straight-leg-raise finding recorded for this region']);
    },
  }),
  defineFact<readonly string[]>({
    id: 'radiculopathy.roots',
    type: 'list',
    description: 'Nerve roots or dermatomes named by positive exam signs.',
    reads: ['exam[].dermatome', 'exam[].root'],
    derive: (ctx) => {
      const named = objectiveSigns(ctx).filter((e) => isPositive(e.item) && findingRoots(e.item).length > 0);
      const roots = [...new Set(named.flatMap((e) => findingRoots(e.item)))];
      return roots.length > 0
        ? known(
            roots,
            named.map((e) => `${e.path} = ${signLabel(e.item)}`),
          )
        : unknown();
    },
  }),
  defineFact<boolean>({
    id: 'radiculopathy.symptoms',
    type: 'boolean',
    description:
      'Radicular symptoms (radiating limb pain, numbness, tingling) in the service region, or dermatomal radicular pain on exam.',
    reads: ['symptoms[]', 'exam[]'],
    derive: (ctx) => {
      const spine = serviceSpine(ctx.service);
      const symptoms = indexed(ctx.request.raw.symptoms, 'symptoms')
        .filter((s) => radicularSymptom(s.item))
        .filter((s) => {
          const own = symptomSpine(s.item);
          return !spine || !own || own === spine;
        })
        .filter((s) => itemInRegion(s.item.region, ctx.service) || symptomSpine(s.item) !== undefined);
      const dermatomal = examFindings(ctx.request.raw, 'radicular-pain-dermatomal').filter((e) => findingInSpine(e.item, spine));
      const positive = [
        ...symptoms.filter((s) => s.item.result !== 'negative').map((s) => `${s.path}.kind = ${s.item.kind}`),
        ...dermatomal.filter((e) => isPositive(e.item)).map((e) => `${e.path} = radicular-pain-dermatomal positive`),
      ];
      if (positive.length > 0) return known(true, positive);
      const negative = [
        ...symptoms.map((s) => `${s.path}.kind = ${s.item.kind} (denied)`),
        ...dermatomal.map((e) => `${e.path} = radicular-pain-dermatomal negative`),
      ];
      return negative.length > 0 ? known(false, negative) : unknown();
    },
  }),
  defineFact<boolean>({
    id: 'radiculopathy.diagnosed',
    type: 'boolean',
    description:
      'A diagnosis of radiculopathy, radiculitis, neuritis or sciatica for the service region. Never false: an absent diagnosis is not documented.',
    reads: ['diagnoses[]'],
    derive: (ctx) => {
      const spine = serviceSpine(ctx.service);
      const hits = diagnosisTexts(ctx.request.raw).filter(
        (d) =>
          DIAGNOSIS.test(d.text) &&
          (!spine || !Object.values(SPINE_WORDS).some((re) => re.test(d.text)) || SPINE_WORDS[spine].test(d.text)),
      );
      return hits.length > 0
        ? known(
            true,
            hits.map((d) => `${d.path} = ${d.text}`),
          )
        : unknown();
    },
  }),
  defineFact<boolean>({
    id: 'radiculopathy.present',
    type: 'boolean',
    description:
      'Any sign of radiculopathy in the service region: exam signs, radicular symptoms, a radiculopathy diagnosis, or an EMG showing radiculopathy. False when the record shows none.',
    reads: ['exam[]', 'symptoms[]', 'diagnoses[]', 'studies[]'],
    derive: (ctx) => {
      const parts = [
        'radiculopathy.onExam',
        'radiculopathy.symptoms',
        'radiculopathy.diagnosed',
        'corroboration.radiculopathyByElectrodiagnostics',
      ].map((id) => ctx.get<boolean>(id));
      const yes = parts.filter((p) => p.value === true);
      if (yes.length > 0)
        return known(
          true,
          yes.flatMap((p) => p.evidence),
        );
      return known(false, ['no radicular exam sign, symptom, diagnosis or EMG finding recorded for this region']);
    },
  }),
  defineFact<boolean>({
    id: 'radiculopathy.clearCut',
    type: 'boolean',
    description: 'Clear-cut radiculopathy: objective exam signs together with radicular symptoms or a radiculopathy diagnosis.',
    reads: ['exam[]', 'symptoms[]', 'diagnoses[]'],
    derive: (ctx) => {
      const exam = ctx.get<boolean>('radiculopathy.onExam');
      const symptoms = ctx.get<boolean>('radiculopathy.symptoms');
      const diagnosed = ctx.get<boolean>('radiculopathy.diagnosed');
      if (exam.value === false) return known(false, exam.evidence);
      if (exam.value === true && (symptoms.value === true || diagnosed.value === true)) {
        return known(true, [...exam.evidence, ...symptoms.evidence, ...diagnosed.evidence]);
      }
      if (exam.value === true && symptoms.value === false) return known(false, symptoms.evidence);
      return unknown([...exam.evidence, ...symptoms.evidence]);
    },
  }),
];
