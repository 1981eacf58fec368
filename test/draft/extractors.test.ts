// Unit tests of the drafting extractors: negation and uncertainty, laterality, levels and
// roots, dates, durations and courses, scores, drugs — each on short sentences.
import { describe, expect, it } from 'vitest';
import { draftRequest } from '../../src/draft/draft.js';
import { assertionOf } from '../../src/draft/assertion.js';
import { sentences, SourceText } from '../../src/draft/source.js';
import {
  coursesIn,
  datesIn,
  dermatomeIn,
  durationsIn,
  levelsIn,
  nearestSide,
  rootsIn,
  scoresIn,
  strengthIn,
  quantityIn,
  directionsIn,
} from '../../src/draft/values.js';
import { drugOfWord } from '../../src/draft/medications.js';
import { compileVocabulary, draftVocabulary } from '../../src/draft/vocab.js';

const v = draftVocabulary();
const assert = (text: string, word: string) => {
  const s = sentences(new SourceText(text))[0]!;
  const at = text.indexOf(word);
  return assertionOf(v, s, at, at + word.length);
};
type R = Record<string, unknown>;
const draft = (text: string) => draftRequest(text, { servicesFrom: 'none' }).request as R;
const items = (text: string, key: string) => ((draft(text)[key] as R[] | undefined) ?? []).map(({ extensions: _e, ...rest }) => rest);

describe('negation and uncertainty (NegEx-style scopes)', () => {
  it.each([
    ['The patient denies numbness.', 'numbness', true],
    ['No evidence of fracture was seen.', 'fracture', true],
    ['He is negative for tingling.', 'tingling', true],
    ['She has pain without numbness.', 'numbness', true],
    ['Straight leg raise was negative.', 'Straight leg raise', true],
    ['He reports numbness in the left foot.', 'numbness', false],
    ['He denies fever but reports numbness.', 'numbness', false],
  ])('%s → %s negated: %s', (text, word, negated) => {
    expect(assert(text, word).negated).toBe(negated);
  });
  it.each([
    ['MRI to rule out a rotator cuff tear.', 'tear'],
    ['Possible radiculopathy on the left.', 'radiculopathy'],
    ['Radiculopathy?', 'Radiculopathy'],
  ])('%s → uncertain', (text, word) => {
    expect(assert(text, word).uncertain).toBe(true);
  });
  it('history: "status post", "previously"', () => {
    expect(assert('He is status post lumbar fusion.', 'fusion').history).toBe(true);
    expect(assert('He previously had physical therapy.', 'physical therapy').history).toBe(true);
    expect(assert('He has physical therapy.', 'physical therapy').history).toBe(false);
  });
  it('a denied symptom is drafted with result negative, an affirmed one without', () => {
    expect(items('He complains of low back pain. He denies numbness.', 'symptoms')).toEqual([
      { kind: 'low-back-pain' },
      { kind: 'numbness', result: 'negative' },
    ]);
  });
  it('an exam finding takes its result from the words around it', () => {
    const exam = items(
      "On examination, straight leg raise was positive on the right. Sensation was intact. Motor strength was 4/5 in the left quadriceps. Reflexes were 2+ and symmetric. Spurling's test was negative.",
      'exam',
    );
    expect(exam.map((e) => [e.finding, e.result, e.side])).toEqual([
      ['straight-leg-raise', 'positive', 'right'],
      ['sensory-deficit', 'negative', undefined],
      ['motor-weakness', 'positive', 'left'],
      ['reflex-change', 'negative', undefined],
      ['other', 'negative', undefined],
    ]);
  });
  it('a planned or requested study is not a study done', () => {
    expect(items('The treatment plan included an MRI of the lumbar spine to rule out a disc herniation.', 'studies')).toEqual([]);
    expect(items('He had an MRI of the left shoulder to rule out rotator cuff tear on 10/1/2016.', 'studies')).toEqual([]);
  });
  it('a study done: type, region, side, date, findings with level and size, report status', () => {
    const [mri] = items(
      'MRI of the lumbar spine dated 09/20/2023 showed a 5 mm disc protrusion at L4-5 with left foraminal stenosis. The MRI report was not provided.',
      'studies',
    );
    expect(mri).toMatchObject({ type: 'mri', region: 'lumbar', date: '2023-09-20', officialReport: false });
    expect((mri!.findings as R[]).map(({ extensions: _e, ...f }) => f)).toEqual([
      { kind: 'disc-protrusion', level: 'L4-5', sizeMm: 5 },
      { kind: 'foraminal-stenosis', level: 'L4-5', side: 'left' },
    ]);
  });
  it('radiating pain, and pain named by region', () => {
    expect(items('He has low back pain radiating to the bilateral lower extremities.', 'symptoms').map((x) => x.kind)).toEqual([
      'low-back-pain',
      'radiating-leg-pain',
    ]);
    expect(items('She complains of neck, mid back and right shoulder pain.', 'symptoms').map((x) => [x.kind, x.region ?? null])).toEqual([
      ['joint-pain', 'shoulder'],
      ['neck-pain', null],
      ['thoracic-pain', null],
    ]);
  });
});

describe('laterality', () => {
  it('takes the side nearest the mention, preferring one before it', () => {
    const text = 'left knee pain and right shoulder pain';
    expect(nearestSide(text, 0, text.indexOf('shoulder'))?.value).toBe('right');
    expect(nearestSide(text, 0, text.indexOf('knee'))?.value).toBe('left');
    expect(nearestSide('bilateral wrist pain', 0, 10)?.value).toBe('bilateral');
  });
});

describe('spinal levels, roots and dermatomes', () => {
  it.each([
    ['at L4-5', ['L4-5']],
    ['at L4-L5', ['L4-5']],
    ['at L5-S1', ['L5-S1']],
    ['L4/5', ['L4-5']],
    ['C5-6 and C6-7', ['C5-6', 'C6-7']],
    ['C7-T1', ['C7-T1']],
    ['L6-7', []],
  ])('%s → %j', (text, levels) => {
    expect(levelsIn(text).map((l) => l.value)).toEqual(levels);
  });
  it('roots are not read inside levels', () => {
    expect(rootsIn('the L5 root at L4-5').map((r) => r.value)).toEqual(['L5']);
  });
  it('dermatomes from a root with a cue, or from a finger territory', () => {
    expect(dermatomeIn(v, 'decreased in the L5 dermatome')?.value).toBe('L5');
    expect(dermatomeIn(v, 'numbness of the thumb')?.value).toBe('C6');
    expect(dermatomeIn(v, 'numbness of the small finger')?.value).toBe('C8');
  });
});

describe('dates and durations', () => {
  it('absolute dates in the forms records use', () => {
    expect(datesIn('seen on 10-19-16, MRI 03/05/2015, x-ray January 5, 2016, CT March 2014').map((d) => d.value)).toEqual([
      '2016-10-19',
      '2015-03-05',
      '2016-01-05',
      '2014-03',
    ]);
  });
  it('relative dates need the note date', () => {
    expect(datesIn('injured 3 weeks ago').map((d) => d.value)).toEqual([]);
    expect(datesIn('injured 3 weeks ago', 0, '2024-03-22').map((d) => d.value)).toEqual(['2024-03-01']);
    expect(datesIn('two months ago', 0, '2024-03-22').map((d) => d.value)).toEqual(['2024-01-22']);
  });
  it('rejects impossible dates', () => {
    expect(datesIn('13/45/2016')).toEqual([]);
  });
  it('durations in months', () => {
    expect(durationsIn('for 6 months, then two years').map((d) => d.value)).toEqual([6, 24]);
  });
});

describe('quantities, frequencies and scores', () => {
  it.each([
    ['PT 2x6', { visitsPerWeek: 2, weeks: 6, total: 12 }],
    ['twice a week for 4 weeks', { visitsPerWeek: 2, weeks: 4, total: 8 }],
    ['3 times per week for six weeks', { visitsPerWeek: 3, weeks: 6, total: 18 }],
    ['12 sessions of physical therapy', { total: 12 }],
  ])('%s', (text, course) => {
    expect(coursesIn(text)[0]?.value).toEqual(course);
  });
  it.each([
    ['pain 7/10', 7],
    ['rated 6-8 on a 10-point scale', 8],
    ['VAS 5', 5],
    ['8 out of 10', 8],
  ])('%s → %d', (text, score) => {
    expect(scoresIn(text)[0]?.value).toBe(score);
  });
  it('a score above 10 is not a pain score', () => {
    expect(scoresIn('90/10')).toEqual([]);
  });
  it('prior sessions and outcome of a treatment', () => {
    expect(items('He completed 12 sessions of physical therapy without relief.', 'treatments')).toEqual([
      { kind: 'physical-therapy', outcome: 'failed', sessions: 12 },
    ]);
  });
  it('relief and its duration after a prior injection', () => {
    const [esi] = items('He had a prior L4-5 epidural steroid injection with 60% relief for 8 weeks.', 'treatments');
    expect(esi).toMatchObject({ kind: 'epidural-steroid-injection', levels: ['L4-5'], reliefPercent: 60 });
    expect(esi!.reliefWeeks).toBeCloseTo(8, 0);
  });
});

describe('drugs', () => {
  it('names, classes, strength, directions and quantity', () => {
    expect(drugOfWord(v, 'Norco')).toMatchObject({ drugClass: 'opioid' });
    expect(drugOfWord(v, 'cyclobenzaprine')).toMatchObject({ generic: 'cyclobenzaprine', drugClass: 'muscle-relaxant' });
    expect(drugOfWord(v, 'Naproxen')).toMatchObject({ drugClass: 'nsaid' });
    expect(drugOfWord(v, 'medications')).toBeUndefined();
    expect(drugOfWord(v, 'patient')).toBeUndefined();
    expect(strengthIn('10/325 mg every 6 hours')?.value).toBe('10/325 mg');
    expect(quantityIn('#60')?.value).toBe(60);
    expect(quantityIn('90 tablets')?.value).toBe(90);
    expect(directionsIn('one tablet every 6 hours as needed')?.value).toBe('one tablet every 6 hours as needed');
  });
  it('drafts current medications and skips a denied one', () => {
    expect(
      items(
        'Current medications include Norco 10/325 mg #90 and gabapentin 300 mg three times a day. He denies taking ibuprofen.',
        'medications',
      ),
    ).toEqual([
      { name: 'Norco', strength: '10/325 mg', quantity: 90, drugClass: 'opioid', opioid: true },
      { name: 'gabapentin', strength: '300 mg', drugClass: 'neuropathic', text: 'three times a day' },
    ]);
  });
});

describe('vocabulary file', () => {
  it('is validated: a wrong shape names the path', () => {
    expect(() => compileVocabulary({ assertion: {} }, 'x.yaml')).toThrow(/^x\.yaml: assertion\.negatedPre/);
  });
});
