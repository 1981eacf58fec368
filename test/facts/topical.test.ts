import { describe, it, expect } from 'vitest';
import { fact } from './support.js';

const topical = (name: string, extra: Record<string, unknown> = {}) => ({ id: 'cream', kind: 'medication' as const, name, route: 'topical' as const, quantity: 1, ...extra });

describe('topical facts', () => {
  it('topical.notRecommended: muscle relaxants, AEDs, NSAIDs other than diclofenac, non-patch lidocaine', () => {
    expect(fact({ services: [topical('Gabapentin 10%, Cyclobenzaprine 6%, Bupivacaine 5% in cream base')] }, 'topical.notRecommended')).toHaveLength(2);
    expect(fact({ services: [topical('Ketoprofen 20% in cream base')] }, 'topical.notRecommended')).toHaveLength(1);
    expect(fact({ services: [topical('Lidocaine ointment 5%')] }, 'topical.notRecommended')).toHaveLength(1);
    expect(fact({ services: [topical('Lidoderm patch')] }, 'topical.notRecommended')).toEqual([]);
    expect(fact({ services: [topical('Voltaren gel 1%')] }, 'topical.notRecommended')).toEqual([]);
  });

  it('topical.generalIndication: lidocaine and unaddressed agents yes; diclofenac, salicylates, capsaicin no', () => {
    expect(fact({ services: [topical('Lidoderm patch')] }, 'topical.generalIndication')).toBe(true);
    expect(fact({ services: [topical('house analgesic cream')] }, 'topical.generalIndication')).toBe(true);
    expect(fact({ services: [topical('Voltaren gel 1%')] }, 'topical.generalIndication')).toBe(false);
    expect(fact({ services: [topical('Salonpas pad')] }, 'topical.generalIndication')).toBe(false);
  });

  it('topical.jointAmenable: stated joint, spine, mixed injured regions', () => {
    expect(fact({ services: [topical('Voltaren gel', { region: 'knee' })] }, 'topical.jointAmenable')).toBe(true);
    expect(fact({ services: [topical('Voltaren gel', { region: 'lumbar' })] }, 'topical.jointAmenable')).toBe(false);
    expect(fact({ injury: { regions: ['lumbar', 'cervical'] }, services: [topical('Voltaren gel')] }, 'topical.jointAmenable')).toBe(false);
    expect(fact({ injury: { regions: ['hand', 'cervical'] }, services: [topical('Voltaren gel')] }, 'topical.jointAmenable')).toBeUndefined();
    expect(fact({ services: [topical('Voltaren gel')] }, 'topical.jointAmenable')).toBeUndefined();
  });
});
