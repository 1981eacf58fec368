import { describe, it, expect } from 'vitest';
import { value, fact } from './harness.js';

const pt = (extra: Record<string, unknown> = {}) => ({ id: 'svc', kind: 'physical-therapy', region: 'lumbar', quantity: 6, ...extra });

describe('physicalMedicine.modality', () => {
  it.each([
    [{ id: 'svc', kind: 'chiropractic', region: 'lumbar' }, 'chiropractic'],
    [{ id: 'svc', kind: 'passive-modality', label: 'TENS unit' }, 'tens'],
    [{ id: 'svc', kind: 'durable-medical-equipment', label: 'Retrospective TENS unit, purchase, lumbar spine' }, 'tens'],
    [{ id: 'svc', kind: 'passive-modality', label: 'Electrical Muscle Stimulation 2 times a week for 4 weeks' }, 'nmes'],
    [{ id: 'svc', kind: 'passive-modality', label: 'Retrospective E-stim (DOS 12/29/16)' }, 'electrical-stimulation'],
    [{ id: 'svc', kind: 'passive-modality', label: 'Localized intense neurostimulation therapy [following TPII]' }, 'hyperstimulation'],
    [{ id: 'svc', kind: 'passive-modality', label: 'Infrared heat to the low back' }, 'infrared'],
    [{ id: 'svc', kind: 'passive-modality', label: 'Ice/Heat pads therapy times 6' }, 'heat-cold'],
    [{ id: 'svc', kind: 'passive-modality', label: 'Spinolator therapy (traction) times 6' }, 'traction'],
    [{ id: 'svc', kind: 'passive-modality', label: 'Pulsed Ultrasound 2 times a week for 4 weeks' }, 'ultrasound'],
    [{ id: 'svc', kind: 'passive-modality', label: 'Myofascial release to the low back' }, 'massage'],
    [{ id: 'svc', kind: 'passive-modality', label: 'Extracorporeal shockwave therapy (ESWT)' }, 'shockwave'],
    [{ id: 'svc', kind: 'other', label: 'Four sessions of biofeedback' }, 'biofeedback'],
    [{ id: 'svc', kind: 'other', label: 'Gym membership' }, 'gym-membership'],
  ])('%o → %s', (service, expected) => {
    expect(value({ services: [service] }, 'physicalMedicine.modality')).toBe(expected);
  });

  it('is not documented when the words name no modality', () => {
    expect(
      value({ services: [{ id: 'svc', kind: 'passive-modality', label: 'Therapy modalities' }] }, 'physicalMedicine.modality'),
    ).toBeUndefined();
    expect(
      value({ services: [{ id: 'svc', kind: 'durable-medical-equipment', label: 'Lumbar support' }] }, 'physicalMedicine.modality'),
    ).toBeUndefined();
  });
});

describe('physicalMedicine.homeUnit and physicalMedicine.purchase', () => {
  it('a device for home use', () => {
    expect(value({ services: [{ id: 'svc', kind: 'passive-modality', label: 'TENS unit' }] }, 'physicalMedicine.homeUnit')).toBe(true);
    expect(value({ services: [{ id: 'svc', kind: 'durable-medical-equipment', label: 'H-wave' }] }, 'physicalMedicine.homeUnit')).toBe(
      true,
    );
  });
  it('clinic sessions', () => {
    expect(
      value({ services: [{ id: 'svc', kind: 'passive-modality', label: 'Electrical stimulation times 6' }] }, 'physicalMedicine.homeUnit'),
    ).toBe(false);
  });
  it('purchase, rental, neither', () => {
    expect(
      value({ services: [{ id: 'svc', kind: 'durable-medical-equipment', label: 'TENS unit purchase' }] }, 'physicalMedicine.purchase'),
    ).toBe(true);
    expect(
      value(
        { services: [{ id: 'svc', kind: 'durable-medical-equipment', label: 'TENS unit 30-day rental' }] },
        'physicalMedicine.purchase',
      ),
    ).toBe(false);
    expect(
      value({ services: [{ id: 'svc', kind: 'durable-medical-equipment', label: 'TENS unit' }] }, 'physicalMedicine.purchase'),
    ).toBeUndefined();
    expect(
      value(
        { services: [{ id: 'svc', kind: 'passive-modality', label: 'TENS unit', text: 'rental or purchase not specified' }] },
        'physicalMedicine.purchase',
      ),
    ).toBeUndefined();
  });
});

describe('physicalMedicine.therapyVisitsRequested', () => {
  it('uses the quantity or the label for kinds the normalizer does not count', () => {
    expect(
      value({ services: [{ id: 'svc', kind: 'other', label: 'Biofeedback', quantity: 4 }] }, 'physicalMedicine.therapyVisitsRequested'),
    ).toBe(4);
    expect(
      value(
        { services: [{ id: 'svc', kind: 'other', label: 'Biofeedback 2 times a week for 3 weeks' }] },
        'physicalMedicine.therapyVisitsRequested',
      ),
    ).toBe(6);
    expect(
      value({ services: [{ id: 'svc', kind: 'other', label: 'Biofeedback' }] }, 'physicalMedicine.therapyVisitsRequested'),
    ).toBeUndefined();
  });
});

describe('earlier courses of the same therapy', () => {
  it('hadPrior: true with a course, false when treatments list none, not documented without treatments', () => {
    expect(value({ treatments: [{ kind: 'physical-therapy', sessions: 4 }], services: [pt()] }, 'physicalMedicine.hadPriorTherapy')).toBe(
      true,
    );
    expect(value({ treatments: [{ kind: 'nsaid', outcome: 'failed' }], services: [pt()] }, 'physicalMedicine.hadPriorTherapy')).toBe(false);
    expect(value({ treatments: [{ kind: 'physical-therapy', sessions: 0 }], services: [pt()] }, 'physicalMedicine.hadPriorTherapy')).toBe(
      false,
    );
    expect(value({ services: [pt()] }, 'physicalMedicine.hadPriorTherapy')).toBeUndefined();
  });

  it('pools physical and occupational therapy, keeps chiropractic apart', () => {
    const treatments = [
      { kind: 'occupational-therapy' as const, sessions: 4 },
      { kind: 'chiropractic' as const, sessions: 6 },
    ];
    expect(value({ treatments, services: [pt()] }, 'physicalMedicine.priorTherapyVisits')).toBe(4);
    expect(
      value(
        { treatments, services: [{ id: 'svc', kind: 'chiropractic', region: 'lumbar', quantity: 2 }] },
        'physicalMedicine.priorTherapyVisits',
      ),
    ).toBe(6);
  });

  it('counts the larger of completed and authorized, per course', () => {
    const treatments = [
      { kind: 'physical-therapy' as const, sessions: 4, sessionsAuthorized: 6 },
      { kind: 'physical-therapy' as const, sessions: 3 },
    ];
    expect(value({ treatments, services: [pt()] }, 'physicalMedicine.priorTherapyVisits')).toBe(9);
    expect(value({ treatments, services: [pt()] }, 'physicalMedicine.totalTherapyVisits')).toBe(15);
  });

  it('a course without a count: exact total not documented, lower bound counts it as one', () => {
    const treatments = [{ kind: 'physical-therapy' as const }, { kind: 'physical-therapy' as const, sessions: 6 }];
    expect(value({ treatments, services: [pt()] }, 'physicalMedicine.priorTherapyVisits')).toBeUndefined();
    expect(value({ treatments, services: [pt()] }, 'physicalMedicine.priorTherapyVisitsAtLeast')).toBe(7);
    expect(value({ treatments, services: [pt()] }, 'physicalMedicine.totalTherapyVisitsAtLeast')).toBe(13);
    expect(value({ treatments: [], services: [pt()] }, 'physicalMedicine.totalTherapyVisits')).toBe(6);
  });

  it('another region is another course', () => {
    expect(
      value(
        { treatments: [{ kind: 'physical-therapy', sessions: 12, region: 'knee' }], services: [pt()] },
        'physicalMedicine.hadPriorTherapy',
      ),
    ).toBe(false);
  });

  it('only courses since the last surgery on the region; none yet for a planned surgery', () => {
    const treatments = [
      { kind: 'physical-therapy' as const, sessions: 12, date: '2016-01-01' },
      { kind: 'physical-therapy' as const, sessions: 4, date: '2016-10-01' },
    ];
    const surgeries = [{ kind: 'discectomy', region: 'lumbar' as const, date: '2016-06-01' }];
    expect(value({ treatments, surgeries, services: [pt()] }, 'physicalMedicine.priorTherapyVisits')).toBe(4);
    const planned = [{ id: 'op', kind: 'surgery', region: 'lumbar', label: 'L4-5 discectomy' }, pt({ for: 'op' })];
    expect(value({ treatments, services: planned }, 'physicalMedicine.hadPriorTherapy', 'svc')).toBe(false);
  });

  it('modalities: one group for TENS and electrical stimulation, matched by the treatment words', () => {
    const treatments = [
      { kind: 'tens' as const, sessions: 30 },
      { kind: 'passive-modality' as const, sessions: 6, text: 'traction' },
    ];
    const estim = { id: 'svc', kind: 'passive-modality', label: 'E-stim x6', quantity: 6 };
    expect(value({ treatments, services: [estim] }, 'physicalMedicine.priorTherapyVisits')).toBe(30);
    const traction = { id: 'svc', kind: 'passive-modality', label: 'Traction x6', quantity: 6 };
    expect(value({ treatments, services: [traction] }, 'physicalMedicine.priorTherapyVisits')).toBe(6);
  });

  it('a clinic modality requested with physical therapy counts the earlier therapy course; alone, a home unit or massage it does not', () => {
    const treatments = [{ kind: 'physical-therapy' as const, sessions: 8, functionImproved: false }];
    const estim = { id: 'svc', kind: 'passive-modality', label: 'Electrical stimulation x4', quantity: 4 };
    const therapy = { id: 'pt', kind: 'physical-therapy', quantity: 4 };
    expect(value({ treatments, services: [estim, therapy] }, 'physicalMedicine.hadPriorTherapy', 'svc')).toBe(true);
    expect(value({ treatments, services: [estim, therapy] }, 'physicalMedicine.therapyFunctionImproved', 'svc')).toBe(false);
    expect(value({ treatments, services: [estim] }, 'physicalMedicine.hadPriorTherapy', 'svc')).toBe(false);
    const unit = { id: 'svc', kind: 'passive-modality', label: 'TENS unit rental', quantity: 1 };
    expect(value({ treatments, services: [unit, therapy] }, 'physicalMedicine.hadPriorTherapy', 'svc')).toBe(false);
    const massage = { id: 'svc', kind: 'passive-modality', label: 'Massage x4', quantity: 4 };
    expect(value({ treatments, services: [massage, therapy] }, 'physicalMedicine.hadPriorTherapy', 'svc')).toBe(false);
  });
});

describe('the part of this request already authorized at review', () => {
  it.each([
    ['12 requested, 9 authorized; remaining 3 in dispute', 9],
    ['original request 2 times a week for 3 weeks (6); 2 times a week for 1 week (2) authorized by the Claims Administrator', 2],
    ['remaining 6 of 12 requested sessions; 6 already authorized', 6],
    ['six sessions were approved by UR', 6],
    ['remaining 6 of 12 requested sessions', undefined],
    ['6 of the 12 requested sessions in dispute; authorized by nobody', undefined],
  ])('%s → %s', async (text, expected) => {
    const { authorizedPartInText } = await import('../../src/request/visits.js');
    expect(authorizedPartInText(text)).toBe(expected);
  });

  it('counts as visits already authorized, once when a listed course records the same grant', () => {
    const svc = pt({ quantity: 3, text: '12 requested, 9 authorized; remaining 3 in dispute' });
    const given = [{ kind: 'physical-therapy' as const, sessions: 3, outcome: 'improved' as const }];
    expect(value({ treatments: given, services: [svc] }, 'physicalMedicine.priorTherapyVisits')).toBe(12);
    expect(value({ treatments: given, services: [svc] }, 'physicalMedicine.totalTherapyVisits')).toBe(15);
    expect(value({ treatments: [], services: [svc] }, 'physicalMedicine.priorTherapyVisits')).toBe(9);
    const listed = [...given, { kind: 'physical-therapy' as const, sessionsAuthorized: 9 }];
    expect(value({ treatments: listed, services: [svc] }, 'physicalMedicine.priorTherapyVisits')).toBe(12);
  });
});

describe('the earlier course as a clinical trial', () => {
  it('completed visits: sessions of begun courses, 0 for a course only authorized, not documented without a count', () => {
    const treatments = [
      { kind: 'physical-therapy' as const, sessions: 6, outcome: 'improved' as const },
      { kind: 'physical-therapy' as const, sessionsAuthorized: 2 },
    ];
    expect(value({ treatments, services: [pt()] }, 'physicalMedicine.completedTherapyVisits')).toBe(6);
    expect(
      value({ treatments: [{ kind: 'physical-therapy' }], services: [pt()] }, 'physicalMedicine.completedTherapyVisits'),
    ).toBeUndefined();
    expect(value({ treatments: [], services: [pt()] }, 'physicalMedicine.completedTherapyVisits')).toBe(0);
  });

  it('improved: true when a course improved, false when one failed or the record states no functional improvement', () => {
    const improved = [{ kind: 'physical-therapy' as const, sessions: 3, outcome: 'improved' as const }];
    expect(value({ treatments: improved, services: [pt()] }, 'physicalMedicine.priorTherapyImproved')).toBe(true);
    expect(
      value(
        { treatments: improved, documentation: { functionalImprovement: false }, services: [pt()] },
        'physicalMedicine.priorTherapyImproved',
      ),
    ).toBe(false);
    const painOnly = [
      { kind: 'physical-therapy' as const, sessions: 3, outcome: 'improved' as const, text: 'pain down from 7/10 to 3/10' },
    ];
    expect(value({ treatments: painOnly, services: [pt()] }, 'physicalMedicine.priorTherapyImproved')).toBeUndefined();
    const failed = [...improved, { kind: 'physical-therapy' as const, sessions: 4, outcome: 'failed' as const }];
    expect(value({ treatments: failed, services: [pt()] }, 'physicalMedicine.priorTherapyImproved')).toBe(false);
    expect(
      value({ treatments: [{ kind: 'physical-therapy', sessions: 3 }], services: [pt()] }, 'physicalMedicine.priorTherapyImproved'),
    ).toBeUndefined();
    expect(
      value(
        { treatments: [{ kind: 'physical-therapy', sessionsAuthorized: 6 }], services: [pt()] },
        'physicalMedicine.priorTherapyImproved',
      ),
    ).toBeUndefined();
  });
});

describe('physicalMedicine.therapyFunctionImproved', () => {
  const with_ = (treatments: unknown[], documentation?: Record<string, unknown>) =>
    value(
      { treatments: treatments, ...(documentation ? { documentation } : {}), services: [pt()] },
      'physicalMedicine.therapyFunctionImproved',
    );
  it('true when a course improved function', () => {
    expect(with_([{ kind: 'physical-therapy', sessions: 6, functionImproved: true }])).toBe(true);
  });
  it('false when a course failed or did not improve function', () => {
    expect(with_([{ kind: 'physical-therapy', sessions: 6, outcome: 'failed' }])).toBe(false);
    expect(with_([{ kind: 'physical-therapy', sessions: 6, outcome: 'improved', functionImproved: false }])).toBe(false);
  });
  it('not documented while an authorized course has no results', () => {
    const f = fact(
      {
        treatments: [
          { kind: 'physical-therapy', sessions: 6, functionImproved: true },
          { kind: 'physical-therapy', sessionsAuthorized: 6 },
        ],
        services: [pt()],
      },
      'physicalMedicine.therapyFunctionImproved',
    );
    expect(f.value).toBeUndefined();
    expect(f.evidence.join(' ')).toMatch(/6 authorized visits not reported/);
  });
  it('not documented for pain-only improvement; the documentation flag decides when stated', () => {
    expect(with_([{ kind: 'physical-therapy', sessions: 6, outcome: 'improved' }])).toBeUndefined();
    expect(with_([{ kind: 'physical-therapy', sessions: 6, outcome: 'improved' }], { functionalImprovement: false })).toBe(false);
    expect(with_([{ kind: 'physical-therapy', sessions: 6 }], { functionalImprovement: true })).toBe(true);
  });
  it('true when the course text reports an objective functional measure; pain relief or a negated measure is not one', () => {
    expect(with_([{ kind: 'physical-therapy', sessions: 6, outcome: 'improved', text: 'lumbar flexion 40 to 70 degrees' }])).toBe(true);
    expect(with_([{ kind: 'physical-therapy', sessions: 6, text: 'returned to modified duty; ADLs independent' }])).toBe(true);
    expect(with_([{ kind: 'physical-therapy', sessions: 6, outcome: 'improved', text: 'pain down from 7 to 4' }])).toBeUndefined();
    expect(
      with_([{ kind: 'physical-therapy', sessions: 6, outcome: 'improved', text: 'no objective improvement in function' }]),
    ).toBeUndefined();
    expect(with_([{ kind: 'physical-therapy', sessions: 6, outcome: 'failed', text: 'range of motion unchanged' }])).toBe(false);
  });
});

describe('rehabilitation facts', () => {
  it('physicalMedicine.concurrentRehabilitation: therapy given or requested alongside, else not documented', () => {
    const acu = { id: 'svc', kind: 'acupuncture', region: 'cervical', quantity: 6 };
    expect(
      value(
        { treatments: [{ kind: 'physical-therapy', outcome: 'improved' }], services: [acu] },
        'physicalMedicine.concurrentRehabilitation',
      ),
    ).toBe(true);
    expect(
      value({ services: [acu, { id: 'pt', kind: 'physical-therapy', quantity: 6 }] }, 'physicalMedicine.concurrentRehabilitation', 'svc'),
    ).toBe(true);
    expect(value({ documentation: { homeExerciseProgram: true }, services: [acu] }, 'physicalMedicine.concurrentRehabilitation')).toBe(
      true,
    );
    expect(
      value(
        { treatments: [{ kind: 'physical-therapy', outcome: 'failed' }], services: [acu] },
        'physicalMedicine.concurrentRehabilitation',
      ),
    ).toBeUndefined();
  });
  it('physicalMedicine.rehabilitationTherapyImproved', () => {
    const wh = { id: 'svc', kind: 'work-hardening', quantity: 20 };
    expect(
      value(
        { treatments: [{ kind: 'physical-therapy', sessions: 10, outcome: 'partial' }], services: [wh] },
        'physicalMedicine.rehabilitationTherapyImproved',
      ),
    ).toBe(true);
    expect(
      value(
        { treatments: [{ kind: 'physical-therapy', sessions: 10, outcome: 'failed' }], services: [wh] },
        'physicalMedicine.rehabilitationTherapyImproved',
      ),
    ).toBe(false);
    expect(
      value({ treatments: [{ kind: 'physical-therapy', sessions: 10 }], services: [wh] }, 'physicalMedicine.rehabilitationTherapyImproved'),
    ).toBeUndefined();
  });
  it('physicalMedicine.homeExerciseIneffective', () => {
    const gym = { id: 'svc', kind: 'other', label: 'Gym membership' };
    expect(
      value({ treatments: [{ kind: 'home-exercise', outcome: 'failed' }], services: [gym] }, 'physicalMedicine.homeExerciseIneffective'),
    ).toBe(true);
    expect(
      value({ treatments: [{ kind: 'home-exercise', outcome: 'improved' }], services: [gym] }, 'physicalMedicine.homeExerciseIneffective'),
    ).toBe(false);
    expect(value({ treatments: [{ kind: 'home-exercise' }], services: [gym] }, 'physicalMedicine.homeExerciseIneffective')).toBeUndefined();
  });
  it('physicalMedicine.workHardeningPlanned', () => {
    expect(
      value(
        {
          services: [
            { id: 'svc', kind: 'functional-capacity-evaluation' },
            { id: 'wh', kind: 'work-hardening' },
          ],
        },
        'physicalMedicine.workHardeningPlanned',
      ),
    ).toBe(true);
    expect(
      value({ services: [{ id: 'svc', kind: 'functional-capacity-evaluation' }] }, 'physicalMedicine.workHardeningPlanned'),
    ).toBeUndefined();
  });
});

describe('TENS trial facts', () => {
  const tens = { id: 'svc', kind: 'durable-medical-equipment', label: 'H-wave unit rental' };
  it('physicalMedicine.tensTrialWeeks', () => {
    expect(value({ treatments: [{ kind: 'tens', durationWeeks: 4 }], services: [tens] }, 'physicalMedicine.tensTrialWeeks')).toBe(4);
    expect(value({ treatments: [{ kind: 'tens', text: '30-day home trial' }], services: [tens] }, 'physicalMedicine.tensTrialWeeks')).toBe(
      4.3,
    );
    expect(
      value(
        { treatments: [{ kind: 'passive-modality', text: 'TENS trial for one month' }], services: [tens] },
        'physicalMedicine.tensTrialWeeks',
      ),
    ).toBe(4.4); // one month at WEEKS_PER_MONTH (4.35)
    // when the trial was, not how long it lasted
    expect(
      value({ treatments: [{ kind: 'tens', text: 'TENS trial three months ago' }], services: [tens] }, 'physicalMedicine.tensTrialWeeks'),
    ).toBeUndefined();
    expect(value({ treatments: [{ kind: 'tens' }], services: [tens] }, 'physicalMedicine.tensTrialWeeks')).toBeUndefined();
  });
  it('physicalMedicine.tensFailed', () => {
    expect(value({ treatments: [{ kind: 'tens', outcome: 'failed' }], services: [tens] }, 'physicalMedicine.tensFailed')).toBe(true);
    expect(value({ treatments: [{ kind: 'tens', outcome: 'improved' }], services: [tens] }, 'physicalMedicine.tensFailed')).toBe(false);
    expect(value({ treatments: [{ kind: 'tens' }], services: [tens] }, 'physicalMedicine.tensFailed')).toBeUndefined();
  });
});

describe('request words', () => {
  const svc = (label: string, kind = 'acupuncture') => ({ services: [{ id: 'svc', kind, label }] });
  it('physicalMedicine.acupunctureAddOn', () => {
    expect(value(svc('Twelve infrared acupuncture visits'), 'physicalMedicine.acupunctureAddOn')).toBe('laser');
    expect(value(svc('Acupuncture with Capsaicin patch'), 'physicalMedicine.acupunctureAddOn')).toBe('capsaicin');
    expect(value(svc('Electro acupuncture x6'), 'physicalMedicine.acupunctureAddOn')).toBe('electro');
    expect(value(svc('Acupuncture x6'), 'physicalMedicine.acupunctureAddOn')).toBe('none');
  });
  it('physicalMedicine.manipulationUnderAnesthesia', () => {
    expect(value(svc('Manipulation under anesthesia', 'chiropractic'), 'physicalMedicine.manipulationUnderAnesthesia')).toBe(true);
    expect(value(svc('Spinal manipulation x6', 'chiropractic'), 'physicalMedicine.manipulationUnderAnesthesia')).toBe(false);
  });
  it('physicalMedicine.supervised', () => {
    expect(value(svc('Gym membership supervised by the therapist', 'other'), 'physicalMedicine.supervised')).toBe(true);
    expect(value(svc('Gym membership', 'other'), 'physicalMedicine.supervised')).toBeUndefined();
  });
  it('physicalMedicine.fceEffortOnly', () => {
    expect(value(svc('FCE with validity of effort testing', 'functional-capacity-evaluation'), 'physicalMedicine.fceEffortOnly')).toBe(
      true,
    );
    expect(value(svc('Functional capacity evaluation', 'functional-capacity-evaluation'), 'physicalMedicine.fceEffortOnly')).toBe(false);
  });
});

describe('physicalMedicine.modalities', () => {
  it('names every part of a combination unit; the single modality stays the most specific', () => {
    const svc = (label: string) => ({ services: [{ id: 'svc', kind: 'durable-medical-equipment', label }] });
    expect(value(svc('TENS/EMS combination unit'), 'physicalMedicine.modalities')).toEqual(['nmes', 'tens']);
    expect(value(svc('TENS/EMS combination unit'), 'physicalMedicine.modality')).toBe('nmes');
    expect(value(svc('Microcurrent electrical stimulation'), 'physicalMedicine.modality')).toBe('microcurrent');
    expect(value(svc('Sympathetic therapy unit'), 'physicalMedicine.modality')).toBe('interferential');
    expect(value(svc('Lumbar support'), 'physicalMedicine.modalities')).toBeUndefined();
  });
});

describe('physicalMedicine.fceReturnToWorkQuestion', () => {
  const fce = (extra: Record<string, unknown>) => ({ services: [{ id: 'svc', kind: 'functional-capacity-evaluation', ...extra }] });
  it('reads the question from the label, text or purpose; never false', () => {
    expect(value(fce({ label: 'FCE prior to admission to work hardening' }), 'physicalMedicine.fceReturnToWorkQuestion')).toBe(true);
    expect(value(fce({ purpose: 'P&S evaluation' }), 'physicalMedicine.fceReturnToWorkQuestion')).toBe(true);
    expect(value(fce({ text: 'two failed attempts to return to work' }), 'physicalMedicine.fceReturnToWorkQuestion')).toBe(true);
    expect(value(fce({ label: 'Functional capacity evaluation' }), 'physicalMedicine.fceReturnToWorkQuestion')).toBeUndefined();
  });
});

describe('physicalMedicine.forFlareUp', () => {
  it('reads a flare-up, exacerbation or recurrence from the request; never false', () => {
    const chiro = (label: string) => ({ services: [{ id: 'svc', kind: 'chiropractic', region: 'lumbar', label }] });
    expect(value(chiro('Chiropractic for a lumbar flare-up x2'), 'physicalMedicine.forFlareUp')).toBe(true);
    expect(value(chiro('Chiropractic, exacerbation of neck pain'), 'physicalMedicine.forFlareUp')).toBe(true);
    expect(value(chiro('Chiropractic x6'), 'physicalMedicine.forFlareUp')).toBeUndefined();
  });
});

describe('aquatic therapy facts', () => {
  it('physicalMedicine.aquatic reads the label; physicalMedicine.reducedWeightBearingNeeded reads obesity or a weight-bearing limit, never false', () => {
    const aqua = (extra: Record<string, unknown> = {}) => ({ services: [pt({ label: 'Aquatic therapy x6' })], ...extra });
    expect(value(aqua(), 'physicalMedicine.aquatic')).toBe(true);
    expect(value({ services: [pt({ label: 'Physical therapy x6' })] }, 'physicalMedicine.aquatic')).toBe(false);
    expect(value(aqua({ diagnoses: ['obesity, BMI 42'] }), 'physicalMedicine.reducedWeightBearingNeeded')).toBe(true);
    expect(
      value(
        aqua({ treatments: [{ kind: 'physical-therapy', sessions: 6, text: 'unable to tolerate land-based exercise' }] }),
        'physicalMedicine.reducedWeightBearingNeeded',
      ),
    ).toBe(true);
    expect(value(aqua({ diagnoses: ['lumbar strain'] }), 'physicalMedicine.reducedWeightBearingNeeded')).toBeUndefined();
  });
});

describe('physicalMedicine.capsaicinPatchStrength', () => {
  const acu = (label: string) => ({ services: [{ id: 'svc', kind: 'acupuncture', region: 'lumbar', quantity: 6, label }] });
  it('reads the strength the words give, before or after the drug name', () => {
    expect(value(acu('Acupuncture with capsaicin 0.025% patch'), 'physicalMedicine.capsaicinPatchStrength')).toBe(0.025);
    expect(value(acu('Acupuncture with .075% capsaicin patch'), 'physicalMedicine.capsaicinPatchStrength')).toBe(0.075);
  });
  it('is not documented when no strength is given', () => {
    expect(
      value(acu('Twelve acupuncture visits with Capsaicin patch, 2 times weekly for 6 weeks'), 'physicalMedicine.capsaicinPatchStrength'),
    ).toBeUndefined();
  });
});

describe('physicalMedicine.regionComplaintsDenied', () => {
  const svc = { id: 'svc', kind: 'physical-therapy', region: 'cervical', quantity: 6 };
  it('true when every symptom placed in the region (by region, kind or words) is denied', () => {
    expect(
      value({ symptoms: [{ kind: 'neck-pain', result: 'negative' }], services: [svc] }, 'physicalMedicine.regionComplaintsDenied'),
    ).toBe(true);
    expect(
      value(
        { symptoms: [{ kind: 'pain', result: 'negative', text: 'no neck complaints' }], services: [svc] },
        'physicalMedicine.regionComplaintsDenied',
      ),
    ).toBe(true);
  });
  it('false when a symptom of the region is present; not documented when none is placed there or no region is named', () => {
    const symptoms = [
      { kind: 'neck-pain', result: 'negative' as const },
      { kind: 'joint-pain', region: 'cervical' as const },
    ];
    expect(value({ symptoms, services: [svc] }, 'physicalMedicine.regionComplaintsDenied')).toBe(false);
    expect(
      value({ symptoms: [{ kind: 'joint-pain', region: 'shoulder' }], services: [svc] }, 'physicalMedicine.regionComplaintsDenied'),
    ).toBeUndefined();
    expect(value({ symptoms: [{ kind: 'numbness' }], services: [svc] }, 'physicalMedicine.regionComplaintsDenied')).toBeUndefined();
    expect(
      value(
        { symptoms: [{ kind: 'neck-pain', result: 'negative' }], services: [{ ...svc, region: undefined }] },
        'physicalMedicine.regionComplaintsDenied',
      ),
    ).toBeUndefined();
  });
});

describe('physicalMedicine.rehabilitationUnderWay', () => {
  const acu = { id: 'svc', kind: 'acupuncture', region: 'cervical', quantity: 6 };
  const pt = { id: 'pt', kind: 'physical-therapy', region: 'cervical', quantity: 6 };
  it('a course begun and not failed, or a stated home program, counts', () => {
    expect(
      value({ treatments: [{ kind: 'physical-therapy', sessions: 4 }], services: [acu] }, 'physicalMedicine.rehabilitationUnderWay'),
    ).toBe(true);
    expect(value({ documentation: { homeExerciseProgram: true }, services: [acu] }, 'physicalMedicine.rehabilitationUnderWay')).toBe(true);
  });
  it('a course only authorized or requested, failed, or without functional improvement does not; concurrentRehabilitation still counts a request', () => {
    const only = { treatments: [{ kind: 'physical-therapy' as const, sessionsAuthorized: 6 }], services: [acu, pt] };
    expect(value(only, 'physicalMedicine.rehabilitationUnderWay')).toBeUndefined();
    expect(value(only, 'physicalMedicine.concurrentRehabilitation')).toBe(true);
    expect(
      value(
        { treatments: [{ kind: 'physical-therapy', sessions: 8, functionImproved: false }], services: [acu] },
        'physicalMedicine.rehabilitationUnderWay',
      ),
    ).toBeUndefined();
    expect(
      value(
        { treatments: [{ kind: 'physical-therapy', sessions: 8, outcome: 'failed' }], services: [acu] },
        'physicalMedicine.rehabilitationUnderWay',
      ),
    ).toBeUndefined();
  });
});

describe('physicalMedicine.inTherapyPlan', () => {
  const therapy = { id: 'pt', kind: 'physical-therapy', region: 'lumbar', quantity: 4 };
  it('a clinic modality or manual therapy requested with physical or occupational therapy is a line of its plan', () => {
    const estim = { id: 'svc', kind: 'passive-modality', region: 'lumbar', label: 'Electrical stimulation x4', quantity: 4 };
    expect(value({ services: [estim, therapy] }, 'physicalMedicine.inTherapyPlan')).toBe(true);
    const manual = { id: 'svc', kind: 'chiropractic', region: 'lumbar', text: 'manual therapy', label: 'Manual therapy x4', quantity: 4 };
    expect(value({ services: [manual, therapy] }, 'physicalMedicine.inTherapyPlan')).toBe(true);
    const ot = { id: 'ot', kind: 'occupational-therapy', region: 'wrist', quantity: 4 };
    const ice = { id: 'svc', kind: 'passive-modality', region: 'wrist', label: 'Ice/heat therapy x4', quantity: 4 };
    expect(value({ services: [ice, ot] }, 'physicalMedicine.inTherapyPlan')).toBe(true);
  });
  it('is false alone, for a home unit, for chiropractic care, for massage and for the therapy itself', () => {
    const estim = { id: 'svc', kind: 'passive-modality', region: 'lumbar', label: 'Electrical stimulation x4', quantity: 4 };
    expect(value({ services: [estim] }, 'physicalMedicine.inTherapyPlan')).toBe(false);
    const unit = { id: 'svc', kind: 'passive-modality', label: 'TENS unit rental' };
    expect(value({ services: [unit, therapy] }, 'physicalMedicine.inTherapyPlan')).toBe(false);
    const chiro = { id: 'svc', kind: 'chiropractic', region: 'lumbar', label: 'Chiropractic manipulation x6', quantity: 6 };
    expect(value({ services: [chiro, therapy] }, 'physicalMedicine.inTherapyPlan')).toBe(false);
    const massage = { id: 'svc', kind: 'passive-modality', label: 'Massage x4', quantity: 4 };
    expect(value({ services: [massage, therapy] }, 'physicalMedicine.inTherapyPlan')).toBe(false);
    expect(
      value(
        {
          services: [
            { ...therapy, id: 'svc' },
            { ...therapy, id: 'ot', kind: 'occupational-therapy' },
          ],
        },
        'physicalMedicine.inTherapyPlan',
      ),
    ).toBe(false);
  });
});
