// One test per class of phrasing the drafting measurement found mis-read on real summaries
// (docs/draft.md, "Error classes fixed"); each sentence is written for the test, not taken
// from a letter, so that a class is fixed rather than a sentence.
import { describe, expect, it } from 'vitest';
import { draftRequest } from '../../src/draft/draft.js';
import type { ExamFinding, Study } from '../../src/request/schema.js';
import { sentences, SourceText } from '../../src/draft/source.js';
import { syntheticLetter } from './synthetic-letter.js';

type R = Record<string, unknown>;
const draft = (text: string) => draftRequest(text, { servicesFrom: 'none' }).request as R;
const items = (text: string, key: string) => ((draft(text)[key] as R[] | undefined) ?? []).map(({ extensions: _e, ...rest }) => rest);
const exam = (text: string) =>
  (items(text, 'exam') as ExamFinding[]).map((e) => `${e.finding}|${e.result}${e.region ? `|${e.region}` : ''}`);

describe('exam: results, negation and lists', () => {
  it('a negation just before a result word negates the finding it qualifies', () => {
    expect(exam('Physical exam: the shoulder had no limited range of motion and the hand had no diminished sensation.')).toEqual([
      'limited-range-of-motion|negative|shoulder',
      'sensory-deficit|negative|hand',
    ]);
  });
  it('a negation just before a finding that carries its own result wins', () => {
    expect(exam('Physical examination: No tenderness of the left knee. The patella was not tender.')).toEqual([
      'joint-tenderness|negative|knee',
      'joint-tenderness|negative|knee',
    ]);
  });
  it('a negation scopes over a list of findings', () => {
    expect(exam('On exam there was no sensory, motor weakness or reflex asymmetry in the lower extremities.')).toEqual([
      'sensory-deficit|negative|lower-extremity',
      'motor-weakness|negative|lower-extremity',
      'reflex-change|negative|lower-extremity',
    ]);
  });
  it('named tests of one kind are separate findings, and a list shares a result before it', () => {
    expect(exam("Exam revealed a negative Neer's test, Hawkins' test, and Speed's test of the left shoulder.")).toEqual([
      'impingement-sign|negative|shoulder',
      'impingement-sign|negative|shoulder',
      'other|negative|shoulder',
    ]);
  });
  it('a result after the last test of a list applies to the whole list', () => {
    expect(exam("Exam of the wrists: Tinel's sign, Finkelstein's sign, and Watson's sign were negative bilaterally.")).toEqual([
      'tinel-sign|negative|wrist',
      'other|negative|wrist',
      'other|negative|wrist',
    ]);
  });
  it('"positive Spurling\'s and Hoffmann\'s": two findings, both positive', () => {
    expect(exam("Examination showed positive Spurling's and Hoffmann's on the right.")).toEqual(['other|positive', 'other|positive']);
  });
  it('a phrase containing a neutral word is not neutral ("antalgic gait")', () => {
    expect(exam('Physical examination: The patient had an antalgic gait.')).toEqual(['antalgic-gait|positive']);
  });
  it('what was examined with no word saying how is not a finding', () => {
    expect(exam('Physical examination: Range of motion of the right knee was measured.')).toEqual([]);
  });
});

describe('exam: regions, dates and degrees', () => {
  it('tenderness over a named part of a joint is a tenderness of that joint', () => {
    expect(exam('Exam: tender bicipital groove; tenderness over the radial styloid and the PIP joint of the index finger.').sort()).toEqual(
      ['joint-tenderness|positive|hand', 'joint-tenderness|positive|shoulder', 'joint-tenderness|positive|wrist'],
    );
  });
  it('pain on motion with no word saying the range is limited is a finding of its own, not a limited range', () => {
    expect(exam('Objective: painful range of motion of the right elbow; pain with extension of the right wrist.')).toEqual([
      'other|positive|elbow',
      'other|positive|wrist',
    ]);
    expect(exam('Objective: reduced and painful range of motion of the neck.')).toEqual(['limited-range-of-motion|positive|cervical']);
  });
  it('paraspinal tenderness over a list of spine regions is one finding per region', () => {
    expect(exam('On examination the thoracic and lumbar paraspinal muscles were tender to palpation.')).toEqual([
      'paraspinal-tenderness|positive|thoracic',
      'paraspinal-tenderness|positive|lumbar',
    ]);
  });
  it('a motion named by its movements with a word saying it is limited is a limited range of motion', () => {
    expect(exam('Objective: there was reduced extension and rotation of the cervical spine.')).toEqual([
      'limited-range-of-motion|positive|cervical',
    ]);
    expect(exam('Exam: Trunk rotation was moderately restricted.')).toEqual(['limited-range-of-motion|positive']);
    expect(exam('Exam: Hip flexion strength was reduced.')).toEqual(['motor-weakness|positive|hip']);
  });
  it('one finding per region of a list, each region with its own result word', () => {
    expect(exam('Examination revealed limited wrist and full hand range of motion.')).toEqual([
      'limited-range-of-motion|positive|wrist',
      'limited-range-of-motion|negative|hand',
    ]);
    expect(exam('Examination revealed decreased cervical spine, lumbar spine and right shoulder range of motion.')).toHaveLength(3);
  });
  it('a range in degrees is a range of motion', () => {
    expect(exam('Physical examination: the lumbar spine had flexion of 40/90 degrees.')).toEqual([
      'limited-range-of-motion|positive|lumbar',
    ]);
    expect(exam('Physical examination revealed 95° of flexion of the left knee.')).toEqual(['limited-range-of-motion|positive|knee']);
  });
  it('findings of two visits in one sentence keep their own dates', () => {
    const dates = items(
      'A physical exam on 11-1-16 revealed spasms of the lumbar spine, and on 11-15-16 revealed spasms of the lumbar spine.',
      'exam',
    ).map((e) => e.date);
    expect(dates).toEqual(['2016-11-01', '2016-11-15']);
  });
  it("tenderness of the spine's muscles is paraspinal; paraspinal muscles as the place of a spasm are not a tenderness", () => {
    expect(exam('Examination revealed tenderness of the cervical musculature.')).toEqual(['paraspinal-tenderness|positive|cervical']);
    expect(exam('Examination revealed spasm of the lumbar paraspinal muscles.')).toEqual(['muscle-spasm|positive|lumbar']);
  });
});

describe('studies', () => {
  const studies = (text: string) => (items(text, 'studies') as Study[]).map((s) => `${s.type}|${s.region ?? ''}`);
  const withResult = (text: string) =>
    (items(text, 'studies') as Study[]).map((s) => `${s.type}|${s.region ?? ''}|${(s.findings ?? []).map((f) => f.kind).join(',')}`);
  it('a result written before the study and its region belongs to that study', () => {
    expect(withResult('Her doctor reported a normal cervical MRI and an unremarkable left knee x-ray.')).toEqual([
      'mri|cervical|normal',
      'xray|knee|normal',
    ]);
  });
  it('studies of kind other in one list are told apart by their name', () => {
    expect(studies('Testing so far: audiogram in May, ECG (6-2016) showed sinus rhythm, and a Holter monitor.').length).toBe(3);
    expect(studies('An ECG was normal in June. An audiogram dated 7-2016 showed hearing loss.').length).toBe(2);
  });
  it('a study "unremarkable" is a normal study done, "not described as performed" is none', () => {
    expect(studies('X-rays of the right shoulder revealed degenerative changes and x-rays of the right hip were unremarkable.')).toEqual([
      'xray|shoulder',
      'xray|hip',
    ]);
    expect(studies('X-rays were not described as performed.')).toEqual([]);
  });
  it('regions written before the study word, as a list', () => {
    expect(studies('Treatment to date has included medication, lumbar x-ray, left shoulder x-ray and activity modifications.')).toEqual([
      'xray|lumbar',
      'xray|shoulder',
    ]);
    expect(studies('Lumbar spine and left shoulder x-rays were negative.')).toEqual(['xray|lumbar', 'xray|shoulder']);
  });
  it('"x-rays of the lumbar spine 3 views": the region, not the views', () => {
    expect(studies('X-rays of the lumbar spine 3 views dated 10-14-2016 showed no fracture.')).toEqual(['xray|lumbar']);
  });
  it('"MRI dated … showed": a dated study with its findings', () => {
    const [mri] = items('MRI of the lumbar spine dated 09/12/2016 showed a 4 mm disc protrusion at L4-5.', 'studies');
    expect(mri).toMatchObject({
      type: 'mri',
      region: 'lumbar',
      date: '2016-09-12',
      findings: [{ kind: 'disc-protrusion', level: 'L4-5', sizeMm: 4 }],
    });
  });
  it('a later undated sentence adds to an earlier study only of the same region', () => {
    expect(
      studies('X-rays done on 10-14-2016 of the lumbar spine showed no fractures. Cervical spine x rays showed no fractures.'),
    ).toEqual(['xray|lumbar', 'xray|cervical']);
  });
  it('"An x-ray of …" after another study of the same kind and region is a study of its own', () => {
    expect(
      studies(
        'An x-ray of the right femur showed a healed fracture. An x-ray of the tibia/fibula indicated a fracture of the distal tibia.',
      ),
    ).toEqual(['xray|leg', 'xray|leg']);
    // a definite reference still adds to the study spoken of
    expect(studies('An x-ray of the right femur showed a fracture. The x-ray also showed a plate.')).toEqual(['xray|leg']);
  });
  it('"No MRI report was available": a study whose report is missing, not a study not done', () => {
    const [mri] = items('Current medications include tramadol. No MRI report was available.', 'studies');
    expect(mri).toMatchObject({ type: 'mri', officialReport: false });
    expect(studies('No MRI was performed.')).toEqual([]);
    expect(studies('There is no MRI of the lumbar spine.')).toEqual([]);
  });
  it('a plan sentence that reports a study done keeps the study, a study planned is none', () => {
    expect(withResult('The provider noted negative hip and lumbar x-rays under the treatment plan.')).toEqual([
      'xray|hip|normal',
      'xray|lumbar|normal',
    ]);
    expect(studies('The treatment plan included x-rays of the hip.')).toEqual([]);
    expect(studies('The request for authorization shows that the following test was requested: an MRI of the lumbar spine.')).toEqual([]);
  });
  it('a lost space between sentences still ends the first ("hand.The")', () => {
    const texts = sentences(new SourceText('The plan included an MRI of the right hand.The studies to date included an x-ray.')).map(
      (s) => s.text,
    );
    expect(texts).toEqual(['The plan included an MRI of the right hand.', 'The studies to date included an x-ray.']);
  });
});

describe('treatments', () => {
  const kinds = (text: string) => items(text, 'treatments');
  it('"completed 12 sessions of PT without improvement": sessions and outcome', () => {
    expect(kinds('She completed 12 sessions of PT without improvement.')).toEqual([
      { kind: 'physical-therapy', outcome: 'failed', sessions: 12 },
    ]);
  });
  it('a list cut at ";" keeps its list context', () => {
    expect(
      kinds('Treatment to date has included: chiropractic care; acupuncture treatments; home exercise program.').map((t) => t.kind),
    ).toEqual(['chiropractic', 'acupuncture', 'home-exercise']);
  });
  it('therapy not given yet is drafted with sessions 0', () => {
    expect(kinds('He has not yet had physical therapy.')).toEqual([{ kind: 'physical-therapy', sessions: 0 }]);
  });
  it('"no relief from physical therapy" negates the relief, not the therapy', () => {
    expect(kinds('Prior treatment included physical therapy with no relief.')).toEqual([{ kind: 'physical-therapy', outcome: 'failed' }]);
  });
  it('a sentence stating how a named course worked is a treatment statement', () => {
    expect(kinds('The worker reports that chiropractic treatments have helped.')).toEqual([{ kind: 'chiropractic', outcome: 'improved' }]);
  });
  it('a device in use is care given', () => {
    expect(kinds('He continues to wear a left thumb splint.').map((t) => t.kind)).toEqual(['brace']);
  });
  it('"RFA" is the request form, not a radiofrequency ablation; "rest" only as a word of its own', () => {
    expect(kinds('Treatment has included an RFA dated 11/30/2016 for 9 sessions of therapy.').map((t) => t.kind)).not.toContain(
      'facet-radiofrequency-neurotomy',
    );
    expect(kinds('Past treatment included medications and rest.').map((t) => t.kind)).toEqual(['other', 'activity-modification']);
    expect(kinds('Treatment included physical therapy; pain at rest persists.').map((t) => t.kind)).toEqual(['physical-therapy']);
  });
  it('"anti-inflammatory medication" and a medication list are not generic "medication" care', () => {
    expect(kinds('Treatment has included anti-inflammatory medication and physical therapy.').map((t) => t.kind)).toEqual([
      'nsaid',
      'physical-therapy',
    ]);
    expect(kinds('Treatment has included medication therapy including Robaxin.').map((t) => t.kind)).not.toContain('other');
  });
});

describe('letters: what the claims administrator authorized, and the request date', () => {
  const letter = (summary: string, rationale: string) => syntheticLetter(summary, rationale);
  it('sessions authorized by the claims administrator, stated in the rationale, are drafted', () => {
    const d = draftRequest(
      letter(
        'The injured worker has low back pain. The Request for Authorization dated 11-08-2016 included physical therapy.',
        'Physical therapy 6 sessions was authorized by the Claims Administrator. The guidelines allow 10 visits.',
      ),
      { servicesFrom: 'letter' },
    ).request as R;
    const treatments = (d.treatments as R[]).map(({ extensions: _e, ...t }) => t);
    expect(treatments).toContainEqual({ kind: 'physical-therapy', sessionsAuthorized: 6, outcome: 'unknown' });
    expect((d.services as R[])[0]!.date).toBe('2016-11-08');
  });
  it('a study the rationale says was done is drafted once; the guideline text and conditionals are not studies', () => {
    const studiesOf = (summary: string, rationale: string) =>
      (((draftRequest(letter(summary, rationale), { servicesFrom: 'letter' }).request as R).studies as Study[] | undefined) ?? []).map(
        (s) => `${s.type}|${s.region ?? ''}|${(s.findings ?? []).map((f) => f.kind).join(',')}`,
      );
    expect(
      studiesOf('The injured worker has neck pain.', 'Recent x-rays of the cervical spine reveal spondylosis with a C3-4 anterolisthesis.'),
    ).toEqual(['xray|cervical|other,spondylolisthesis']);
    expect(
      studiesOf(
        'The injured worker has neck pain. X-rays of the cervical spine dated 10/01/2016 showed spondylosis.',
        'The x-rays of the cervical spine showed spondylosis.',
      ),
    ).toEqual(['xray|cervical|other']);
    expect(
      studiesOf(
        'The injured worker has foot pain.',
        'MRI of the foot is recommended if x-rays are negative. Often x-rays can show changes after the injury. The utilization reviewer noted the EMG was unremarkable.',
      ),
    ).toEqual([]);
    // a hypothetical study or a requested one is not one done
    expect(studiesOf('The injured worker has knee pain.', 'An MRI of the knee would show a meniscal tear.')).toEqual([]);
    expect(studiesOf('The injured worker has knee pain.', 'The requested MRI of the knee showed nothing new.')).toEqual([]);
  });
});

describe('symptoms', () => {
  const symptoms = (text: string) =>
    (items(text, 'symptoms') as Array<{ kind: string; region?: string; result?: string }>).map(
      (s) => `${s.kind}${s.region ? `|${s.region}` : ''}${s.result === 'negative' ? '|negative' : ''}`,
    );
  it('pain named by a list of regions: only the regions of that list', () => {
    expect(symptoms('She complains of neck, back and right shoulder pain.')).toEqual(['joint-pain|shoulder', 'neck-pain']);
    expect(symptoms('He reports complaints of pain to the neck, left index finger, low back, and right knee.')).toEqual([
      'neck-pain',
      'joint-pain|hand',
      'low-back-pain',
      'joint-pain|knee',
    ]);
    // a diagnosis word between breaks the list
    expect(symptoms('She reported cervical strain, and chest pain.')).toEqual([]);
    expect(symptoms('He has pain in the right hand, pain with gripping.')).toEqual(['joint-pain|hand']);
  });
  it('paresthesias are paresthesia, foot pain is foot-pain', () => {
    expect(symptoms('He complains of right foot pain with paresthesias of the toes.')).toEqual(['foot-pain', 'paresthesia']);
  });
  it('a diagnosis is not a complaint; a weakness among the exam findings is not a complaint', () => {
    expect(symptoms('The diagnoses are documented as cervicalgia, lumbago with sciatica and pain in thoracic spine.')).toEqual([]);
    expect(symptoms('She complains of low back pain. Diagnoses include low back pain.')).toEqual(['low-back-pain']);
    expect(symptoms('Examination noted positive straight leg raise and right lower extremity weakness.')).toEqual([]);
    expect(symptoms('He complains of weakness in the right leg.')).toEqual(['weakness']);
    // an exam term wrapped across lines is still the exam's (vocab sentenceCues: a space matches any white space)
    expect(symptoms('He reports weakness of the arm and limited range of\nmotion of the shoulder.')).toEqual([]);
  });
});

describe('medications', () => {
  const meds = (text: string) => (items(text, 'medications') as Array<{ name: string }>).map((m) => m.name);
  it('a drug name inside another word is no drug ("specialist" is not Cialis)', () => {
    expect(meds('She was referred to a specialist and takes Norco.')).toEqual(['Norco']);
  });
  it('a combination product is one medication, named by its first drug', () => {
    expect(meds('Medications included cyclobenzaprine and oxycodone/acetaminophen.')).toEqual(['cyclobenzaprine', 'oxycodone']);
  });
  it('what an injection contained is not a medication the patient takes', () => {
    expect(meds('Treatment has included a Toradol injection and Norco.')).toEqual(['Norco']);
    expect(meds('The patient was injected with 5 cc lidocaine/dexamethasone. She takes ibuprofen.')).toEqual(['ibuprofen']);
  });
  it('medications the drug dictionary does not name are drafted from the vocabulary, as class other', () => {
    const list = items('Current medications include Tramadol ER, Metoprolol and Hydrochlorothiazide 25 mg.', 'medications');
    expect(list.map((m) => [m.name, m.drugClass ?? null])).toEqual([
      ['Tramadol', 'opioid'],
      ['Metoprolol', 'other'],
      ['Hydrochlorothiazide', 'other'],
    ]);
    expect(list[2]).toMatchObject({ strength: '25 mg' });
    expect(meds('He does not take metformin.')).toEqual([]);
  });
});

describe('documentation', () => {
  const letterWith = (summary: string, rationale: string) => `Independent Medical Review Final Determination Letter
Case Number: CM16-0000001
Date of UR Decision: 12/01/2016
Dear Ms. Doe:

CLINICAL CASE SUMMARY

${summary}

IMR ISSUES, DECISIONS AND RATIONALES
The Final Determination was based on decisions for the disputed items/services set forth below:
Physical therapy 2 times a week for 6 weeks for the lumbar spine: Upheld
Claims Administrator guideline: Decision based on MTUS.
Decision rationale: ${rationale}
`;
  const doc = (summary: string, rationale: string) => {
    const r = draftRequest(letterWith(summary, rationale), { servicesFrom: 'letter' }).request as R;
    const d = (r.documentation ?? {}) as R;
    return { functionalImprovement: d.functionalImprovement, redFlags: d.redFlags, workStatus: (r.patient as R | undefined)?.workStatus };
  };
  it('work status: "working with restrictions" is modified duty; work restrictions among the care given is no status', () => {
    expect(doc('The injured worker is working with restrictions.', 'None.').workStatus).toBe('modified-duty');
    expect(doc('Treatments have included physical therapy, work restrictions, and medications.', 'None.').workStatus).toBeUndefined();
    expect(doc('Work status: modified duty.', 'None.').workStatus).toBe('modified-duty');
  });
  it('the rationale says what the record lacks; the guideline wording says nothing of the record', () => {
    expect(
      doc('The injured worker has low back pain.', 'There is no documentation of functional improvement with the prior sessions.'),
    ).toMatchObject({ functionalImprovement: false, redFlags: undefined });
    expect(doc('The injured worker has low back pain.', 'There are no red flags documented.')).toMatchObject({ redFlags: [] });
    // what the absence "would warrant" is the request's, not a hypothetical record (vocab notTheRecord: hypotheticals are the studies')
    expect(
      doc(
        'The injured worker has low back pain.',
        'There is no documentation of nerve impairment or other red flags that would warrant a lumbar MRI.',
      ),
    ).toMatchObject({ redFlags: [] });
    expect(
      doc(
        'The injured worker has low back pain.',
        'Guidelines recommend continued therapy only if there is documentation of functional improvement. In the absence of red flags, imaging is not recommended.',
      ),
    ).toMatchObject({ functionalImprovement: undefined, redFlags: undefined });
    // the record's own statement stands
    expect(
      doc('Physical therapy resulted in functional improvement.', 'There is no documentation of functional improvement.'),
    ).toMatchObject({ functionalImprovement: true });
  });
});
