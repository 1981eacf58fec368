// Corroboration of radiculopathy by imaging (nerve-root compression or foraminal stenosis at a
// level consistent with the exam's root) or by electrodiagnostics (EMG radiculopathy). Only
// studies whose formal report is in the record count.
import { defineFact, known, unknown, type Fact, type FactContext, type FactDefinition } from './types.js';
import { indexed, hasOfficialReport, serviceSpine, studyInSpine, type Indexed } from './record.js';
import { levelConsistentWithRoot, spineRegionOf } from '../request/levels.js';
import type { Study } from '../request/schema.js';

const CROSS_SECTIONAL = new Set<Study['type']>(['mri', 'ct', 'mri-arthrogram']);
const COMPRESSIVE = new Set(['nerve-root-compression', 'foraminal-stenosis']);

function regionStudies(ctx: FactContext, types: (t: Study['type']) => boolean): Indexed<Study>[] {
  const spine = serviceSpine(ctx.service);
  return indexed(ctx.request.raw.studies, 'studies')
    .filter((s) => types(s.item.type))
    .filter((s) => studyInSpine(s.item, spine));
}

function consistent(level: string | undefined, root: string | undefined, roots: readonly string[] | undefined): boolean {
  if (!roots || roots.length === 0) return true;
  if (root && roots.includes(root.toUpperCase())) return true;
  if (!level) return !root;
  return roots.some((r) => levelConsistentWithRoot(level.toUpperCase(), r));
}

function corroborate(ctx: FactContext, studies: Indexed<Study>[], kinds: ReadonlySet<string>, what: string): Fact<boolean> {
  const spine = serviceSpine(ctx.service);
  if (studies.length === 0) return unknown([`studies: no ${what} of the ${spine ? `${spine} spine` : 'spine'} in the record`]);
  const official = studies.filter((s) => hasOfficialReport(s.item));
  if (official.length === 0) {
    return unknown(studies.map((s) => `${s.path}.officialReport = false`));
  }
  const roots = ctx.get<readonly string[]>('radiculopathy.roots').value;
  const hits: string[] = [];
  for (const s of official) {
    (s.item.findings ?? []).forEach((f, j) => {
      if (!kinds.has(f.kind)) return;
      if (f.level && serviceSpine(ctx.service) && spineRegionOf(f.level.toUpperCase()) !== serviceSpine(ctx.service)) return;
      if (consistent(f.level, f.root, roots))
        hits.push(
          `${s.path}.findings[${j}] = ${f.kind}${f.level ? ` ${f.level}` : ''}${f.root ? ` ${f.root}` : ''}${f.side ? ` ${f.side}` : ''}`,
        );
    });
  }
  if (hits.length > 0) return known(true, hits);
  const rootsNote = roots && roots.length > 0 ? ` consistent with ${roots.join(', ')}` : '';
  return known(
    false,
    official.map(
      (s) => `${s.path} (${s.item.type}${s.item.date ? ` ${s.item.date}` : ''}): no ${[...kinds].join(' or ')} finding${rootsNote}`,
    ),
  );
}

export const corroborationFacts: FactDefinition[] = [
  defineFact<boolean>({
    id: 'corroboration.radiculopathyByImaging',
    type: 'boolean',
    description:
      "An MRI or CT with a formal report shows nerve-root compression or foraminal stenosis at a level consistent with the exam's root. False when such studies show none; not documented when there is no formal report.",
    reads: ['studies[]', 'exam[].dermatome'],
    derive: (ctx) =>
      corroborate(
        ctx,
        regionStudies(ctx, (t) => CROSS_SECTIONAL.has(t)),
        COMPRESSIVE,
        'MRI or CT',
      ),
  }),
  defineFact<boolean>({
    id: 'corroboration.radiculopathyByElectrodiagnostics',
    type: 'boolean',
    description: "An EMG/NCV with a formal report shows radiculopathy consistent with the exam's root.",
    reads: ['studies[]', 'exam[].dermatome'],
    derive: (ctx) =>
      corroborate(
        ctx,
        regionStudies(ctx, (t) => t === 'emg-ncv'),
        new Set(['radiculopathy']),
        'EMG/NCV',
      ),
  }),
  defineFact<boolean>({
    id: 'corroboration.radiculopathy',
    type: 'boolean',
    description: 'Radiculopathy corroborated by imaging and/or electrodiagnostic testing.',
    reads: ['studies[]'],
    derive: (ctx) => {
      const imaging = ctx.get<boolean>('corroboration.radiculopathyByImaging');
      const edx = ctx.get<boolean>('corroboration.radiculopathyByElectrodiagnostics');
      if (imaging.value === true || edx.value === true) {
        return known(true, [...(imaging.value ? imaging.evidence : []), ...(edx.value ? edx.evidence : [])]);
      }
      const evidence = [...imaging.evidence, ...edx.evidence];
      // A formal MRI/CT without a compressive finding fails the criterion as documented (an EMG
      // could still corroborate, which the to-overturn advice says); no imaging leaves it open.
      return imaging.value === false ? known(false, evidence) : unknown(evidence);
    },
  }),
];
