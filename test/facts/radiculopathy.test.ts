import { describe, it, expect } from 'vitest';
import { fact, value } from '../helpers.js';

describe('radiculopathy.onExam', () => {
  it('is true with a positive dermatomal sensory deficit, and cites the finding', () => {
    const f = fact({ exam: [{ finding: 'sensory-deficit', result: 'positive', dermatome: 'L5', side: 'right' }] }, 'radiculopathy.onExam');
    expect(f.value).toBe(true);
    expect(f.evidence[0]).toContain('exam[0]');
  });
  it('is false when the signs were examined and negative', () => {
    expect(
      value(
        {
          exam: [
            { finding: 'straight-leg-raise', result: 'negative' },
            { finding: 'motor-weakness', result: 'negative' },
          ],
        },
        'radiculopathy.onExam',
      ),
    ).toBe(false);
  });
  it('is not documented when no neurologic finding is recorded', () => {
    expect(value({ exam: [{ finding: 'paraspinal-tenderness' }] }, 'radiculopathy.onExam')).toBeUndefined();
  });
  it('ignores a cervical finding for a lumbar service', () => {
    expect(value({ exam: [{ finding: 'sensory-deficit', dermatome: 'C6' }] }, 'radiculopathy.onExam')).toBeUndefined();
  });
  it('ignores radiating pain, which is a symptom, not an exam sign', () => {
    expect(value({ symptoms: [{ kind: 'radiating-leg-pain' }] }, 'radiculopathy.onExam')).toBeUndefined();
  });
});

describe('radiculopathy.symptoms and .diagnosed', () => {
  it('reads radiating leg pain as radicular for a lumbar service', () => {
    expect(value({ symptoms: [{ kind: 'radiating-leg-pain' }] }, 'radiculopathy.symptoms')).toBe(true);
  });
  it('is false when the patient denies numbness and radiation', () => {
    expect(value({ symptoms: [{ kind: 'numbness', result: 'negative' }] }, 'radiculopathy.symptoms')).toBe(false);
  });
  it('reads a radiculopathy diagnosis of the same region, not of another', () => {
    expect(value({ diagnoses: ['lumbar radiculopathy'] }, 'radiculopathy.diagnosed')).toBe(true);
    expect(value({ diagnoses: ['cervical radiculopathy'] }, 'radiculopathy.diagnosed')).toBeUndefined();
    expect(value({ diagnoses: [{ text: 'sciatica', icd10: 'M54.3' }] }, 'radiculopathy.diagnosed')).toBe(true);
  });
});

describe('radiculopathy.present', () => {
  it('is true from any indicator and false when the record shows none', () => {
    expect(value({ diagnoses: ['lumbosacral radiculitis'] }, 'radiculopathy.present')).toBe(true);
    expect(value({ diagnoses: ['lumbar strain'] }, 'radiculopathy.present')).toBe(false);
  });
});

describe('radiculopathy.roots and clearCut', () => {
  it('collects the roots named by positive signs', () => {
    expect(
      value(
        {
          exam: [
            { finding: 'sensory-deficit', dermatome: 'L5' },
            { finding: 'reflex-change', root: 'S1' },
          ],
        },
        'radiculopathy.roots',
      ),
    ).toEqual(['L5', 'S1']);
  });
  it('is clear-cut with signs and symptoms, not with signs denied', () => {
    const exam = [{ finding: 'straight-leg-raise', result: 'positive' }];
    expect(value({ exam, symptoms: [{ kind: 'radiating-leg-pain' }] }, 'radiculopathy.clearCut')).toBe(true);
    expect(value({ exam: [{ finding: 'straight-leg-raise', result: 'negative' }] }, 'radiculopathy.clearCut')).toBe(false);
    expect(value({ exam }, 'radiculopathy.clearCut')).toBeUndefined();
  });
});

describe('finger and dermatome territories', () => {
  const cervicalEsi = { services: [{ id: 's', kind: 'epidural-steroid-injection', levels: 'C5-6' }] };
  it('a sensory deficit in the thumb and index finger counts for C6/C7 at a cervical service', () => {
    const exam = [{ finding: 'sensory-deficit', result: 'positive', region: 'hand', text: 'decreased sensation thumb and index finger' }];
    expect(value({ ...cervicalEsi, exam }, 'radiculopathy.onExam')).toBe(true);
    expect(value({ ...cervicalEsi, exam }, 'radiculopathy.roots')).toEqual(['C6', 'C7']);
  });
  it('ring and little fingers are C8; a median-nerve distribution is not a root', () => {
    expect(
      value(
        { ...cervicalEsi, exam: [{ finding: 'sensory-deficit', region: 'hand', text: 'numb ring and little fingers' }] },
        'radiculopathy.roots',
      ),
    ).toEqual(['C8']);
    expect(
      value(
        { ...cervicalEsi, exam: [{ finding: 'sensory-deficit', region: 'hand', text: 'median nerve distribution, thumb' }] },
        'radiculopathy.onExam',
      ),
    ).toBeUndefined();
  });
  it('a lumbar dermatome in words: the great toe is L5', () => {
    const lumbarEsi = { services: [{ id: 's', kind: 'epidural-steroid-injection', levels: 'L4-5' }] };
    expect(
      value(
        { ...lumbarEsi, exam: [{ finding: 'sensory-deficit', region: 'foot', text: 'diminished sensation of the great toe' }] },
        'radiculopathy.roots',
      ),
    ).toEqual(['L5']);
  });
});
