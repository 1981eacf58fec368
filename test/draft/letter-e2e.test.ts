// Classes of letter text that decided the end-to-end outcome (draft-then-check against the
// letters, docs/draft.md): the reviewer's restatements of the record, and what must stay out.
// Each sentence is written for the test, not taken from a letter.
import { describe, expect, it } from 'vitest';
import { draftRequest } from '../../src/draft/draft.js';
import { sentences, SourceText } from '../../src/draft/source.js';
import { syntheticLetter } from './synthetic-letter.js';

type R = Record<string, unknown>;
const letter = syntheticLetter;
const drafted = (summary: string, rationale: string, item?: string) =>
  draftRequest(letter(summary, rationale, item), { servicesFrom: 'letter' }).request as R;
const plain = (list: unknown) => ((list as R[] | undefined) ?? []).map(({ extensions: _e, ...rest }) => rest);

describe('letters: the rationale restates the record', () => {
  it('a restatement adds what the summary left out: an exam finding, a course outcome', () => {
    const d = drafted(
      'The injured worker has low back pain. Treatment has included physical therapy.',
      'Physical examination showed weakness of the right wrist. Progress notes state she completed physical therapy with no documented improvement.',
    );
    expect(plain(d.exam)).toContainEqual(expect.objectContaining({ finding: 'motor-weakness', result: 'positive' }));
    expect(plain(d.treatments)).toEqual([expect.objectContaining({ kind: 'physical-therapy', outcome: 'failed' })]);
  });

  it("the reviewer's reasoning, a guideline's words and a quotation are not read", () => {
    const d = drafted(
      'The injured worker has low back pain.',
      'Guidelines recommend physical therapy for 10 visits. "The patient should have failed a trial of acupuncture." There is no documentation that the patient had chiropractic care. The patient may benefit from a TENS unit.',
    );
    expect(plain(d.treatments)).toEqual([]);
  });

  it('a cited source, a generic statement and "has not failed" are not restatements', () => {
    const d = drafted(
      'The injured worker has knee pain.',
      '(Smith, 2006) Patient-specific hand therapy is very important in reducing swelling. The patient has not failed to respond to an injection of steroids. The patient has had physical therapy without objective documentation of functional improvement.',
    );
    expect(plain(d.treatments)).toEqual([]);
  });

  it('authorized care is not care given', () => {
    const d = drafted('The injured worker has low back pain.', 'The patient was approved to undergo acupuncture at the last peer review.');
    expect(plain(d.treatments)).toEqual([]);
  });

  it('the next item heading ends a rationale: the drug requested is not drafted as one taken', () => {
    const text = letter('The injured worker has low back pain.', 'The patient had an x-ray.').replace(
      /\n$/,
      '\nNaproxen 550mg #60: Overturned\nClaims Administrator guideline: Decision based on MTUS.\nDecision rationale: Naproxen is not medically necessary.\n',
    );
    const d = draftRequest(text, { servicesFrom: 'letter' }).request as R;
    expect(plain(d.medications)).toEqual([]);
  });
});

describe('sentences: a wrapped line is no heading', () => {
  it('"… the following test was\\nrequested: an MRI …" goes on the sentence; the section is not the plan', () => {
    const s = sentences(new SourceText('The report shows that the following test was\nrequested: an MRI of the shoulder. She had pain.'));
    expect(s.map((x) => x.section)).toEqual(['', '']);
    expect(s[0]!.text).toContain('requested: an MRI');
  });
  it('a heading after a finished sentence, or a capitalized one after a list line, still opens a section', () => {
    expect(sentences(new SourceText('She had pain.\nPlan: physical therapy.')).at(-1)!.section).toBe('plan');
    expect(sentences(new SourceText('Assessment\nLumbar radiculopathy\nPlan: physical therapy.')).at(-1)!.section).toBe('plan');
  });
});

describe('treatments: the words of a benefit, and a drug taken with its outcome', () => {
  const note = (text: string) => plain((draftRequest(text, { servicesFrom: 'none' }).request as R).treatments);
  it('an improved course keeps the words saying what improved (function or only pain)', () => {
    expect(
      note(
        'Treatment has included chiropractic care. Chiropractic notes show improved range of motion of the lumbar spine with prior treatment.',
      ),
    ).toContainEqual(
      expect.objectContaining({ kind: 'chiropractic', outcome: 'improved', text: expect.stringContaining('improved range of motion') }),
    );
  });
  it('"is taking naproxen with improvement in pain" is an NSAID tried, with its outcome', () => {
    expect(note('The patient is taking naproxen 550 mg twice a day with improvement in pain.')).toContainEqual(
      expect.objectContaining({ kind: 'nsaid', outcome: 'improved' }),
    );
  });
});

describe('letters: the date of the request', () => {
  it("with no Request for Authorization date, the header's UR denial date dates the services, with its words", () => {
    const text = letter('The injured worker has low back pain.', 'The patient had an x-ray.').replace(
      'Date of Injury: 10/01/2016',
      'Date of Injury: 10/01/2016\nUR Denial Date: 11/25/2016',
    );
    const service = ((draftRequest(text, { servicesFrom: 'letter' }).request as R).services as R[])[0]!;
    expect(service.date).toBe('2016-11-25');
    expect((service.extensions as { evidence: Array<{ quote: string }> }).evidence.map((e) => e.quote)).toContain('11/25/2016');
  });
  it('a Request for Authorization date wins over the UR denial date', () => {
    const text = letter('The Request for Authorization dated 11-08-2016 included physical therapy.', 'The patient had an x-ray.').replace(
      'Date of Injury: 10/01/2016',
      'Date of Injury: 10/01/2016\nUR Denial Date: 11/25/2016',
    );
    expect(((draftRequest(text, { servicesFrom: 'letter' }).request as R).services as R[])[0]!.date).toBe('2016-11-08');
  });
});

describe('letters: the region of a disputed part', () => {
  it('"with open carpal tunnel release", the part left of "… left distal radius … with open carpal tunnel release", is a wrist surgery on the left', () => {
    const item =
      'Open reduction internal fixation of the left distal radius fracture with open carpal tunnel release was the original request. Open reduction internal fixation was authorized by the Claims Administrator. The remaining IMR eligible portion of the original request, with open carpal tunnel release is';
    const services = (drafted('The injured worker had a wrist fracture.', 'The patient had an x-ray.', item).services as R[]).map(
      ({ extensions: _e, ...rest }) => rest,
    );
    expect(services[0]).toEqual(expect.objectContaining({ kind: 'surgery', region: 'wrist', side: 'left' }));
  });
});

describe('letters: the primary procedure the disputed items serve', () => {
  it("is named from the summary's plan when the letter does not dispute it", () => {
    const d = drafted(
      'The patient has a painful inguinal hernia. The treatment plan included scheduling an open inguinal hernia repair and medical clearance.',
      'The patient is 50 years old.',
      'Associated surgical service: Pre-operative chest x-ray',
    );
    const primary = (d.services as R[]).find((s) => s.requested === false);
    expect(primary).toEqual(expect.objectContaining({ kind: 'surgery', text: 'open inguinal hernia repair' }));
    expect((primary!.extensions as { evidence: Array<{ quote: string }> }).evidence.map((e) => e.quote)).toContain(
      'open inguinal hernia repair',
    );
  });
});
