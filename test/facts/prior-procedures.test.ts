import { describe, it, expect } from 'vitest';
import { value } from '../helpers.js';

const prior = (extra: Record<string, unknown>) => ({ treatments: [{ kind: 'epidural-steroid-injection', levels: 'L4-5', ...extra }] });

describe('prior procedures of the same kind', () => {
  it('knows a repeat from a first request', () => {
    expect(value(prior({}), 'priorProcedures.isRepeat')).toBe(true);
    expect(value({ treatments: [{ kind: 'physical-therapy', outcome: 'failed' }] }, 'priorProcedures.isRepeat')).toBe(false);
  });
  it('leaves a first request not documented when the record lists no care other than medication', () => {
    expect(value({}, 'priorProcedures.isRepeat')).toBeUndefined();
    expect(value({ treatments: [{ kind: 'nsaid' }, { kind: 'opioid', text: 'Norco' }] }, 'priorProcedures.isRepeat')).toBeUndefined();
    expect(value({ treatments: [{ kind: 'nsaid' }, { kind: 'chiropractic' }] }, 'priorProcedures.isRepeat')).toBe(false);
  });
  it('does not count an injection of another spine region', () => {
    expect(value({ treatments: [{ kind: 'epidural-steroid-injection', levels: 'C5-6' }] }, 'priorProcedures.isRepeat')).toBe(false);
  });
  it('reads relief of the latest earlier treatment', () => {
    const req = {
      treatments: [
        { kind: 'epidural-steroid-injection', date: '2015-01-01', reliefPercent: 80 },
        { kind: 'epidural-steroid-injection', date: '2016-01-01', reliefPercent: 30, reliefWeeks: 2 },
      ],
    };
    expect(value(req, 'priorProcedures.reliefPercent')).toBe(30);
    expect(value(req, 'priorProcedures.reliefWeeks')).toBe(2);
    expect(value(req, 'priorProcedures.count')).toBe(2);
  });
  it('reads an earlier sacroiliac block written as a generic injection with its name in text (the shared format has no such treatment kind)', () => {
    const si = { services: [{ id: 's', kind: 'sacroiliac-joint-injection', region: 'sacroiliac', side: 'right' }] };
    expect(
      value(
        { ...si, treatments: [{ kind: 'injection', text: 'right SI joint injection', reliefPercent: 40 }] },
        'priorProcedures.reliefPercent',
        's',
      ),
    ).toBe(40);
    expect(value({ ...si, treatments: [{ kind: 'other', text: 'sacroiliac-joint-injection' }] }, 'priorProcedures.isRepeat', 's')).toBe(
      true,
    );
    expect(
      value(
        { ...si, treatments: [{ kind: 'injection', text: 'knee cortisone injection', region: 'knee' }] },
        'priorProcedures.isRepeat',
        's',
      ),
    ).toBe(false);
  });
  it('counts injections in the past year, undated ones as recent', () => {
    expect(
      value(
        { treatments: [{ kind: 'epidural-steroid-injection', date: '2014-01-01' }, { kind: 'epidural-steroid-injection' }] },
        'priorProcedures.countLastYear',
      ),
    ).toBe(1);
  });
  it('gives weeks since the last one, and not documented without a date', () => {
    expect(value(prior({ date: '2016-04-01' }), 'priorProcedures.weeksSince')).toBeCloseTo(8.7, 0);
    expect(value(prior({}), 'priorProcedures.weeksSince')).toBeUndefined();
  });
});
