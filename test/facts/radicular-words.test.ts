// A radiating symptom written under another kind ("hip pain radiating down the leg" as joint-pain)
// is a radicular symptom; a negated one ("non-radiating") is not.
import { describe, it, expect } from 'vitest';
import { statedInWords } from '../../src/facts/record-terms.js';
import { value } from './harness.js';

describe('statedInWords', () => {
  it('true for a plain statement, false when every mention is negated, undefined when none', () => {
    expect(statedInWords('pain radiating to the foot', /radiat/)).toBe(true);
    expect(statedInWords('denies radiating pain', /radiat/)).toBe(false);
    expect(statedInWords('non-radiating low back pain', /radiat/)).toBe(false);
    expect(statedInWords('low back pain', /radiat/)).toBeUndefined();
  });
});

describe('radiculopathy.symptoms reads the symptom text', () => {
  const esi = { id: 'svc', kind: 'epidural-steroid-injection', levels: 'L4-5', side: 'right' };
  const symptoms = (s: Record<string, unknown>) => value({ symptoms: [s], services: [esi] }, 'radiculopathy.symptoms');
  it('a radiating symptom of another kind, placed by the limb its words name', () => {
    expect(symptoms({ kind: 'joint-pain', region: 'hip', side: 'right', text: 'right hip pain radiating down the leg' })).toBe(true);
    expect(symptoms({ kind: 'low-back-pain', text: 'low back pain with shooting pain into the right calf' })).toBe(true);
  });
  it('not a negated one, nor one of the other spine', () => {
    expect(symptoms({ kind: 'low-back-pain', text: 'non-radiating low back pain' })).toBeUndefined();
    expect(symptoms({ kind: 'neck-pain', text: 'neck pain radiating into the right arm' })).toBeUndefined();
  });
});
