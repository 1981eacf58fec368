import { describe, expect, it } from 'vitest';
import { Catalog, type SourceFile } from '../../src/guidelines/catalog.js';
import { catalogRef, parseGuidelineLine, tidyPages } from '../../src/letters/citations.js';

const first = (line: string, catalog?: Catalog) => {
  const { text: _text, ...rest } = parseGuidelineLine(line, catalog)[0]!;
  return rest;
};

// One case per row of the mapping table in test/cases/README.md.
describe('citation → source (test/cases/README.md table)', () => {
  it.each([
    [
      'MTUS Chronic Pain Medical Treatment Guidelines … Page(s)',
      'Decision based on MTUS Chronic Pain Medical Treatment Guidelines Epidural Steroid Injections Page(s): 46.',
      { source: 'MTUS-CPMTG', section: 'Epidural Steroid Injections', pages: '46' },
    ],
    [
      'MTUS Chronic Pain Treatment Guidelines (older wording), pages "s 98 and 99"',
      'Decision based on MTUS Chronic Pain Treatment Guidelines Physical therapy Page(s): s 98 and 99.',
      { source: 'MTUS-CPMTG', section: 'Physical therapy', pages: '98, 99' },
    ],
    [
      'MTUS Chronic Pain Medical Treatment 2016, Section(s)',
      'Decision based on MTUS Chronic Pain Medical Treatment 2016, Section(s): Physical medicine treatment.',
      { source: 'MTUS-CPMTG', edition: '2016', section: 'Physical medicine treatment' },
    ],
    [
      'MTUS Chronic Pain Medical Treatment 2016 Guidelines, Section(s)',
      'Decision based on MTUS Chronic Pain Medical Treatment 2016 Guidelines, Section(s): Compound drugs.',
      { source: 'MTUS-CPMTG', edition: '2016', section: 'Compound drugs' },
    ],
    [
      'MTUS Chronic Pain Medical Treatment 2009',
      'Decision based on MTUS Chronic Pain Medical Treatment 2009, Section(s): Epidural steroid injections (ESIs).',
      { source: 'MTUS-CPMTG', edition: '2009', section: 'Epidural steroid injections (ESIs)' },
    ],
    [
      'MTUS ACOEM Chapter 12 Low Back Complaints Page(s)',
      'Decision based on MTUS ACOEM Chapter 12 Low Back Complaints Page(s): 303-304.',
      { source: 'MTUS-ACOEM', section: 'Chapter 12 Low Back Complaints', pages: '303-304' },
    ],
    [
      'MTUS Low Back Complaints 2004, Section(s)',
      'Decision based on MTUS Low Back Complaints 2004, Section(s): Special Studies.',
      { source: 'MTUS-ACOEM', edition: '2004', section: 'Chapter 12 Low Back Complaints', topic: 'Special Studies' },
    ],
    [
      'MTUS Neck and Upper Back Complaints 2004',
      'Decision based on MTUS Neck and Upper Back Complaints 2004, Section(s): Special Studies, Summary.',
      { source: 'MTUS-ACOEM', edition: '2004', section: 'Chapter 8 Neck and Upper Back Complaints', topic: 'Special Studies, Summary' },
    ],
    [
      'MTUS Shoulder Complaints 2004',
      'Decision based on MTUS Shoulder Complaints 2004, Section(s): Initial Care.',
      { source: 'MTUS-ACOEM', edition: '2004', section: 'Chapter 9 Shoulder Complaints', topic: 'Initial Care' },
    ],
    [
      'MTUS Elbow Complaints 2007',
      'Decision based on MTUS Elbow Complaints 2007, Section(s): Recommendations.',
      { source: 'MTUS-ACOEM', edition: '2007', section: 'Chapter 10 Elbow Complaints', topic: 'Recommendations' },
    ],
    [
      'MTUS Forearm, Wrist, and Hand Complaints 2004',
      'Decision based on MTUS Forearm, Wrist, and Hand Complaints 2004, Section(s): Special Studies.',
      { source: 'MTUS-ACOEM', edition: '2004', section: 'Chapter 11 Forearm, Wrist, and Hand Complaints', topic: 'Special Studies' },
    ],
    [
      'MTUS Knee Complaints 2004',
      'Decision based on MTUS Knee Complaints 2004, Section(s): Surgical Considerations.',
      { source: 'MTUS-ACOEM', edition: '2004', section: 'Chapter 13 Knee Complaints', topic: 'Surgical Considerations' },
    ],
    [
      'MTUS Ankle and Foot Complaints 2004',
      'Decision based on MTUS Ankle and Foot Complaints 2004, Section(s): Summary.',
      { source: 'MTUS-ACOEM', edition: '2004', section: 'Chapter 14 Ankle and Foot Complaints', topic: 'Summary' },
    ],
    [
      'MTUS General Approaches 2004',
      'Decision based on MTUS General Approaches 2004, Section(s): Initial Approaches to Treatment.',
      { source: 'MTUS-ACOEM', edition: '2004', section: 'General Approaches', topic: 'Initial Approaches to Treatment' },
    ],
    [
      'MTUS ACOEM Chapter 7',
      'Decision based on MTUS ACOEM Chapter 7 Independent Medical Examinations and Consultations Page(s): 127.',
      { source: 'MTUS-ACOEM', section: 'Chapter 7 Independent Medical Examinations and Consultations', pages: '127' },
    ],
    [
      'MTUS Postsurgical Treatment 2009',
      'Decision based on MTUS Postsurgical Treatment 2009, Section(s): Shoulder.',
      { source: 'MTUS-PSTG', edition: '2009', section: 'Shoulder' },
    ],
    ['MTUS Acupuncture Treatment 2007', 'Decision based on MTUS Acupuncture Treatment 2007.', { source: 'MTUS-AMTG', edition: '2007' }],
    [
      'MTUS Opioid Treatment 2016, Section(s): 3.3.9 …',
      'Decision based on MTUS Opioid Treatment 2016, Section(s): 3.3.9 Opioids for Chronic Pain and Chronic Opioid Treatment: Maintenance of Chronic Opioid Treatment.',
      {
        source: 'MTUS-OTG',
        edition: '2016',
        section: '3.3.9 Opioids for Chronic Pain and Chronic Opioid Treatment: Maintenance of Chronic Opioid Treatment',
      },
    ],
    [
      'Non-MTUS … ODG Low Back, X',
      'The Expert Reviewer based their decision on recommendation(s) outside of the MTUS Guidelines. Decision based on Non-MTUS Citation Official Disability Guidelines (ODG) Low Back, Epidural steroid injections (ESIs).',
      { source: 'ODG', section: 'Low Back', topic: 'Epidural steroid injections (ESIs)' },
    ],
    [
      'Non-MTUS … ODG with pages',
      'Decision based on Non-MTUS Citation Official Disability Guidelines (ODG) Low Back, Facet Joint Diagnostic Blocks (therapeutic injections), pages 412-418.',
      { source: 'ODG', section: 'Low Back', topic: 'Facet Joint Diagnostic Blocks (therapeutic injections)', pages: '412-418' },
    ],
    [
      'Non-MTUS … ODG Chapter/Topic',
      'Decision based on Non-MTUS Citation Official Disability Guidelines (ODG) Pain Section/Lidoderm (lidocaine patch) Topic.',
      { source: 'ODG', section: 'Pain', topic: 'Lidoderm (lidocaine patch)' },
    ],
    [
      'Non-MTUS … ODG chapter with commas',
      'Decision based on Non-MTUS Citation Official Disability Guidelines (ODG) Forearm, Wrist and Hand, Gym Membership.',
      { source: 'ODG', section: 'Forearm, Wrist and Hand', topic: 'Gym Membership' },
    ],
    [
      'Non-MTUS … DHCS transportation criteria (URL)',
      'The Expert Reviewer did not base their decision on the MTUS. Decision based on Non-MTUS Citation ttp://www.dhcs.ca.gov/services/medi- cal/Documents/ManCriteria_32_MedTrans.htm',
      { source: 'DHCS', section: 'Criteria for Medical Transportation' },
    ],
    [
      'Non-MTUS … Department of Health Care Services',
      'Decision based on Non-MTUS Citation Department of Health Care Services - California website, Criteria for Medical Transportation',
      { source: 'DHCS', section: 'Criteria for Medical Transportation' },
    ],
    [
      'other Non-MTUS: ACOEM 3rd ed.',
      'Decision based on Non-MTUS Citation ACOEM Occupational Medicine Practice Guidelines, 3rd ed., Low Back Disorders, pg. 607.',
      { source: 'OTHER', section: 'ACOEM Occupational Medicine Practice Guidelines, 3rd ed., Low Back Disorders', pages: '607' },
    ],
    [
      'other Non-MTUS: UpToDate',
      'Decision based on Non-MTUS Citation Sildenafil: Drug information, accessed from UpToDate.com on 12/17/2016.',
      { source: 'OTHER', section: 'Sildenafil: Drug information, accessed from UpToDate.com on 12/17/2016' },
    ],
  ])('%s', (_row, line, expected) => {
    expect(first(line)).toEqual(expected);
  });

  it('gives no citation when the reviewer cited no evidence', () => {
    expect(parseGuidelineLine('The Expert Reviewer did not cite any medical evidence for its decision.')).toEqual([]);
  });
});

describe('several citations on one line', () => {
  it('splits ", and <MTUS title>" but not the commas of a title', () => {
    const cites = parseGuidelineLine(
      'Decision based on MTUS Neck and Upper Back Complaints 2004, Section(s): Special Studies, and Forearm, Wrist, and Hand Complaints 2004, Section(s): Special Studies. Decision based on Non-MTUS Citation Official Disability Guidelines (ODG) MRI hand.',
    );
    expect(cites.map((c) => [c.source, c.section, c.topic])).toEqual([
      ['MTUS-ACOEM', 'Chapter 8 Neck and Upper Back Complaints', 'Special Studies'],
      ['MTUS-ACOEM', 'Chapter 11 Forearm, Wrist, and Hand Complaints', 'Special Studies'],
      ['ODG', undefined, 'MRI hand'],
    ]);
    expect(cites[1]!.text).toBe('MTUS Forearm, Wrist, and Hand Complaints 2004, Section(s): Special Studies');
  });

  it('splits "and Other Medical Treatment Guidelines"', () => {
    const cites = parseGuidelineLine(
      'Decision based on Non-MTUS Citation Official Disability Guidelines (ODG) Carpal Tunnel Syndrome (Acute & Chronic) and Other Medical Treatment Guidelines AANEM Recommended Policy for Electrodiagnostic Medicine.',
    );
    expect(cites.map((c) => [c.source, c.section])).toEqual([
      ['ODG', 'Carpal Tunnel Syndrome (Acute & Chronic)'],
      ['OTHER', 'AANEM Recommended Policy for Electrodiagnostic Medicine'],
    ]);
  });

  it('tidies pages as printed', () => {
    expect(tidyPages('s 98 and 99.')).toBe('98, 99');
    expect(tidyPages('300, 307. ')).toBe('300, 307');
  });
});

describe('catalog references', () => {
  const file = (id: SourceFile['id'], sections: SourceFile['sections']): SourceFile => ({
    id,
    title: id,
    tier: 'mtus',
    editions: [{ id: 'e', title: 'e' }],
    sections,
  });
  const catalog = new Catalog([
    file('MTUS-CPMTG', {
      esi: { section: 'Epidural steroid injections (ESIs)', pages: '46' },
      'physical-medicine': { section: 'Physical medicine', pages: '98-99' },
      'opioids-ongoing': { section: 'Opioids, criteria for use (on-going management)', pages: '76-80' },
    }),
    file('MTUS-ACOEM', {
      'low-back.injections': { section: 'Chapter 12 Low Back Complaints', topic: 'Physical Methods (injections)', pages: '300' },
      'low-back.facet-injections': {
        section: 'Chapter 12 Low Back Complaints',
        topic: 'Physical Methods; Summary, Table 12-8',
        pages: '300, 308-310',
      },
      'low-back.special-studies': {
        section: 'Chapter 12 Low Back Complaints',
        topic: 'Special Studies and Diagnostic and Treatment Considerations',
        pages: '303-304, 309',
      },
    }),
    file('ODG', { 'low-back.esi': { section: 'Low Back - Lumbar & Thoracic', topic: 'Epidural steroid injections (ESIs), therapeutic' } }),
    file('DHCS', { 'medical-transportation': { section: 'Criteria for Medical Transportation' } }),
  ]);

  it('matches by pages, best overlap first', () => {
    expect(first('Decision based on MTUS ACOEM Chapter 12 Low Back Complaints Page(s): 308-310.', catalog).ref).toBe(
      'MTUS-ACOEM#low-back.facet-injections',
    );
    expect(first('Decision based on MTUS ACOEM Chapter 12 Low Back Complaints Page(s): 304, 309.', catalog).ref).toBe(
      'MTUS-ACOEM#low-back.special-studies',
    );
    expect(first('Decision based on MTUS Chronic Pain Treatment Guidelines Opioids Page(s): 76.', catalog).ref).toBe(
      'MTUS-CPMTG#opioids-ongoing',
    );
  });

  it('matches by section name or by chapter and topic', () => {
    expect(first('Decision based on MTUS Chronic Pain Medical Treatment 2016, Section(s): Physical medicine treatment.', catalog).ref).toBe(
      'MTUS-CPMTG#physical-medicine',
    );
    expect(first('Decision based on MTUS Low Back Complaints 2004, Section(s): Special Studies, Summary.', catalog).ref).toBe(
      'MTUS-ACOEM#low-back.special-studies',
    );
    expect(
      first(
        'Decision based on Non-MTUS Citation Official Disability Guidelines (ODG) Low Back (Thoracic and Lumbar, Acute and Chronic) Chapter, Epidural Steroid Injection (ESI).',
        catalog,
      ).ref,
    ).toBe('ODG#low-back.esi');
  });

  it('gives the only section of a source cited without one', () => {
    expect(catalogRef({ text: '', source: 'DHCS' }, catalog)).toBe('DHCS#medical-transportation');
  });

  it('gives no reference when nothing matches or two entries match equally', () => {
    expect(first('Decision based on MTUS Chronic Pain Medical Treatment 2016, Section(s): Compound drugs.', catalog).ref).toBeUndefined();
    expect(first('Decision based on MTUS Low Back Complaints 2004, Section(s): Physical Methods.', catalog).ref).toBeUndefined();
    expect(first('Decision based on MTUS Acupuncture Treatment 2007.', catalog).ref).toBeUndefined();
  });
});
