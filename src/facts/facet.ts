// Facts for facet-mediated pain and the diagnostic-block pathway to neurotomy.
import { defineFact, known, unknown, type FactContext, type FactDefinition } from './types.js';
import { examFindings, findingInSpine, hasOfficialReport, indexed, isNegative, isPositive, serviceSpine, studyInSpine } from './record.js';
import { parseLevels, spineRegionOf } from '../request/levels.js';

const IMAGING = new Set(['mri', 'ct', 'mri-arthrogram', 'xray']);

function officialSpineImaging(ctx: FactContext) {
  const spine = serviceSpine(ctx.service);
  return indexed(ctx.request.raw.studies, 'studies')
    .filter((s) => IMAGING.has(s.item.type) && hasOfficialReport(s.item))
    .filter((s) => studyInSpine(s.item, spine));
}

const FACET_SIGN_WORDS = /facet|kemp|extension[- ](?:and[- ])?rotation|pain (?:on|with) (?:lumbar |cervical )?extension/;

export const facetFacts: FactDefinition[] = [
  defineFact<boolean>({
    id: 'facet.clinicalSigns',
    type: 'boolean',
    description:
      "Exam signs of facet-mediated pain in the region: facet tenderness or a positive facet-loading test (also an `other` finding whose text names facet loading, Kemp's test or pain on extension-rotation).",
    reads: ['exam[]', 'exam[].text'],
    derive: (ctx) => {
      const spine = serviceSpine(ctx.service);
      // a finding recorded as `other` counts when its words name a facet sign (facet loading, Kemp's test)
      const signs = [
        ...examFindings(ctx.request.raw, ['facet-tenderness', 'facet-loading']),
        ...examFindings(ctx.request.raw, 'other').filter((e) => FACET_SIGN_WORDS.test((e.item.text ?? '').toLowerCase())),
      ].filter((e) => findingInSpine(e.item, spine));
      const positive = signs.filter((e) => isPositive(e.item));
      if (positive.length > 0)
        return known(
          true,
          positive.map((e) => `${e.path} = ${e.item.finding} positive`),
        );
      const negative = signs.filter((e) => isNegative(e.item));
      return negative.length > 0
        ? known(
            false,
            negative.map((e) => `${e.path} = ${e.item.finding} negative`),
          )
        : unknown(['exam: no facet tenderness or facet-loading finding recorded']);
    },
  }),
  defineFact<boolean>({
    id: 'facet.imagingCorrelation',
    type: 'boolean',
    description: 'Imaging with a formal report shows facet arthropathy at a requested level (any level when none is given).',
    reads: ['studies[]', 'services[].levels'],
    derive: (ctx) => {
      const studies = officialSpineImaging(ctx);
      if (studies.length === 0) return unknown(['studies: no formally reported imaging of the region']);
      const wanted = ctx.service.levels;
      const hits: string[] = [];
      for (const s of studies) {
        (s.item.findings ?? []).forEach((f, j) => {
          if (f.kind !== 'facet-arthropathy') return;
          const at = f.level ? parseLevels(f.level) : undefined;
          const levels = at?.ok ? at.levels : [];
          if (wanted.length === 0 || levels.length === 0 || levels.some((l) => wanted.includes(l))) {
            hits.push(`${s.path}.findings[${j}] = facet-arthropathy${f.level ? ` ${f.level}` : ''}`);
          }
        });
      }
      return hits.length > 0
        ? known(true, hits)
        : known(
            false,
            studies.map((s) => `${s.path}: no facet arthropathy at ${wanted.join(', ') || 'the requested levels'}`),
          );
    },
  }),
  defineFact<boolean>({
    id: 'facet.neurotomyPlanned',
    type: 'boolean',
    description:
      'The request states the block is a step toward radiofrequency neurotomy (a neurotomy service is described in the request).',
    reads: ['services[]'],
    derive: (ctx) => {
      const rf = ctx.request.services.filter((s) => s.kind === 'facet-radiofrequency-neurotomy' && s.id !== ctx.service.id);
      return rf.length > 0
        ? known(
            true,
            rf.map((s) => `services[${s.index}].kind = facet-radiofrequency-neurotomy`),
          )
        : unknown(['services: no neurotomy planned in the request']);
    },
  }),
  defineFact<number>({
    id: 'facet.diagnosticBlockRelief',
    type: 'number',
    description: 'Best pain relief (%) after an earlier diagnostic medial branch block or facet injection in the region.',
    reads: ['treatments[].reliefPercent'],
    derive: (ctx) => {
      const spine = serviceSpine(ctx.service);
      const blocks = indexed(ctx.request.raw.treatments, 'treatments')
        .filter((t) => t.item.kind === 'medial-branch-block' || t.item.kind === 'facet-joint-injection')
        .filter((t) => {
          if (!spine || !t.item.levels) return true;
          const p = parseLevels(t.item.levels);
          return !p.ok || spineRegionOf(p.levels[0]!) === spine;
        });
      if (blocks.length === 0) return unknown(['treatments: no earlier diagnostic medial branch block']);
      const rated = blocks.filter((t) => t.item.reliefPercent !== undefined);
      if (rated.length === 0) return unknown(blocks.map((t) => `${t.path}.reliefPercent not stated`));
      const best = rated.reduce((a, b) => (b.item.reliefPercent! > a.item.reliefPercent! ? b : a));
      return known(best.item.reliefPercent!, [`${best.path}.reliefPercent = ${best.item.reliefPercent}`]);
    },
  }),
  defineFact<boolean>({
    id: 'facet.fusionAtLevels',
    type: 'boolean',
    description: 'A previous fusion at one of the requested levels.',
    reads: ['surgeries[]', 'services[].levels'],
    derive: (ctx) => {
      const fusions = indexed(ctx.request.raw.surgeries, 'surgeries').filter((s) => /fusion|arthrodesis/i.test(s.item.kind));
      const wanted = ctx.service.levels;
      const hits = fusions.filter((s) => {
        if (!s.item.levels || wanted.length === 0) return true;
        const p = parseLevels(s.item.levels);
        return !p.ok || p.levels.some((l) => wanted.includes(l));
      });
      return hits.length > 0
        ? known(
            true,
            hits.map((s) => `${s.path} = ${s.item.kind}${s.item.levels ? ` ${String(s.item.levels)}` : ''}`),
          )
        : known(false, [fusions.length > 0 ? 'surgeries: fusion at other levels only' : 'surgeries: no fusion recorded']);
    },
  }),
  defineFact<boolean>({
    id: 'facet.spinalStenosis',
    type: 'boolean',
    description: 'Formally reported imaging of the region shows central spinal stenosis.',
    reads: ['studies[]'],
    derive: (ctx) => {
      const studies = officialSpineImaging(ctx);
      const hits = studies.flatMap((s) =>
        (s.item.findings ?? []).map((f, j) => ({ f, p: `${s.path}.findings[${j}]` })).filter(({ f }) => f.kind === 'central-stenosis'),
      );
      if (hits.length > 0)
        return known(
          true,
          hits.map(({ f, p }) => `${p} = central-stenosis${f.level ? ` ${f.level}` : ''}`),
        );
      return studies.length > 0 ? known(false, ['studies: no central stenosis reported']) : unknown();
    },
  }),
];
