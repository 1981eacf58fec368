import { describe, it, expect } from 'vitest';
import { value } from '../helpers.js';

const inj = (label: string, region = 'knee') => ({ services: [{ id: 's', kind: 'injection', region, label }] });

describe('injection facts', () => {
  it('names what a generic injection injects', () => {
    expect(value(inj('Platelet-rich plasma injection to the right knee'), 'injectionProducts.product')).toBe('prp');
    expect(value(inj('Synvisc-One injection'), 'injectionProducts.product')).toBe('viscosupplement');
    expect(value(inj('lidocaine and dexamethasone injection'), 'injectionProducts.product')).toBe('corticosteroid');
    expect(value(inj('knee injection'), 'injectionProducts.product')).toBeUndefined();
  });
  it('knows whether an earlier steroid injection of the region failed', () => {
    const base = inj('PRP to the knee');
    expect(
      value(
        { ...base, treatments: [{ kind: 'injection', region: 'knee', text: 'cortisone injection', outcome: 'failed' }] },
        'injectionProducts.priorSteroidFailed',
      ),
    ).toBe(true);
    expect(
      value(
        { ...base, treatments: [{ kind: 'injection', region: 'knee', text: 'cortisone injection', outcome: 'improved' }] },
        'injectionProducts.priorSteroidFailed',
      ),
    ).toBe(false);
    expect(value(base, 'injectionProducts.priorSteroidFailed')).toBeUndefined();
    expect(
      value(
        { ...base, treatments: [{ kind: 'injection', region: 'shoulder', text: 'cortisone injection', outcome: 'failed' }] },
        'injectionProducts.priorSteroidFailed',
      ),
    ).toBeUndefined();
  });
  it('reads severe pain from the pain scores', () => {
    expect(value({ ...inj('x'), symptoms: [{ kind: 'joint-pain', score: 8 }] }, 'injectionProducts.severePain')).toBe(true);
    expect(value({ ...inj('x'), symptoms: [{ kind: 'joint-pain', score: 4 }] }, 'injectionProducts.severePain')).toBe(false);
    expect(value(inj('x'), 'injectionProducts.severePain')).toBeUndefined();
  });
  it("places a symptom without a region by its kind: a neck pain score is not the knee's", () => {
    const neck = { kind: 'neck-pain', score: 10 };
    expect(value({ ...inj('x'), symptoms: [neck] }, 'injectionProducts.severePain')).toBeUndefined();
    expect(value({ ...inj('x'), symptoms: [neck, { kind: 'knee-pain', score: 3 }] }, 'injectionProducts.severePain')).toBe(false);
    expect(value({ ...inj('x', 'cervical'), symptoms: [neck] }, 'injectionProducts.severePain')).toBe(true);
  });
  it('counts sacroiliac provocation tests by count, by named tests, or one each', () => {
    const si = { services: [{ id: 's', kind: 'sacroiliac-joint-injection' }] };
    expect(value({ ...si, exam: [{ finding: 'sacroiliac-provocation', count: 4 }] }, 'injectionProducts.sacroiliacProvocationTests')).toBe(
      4,
    );
    expect(
      value(
        { ...si, exam: [{ finding: 'sacroiliac-provocation', text: 'FABER, Gaenslen and thigh thrust positive' }] },
        'injectionProducts.sacroiliacProvocationTests',
      ),
    ).toBe(3);
    expect(
      value({ ...si, exam: [{ finding: 'sacroiliac-provocation', result: 'positive' }] }, 'injectionProducts.sacroiliacProvocationTests'),
    ).toBe(1);
    expect(
      value({ ...si, exam: [{ finding: 'sacroiliac-provocation', result: 'negative' }] }, 'injectionProducts.sacroiliacProvocationTests'),
    ).toBe(0);
    expect(value(si, 'injectionProducts.sacroiliacProvocationTests')).toBeUndefined();
  });
  it('finds osteoarthritis and tendinopathy', () => {
    expect(value({ ...inj('x'), diagnoses: ['primary osteoarthritis of the right knee'] }, 'painConditions.osteoarthritis')).toBe(true);
    expect(
      value(
        { ...inj('x'), studies: [{ type: 'xray', region: 'knee', findings: [{ kind: 'cartilage-loss' }] }] },
        'painConditions.osteoarthritis',
      ),
    ).toBe(true);
    expect(value({ ...inj('x'), diagnoses: ['knee sprain'] }, 'painConditions.osteoarthritis')).toBe(false);
    expect(value(inj('x'), 'painConditions.osteoarthritis')).toBeUndefined();
    expect(value({ ...inj('x'), diagnoses: ['lateral epicondylitis'] }, 'painConditions.tendinopathy')).toBe(true);
  });
});

describe('earlier knee steroid injections', () => {
  const inj = { id: 'svc', kind: 'injection', region: 'knee', date: '2017-01-10', label: 'Cortisone injection, right knee' };
  it('injectionProducts.priorSteroidCount counts earlier ones (sessions, else one); the service itself is not earlier', () => {
    expect(
      value(
        { treatments: [{ kind: 'injection', region: 'knee', sessions: 2, text: 'cortisone' }], services: [inj] },
        'injectionProducts.priorSteroidCount',
      ),
    ).toBe(2);
    expect(
      value(
        { treatments: [{ kind: 'injection', region: 'knee', date: '2017-01-10', text: 'cortisone' }], services: [inj] },
        'injectionProducts.priorSteroidCount',
      ),
    ).toBe(0);
    expect(value({ treatments: [{ kind: 'nsaid' }], services: [inj] }, 'injectionProducts.priorSteroidCount')).toBe(0);
    expect(value({ services: [inj] }, 'injectionProducts.priorSteroidCount')).toBeUndefined();
  });
  it('injectionProducts.priorSteroidResponse reads the latest one; failed means none', () => {
    const treatments = [
      { kind: 'injection', region: 'knee', date: '2016-06-01', outcome: 'improved', text: 'cortisone' },
      { kind: 'injection', region: 'knee', date: '2016-10-01', outcome: 'failed', text: 'cortisone' },
    ];
    expect(value({ treatments, services: [inj] }, 'injectionProducts.priorSteroidResponse')).toBe('none');
    expect(
      value(
        { treatments: [{ kind: 'injection', region: 'knee', text: 'cortisone' }], services: [inj] },
        'injectionProducts.priorSteroidResponse',
      ),
    ).toBeUndefined();
  });
});

describe('injectionProducts.priorViscosupplementReliefWeeks', () => {
  const visco = { id: 'svc', kind: 'injection', region: 'knee', label: 'Synvisc injection' };
  it('the latest earlier series: its relief weeks, 0 when it failed, else not documented', () => {
    expect(
      value(
        { treatments: [{ kind: 'injection', region: 'knee', reliefWeeks: 30, text: 'Synvisc series' }], services: [visco] },
        'injectionProducts.priorViscosupplementReliefWeeks',
      ),
    ).toBe(30);
    expect(
      value(
        { treatments: [{ kind: 'injection', region: 'knee', outcome: 'failed', text: 'hyaluronic acid x3' }], services: [visco] },
        'injectionProducts.priorViscosupplementReliefWeeks',
      ),
    ).toBe(0);
    expect(
      value(
        { treatments: [{ kind: 'injection', region: 'knee', text: 'Euflexxa' }], services: [visco] },
        'injectionProducts.priorViscosupplementReliefWeeks',
      ),
    ).toBeUndefined();
    expect(
      value(
        { treatments: [{ kind: 'injection', region: 'knee', text: 'cortisone' }], services: [visco] },
        'injectionProducts.priorViscosupplementReliefWeeks',
      ),
    ).toBeUndefined();
  });
});

describe('injectionProducts.targetFindings', () => {
  const prp = { id: 'prp', kind: 'injection', region: 'foot', text: 'platelet rich plasma' } as never;
  const withExam = (exam: unknown[]) => value({ exam, services: [prp] }, 'injectionProducts.targetFindings');
  it('is true for a positive local finding at the injected region, or an other finding naming one', () => {
    expect(withExam([{ finding: 'joint-tenderness', result: 'positive', region: 'foot' }])).toBe(true);
    expect(withExam([{ finding: 'other', result: 'positive', region: 'foot', text: 'tenderness at the plantar fascia insertion' }])).toBe(
      true,
    );
  });
  it('is false when the region was examined without a local sign', () => {
    expect(
      withExam([
        { finding: 'swelling', result: 'negative', region: 'foot' },
        { finding: 'other', result: 'positive', region: 'foot', text: 'pulses palpable' },
      ]),
    ).toBe(false);
  });
  it('is not documented when only another region or only nerves were examined', () => {
    expect(withExam([{ finding: 'joint-tenderness', result: 'positive', region: 'knee' }])).toBeUndefined();
    expect(withExam([{ finding: 'sensory-deficit', result: 'negative', region: 'foot' }])).toBeUndefined();
    expect(withExam([])).toBeUndefined();
  });
});
