// The speed baseline: the ESI, facet, MBB and TPI criteria written by hand in TypeScript, as a
// team would without a rule engine. Same inputs (validated requests), same criteria, yes/no
// per service; no explanations, evidence or citations.
import type { Request, Service } from '../src/request/schema.js';
import { parseLevels, levelConsistentWithRoot } from '../dist/request/levels.js';

const positive = (r?: string): boolean => r === undefined || r === 'positive';

function radiculopathyOnExam(req: Request): boolean {
  return (req.exam ?? []).some(
    (e) =>
      ['sensory-deficit', 'motor-weakness', 'reflex-change', 'straight-leg-raise'].includes(e.finding) &&
      positive(e.result) &&
      !(e.dermatome ?? e.root ?? 'L').startsWith('C'),
  );
}

function roots(req: Request): string[] {
  return (req.exam ?? []).filter((e) => positive(e.result) && (e.dermatome ?? e.root)).map((e) => (e.dermatome ?? e.root)!);
}

function corroborated(req: Request): boolean {
  const rs = roots(req);
  return (req.studies ?? []).some(
    (s) =>
      s.officialReport !== false &&
      (s.region === undefined || s.region === 'lumbar') &&
      (s.findings ?? []).some(
        (f) =>
          ((s.type === 'mri' || s.type === 'ct') &&
            (f.kind === 'nerve-root-compression' || f.kind === 'foraminal-stenosis') &&
            (rs.length === 0 || !f.level || rs.some((r) => levelConsistentWithRoot(f.level!, r)))) ||
          (s.type === 'emg-ncv' && f.kind === 'radiculopathy'),
      ),
  );
}

function failed(req: Request, kinds: string[]): boolean {
  return (req.treatments ?? []).some((t) => kinds.includes(t.kind) && (t.outcome === 'failed' || t.outcome === 'partial'));
}

function unresponsive(req: Request): boolean {
  return (
    (failed(req, ['physical-therapy', 'home-exercise', 'chiropractic']) || false) &&
    failed(req, ['nsaid', 'muscle-relaxant', 'neuropathic-medication'])
  );
}

function radicular(req: Request): boolean {
  return (
    radiculopathyOnExam(req) ||
    (req.symptoms ?? []).some((s) => /radiat|numb/.test(s.kind) && s.result !== 'negative') ||
    (req.diagnoses ?? []).some((d) => /radicul|sciatica/.test(typeof d === 'string' ? d : d.text))
  );
}

function levelCount(s: Service): number | undefined {
  if (s.levels === undefined) return undefined;
  const p = parseLevels(s.levels);
  return p.ok ? p.levels.length : undefined;
}

function prior(req: Request, kind: string) {
  return (req.treatments ?? []).filter((t) => t.kind === kind);
}

function esi(req: Request, s: Service): boolean {
  const n = levelCount(s);
  const p = prior(req, 'epidural-steroid-injection').at(-1);
  const repeatOk =
    !p || ((p.reliefPercent ?? 0) >= 50 && (p.reliefWeeks ?? 0) >= 6 && p.medicationReduced === true && p.functionImproved === true);
  const levelsOk = n !== undefined && (s.approach === 'interlaminar' ? n <= 1 : n <= 2);
  return radiculopathyOnExam(req) && corroborated(req) && unresponsive(req) && levelsOk && repeatOk && (s.quantity ?? 1) <= 2;
}

function facetSigns(req: Request): boolean {
  return (req.exam ?? []).some((e) => (e.finding === 'facet-tenderness' || e.finding === 'facet-loading') && positive(e.result));
}

function mbb(req: Request, s: Service, all: Service[]): boolean {
  const n = levelCount(s);
  const sedation = all.some((x) => x.for === s.id && x.kind === 'iv-sedation');
  return (
    !radicular(req) &&
    n !== undefined &&
    n <= 2 &&
    unresponsive(req) &&
    facetSigns(req) &&
    !sedation &&
    prior(req, 'medial-branch-block').length === 0
  );
}

function facet(req: Request, s: Service, all: Service[]): boolean {
  const n = levelCount(s);
  return (
    s.purpose === 'diagnostic' &&
    !radicular(req) &&
    n !== undefined &&
    n <= 2 &&
    prior(req, 'facet-joint-injection').length === 0 &&
    mbb(req, s, all)
  );
}

function tpi(req: Request, s: Service): boolean {
  const tp = (req.exam ?? []).find((e) => e.finding === 'trigger-point' && positive(e.result));
  const months = Math.max(0, ...(req.symptoms ?? []).map((x) => x.durationMonths ?? 0));
  const p = prior(req, 'trigger-point-injection').at(-1);
  return (
    !!tp &&
    tp.twitchResponse === true &&
    tp.referredPain === true &&
    months > 3 &&
    unresponsive(req) &&
    !radicular(req) &&
    (s.quantity ?? 1) <= 4 &&
    !/botox|saline|dextrose/i.test(s.label ?? '') &&
    (!p || ((p.reliefPercent ?? 0) > 50 && (p.reliefWeeks ?? 0) >= 6 && p.functionImproved === true))
  );
}

/** Medical necessity of each ESI / facet / MBB / TPI service (associated services follow their primary). */
export function handWritten(req: Request): { id: string; necessary: boolean }[] {
  const out = new Map<string, boolean>();
  for (const s of req.services) {
    if (s.kind === 'epidural-steroid-injection') out.set(s.id, esi(req, s));
    else if (s.kind === 'facet-joint-injection') out.set(s.id, facet(req, s, req.services));
    else if (s.kind === 'medial-branch-block') out.set(s.id, mbb(req, s, req.services));
    else if (s.kind === 'trigger-point-injection') out.set(s.id, tpi(req, s));
  }
  for (const s of req.services) if (s.for && out.has(s.for)) out.set(s.id, out.get(s.for)!);
  return [...out].map(([id, necessary]) => ({ id, necessary }));
}
