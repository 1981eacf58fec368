// The engine decides, then explains: the decision step gives statuses and leaf results, the
// explanation step words them; a criterion's evidence is that of the leaves that decided it.
import { describe, it, expect } from 'vitest';
import { makeRequest } from '../helpers.js';
import { normalizeRequest } from '../../src/request/normalize.js';
import { rulePack } from '../../src/rules/pack.js';
import { decide } from '../../src/engine/decide.js';
import { explainDecision, evidenceOf } from '../../src/engine/explain.js';
import { determine } from '../../src/engine/determine.js';

const pack = rulePack();
// an MRI of the foot two weeks after the injury: too early (ACOEM: about four weeks)
const request = normalizeRequest(
  makeRequest({
    injury: { date: '2016-02-01', regions: ['foot'] },
    symptoms: [{ kind: 'foot-pain', region: 'foot', side: 'right' }],
    studies: [{ type: 'xray', region: 'foot', side: 'right', date: '2016-02-02', officialReport: true, findings: [{ kind: 'normal' }] }],
    treatments: [{ kind: 'physical-therapy', sessions: 6, outcome: 'failed', region: 'foot' }],
    services: [
      { id: 'mri', kind: 'imaging', modality: 'mri', region: 'foot', side: 'right', date: '2016-02-15', label: 'MRI of the right foot' },
    ],
  }),
);

describe('decide, then explain', () => {
  const decision = decide(request, pack);
  const service = decision.services[0]!;

  it('the decision gives the outcome, the statuses and the leaf results', () => {
    expect(service.prediction).toBe('upheld');
    expect(service.route).toBe('topics');
    if (service.route !== 'topics') return;
    const timing = service.evaluation.criteria.find((c) => c.criterion.id === 'ankle-foot-imaging.observation-period')!;
    expect(timing.status).toBe('unmet');
    expect(timing.trace.leaves.map((l) => l.fact)).toEqual([
      'imaging.symptomWeeksAtRequest',
      'service.modality',
      'imaging.fractureConcern',
    ]);
    expect(timing.trace.leaves[0]).toMatchObject({ value: 2, operator: 'greaterThanInclusive', expected: 4, result: 0 });
    // any [weeks ≥ 4, all [xray, fracture concern]] is false because of the weeks and the modality;
    // whatever the record says of a fracture concern does not decide it
    expect(timing.trace.deciding.map((l) => l.fact)).toEqual(['imaging.symptomWeeksAtRequest', 'service.modality']);
    expect(service.evaluation.context.guideline?.source).toBe('MTUS-ACOEM');
  });

  it('the explanation shows the evidence of the deciding leaves only', () => {
    const result = explainDecision(decision).services[0]!;
    const timing = result.criteria.find((c) => c.id === 'ankle-foot-imaging.observation-period')!;
    const fracture = timing.evidence.filter((e) => /redFlags/.test(e));
    expect(fracture).toEqual([]);
    expect(timing.evidence).toEqual(
      service.route === 'topics' ? evidenceOf(service.evaluation.criteria.find((c) => c.criterion.id === timing.id)!.trace) : [],
    );
    expect(timing.evidence.join('; ')).toMatch(/2 weeks/);
    expect(result.rationale).toMatch(/2 weeks after the onset/);
  });

  it('determine is the two steps', () => {
    expect(determine(request, pack)).toEqual(explainDecision(decide(request, pack)));
  });
});
