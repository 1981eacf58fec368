import { describe, it, expect } from 'vitest';
import { value, fact } from './helpers.js';

const pt = (extra: Record<string, unknown> = {}) => ({ id: 'svc', kind: 'physical-therapy', region: 'lumbar', quantity: 6, ...extra });

describe('physmed.modality', () => {
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
    expect(value({ services: [service] }, 'physmed.modality')).toBe(expected);
  });

  it('is not documented when the words name no modality', () => {
    expect(value({ services: [{ id: 'svc', kind: 'passive-modality', label: 'Therapy modalities' }] }, 'physmed.modality')).toBeUndefined();
    expect(value({ services: [{ id: 'svc', kind: 'durable-medical-equipment', label: 'Lumbar support' }] }, 'physmed.modality')).toBeUndefined();
  });
});

describe('physmed.homeUnit and physmed.purchase', () => {
  it('a device for home use', () => {
    expect(value({ services: [{ id: 'svc', kind: 'passive-modality', label: 'TENS unit' }] }, 'physmed.homeUnit')).toBe(true);
    expect(value({ services: [{ id: 'svc', kind: 'durable-medical-equipment', label: 'H-wave' }] }, 'physmed.homeUnit')).toBe(true);
  });
  it('clinic sessions', () => {
    expect(value({ services: [{ id: 'svc', kind: 'passive-modality', label: 'Electrical stimulation times 6' }] }, 'physmed.homeUnit')).toBe(false);
  });
  it('purchase, rental, neither', () => {
    expect(value({ services: [{ id: 'svc', kind: 'durable-medical-equipment', label: 'TENS unit purchase' }] }, 'physmed.purchase')).toBe(true);
    expect(value({ services: [{ id: 'svc', kind: 'durable-medical-equipment', label: 'TENS unit 30-day rental' }] }, 'physmed.purchase')).toBe(false);
    expect(value({ services: [{ id: 'svc', kind: 'durable-medical-equipment', label: 'TENS unit' }] }, 'physmed.purchase')).toBeUndefined();
    expect(value({ services: [{ id: 'svc', kind: 'passive-modality', label: 'TENS unit', text: 'rental or purchase not specified' }] }, 'physmed.purchase')).toBeUndefined();
  });
});

describe('therapy.visitsRequested', () => {
  it('uses the quantity or the label for kinds the normalizer does not count', () => {
    expect(value({ services: [{ id: 'svc', kind: 'other', label: 'Biofeedback', quantity: 4 }] }, 'therapy.visitsRequested')).toBe(4);
    expect(value({ services: [{ id: 'svc', kind: 'other', label: 'Biofeedback 2 times a week for 3 weeks' }] }, 'therapy.visitsRequested')).toBe(6);
    expect(value({ services: [{ id: 'svc', kind: 'other', label: 'Biofeedback' }] }, 'therapy.visitsRequested')).toBeUndefined();
  });
});

describe('earlier courses of the same therapy', () => {
  it('hadPrior: true with a course, false when treatments list none, not documented without treatments', () => {
    expect(value({ treatments: [{ kind: 'physical-therapy', sessions: 4 }], services: [pt()] }, 'therapy.hadPrior')).toBe(true);
    expect(value({ treatments: [{ kind: 'nsaid', outcome: 'failed' }], services: [pt()] }, 'therapy.hadPrior')).toBe(false);
    expect(value({ treatments: [{ kind: 'physical-therapy', sessions: 0 }], services: [pt()] }, 'therapy.hadPrior')).toBe(false);
    expect(value({ services: [pt()] }, 'therapy.hadPrior')).toBeUndefined();
  });

  it('pools physical and occupational therapy, keeps chiropractic apart', () => {
    const treatments = [{ kind: 'occupational-therapy' as const, sessions: 4 }, { kind: 'chiropractic' as const, sessions: 6 }];
    expect(value({ treatments, services: [pt()] }, 'therapy.priorVisits')).toBe(4);
    expect(value({ treatments, services: [{ id: 'svc', kind: 'chiropractic', region: 'lumbar', quantity: 2 }] }, 'therapy.priorVisits')).toBe(6);
  });

  it('counts the larger of completed and authorized, per course', () => {
    const treatments = [{ kind: 'physical-therapy' as const, sessions: 4, sessionsAuthorized: 6 }, { kind: 'physical-therapy' as const, sessions: 3 }];
    expect(value({ treatments, services: [pt()] }, 'therapy.priorVisits')).toBe(9);
    expect(value({ treatments, services: [pt()] }, 'therapy.totalVisits')).toBe(15);
  });

  it('a course without a count: exact total not documented, lower bound counts it as one', () => {
    const treatments = [{ kind: 'physical-therapy' as const }, { kind: 'physical-therapy' as const, sessions: 6 }];
    expect(value({ treatments, services: [pt()] }, 'therapy.priorVisits')).toBeUndefined();
    expect(value({ treatments, services: [pt()] }, 'therapy.priorVisitsAtLeast')).toBe(7);
    expect(value({ treatments, services: [pt()] }, 'therapy.totalVisitsAtLeast')).toBe(13);
    expect(value({ treatments: [], services: [pt()] }, 'therapy.totalVisits')).toBe(6);
  });

  it('another region is another course', () => {
    expect(value({ treatments: [{ kind: 'physical-therapy', sessions: 12, region: 'knee' }], services: [pt()] }, 'therapy.hadPrior')).toBe(false);
  });

  it('only courses since the last surgery on the region; none yet for a planned surgery', () => {
    const treatments = [{ kind: 'physical-therapy' as const, sessions: 12, date: '2016-01-01' }, { kind: 'physical-therapy' as const, sessions: 4, date: '2016-10-01' }];
    const surgeries = [{ kind: 'discectomy', region: 'lumbar' as const, date: '2016-06-01' }];
    expect(value({ treatments, surgeries, services: [pt()] }, 'therapy.priorVisits')).toBe(4);
    const planned = [{ id: 'op', kind: 'surgery', region: 'lumbar', label: 'L4-5 discectomy' }, pt({ for: 'op' })];
    expect(value({ treatments, services: planned }, 'therapy.hadPrior', 'svc')).toBe(false);
  });

  it('modalities: one group for TENS and electrical stimulation, matched by the treatment words', () => {
    const treatments = [{ kind: 'tens' as const, sessions: 30 }, { kind: 'passive-modality' as const, sessions: 6, text: 'traction' }];
    const estim = { id: 'svc', kind: 'passive-modality', label: 'E-stim x6', quantity: 6 };
    expect(value({ treatments, services: [estim] }, 'therapy.priorVisits')).toBe(30);
    const traction = { id: 'svc', kind: 'passive-modality', label: 'Traction x6', quantity: 6 };
    expect(value({ treatments, services: [traction] }, 'therapy.priorVisits')).toBe(6);
  });

  it('a clinic modality requested with physical therapy counts the earlier therapy course; alone, a home unit or massage it does not', () => {
    const treatments = [{ kind: 'physical-therapy' as const, sessions: 8, functionImproved: false }];
    const estim = { id: 'svc', kind: 'passive-modality', label: 'Electrical stimulation x4', quantity: 4 };
    const therapy = { id: 'pt', kind: 'physical-therapy', quantity: 4 };
    expect(value({ treatments, services: [estim, therapy] }, 'therapy.hadPrior', 'svc')).toBe(true);
    expect(value({ treatments, services: [estim, therapy] }, 'therapy.functionImproved', 'svc')).toBe(false);
    expect(value({ treatments, services: [estim] }, 'therapy.hadPrior', 'svc')).toBe(false);
    const unit = { id: 'svc', kind: 'passive-modality', label: 'TENS unit rental', quantity: 1 };
    expect(value({ treatments, services: [unit, therapy] }, 'therapy.hadPrior', 'svc')).toBe(false);
    const massage = { id: 'svc', kind: 'passive-modality', label: 'Massage x4', quantity: 4 };
    expect(value({ treatments, services: [massage, therapy] }, 'therapy.hadPrior', 'svc')).toBe(false);
  });
});

describe('therapy.functionImproved', () => {
  const with_ = (treatments: unknown[], documentation?: Record<string, unknown>) => value({ treatments: treatments as never, ...(documentation ? { documentation } : {}), services: [pt()] }, 'therapy.functionImproved');
  it('true when a course improved function', () => {
    expect(with_([{ kind: 'physical-therapy', sessions: 6, functionImproved: true }])).toBe(true);
  });
  it('false when a course failed or did not improve function', () => {
    expect(with_([{ kind: 'physical-therapy', sessions: 6, outcome: 'failed' }])).toBe(false);
    expect(with_([{ kind: 'physical-therapy', sessions: 6, outcome: 'improved', functionImproved: false }])).toBe(false);
  });
  it('not documented while an authorized course has no results', () => {
    const f = fact({ treatments: [{ kind: 'physical-therapy', sessions: 6, functionImproved: true }, { kind: 'physical-therapy', sessionsAuthorized: 6 }], services: [pt()] }, 'therapy.functionImproved');
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
    expect(with_([{ kind: 'physical-therapy', sessions: 6, outcome: 'improved', text: 'no objective improvement in function' }])).toBeUndefined();
    expect(with_([{ kind: 'physical-therapy', sessions: 6, outcome: 'failed', text: 'range of motion unchanged' }])).toBe(false);
  });
});

describe('rehabilitation facts', () => {
  it('rehabilitation.concurrent: therapy given or requested alongside, else not documented', () => {
    const acu = { id: 'svc', kind: 'acupuncture', region: 'cervical', quantity: 6 };
    expect(value({ treatments: [{ kind: 'physical-therapy', outcome: 'improved' }], services: [acu] }, 'rehabilitation.concurrent')).toBe(true);
    expect(value({ services: [acu, { id: 'pt', kind: 'physical-therapy', quantity: 6 }] }, 'rehabilitation.concurrent', 'svc')).toBe(true);
    expect(value({ documentation: { homeExerciseProgram: true }, services: [acu] }, 'rehabilitation.concurrent')).toBe(true);
    expect(value({ treatments: [{ kind: 'physical-therapy', outcome: 'failed' }], services: [acu] }, 'rehabilitation.concurrent')).toBeUndefined();
  });
  it('rehabilitation.therapyImproved', () => {
    const wh = { id: 'svc', kind: 'work-hardening', quantity: 20 };
    expect(value({ treatments: [{ kind: 'physical-therapy', sessions: 10, outcome: 'partial' }], services: [wh] }, 'rehabilitation.therapyImproved')).toBe(true);
    expect(value({ treatments: [{ kind: 'physical-therapy', sessions: 10, outcome: 'failed' }], services: [wh] }, 'rehabilitation.therapyImproved')).toBe(false);
    expect(value({ treatments: [{ kind: 'physical-therapy', sessions: 10 }], services: [wh] }, 'rehabilitation.therapyImproved')).toBeUndefined();
  });
  it('homeExercise.ineffective', () => {
    const gym = { id: 'svc', kind: 'other', label: 'Gym membership' };
    expect(value({ treatments: [{ kind: 'home-exercise', outcome: 'failed' }], services: [gym] }, 'homeExercise.ineffective')).toBe(true);
    expect(value({ treatments: [{ kind: 'home-exercise', outcome: 'improved' }], services: [gym] }, 'homeExercise.ineffective')).toBe(false);
    expect(value({ treatments: [{ kind: 'home-exercise' }], services: [gym] }, 'homeExercise.ineffective')).toBeUndefined();
  });
  it('request.workHardeningPlanned', () => {
    expect(value({ services: [{ id: 'svc', kind: 'functional-capacity-evaluation' }, { id: 'wh', kind: 'work-hardening' }] }, 'request.workHardeningPlanned')).toBe(true);
    expect(value({ services: [{ id: 'svc', kind: 'functional-capacity-evaluation' }] }, 'request.workHardeningPlanned')).toBeUndefined();
  });
});

describe('TENS trial facts', () => {
  const tens = { id: 'svc', kind: 'durable-medical-equipment', label: 'H-wave unit rental' };
  it('tens.trialWeeks', () => {
    expect(value({ treatments: [{ kind: 'tens', durationWeeks: 4 }], services: [tens] }, 'tens.trialWeeks')).toBe(4);
    expect(value({ treatments: [{ kind: 'tens', text: '30-day home trial' }], services: [tens] }, 'tens.trialWeeks')).toBe(4.3);
    expect(value({ treatments: [{ kind: 'passive-modality', text: 'TENS trial for one month' }], services: [tens] }, 'tens.trialWeeks')).toBe(4.3);
    expect(value({ treatments: [{ kind: 'tens' }], services: [tens] }, 'tens.trialWeeks')).toBeUndefined();
  });
  it('tens.failed', () => {
    expect(value({ treatments: [{ kind: 'tens', outcome: 'failed' }], services: [tens] }, 'tens.failed')).toBe(true);
    expect(value({ treatments: [{ kind: 'tens', outcome: 'improved' }], services: [tens] }, 'tens.failed')).toBe(false);
    expect(value({ treatments: [{ kind: 'tens' }], services: [tens] }, 'tens.failed')).toBeUndefined();
  });
});

describe('request words', () => {
  const svc = (label: string, kind = 'acupuncture') => ({ services: [{ id: 'svc', kind, label }] });
  it('acupuncture.addOn', () => {
    expect(value(svc('Twelve infrared acupuncture visits'), 'acupuncture.addOn')).toBe('laser');
    expect(value(svc('Acupuncture with Capsaicin patch'), 'acupuncture.addOn')).toBe('capsaicin');
    expect(value(svc('Electro acupuncture x6'), 'acupuncture.addOn')).toBe('electro');
    expect(value(svc('Acupuncture x6'), 'acupuncture.addOn')).toBe('none');
  });
  it('manipulation.underAnesthesia', () => {
    expect(value(svc('Manipulation under anesthesia', 'chiropractic'), 'manipulation.underAnesthesia')).toBe(true);
    expect(value(svc('Spinal manipulation x6', 'chiropractic'), 'manipulation.underAnesthesia')).toBe(false);
  });
  it('service.supervised', () => {
    expect(value(svc('Gym membership supervised by the therapist', 'other'), 'service.supervised')).toBe(true);
    expect(value(svc('Gym membership', 'other'), 'service.supervised')).toBeUndefined();
  });
  it('fce.effortOnly', () => {
    expect(value(svc('FCE with validity of effort testing', 'functional-capacity-evaluation'), 'fce.effortOnly')).toBe(true);
    expect(value(svc('Functional capacity evaluation', 'functional-capacity-evaluation'), 'fce.effortOnly')).toBe(false);
  });
});

describe('physmed.modalities', () => {
  it('names every part of a combination unit; the single modality stays the most specific', () => {
    const svc = (label: string) => ({ services: [{ id: 'svc', kind: 'durable-medical-equipment', label }] });
    expect(value(svc('TENS/EMS combination unit'), 'physmed.modalities')).toEqual(['nmes', 'tens']);
    expect(value(svc('TENS/EMS combination unit'), 'physmed.modality')).toBe('nmes');
    expect(value(svc('Microcurrent electrical stimulation'), 'physmed.modality')).toBe('microcurrent');
    expect(value(svc('Sympathetic therapy unit'), 'physmed.modality')).toBe('interferential');
    expect(value(svc('Lumbar support'), 'physmed.modalities')).toBeUndefined();
  });
});

describe('fce.returnToWorkQuestion', () => {
  const fce = (extra: Record<string, unknown>) => ({ services: [{ id: 'svc', kind: 'functional-capacity-evaluation', ...extra }] });
  it('reads the question from the label, text or purpose; never false', () => {
    expect(value(fce({ label: 'FCE prior to admission to work hardening' }), 'fce.returnToWorkQuestion')).toBe(true);
    expect(value(fce({ purpose: 'P&S evaluation' }), 'fce.returnToWorkQuestion')).toBe(true);
    expect(value(fce({ text: 'two failed attempts to return to work' }), 'fce.returnToWorkQuestion')).toBe(true);
    expect(value(fce({ label: 'Functional capacity evaluation' }), 'fce.returnToWorkQuestion')).toBeUndefined();
  });
});

describe('physmed.forFlareUp', () => {
  it('reads a flare-up, exacerbation or recurrence from the request; never false', () => {
    const chiro = (label: string) => ({ services: [{ id: 'svc', kind: 'chiropractic', region: 'lumbar', label }] });
    expect(value(chiro('Chiropractic for a lumbar flare-up x2'), 'physmed.forFlareUp')).toBe(true);
    expect(value(chiro('Chiropractic, exacerbation of neck pain'), 'physmed.forFlareUp')).toBe(true);
    expect(value(chiro('Chiropractic x6'), 'physmed.forFlareUp')).toBeUndefined();
  });
});

describe('aquatic therapy facts', () => {
  it('physmed.aquatic reads the label; aquatic.reducedWeightBearingNeeded reads obesity or a weight-bearing limit, never false', () => {
    const aqua = (extra: Record<string, unknown> = {}) => ({ services: [pt({ label: 'Aquatic therapy x6' })], ...extra });
    expect(value(aqua(), 'physmed.aquatic')).toBe(true);
    expect(value({ services: [pt({ label: 'Physical therapy x6' })] }, 'physmed.aquatic')).toBe(false);
    expect(value(aqua({ diagnoses: ['obesity, BMI 42'] }), 'aquatic.reducedWeightBearingNeeded')).toBe(true);
    expect(value(aqua({ treatments: [{ kind: 'physical-therapy', sessions: 6, text: 'unable to tolerate land-based exercise' }] }), 'aquatic.reducedWeightBearingNeeded')).toBe(true);
    expect(value(aqua({ diagnoses: ['lumbar strain'] }), 'aquatic.reducedWeightBearingNeeded')).toBeUndefined();
  });
});
