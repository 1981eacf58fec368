import { describe, it, expect } from 'vitest';
import { checkRequest } from '../src/api.js';
import { makeRequest } from './helpers.js';

const esi = { id: 'esi', kind: 'epidural-steroid-injection', levels: 'L4-5' };

describe('editions', () => {
  it('does not decide a request dated before the edition the rules implement', () => {
    const r = checkRequest(makeRequest({ decisionDate: '2005-01-01', services: [esi] }));
    expect(r.services[0]!.prediction).toBe('not-covered');
    expect(r.services[0]!.rationale).toContain('precedes');
  });
  it('cites the 2009 pages for a 2014 decision and notes supersession for a late decision', () => {
    const early = checkRequest(makeRequest({ decisionDate: '2014-06-01', services: [esi] })).services[0]!;
    expect(early.guideline).toMatchObject({ source: 'MTUS-CPMTG', pages: '46', edition: '2009' });
    const late = checkRequest(makeRequest({ decisionDate: '2024-06-01', services: [esi] })).services[0]!;
    expect(late.prediction).toBe('upheld');
    expect(late.notices.join(' ')).toMatch(/superseded on 2017-12-01/);
  });
  it('defaults the decision date to today and says so', () => {
    const request = makeRequest({ services: [esi] });
    delete (request as { decisionDate?: string }).decisionDate;
    const r = checkRequest(request, { today: '2016-06-01' });
    expect(r.decisionDate).toBe('2016-06-01');
    expect(r.notices[0]).toContain('decisionDate not given');
  });
});

describe('hierarchy', () => {
  it('says when the MTUS is silent and ODG decides', () => {
    const r = checkRequest(makeRequest({ services: [{ id: 'm', kind: 'medication', name: 'Medrol dosepak' }] }));
    expect(r.services[0]!.guideline?.source).toBe('ODG');
    expect(r.services[0]!.notices[0]).toMatch(/^MTUS does not address oral corticosteroids for low back pain/);
  });
  it('uses DHCS for transportation unless ODG addresses the injured region', () => {
    const ride = { id: 't', kind: 'transportation' };
    expect(checkRequest(makeRequest({ injury: { regions: ['lumbar'] }, services: [ride] })).services[0]!.guideline?.source).toBe('DHCS');
    expect(checkRequest(makeRequest({ injury: { regions: ['foot'] }, services: [ride] })).services[0]!.guideline?.source).toBe('ODG');
  });
});

describe('services', () => {
  it('abstains on a service no rule covers', () => {
    const r = checkRequest(makeRequest({ services: [{ id: 'x', kind: 'inpatient-stay' }] })).services[0]!;
    expect(r).toMatchObject({ prediction: 'not-covered', medicallyNecessary: null, guideline: null, criteria: [] });
  });
  it('upholds an associated service with its primary, repeating the primary guideline', () => {
    const r = checkRequest(makeRequest({ services: [esi, { id: 'fl', kind: 'fluoroscopic-guidance', for: 'esi' }] }));
    const fl = r.services[1]!;
    expect(fl).toMatchObject({ prediction: 'upheld', dependsOn: 'esi' });
    expect(fl.guideline).toEqual(r.services[0]!.guideline);
    expect(fl.criteria[0]).toMatchObject({ id: 'associated.follows-primary', status: 'unmet' });
  });
  it('cites the own section of an associated service that a topic judges on its own merits', () => {
    const surgery = { id: 'surgery', kind: 'surgery', region: 'shoulder', text: 'shoulder arthroscopy with Bankart repair' };
    const r = checkRequest(
      makeRequest({
        services: [surgery, { id: 'zofran', kind: 'medication', name: 'ondansetron', for: 'surgery', text: 'post-op antiemetic' }],
      }),
    );
    const zofran = r.services[1]!;
    expect(r.services[0]!.prediction).toBe('upheld');
    expect(zofran).toMatchObject({ prediction: 'upheld', dependsOn: 'surgery' });
    expect(zofran.guideline?.ref).not.toEqual(r.services[0]!.guideline?.ref);
    expect(zofran.guideline?.source).toBe('MTUS-CPMTG');
  });
  it('outputs only requested services', () => {
    const r = checkRequest(
      makeRequest({
        services: [
          { ...esi, requested: false },
          { id: 'c', kind: 'consultation', for: 'esi' },
        ],
      }),
    );
    expect(r.services.map((s) => s.id)).toEqual(['c']);
  });
  it('leaves the to-overturn list empty when the guideline does not recommend the service', () => {
    const r = checkRequest(makeRequest({ services: [{ id: 'f', kind: 'facet-joint-injection', purpose: 'therapeutic', levels: 'L4-5' }] }))
      .services[0]!;
    expect(r.toOverturn).toEqual([]);
    expect(r.notRecommended).toMatch(/does not support facet joint injections for therapeutic purposes/);
  });
  it('reports a presumed criterion (how the procedure is performed) without letting it decide', () => {
    const request = makeRequest({
      services: [{ id: 'ride', kind: 'transportation' }, esi],
      documentation: { cannotUseOrdinaryTransport: true },
    });
    const r = checkRequest(request).services.find((s) => s.id === 'esi')!;
    const fluoro = r.criteria.find((c) => c.id === 'esi.fluoroscopy')!;
    expect(fluoro).toMatchObject({ status: 'not-stated', presumed: true });
    expect(r.toOverturn.join(' ')).not.toContain('fluoroscopic');
  });
  it('carries the spec result fields', () => {
    const r = checkRequest(makeRequest({ services: [esi] }));
    expect(Object.keys(r)).toEqual(expect.arrayContaining(['format', 'request', 'rulePack', 'services']));
    expect(r.rulePack.hash).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(Object.keys(r.services[0]!)).toEqual(
      expect.arrayContaining([
        'id',
        'kind',
        'label',
        'prediction',
        'medicallyNecessary',
        'dependsOn',
        'guideline',
        'criteria',
        'rationale',
        'toOverturn',
      ]),
    );
    for (const c of r.services[0]!.criteria)
      expect(Object.keys(c)).toEqual(expect.arrayContaining(['id', 'status', 'text', 'evidence', 'citation']));
  });
});
