// The worker's duty status in the record's words, for a record whose patient.workStatus is not given.
import { describe, it, expect } from 'vitest';
import { value } from './harness.js';

const fce = { id: 'svc', kind: 'functional-capacity-evaluation', label: 'Functional capacity evaluation' };
const status = (fields: Record<string, unknown>) => value({ ...fields, services: [fce] }, 'painConditions.workStatus');
const working = (fields: Record<string, unknown>) => value({ ...fields, services: [fce] }, 'documentation.patientWorking');

describe('work status from words', () => {
  it('reads the one status the words state', () => {
    expect(status({ documentation: { notes: 'remains on temporary total disability' } })).toBe('off-work');
    expect(working({ documentation: { notes: 'remains on temporary total disability' } })).toBe(false);
    expect(status({ treatments: [{ kind: 'activity-modification', text: 'light duty since November' }] })).toBe('modified-duty');
    expect(working({ treatments: [{ kind: 'activity-modification', text: 'light duty since November' }] })).toBe(true);
    expect(status({ documentation: { notes: 'returned to work on modified duty' } })).toBe('modified-duty');
  });
  it('the field wins; negated, conflicting or absent words say nothing', () => {
    expect(status({ patient: { workStatus: 'full-duty' }, documentation: { notes: 'was off work in October' } })).toBe('full-duty');
    expect(status({ documentation: { notes: 'has not returned to full duty' } })).toBeUndefined();
    expect(status({ documentation: { notes: 'off work; light duty offered' } })).toBeUndefined();
    expect(status({ treatments: [{ kind: 'activity-modification', text: 'work restrictions' }] })).toBeUndefined();
  });
  it('the request words are not the record', () => {
    expect(status({ services: [{ ...fce, text: 'to decide return to full duty' }] })).toBeUndefined();
  });
});
