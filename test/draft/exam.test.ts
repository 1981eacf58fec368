// Exam findings drafted from phrasings the hand encodings record (issue 13, third round); each
// sentence is written for the test, not taken from a letter.
import { describe, expect, it } from 'vitest';
import { draftRequest } from '../../src/draft/draft.js';
import type { ExamFinding } from '../../src/request/schema.js';
import { sentences, SourceText } from '../../src/draft/source.js';
import { syntheticLetter } from './synthetic-letter.js';

type R = Record<string, unknown>;
const findings = (text: string): ExamFinding[] =>
  ((draftRequest(text, { servicesFrom: 'none' }).request as R).exam as ExamFinding[] | undefined) ?? [];
const exam = (text: string): string[] =>
  findings(text).map((e) => [e.finding, e.result, e.region, e.side, e.dermatome].filter(Boolean).join('|'));

describe('exam: a sentence of the exam that names no known finding is an `other` finding', () => {
  it('drafts it with its words and the result its words say', () => {
    const found = findings('Physical examination: There was a healing incision over the right thumb. Cervical lordosis was normal.');
    expect(found.map((e) => `${e.finding}|${e.result}|${e.text}`)).toEqual([
      'other|positive|healing incision over the right thumb',
      'other|negative|Cervical lordosis was normal',
    ]);
    expect(found[0]!.side).toBe('right');
    expect(found[0]!.region).toBe('hand');
  });
  it('the words that open the exam are not part of the finding', () => {
    expect(findings('The physical examination revealed a reducible umbilical hernia.').map((e) => e.text)).toEqual([
      'reducible umbilical hernia',
    ]);
  });
  it('"alert and oriented" and "appropriate" are normal findings', () => {
    expect(exam('On examination she was alert and oriented. Mood and affect were appropriate.')).toEqual([
      'other|negative',
      'other|negative',
    ]);
  });
  it('a sentence outside an exam paragraph is not a finding', () => {
    expect(exam('The patient was seen for follow-up. She walks her dog every morning.')).toEqual([]);
  });
  it('a sentence of the exam paragraph about the care, the record, labs or the complaint is not a finding', () => {
    expect(
      exam(
        'Physical examination revealed a healing scar. She rates her pain 6/10. Labs showed cholesterol 180 on 1/2/2016. ' +
          'The remaining objective findings were not documented. She was referred to a hand surgeon.',
      ),
    ).toEqual(['other|positive']);
  });
  it('a fragment of a list is not a finding of its own', () => {
    expect(exam('The physical examination showed tenderness at the left shoulder; and laterally.')).toEqual([
      'joint-tenderness|positive|shoulder|left',
    ]);
  });
});

describe('exam: vital signs', () => {
  it('measured vital signs are one `other` finding with the words measured, in or out of an exam paragraph', () => {
    const found = findings('The blood pressure was 150/95 and pulse 88 bpm on 3/4/2016.');
    expect(found.map((e) => `${e.finding}|${e.result}|${e.text}|${e.date}`)).toEqual([
      'other|positive|blood pressure was 150/95 and pulse 88 bpm|2016-03-04',
    ]);
  });
  it('the other findings of the sentence are kept', () => {
    expect(exam('Objective findings: blood pressure 130/80, tenderness over the right knee.')).toEqual([
      'other|positive',
      'joint-tenderness|positive|knee|right',
    ]);
  });
  it('a vital sign named without a measure is not a finding', () => {
    expect(exam('Her blood pressure has been elevated since the injury.')).toEqual([]);
  });
});

describe('exam: vocabulary', () => {
  it('"straight leg raises", "range-of-motion", "load and shift", "subluxation"', () => {
    expect(
      exam(
        'Physical examination: Straight leg raises were positive on the right. Lumbar range-of-motion was limited. ' +
          'Load and shift test was positive. There was subluxation of the patella.',
      ),
    ).toEqual([
      'straight-leg-raise|positive|lower-extremity|right',
      'limited-range-of-motion|positive|lumbar',
      'joint-instability|positive',
      'joint-instability|positive|knee',
    ]);
  });
  it('reflexes of the eye are not tendon reflexes; "equal" is a normal result', () => {
    expect(exam('Physical examination: Pupils were reactive with a normal light reflex. Knee reflexes were equal.')).toEqual([
      'other|negative',
      'reflex-change|negative|knee',
    ]);
  });
});

describe('exam: dermatomes', () => {
  it('a range of roots with a dermatome word is one finding per root', () => {
    expect(exam('Physical examination: decreased sensation in the L4-S1 distribution.')).toEqual([
      'sensory-deficit|positive|L5',
      'sensory-deficit|positive|S1',
      'sensory-deficit|positive|L4',
    ]);
  });
  it('roots named with a sensory finding are its dermatomes', () => {
    expect(exam('Physical examination: decreased sensation on the left at C6 and C7.')).toEqual([
      'sensory-deficit|positive|left|C7',
      'sensory-deficit|positive|left|C6',
    ]);
  });
});

describe('exam: sides and lists', () => {
  it("a grade after one side's reflex is not the other side's", () => {
    expect(exam('Physical exam: left ankle reflex 2+, right ankle reflex 1+.')).toEqual([
      'reflex-change|negative|ankle|left',
      'reflex-change|positive|ankle|right',
    ]);
  });
  it('a list of regions joined by "or" is one finding per region', () => {
    expect(exam('Physical exam revealed no tenderness over the right hip, ankle or foot.')).toEqual([
      'joint-tenderness|negative|ankle',
      'joint-tenderness|negative|foot',
      'joint-tenderness|negative|hip|right',
    ]);
  });
});

describe('exam: what is not the exam, and whose result a word is', () => {
  it("a study's report is not the exam", () => {
    expect(exam('An MRI of the right knee dated 1/2/2016 revealed a joint effusion.')).toEqual([]);
  });
  it('a list of symptoms is not the exam', () => {
    expect(exam('Symptoms included crepitus, decreased mobility, joint tenderness and instability of the knee.')).toEqual([]);
  });
  it('a result word after "and" before the next finding is that finding\'s', () => {
    expect(exam('On examination there was pain with range of motion and decreased hip strength.')).toEqual([
      'other|positive|hip',
      'motor-weakness|positive|hip',
    ]);
  });
  it('a strength grade written "4 out of 5"', () => {
    expect(exam('Physical examination: strength was 4 out of 5 in the right hip flexors. Knee strength was 5 out of 5.')).toEqual([
      'motor-weakness|positive|hip|right',
      'motor-weakness|negative|knee',
    ]);
  });
});

describe('exam: ranges of motion', () => {
  it('a range written against the normal is limited when short of it, full when not', () => {
    expect(exam('Physical exam: range of motion of the lumbar spine: flexion 90/90, extension 30/30.')).toEqual([
      'limited-range-of-motion|negative|lumbar',
    ]);
    expect(exam('Physical exam: lumbar flexion 40/90 degrees.')).toEqual(['limited-range-of-motion|positive|lumbar']);
  });
});

describe('exam: tenderness over a list of places', () => {
  it("the paraspinal muscles' is paraspinal, a joint's a joint tenderness, the chest's `other`", () => {
    expect(
      exam('Objective findings included tenderness to palpation to the cervical paraspinal muscles, left shoulder, and chest wall.'),
    ).toEqual(['joint-tenderness|positive|shoulder|left', 'other|positive|chest', 'paraspinal-tenderness|positive|cervical']);
  });
  it('"in the low back and over the right greater trochanter": two places', () => {
    expect(
      exam('Physical exam: diffuse tenderness to palpation in the low back and over the right greater trochanter.').map(
        (e) => e.split('|')[0],
      ),
    ).toEqual(['joint-tenderness', 'other']);
  });
  it('a tenderness of its own beside a paraspinal one is not dropped', () => {
    expect(
      exam('On exam there was tenderness in the right paraspinal muscle and tenderness in the right sciatic notch.').map(
        (e) => e.split('|')[0],
      ),
    ).toEqual(['other', 'paraspinal-tenderness']);
  });
  it('"pelvic rock" is a sacroiliac provocation test', () => {
    expect(exam('Physical exam: pelvic rock was positive.')).toEqual(['sacroiliac-provocation|positive|pelvis']);
  });
});

describe('exam: result words and named findings', () => {
  it('"could perform", "satisfactory", "5 of 5", "decrease sensation", "rotator cuff strength"', () => {
    expect(
      exam(
        'Physical exam: the patient could perform a heel/toe walk. There was satisfactory rotator cuff strength. ' +
          '5 of 5 muscle strength was noted in the left lower extremity. The exam documented decrease sensation to all fingers.',
      ),
    ).toEqual([
      'other|negative|foot',
      'rotator-cuff-weakness|negative|shoulder',
      'motor-weakness|negative|lower-extremity|left',
      'sensory-deficit|positive|hand',
    ]);
  });
});

describe('exam: a negation in another clause', () => {
  it('does not reach over a comma to a finding with its own result', () => {
    expect(exam('Exam noted pain in the digits with and without resistance, motor strength is 4 out of 5.')).toEqual([
      'motor-weakness|positive|hand',
    ]);
  });
});

describe('sentences: a closing quote after the period', () => {
  it('ends the sentence, so that the exam after it is read on its own', () => {
    const text = 'Work status was "off work." Objective findings were notable for a left foot drop.';
    expect(sentences(new SourceText(text)).map((s) => s.text)).toEqual([
      'Work status was "off work."',
      'Objective findings were notable for a left foot drop.',
    ]);
  });
});

describe('exam: a result word that belongs to the next finding', () => {
  it('"no changes in color or swelling with positive Tinel\'s": the positive is Tinel\'s', () => {
    const found = findings(
      "Physical examination: tenderness over the cubital tunnel with no appreciable changes in color or swelling in the right upper extremity with positive Tinel's at the elbow.",
    );
    expect(found.map((e) => `${e.finding}|${e.result}`)).toEqual(['joint-tenderness|positive', 'swelling|negative', 'tinel-sign|positive']);
  });
  it('"pain with range of motion, straight leg raise positive": the pain on motion keeps its own words', () => {
    const found = findings('Objective findings were notable for pain with range of motion, straight leg raise positive bilaterally.');
    expect(found.map((e) => `${e.finding}|${e.result}`)).toEqual(['other|positive', 'straight-leg-raise|positive']);
  });
});

describe('exam: the muscles of another finding', () => {
  it('"tenderness to palpation with muscle spasms": the spine\'s tenderness, not a paraspinal one', () => {
    const found = findings('Evaluation of the thoracic spine revealed tenderness to palpation with muscle spasms bilaterally.');
    expect(found.map((e) => `${e.finding}|${e.result}`)).toEqual(['other|positive', 'muscle-spasm|positive']);
  });
  it('"tenderness of the cervical musculature" stays paraspinal', () => {
    expect(findings('Examination revealed tenderness of the cervical musculature.').map((e) => e.finding)).toEqual([
      'paraspinal-tenderness',
    ]);
  });
});

describe('letters: exam findings the rationale restates (addRestatements)', () => {
  const letter = (summary: string, rationale: string) => syntheticLetter(summary, rationale);
  const restated = (summary: string, rationale: string): string[] =>
    (((draftRequest(letter(summary, rationale), { servicesFrom: 'letter' }).request as R).exam as ExamFinding[] | undefined) ?? []).map(
      (e) => `${e.finding}|${e.result}`,
    );
  const summary =
    'The injured worker has low back pain. Physical examination revealed a positive straight leg raise of the right lower extremity.';
  it('a named finding the summary did not give is added', () => {
    expect(restated(summary, "Physical examination showed a positive Phalen's sign of the right wrist.")).toEqual([
      'straight-leg-raise|positive',
      'phalen-sign|positive',
    ]);
  });
  it('an `other` finding is not added: a rationale sentence is not an exam sentence', () => {
    expect(restated(summary, 'Physical examination showed a healing incision over the right thumb.')).toEqual([
      'straight-leg-raise|positive',
    ]);
    expect(restated(summary, "Physical examination showed a positive Spurling's test.")).toEqual(['straight-leg-raise|positive']);
  });
  it("the summary's finding restated of a part of the same limb is not added twice", () => {
    const toCalf = 'The injured worker has low back pain. Physical examination revealed pain to the right calf upon straight leg raise.';
    expect(restated(toCalf, 'The physical examination revealed a positive straight leg raise of the right leg.')).toEqual([
      'straight-leg-raise|positive',
    ]);
  });
});

describe('exam: a test with a result for each side', () => {
  it('"on the left is positive and on the right is negative": one finding per side', () => {
    expect(exam('Physical examination: Straight leg raise test on the left is positive and on the right is negative.')).toEqual([
      'straight-leg-raise|positive|lower-extremity|left',
      'straight-leg-raise|negative|lower-extremity|right',
    ]);
    expect(exam('On examination there was a positive straight leg raise on the left at 45 degrees and negative on the right.')).toEqual([
      'straight-leg-raise|positive|lower-extremity|left',
      'straight-leg-raise|negative|lower-extremity|right',
    ]);
  });
  it('one side only, or the same result on both, stays one finding', () => {
    expect(exam('Physical examination: Straight leg raise was positive on the left.')).toEqual([
      'straight-leg-raise|positive|lower-extremity|left',
    ]);
  });
});

describe('exam: the tenderness of a muscle named without a region', () => {
  it('"no deformity, tenderness of the left trapezius muscle": the negation does not reach the item with its own side', () => {
    const found = findings(
      'Physical examination: Left shoulder: no deformity, tenderness of the left trapezius muscle and deltoid muscle.',
    );
    expect(found.map((e) => `${e.finding}|${e.result}`)).toEqual(['other|positive']);
  });
  it('"tenderness of the upper shoulder and trapezii muscles" is a muscle\'s, not the joint\'s', () => {
    expect(exam('Examination revealed tenderness of the upper shoulder and trapezii muscles.')).toEqual(['other|positive|shoulder']);
    expect(exam('Examination revealed tenderness of the left shoulder.')).toEqual(['joint-tenderness|positive|shoulder|left']);
  });
  it('a negated list without sides stays negated', () => {
    const found = findings('Physical examination: no sensory deficit, motor weakness, or reflex asymmetry.');
    expect(found.map((e) => `${e.finding}|${e.result}`)).toEqual([
      'sensory-deficit|negative',
      'motor-weakness|negative',
      'reflex-change|negative',
    ]);
  });
});

describe('exam: spasm given as spinal levels', () => {
  it('"C4-T5 and L1-5 paraspinal muscle hypertonicity": one spasm per spine region the levels name', () => {
    expect(exam('Physical examination: There was palpation noted at C4-T5 and L1-5 paraspinal muscle hypertonicity.').sort()).toEqual([
      'muscle-spasm|positive|cervical',
      'muscle-spasm|positive|lumbar',
    ]);
  });
  it('a region word wins over the levels', () => {
    expect(exam('Examination revealed spasm of the lumbar paraspinal muscles at L4-5.')).toEqual(['muscle-spasm|positive|lumbar']);
  });
});

describe("exam: what is not the examiner's finding", () => {
  it('"associated feelings of neck spasms" is a complaint', () => {
    expect(exam('Physical examination: There were associated feelings of neck spasms.')).toEqual([]);
  });
  it('an electrodiagnostic report "positive for cervical spasms" is a study, not the exam', () => {
    expect(exam('The patient underwent diagnostic studies, which were noted to be positive for cervical spasms.')).toEqual([]);
    expect(exam('There were cervical spasms noted.')).toEqual(['muscle-spasm|positive|cervical']);
  });
});
