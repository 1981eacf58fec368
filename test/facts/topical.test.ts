import { describe, it, expect } from 'vitest';
import { value } from './harness.js';

const topical = (name: string, extra: Record<string, unknown> = {}) => ({
  id: 'cream',
  kind: 'medication' as const,
  name,
  route: 'topical' as const,
  quantity: 1,
  ...extra,
});

describe('topical facts', () => {
  it('topical.notRecommended: muscle relaxants, AEDs, NSAIDs other than diclofenac, non-patch lidocaine', () => {
    expect(
      value({ services: [topical('Gabapentin 10%, Cyclobenzaprine 6%, Bupivacaine 5% in cream base')] }, 'topical.notRecommended'),
    ).toHaveLength(2);
    expect(value({ services: [topical('Ketoprofen 20% in cream base')] }, 'topical.notRecommended')).toHaveLength(1);
    expect(value({ services: [topical('Lidocaine ointment 5%')] }, 'topical.notRecommended')).toHaveLength(1);
    expect(value({ services: [topical('Lidoderm patch')] }, 'topical.notRecommended')).toEqual([]);
    expect(value({ services: [topical('Voltaren gel 1%')] }, 'topical.notRecommended')).toEqual([]);
  });

  it('topical.generalIndication: lidocaine and unaddressed agents yes; diclofenac, salicylates, capsaicin no', () => {
    expect(value({ services: [topical('Lidoderm patch')] }, 'topical.generalIndication')).toBe(true);
    expect(value({ services: [topical('house analgesic cream')] }, 'topical.generalIndication')).toBe(true);
    expect(value({ services: [topical('Voltaren gel 1%')] }, 'topical.generalIndication')).toBe(false);
    expect(value({ services: [topical('Salonpas pad')] }, 'topical.generalIndication')).toBe(false);
  });

  it('topical.jointAmenable: stated joint, spine, mixed injured regions', () => {
    expect(value({ services: [topical('Voltaren gel', { region: 'knee' })] }, 'topical.jointAmenable')).toBe(true);
    expect(value({ services: [topical('Voltaren gel', { region: 'lumbar' })] }, 'topical.jointAmenable')).toBe(false);
    expect(value({ injury: { regions: ['lumbar', 'cervical'] }, services: [topical('Voltaren gel')] }, 'topical.jointAmenable')).toBe(
      false,
    );
    expect(
      value({ injury: { regions: ['hand', 'cervical'] }, services: [topical('Voltaren gel')] }, 'topical.jointAmenable'),
    ).toBeUndefined();
    expect(value({ services: [topical('Voltaren gel')] }, 'topical.jointAmenable')).toBeUndefined();
  });
});
