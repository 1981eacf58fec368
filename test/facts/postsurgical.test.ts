import { describe, it, expect } from 'vitest';
import { value } from './harness.js';
import { procedureCategory } from '../../src/facts/postsurgical.js';

describe('procedureCategory', () => {
  it.each([
    ['arthroscopy with Bankart repair, possible biceps tenodesis', ['shoulder'], 'shoulder-instability-repair'],
    ['knee arthroscopy with evaluation of ACL, medial meniscectomy', ['knee'], 'knee-meniscectomy'],
    ['ACL reconstruction', ['knee'], 'knee-acl-reconstruction'],
    ['total knee arthroplasty', ['knee'], 'knee-arthroplasty'],
    ['orif ORIF right fingers', ['hand'], 'hand-fracture'],
    ['fracture-surgery surgery for an open proximal phalanx fracture of the left small finger', ['hand'], 'hand-fracture'],
    ['orif ORIF right femur', ['leg'], 'femur-fracture'],
    ['orif ORIF right ankle', ['ankle'], 'ankle-fracture'],
    ['carpal-tunnel-release', ['wrist'], 'carpal-tunnel-release'],
    ['fusion L4-5', ['lumbar'], 'lumbar-fusion'],
    ['laminectomy L5-S1', ['lumbar'], 'lumbar-discectomy-laminectomy'],
    ['anterior cervical discectomy and fusion C5-6', ['cervical'], 'cervical-fusion-discectomy'],
    ['arthroscopic subacromial decompression', ['shoulder'], 'shoulder-impingement'],
    ['rotator cuff repair', ['shoulder'], 'shoulder-rotator-cuff-repair'],
    ['arthroscopy of the right knee with chondroplasty', ['knee'], 'knee-meniscectomy'],
    ['right shoulder arthroscopy', ['shoulder'], 'shoulder-impingement'],
    ['ORIF of the lower leg', ['leg'], 'tibia-fibula-fracture'],
    ['excision of a ganglion cyst', ['wrist'], 'unlisted'],
  ] as const)('%s → %s', (words, regions, expected) => {
    expect(procedureCategory(words, [...regions])).toBe(expected);
  });
});

describe('surgical episode facts', () => {
  const planned = [
    { id: 'op', kind: 'surgery', region: 'shoulder', label: 'Left shoulder arthroscopy with Bankart repair' },
    { id: 'svc', kind: 'physical-therapy', for: 'op', region: 'shoulder', quantity: 12 },
  ];
  it('postsurgical.forSurgery and postsurgical.forInjection', () => {
    expect(value({ services: planned }, 'postsurgical.forSurgery', 'svc')).toBe(true);
    expect(value({ services: [{ id: 'svc', kind: 'physical-therapy', quantity: 6 }] }, 'postsurgical.forSurgery')).toBe(false);
    const injection = [
      { id: 'esi', kind: 'epidural-steroid-injection', levels: 'L4-5' },
      { id: 'svc', kind: 'physical-therapy', for: 'esi', quantity: 2 },
    ];
    expect(value({ services: injection }, 'postsurgical.forInjection', 'svc')).toBe(true);
    expect(value({ services: planned }, 'postsurgical.forInjection', 'svc')).toBe(false);
  });

  it('postsurgical.monthsSinceSurgery: 0 for a planned surgery, months since a past one, not documented without one', () => {
    expect(value({ services: planned }, 'postsurgical.monthsSinceSurgery', 'svc')).toBe(0);
    const surgeries = [{ kind: 'arthroscopy', region: 'shoulder' as const, date: '2016-10-15', text: 'Bankart repair' }];
    const pt = [{ id: 'svc', kind: 'physical-therapy', region: 'shoulder', quantity: 12 }];
    expect(value({ surgeries, services: pt }, 'postsurgical.monthsSinceSurgery')).toBe(3);
    expect(value({ services: pt }, 'postsurgical.monthsSinceSurgery')).toBeUndefined();
    expect(
      value({ surgeries: [{ kind: 'arthroscopy', region: 'knee', date: '2016-10-15' }], services: pt }, 'postsurgical.monthsSinceSurgery'),
    ).toBeUndefined();
    expect(
      value(
        { surgeries: [{ kind: 'arthroscopy', region: 'shoulder', date: '2017-03-01' }], services: pt },
        'postsurgical.monthsSinceSurgery',
      ),
    ).toBeUndefined();
  });

  it('postsurgical.procedure from the planned surgery or the latest surgery on the first region', () => {
    expect(value({ services: planned }, 'postsurgical.procedure', 'svc')).toBe('shoulder-instability-repair');
    const surgeries = [
      { kind: 'orif', region: 'leg' as const, date: '2016-11-16', text: 'ORIF right femur' },
      { kind: 'orif', region: 'hand' as const, date: '2016-11-16', text: 'ORIF right fingers' },
    ];
    const pt = [{ id: 'svc', kind: 'physical-therapy', regions: ['hand', 'leg'], quantity: 18 }];
    expect(value({ surgeries, services: pt }, 'postsurgical.procedure')).toBe('hand-fracture');
    expect(
      value(
        { surgeries: [{ kind: 'other', region: 'hand', date: '2016-11-16', text: 'ganglion excision' }], services: pt },
        'postsurgical.procedure',
      ),
    ).toBe('unlisted');
    expect(value({ services: pt }, 'postsurgical.procedure')).toBeUndefined();
  });
});
