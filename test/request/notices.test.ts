// Result notices the API adds: the edition status headline and unknown symptom kinds.
import { describe, it, expect } from 'vitest';
import { checkText, rulePack } from '../../src/api.js';
import { editionStatus } from '../../src/report/editions.js';

const request = (date: string, kind: string) => `format: imr-precheck/request@1
id: n
decisionDate: ${date}
symptoms: [ { kind: ${kind} } ]
services: [ { id: t, kind: transportation } ]
`;

describe('result notices', () => {
  it('names the encoded editions, and for a later decision date says the earlier ones apply', () => {
    const status = editionStatus(rulePack());
    expect(status.encodedUntil).toBe('2017-12-01');
    expect(status.editions.map((e) => `${e.source}@${e.edition}`)).toEqual(
      expect.arrayContaining(['MTUS-CPMTG@2009', 'MTUS-CPMTG@2016', 'ODG@online-2012-2017']),
    );
    const early = checkText(request('2016-01-10', 'low-back-pain'));
    expect(early.notices.find((n) => n.startsWith('Edition status:'))).not.toMatch(/earlier editions/);
    const late = checkText(request('2024-05-01', 'low-back-pain'));
    expect(late.notices.find((n) => n.startsWith('Edition status:'))).toMatch(
      /For this decision date \(2024-05-01\) the prediction applies those earlier editions/,
    );
  });
  it('accepts an unknown symptom kind and says so; a known kind gets no notice', () => {
    const r = checkText(request('2016-01-10', 'lowback-pian'));
    expect(r.notices.filter((n) => n.includes('symptoms[0].kind "lowback-pian"'))).toHaveLength(1);
    const known = checkText(request('2016-01-10', 'numbness'));
    expect(known.notices.some((n) => n.includes('symptom vocabulary'))).toBe(false);
  });
});
