import { describe, it, expect } from 'vitest';
import { factHarness } from './harness.js';
import type { Request } from '../../src/request/schema.js';
import { factKey } from '../../src/facts/params.js';

const { value } = factHarness({ decisionDate: '2016-06-01' });

const mri = { id: 'mri', kind: 'imaging', modality: 'mri', region: 'shoulder' } as Request['services'][number];
const withCare = (treatments: Request['treatments'], documentation?: Request['documentation']) => ({
  treatments,
  ...(documentation ? { documentation } : {}),
  services: [mri],
});

/** careTrial.outcome over exercise-based care (therapy, home exercise, work hardening) of the service region. */
const EXERCISE = factKey('careTrial.outcome', { kinds: ['exercise-care'], region: 'service' });

describe('careTrial.outcome of exercise-care', () => {
  it('is failed when physical therapy failed or helped only partly', () => {
    expect(value(withCare([{ kind: 'physical-therapy', sessions: 6, outcome: 'failed' }]), EXERCISE)).toBe('failed');
    expect(value(withCare([{ kind: 'home-exercise', outcome: 'partial' }]), EXERCISE)).toBe('failed');
  });
  it('is improved when therapy is helping, even if another entry failed', () => {
    expect(
      value(
        withCare([
          { kind: 'physical-therapy', outcome: 'failed' },
          { kind: 'occupational-therapy', outcome: 'improved' },
        ]),
        EXERCISE,
      ),
    ).toBe('improved');
  });
  it('is given when the outcome is not stated', () => {
    expect(value(withCare([{ kind: 'physical-therapy', outcome: 'unknown' }]), EXERCISE)).toBe('given');
    // words about the record's silence are not a result: only "no improvement" itself is a failure
    expect(
      value(withCare([{ kind: 'physical-therapy', sessions: 6, text: 'no documentation of objective improvement in function' }]), EXERCISE),
    ).toBe('given');
    expect(value(withCare([{ kind: 'physical-therapy', sessions: 6, text: 'six sessions; no documented improvement' }]), EXERCISE)).toBe(
      'given',
    );
    expect(value(withCare([{ kind: 'physical-therapy', sessions: 6, text: 'functional improvement not documented' }]), EXERCISE)).toBe(
      'given',
    );
    expect(value(withCare([{ kind: 'physical-therapy', sessions: 6, text: 'six sessions with no improvement' }]), EXERCISE)).toBe('failed');
    expect(value(withCare([{ kind: 'physical-therapy', sessions: 6, text: 'improved; dates not documented' }]), EXERCISE)).toBe('improved');
    expect(value(withCare([], { homeExerciseProgram: true }), EXERCISE)).toBe('given');
  });
  it('is not-started when therapy was only authorized or has zero sessions', () => {
    expect(value(withCare([{ kind: 'physical-therapy', sessionsAuthorized: 6 }]), EXERCISE)).toBe('not-started');
    expect(value(withCare([{ kind: 'physical-therapy', sessions: 0 }]), EXERCISE)).toBe('not-started');
  });
  it('is not documented when no exercise-based care is recorded (chiropractic and medication do not count)', () => {
    expect(
      value(
        withCare([
          { kind: 'chiropractic', outcome: 'failed' },
          { kind: 'nsaid', outcome: 'failed' },
        ]),
        EXERCISE,
      ),
    ).toBeUndefined();
    expect(value({ services: [mri] }, EXERCISE)).toBeUndefined();
  });
  it('ignores care given to another body region', () => {
    expect(value(withCare([{ kind: 'physical-therapy', outcome: 'failed', region: 'knee' }]), EXERCISE)).toBeUndefined();
  });
});

describe('careTrial.conservative', () => {
  it('counts chiropractic, acupuncture and modalities', () => {
    expect(value(withCare([{ kind: 'chiropractic', outcome: 'failed' }]), 'careTrial.conservative')).toBe('failed');
    expect(value(withCare([{ kind: 'acupuncture', outcome: 'improved' }]), 'careTrial.conservative')).toBe('improved');
  });
  it('takes a passive modality, TENS or massage that did not help as care given, not as a failed trial', () => {
    expect(value(withCare([{ kind: 'passive-modality', outcome: 'partial', text: 'ultrasound' }]), 'careTrial.conservative')).toBe('given');
    expect(value(withCare([{ kind: 'tens', outcome: 'failed' }]), 'careTrial.conservativeFailed')).toBeUndefined();
    expect(
      value(
        withCare([
          { kind: 'massage', outcome: 'failed' },
          { kind: 'physical-therapy', outcome: 'failed' },
        ]),
        'careTrial.conservativeFailed',
      ),
    ).toBe(true);
    expect(value(withCare([{ kind: 'passive-modality', outcome: 'improved', text: 'heat' }]), 'careTrial.conservative')).toBe('improved');
  });
  it('is not documented for medication and activity modification alone', () => {
    expect(
      value(withCare([{ kind: 'nsaid', outcome: 'failed' }, { kind: 'activity-modification' }]), 'careTrial.conservative'),
    ).toBeUndefined();
  });
});

describe('careTrial.conservativeFailed', () => {
  it('is true when the care failed or helped only partly', () => {
    expect(value(withCare([{ kind: 'chiropractic', outcome: 'failed' }]), 'careTrial.conservativeFailed')).toBe(true);
    expect(value(withCare([{ kind: 'physical-therapy', sessions: 8, outcome: 'partial' }]), 'careTrial.conservativeFailed')).toBe(true);
  });
  it('is false when the care is helping or was only authorized', () => {
    expect(value(withCare([{ kind: 'physical-therapy', outcome: 'improved' }]), 'careTrial.conservativeFailed')).toBe(false);
    expect(value(withCare([{ kind: 'physical-therapy', sessionsAuthorized: 6 }]), 'careTrial.conservativeFailed')).toBe(false);
  });
  it('is not documented when the care was given without its result, or none is recorded', () => {
    expect(
      value(withCare([{ kind: 'physical-therapy', sessions: 6, outcome: 'unknown' }]), 'careTrial.conservativeFailed'),
    ).toBeUndefined();
    expect(value(withCare([{ kind: 'nsaid', outcome: 'failed' }]), 'careTrial.conservativeFailed')).toBeUndefined();
  });
});
