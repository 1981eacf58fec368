import { describe, it, expect } from 'vitest';
import { fact, value } from '../helpers.js';

const l5 = [{ finding: 'sensory-deficit', dermatome: 'L5', side: 'right' }];

describe('corroboration.radiculopathyByImaging', () => {
  it('is true for compression at a level consistent with the exam root', () => {
    expect(
      value(
        { exam: l5, studies: [{ type: 'mri', region: 'lumbar', findings: [{ kind: 'nerve-root-compression', level: 'L4-5' }] }] },
        'corroboration.radiculopathyByImaging',
      ),
    ).toBe(true);
  });
  it('is false for compression at an unrelated level', () => {
    expect(
      value(
        { exam: l5, studies: [{ type: 'mri', region: 'lumbar', findings: [{ kind: 'foraminal-stenosis', level: 'L2-3' }] }] },
        'corroboration.radiculopathyByImaging',
      ),
    ).toBe(false);
  });
  it('is not documented when only a progress note reports the MRI', () => {
    const f = fact(
      {
        exam: l5,
        studies: [{ type: 'mri', region: 'lumbar', officialReport: false, findings: [{ kind: 'nerve-root-compression', level: 'L4-5' }] }],
      },
      'corroboration.radiculopathyByImaging',
    );
    expect(f.value).toBeUndefined();
    expect(f.evidence).toContain('studies[0].officialReport = false');
  });
  it('does not count imaging of another region', () => {
    expect(
      value(
        { exam: l5, studies: [{ type: 'mri', region: 'knee', findings: [{ kind: 'meniscal-tear' }] }] },
        'corroboration.radiculopathyByImaging',
      ),
    ).toBeUndefined();
  });
});

describe('corroboration.radiculopathy', () => {
  it('accepts an EMG showing radiculopathy', () => {
    expect(
      value({ exam: l5, studies: [{ type: 'emg-ncv', findings: [{ kind: 'radiculopathy', root: 'L5' }] }] }, 'corroboration.radiculopathy'),
    ).toBe(true);
  });
  it('is false when the formal MRI shows no compression and no EMG corroborates', () => {
    expect(
      value({ exam: l5, studies: [{ type: 'mri', region: 'lumbar', findings: [{ kind: 'normal' }] }] }, 'corroboration.radiculopathy'),
    ).toBe(false);
  });
  it('is not documented without studies', () => {
    expect(value({ exam: l5 }, 'corroboration.radiculopathy')).toBeUndefined();
  });
});
