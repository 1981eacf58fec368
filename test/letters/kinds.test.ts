import { describe, expect, it } from 'vitest';
import { associationOf, guessKind, serviceIdBase } from '../../src/letters/kinds.js';

describe('guessKind', () => {
  it.each([
    ['MRI of the lumbar spine without contrast', { kind: 'imaging', modality: 'mri', regions: ['lumbar'] }],
    ['X-rays of the left shoulder', { kind: 'imaging', modality: 'xray', regions: ['shoulder'], side: 'left' }],
    ['CT scan of the head', { kind: 'imaging', modality: 'ct', regions: ['head'] }],
    ['EMG/NCV of the lower extremities', { kind: 'electrodiagnostics', regions: ['lower-extremity'] }],
    [
      'Right L5-S1 transforaminal epidural steroid injection',
      { kind: 'epidural-steroid-injection', levels: ['L5-S1'], approach: 'transforaminal', side: 'right' },
    ],
    ['BILATERAL L4-5, L5-S1 FACET JOINT INJECTION', { kind: 'facet-joint-injection', levels: ['L4-5', 'L5-S1'], side: 'bilateral' }],
    ['Lumbar MMB/Facet Blocks L3-S1 Bilaterally', { kind: 'medial-branch-block', levels: ['L3-4', 'L4-5', 'L5-S1'] }],
    ['Trigger point injections x 3', { kind: 'trigger-point-injection', quantity: 3 }],
    ['FLUOROSCOPIC GUIDANCE', { kind: 'fluoroscopic-guidance' }],
    ['IV SEDATION', { kind: 'iv-sedation' }],
    ["EA ADD'L LEVEL", { kind: 'additional-level' }],
    ['Platelet-rich plasma injection to the right knee', { kind: 'injection', regions: ['knee'], side: 'right' }],
    ['Physical therapy 2 times a week for 6 weeks', { kind: 'physical-therapy', quantity: 12, unit: 'visits', visitsPerWeek: 2, weeks: 6 }],
    ['Post injection physical therapy (PT) times 8', { kind: 'physical-therapy', quantity: 8 }],
    ['Chiropractic care to the low back two times a week for four weeks', { kind: 'chiropractic', quantity: 8, regions: ['lumbar'] }],
    ['Acupuncture 3 times a week for 2 weeks, neck, right hand and head', { kind: 'acupuncture', quantity: 6 }],
    ['Occupational therapy for six sessions', { kind: 'occupational-therapy', quantity: 6 }],
    ['Electrical stimulation times 6', { kind: 'passive-modality' }],
    ['Flexeril 10mg #60', { kind: 'medication', name: 'Flexeril', strength: '10mg', quantity: 60, drugClass: 'muscle-relaxant' }],
    ['Norco 5/325mg 1 PO BID prn pain', { kind: 'medication', drugClass: 'opioid', route: 'oral' }],
    [
      'Voltaren gel apply to affected area 4 times a day, #60 grams with 1 refill',
      { kind: 'medication', drugClass: 'topical', route: 'topical' },
    ],
    ['Deprizine (unknown quantity)', { kind: 'medication', name: 'Deprizine' }],
    ['Consultation with a pain management specialist', { kind: 'consultation', specialty: 'pain management' }],
    ['Follow up office visit times 2', { kind: 'consultation' }],
    ['Transportation to/from all medical appointments', { kind: 'transportation' }],
    ['Functional capacity evaluation (FCE)', { kind: 'functional-capacity-evaluation' }],
    ['Wrist braces #2', { kind: 'durable-medical-equipment', quantity: 2 }],
    ['Pre-op labs: CBC', { kind: 'preoperative-testing' }],
    ['Urine drug testing', { kind: 'urine-drug-screen' }],
    ['Right knee arthroscopy with evaluation of ACL, medical meniscectomy', { kind: 'surgery', regions: ['knee'] }],
    ['PA assist', { kind: 'surgical-assistant' }],
    ['Home health care 4 hours a day', { kind: 'home-health' }],
    ['Gym membership', { kind: 'other' }],
  ])('%s', (label, expected) => {
    expect(guessKind(label)).toMatchObject(expected);
  });

  it('gives readable service ids', () => {
    expect(serviceIdBase(guessKind('MRI of the lumbar spine'))).toBe('mri-lumbar');
    expect(serviceIdBase(guessKind('Flexeril 10mg #60'))).toBe('flexeril');
    expect(serviceIdBase(guessKind('Physical therapy 2x6'))).toBe('pt');
  });
});

describe('associationOf', () => {
  it('marks parts of a procedure and items the label ties to one', () => {
    expect(associationOf('FLUOROSCOPIC GUIDANCE', 'The guidelines support it.').associated).toBe(true);
    expect(
      associationOf('Associated surgical service: Cold therapy for one week', 'Cold therapy is recommended for 7 days.'),
    ).toMatchObject({ associated: true, decidedByPrimary: false, primaryHint: 'surgery' });
    expect(associationOf('Post-op Percocet 5/325mg', 'Opioids are supported after surgery.').associated).toBe(true);
    expect(associationOf('MRI of the lumbar spine', 'There are no red flags. Not medically necessary.').associated).toBe(false);
    expect(associationOf('Lumbar facet injection L3-L4 using fluoroscopy', 'Not supported.', 'facet-joint-injection').associated).toBe(
      false,
    );
  });

  it('tells when the rationale decides the item by its primary', () => {
    expect(
      associationOf(
        'IV SEDATION',
        'Since the primary procedure is not medically necessary, none of the associated services are medically necessary.',
      ).decidedByPrimary,
    ).toBe(true);
    expect(
      associationOf(
        'Post injection physical therapy (PT) times 8',
        'As the accompanying request for a lumbar epidural steroid injection has been determined not to be medically necessary so is this request for postinjection physical therapy.',
      ).decidedByPrimary,
    ).toBe(true);
    expect(
      associationOf(
        'Pre-op Clearance',
        'As the requested surgery is not medically necessary, the associated pre-operative clearance is also not medically necessary.',
      ).decidedByPrimary,
    ).toBe(true);
  });

  it('finds the procedure a consultation serves', () => {
    const a = associationOf(
      'Consultation with a pain management specialist',
      'Since consultation for pain specialist is for epidural steroid injection, this review will determine medical necessity based on the necessity of lumbar epidural steroid injection.',
    );
    expect(a).toMatchObject({ associated: true, decidedByPrimary: true, primaryHint: 'epidural steroid injection' });
  });
});
