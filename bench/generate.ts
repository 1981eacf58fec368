// A seeded generator of realistic requests: the injection, opioid and other services the
// rule pack covers, with records that meet some criteria and miss others.

/** mulberry32: small, fast, deterministic. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type Kind = 'esi' | 'facet' | 'mbb' | 'tpi' | 'opioid' | 'other';

export function generate(count: number, seed = 42): { json: string; kind: Kind }[] {
  const r = rng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
  const maybe = <T>(p: number, x: T): T | undefined => (r() < p ? x : undefined);
  const out: { json: string; kind: Kind }[] = [];
  for (let i = 0; i < count; i++) {
    const kind = pick(['esi', 'esi', 'esi', 'facet', 'mbb', 'mbb', 'tpi', 'tpi', 'opioid', 'other'] as const);
    const root = pick(['L4', 'L5', 'S1']);
    const level = pick(['L4-5', 'L5-S1', 'L3-4']);
    const exam = [
      maybe(0.7, { finding: 'straight-leg-raise', result: pick(['positive', 'negative']), side: 'right' }),
      maybe(0.7, { finding: 'sensory-deficit', result: pick(['positive', 'negative']), dermatome: root }),
      maybe(0.4, { finding: 'motor-weakness', result: pick(['positive', 'negative']), root }),
      maybe(0.5, { finding: 'facet-loading', result: pick(['positive', 'negative']), region: 'lumbar' }),
      maybe(0.5, { finding: 'trigger-point', result: 'positive', region: 'lumbar', twitchResponse: r() < 0.6, referredPain: r() < 0.6 }),
      { finding: 'paraspinal-tenderness', result: 'positive', region: 'lumbar' },
    ].filter(Boolean);
    const studies = [
      maybe(0.8, {
        type: 'mri',
        region: 'lumbar',
        date: '2015-05-02',
        officialReport: r() < 0.7,
        findings: [
          { kind: pick(['nerve-root-compression', 'foraminal-stenosis', 'disc-protrusion', 'normal']), level },
          maybe(0.5, { kind: 'facet-arthropathy', level: pick(['L4-5', 'L5-S1', 'L3-S1']) }),
        ].filter(Boolean),
      }),
      maybe(0.2, { type: 'emg-ncv', officialReport: true, findings: [{ kind: pick(['radiculopathy', 'normal']), root }] }),
    ].filter(Boolean);
    const treatments = [
      maybe(0.8, {
        kind: 'physical-therapy',
        sessions: 6 + Math.floor(r() * 18),
        outcome: pick(['failed', 'partial', 'improved', undefined]),
        durationWeeks: 2 + Math.floor(r() * 10),
      }),
      maybe(0.6, { kind: 'home-exercise', outcome: pick(['failed', undefined]) }),
      maybe(0.7, { kind: 'nsaid', outcome: pick(['failed', 'improved', undefined]) }),
      maybe(0.5, { kind: 'muscle-relaxant', outcome: pick(['failed', undefined]) }),
      maybe(0.3, {
        kind: kind === 'tpi' ? 'trigger-point-injection' : 'epidural-steroid-injection',
        date: pick(['2015-09-01', '2016-03-15']),
        reliefPercent: Math.floor(r() * 100),
        reliefWeeks: Math.floor(r() * 12),
        medicationReduced: r() < 0.5,
        functionImproved: r() < 0.5,
      }),
      maybe(0.2, { kind: 'medial-branch-block', date: '2016-01-10', reliefPercent: Math.floor(r() * 100) }),
    ].filter(Boolean);
    const services: unknown[] = [];
    if (kind === 'esi') {
      services.push({
        id: 'esi',
        kind: 'epidural-steroid-injection',
        approach: pick(['transforaminal', 'interlaminar', undefined]),
        levels: pick([level, [level, 'L5-S1'], 'L3-S1']),
        side: pick(['left', 'right', 'bilateral']),
        label: 'Lumbar ESI under fluoroscopy',
      });
      if (r() < 0.5) services.push({ id: 'fluoro', kind: 'fluoroscopic-guidance', for: 'esi' });
      if (r() < 0.3) services.push({ id: 'pt', kind: 'physical-therapy', quantity: 6, for: 'esi' });
    } else if (kind === 'facet') {
      services.push({
        id: 'facet',
        kind: 'facet-joint-injection',
        purpose: pick(['diagnostic', 'therapeutic', undefined]),
        levels: pick(['L4-5', ['L4-5', 'L5-S1'], 'L3-S1']),
        side: 'bilateral',
      });
      if (r() < 0.5) services.push({ id: 'sed', kind: 'iv-sedation', for: 'facet' });
    } else if (kind === 'mbb') {
      services.push({ id: 'mbb', kind: 'medial-branch-block', levels: pick(['L4-5', ['L4-5', 'L5-S1'], 'L3-S1']), side: 'bilateral' });
      if (r() < 0.3) services.push({ id: 'sed', kind: 'iv-sedation', for: 'mbb' });
    } else if (kind === 'tpi') {
      services.push({
        id: 'tpi',
        kind: 'trigger-point-injection',
        quantity: 1 + Math.floor(r() * 5),
        region: 'lumbar',
        label: pick(['TPI with lidocaine', 'TPI x 3', 'TPI with Botox']),
      });
    } else if (kind === 'opioid') {
      services.push({
        id: 'rx',
        kind: 'medication',
        name: pick(['Norco', 'Tramadol', 'Percocet']),
        strength: '10/325 mg',
        quantity: maybe(0.8, 60 + Math.floor(r() * 60)),
      });
    } else {
      services.push({ id: 'ride', kind: 'transportation' }, { id: 'medrol', kind: 'medication', name: 'Medrol dosepak' });
    }
    const request = {
      format: 'imr-precheck/request@1',
      id: `bench-${i}`,
      decisionDate: pick(['2015-06-01', '2016-12-01', '2017-01-20']),
      patient: {
        age: 25 + Math.floor(r() * 45),
        sex: pick(['male', 'female']),
        workStatus: pick(['modified-duty', 'off-work', 'full-duty']),
      },
      injury: { date: pick(['2013-04-02', '2014-08-19', '2016-06-30']), regions: ['lumbar'] },
      diagnoses: [pick(['lumbar radiculopathy', 'lumbar facet syndrome', 'myofascial pain', 'lumbar strain'])],
      symptoms: [
        { kind: 'low-back-pain', score: 3 + Math.floor(r() * 7), durationMonths: 1 + Math.floor(r() * 36) },
        maybe(0.6, { kind: 'radiating-leg-pain', side: 'right', dermatome: root }),
      ].filter(Boolean),
      exam,
      studies,
      treatments,
      medications:
        r() < 0.4 ? [{ name: 'hydrocodone/acetaminophen', opioid: true, morphineEquivalentDaily: 20 + Math.floor(r() * 120) }] : undefined,
      documentation: {
        functionalImprovement: maybe(0.6, r() < 0.5),
        homeExerciseProgram: maybe(0.6, true),
        risksDiscussed: maybe(0.4, true),
        opioidMonitoring: maybe(0.5, {
          analgesia: true,
          activities: r() < 0.7,
          adverseEffects: true,
          aberrantBehavior: r() < 0.7,
          urineDrugScreen: r() < 0.6,
          cures: r() < 0.5,
        }),
        cannotUseOrdinaryTransport: maybe(0.3, r() < 0.5),
      },
      services,
    };
    out.push({ json: JSON.stringify(request), kind });
  }
  return out;
}
