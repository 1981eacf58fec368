// Topic choice by procedure: a service is decided only by the topics that cover the procedure it
// names; one no topic covers is not-covered with the reason, never judged by a neighbour's criteria.
import { describe, it, expect } from 'vitest';
import { checkRequest } from '../../src/api.js';
import { rulePack } from '../../src/rules/pack.js';

const shoulder = (label: string, extra: Record<string, unknown> = {}) =>
  checkRequest(
    {
      format: 'imr-precheck/request@1',
      id: 'topic-choice',
      decisionDate: '2017-01-15',
      patient: { age: 50 },
      injury: { date: '2016-01-01', regions: ['shoulder'] },
      exam: [{ finding: 'rotator-cuff-weakness', region: 'shoulder' }],
      studies: [{ type: 'mri', region: 'shoulder', findings: [{ kind: 'tendon-tear', text: 'full-thickness supraspinatus tear' }] }],
      services: [{ id: 'op', kind: 'surgery', region: 'shoulder', label }],
      ...extra,
    },
    { pack: rulePack() },
  ).services[0]!;

describe('topic selection by procedure', () => {
  it('a procedure no topic covers is not-covered, and the reason names what the region topics cover', () => {
    const r = shoulder('Right shoulder SLAP repair');
    expect(r.prediction).toBe('not-covered');
    expect(r.rationale).toMatch(/slap-repair/);
    expect(r.rationale).toMatch(/rotator cuff repair/);
  });
  it('a covered procedure is decided by its topic', () => {
    const r = shoulder('Right shoulder rotator cuff repair');
    expect(r.prediction).toBe('overturned');
    expect(r.topics).toEqual(['shoulder-surgery']);
  });
  it('a passing request with an uncovered part is not-covered; a failing one stays upheld with a notice', () => {
    expect(shoulder('Right shoulder rotator cuff repair and distal clavicle excision').prediction).toBe('not-covered');
    const failing = shoulder('Right shoulder rotator cuff repair and distal clavicle excision', {
      studies: [{ type: 'mri', region: 'shoulder', findings: [{ kind: 'normal' }] }],
    });
    expect(failing.prediction).toBe('upheld');
    expect(failing.notices.join(' ')).toMatch(/distal-clavicle-excision/);
  });
  it('a request naming no procedure is still judged (and fails for it)', () => {
    const r = shoulder('Right shoulder arthroscopy');
    expect(r.prediction).toBe('upheld');
    expect(r.criteria.find((c) => c.id === 'shoulder-surgery.procedure-specified')?.status).toBe('unmet');
  });
});
