import { describe, it, expect } from 'vitest';
import { value } from '../helpers.js';

describe('facet facts', () => {
  it('reads facet signs', () => {
    expect(value({ exam: [{ finding: 'facet-loading', result: 'positive' }] }, 'facet.clinicalSigns')).toBe(true);
    expect(value({ exam: [{ finding: 'facet-tenderness', result: 'negative' }] }, 'facet.clinicalSigns')).toBe(false);
    expect(value({}, 'facet.clinicalSigns')).toBeUndefined();
  });
  it('correlates imaging with the requested levels', () => {
    const services = [{ id: 's', kind: 'medial-branch-block', levels: 'L4-5' }];
    expect(
      value(
        { services, studies: [{ type: 'mri', region: 'lumbar', findings: [{ kind: 'facet-arthropathy', level: 'L3-S1' }] }] },
        'facet.imagingCorrelation',
      ),
    ).toBe(true);
    expect(
      value(
        { services, studies: [{ type: 'mri', region: 'lumbar', findings: [{ kind: 'facet-arthropathy', level: 'L2-3' }] }] },
        'facet.imagingCorrelation',
      ),
    ).toBe(false);
    expect(value({ services }, 'facet.imagingCorrelation')).toBeUndefined();
  });
  it('finds a fusion at a requested level', () => {
    expect(value({ surgeries: [{ kind: 'fusion', levels: 'L4-5' }] }, 'facet.fusionAtLevels')).toBe(true);
    expect(value({ surgeries: [{ kind: 'fusion', levels: 'L5-S1' }] }, 'facet.fusionAtLevels')).toBe(false);
  });
  it('takes the best diagnostic block relief', () => {
    expect(
      value(
        {
          treatments: [
            { kind: 'medial-branch-block', reliefPercent: 50 },
            { kind: 'medial-branch-block', reliefPercent: 80 },
          ],
        },
        'facet.diagnosticBlockRelief',
      ),
    ).toBe(80);
  });
});

describe('procedure facts', () => {
  it('sees sedation and fluoroscopy requested for the service', () => {
    const services = [
      { id: 's', kind: 'medial-branch-block' },
      { id: 'sed', kind: 'iv-sedation', for: 's' },
      { id: 'fl', kind: 'fluoroscopic-guidance', for: 's' },
    ];
    expect(value({ services }, 'procedure.sedation')).toBe(true);
    expect(value({ services }, 'procedure.fluoroscopy')).toBe(true);
    expect(value({ services: [{ id: 's', kind: 'medial-branch-block' }] }, 'procedure.sedation')).toBe(false);
    expect(
      value(
        { services: [{ id: 's', kind: 'epidural-steroid-injection', label: 'L5 TFESI under fluoroscopic guidance' }] },
        'procedure.fluoroscopy',
      ),
    ).toBe(true);
    expect(value({ services: [{ id: 's', kind: 'epidural-steroid-injection' }] }, 'procedure.fluoroscopy')).toBeUndefined();
  });
  it('lists other injections dated the same day', () => {
    const services = [
      { id: 's', kind: 'epidural-steroid-injection', date: '2016-07-01' },
      { id: 't', kind: 'trigger-point-injection', date: '2016-07-01' },
    ];
    expect(value({ services }, 'procedure.sameDayInjections')).toEqual(['trigger-point-injection']);
  });
  it('reads the injection count from quantity or label', () => {
    expect(
      value(
        { services: [{ id: 's', kind: 'trigger-point-injection', label: 'Trigger point injections x 3' }] },
        'procedure.injectionCount',
      ),
    ).toBe(3);
    expect(
      value(
        { services: [{ id: 's', kind: 'trigger-point-injection', label: 'three trigger point injections' }] },
        'procedure.injectionCount',
      ),
    ).toBe(3);
    expect(value({ services: [{ id: 's', kind: 'trigger-point-injection' }] }, 'procedure.injectionCount')).toBeUndefined();
  });
  it('flags injectates other than local anesthetic', () => {
    expect(
      value(
        { services: [{ id: 's', kind: 'trigger-point-injection', label: 'TPI with Botox' }] },
        'procedure.injectateOtherThanAnesthetic',
      ),
    ).toBe(true);
    expect(
      value(
        { services: [{ id: 's', kind: 'trigger-point-injection', label: 'TPI with lidocaine' }] },
        'procedure.injectateOtherThanAnesthetic',
      ),
    ).toBe(false);
  });
  it('documents trigger points with twitch and referred pain', () => {
    const exam = [{ finding: 'trigger-point', twitchResponse: true, referredPain: false }];
    const services = [{ id: 's', kind: 'trigger-point-injection' }];
    expect(value({ exam, services }, 'procedure.triggerPoints.documented')).toBe(true);
    expect(value({ exam, services }, 'procedure.triggerPoints.twitchResponse')).toBe(true);
    expect(value({ exam, services }, 'procedure.triggerPoints.referredPain')).toBe(false);
    expect(value({ services, exam: [{ finding: 'trigger-point' }] }, 'procedure.triggerPoints.twitchResponse')).toBeUndefined();
  });
  it('knows a post-operative service', () => {
    const services = [
      { id: 'op', kind: 'surgery', requested: false },
      { id: 's', kind: 'medication', name: 'Norco', for: 'op' },
    ];
    expect(value({ services }, 'procedure.postoperative', 's')).toBe(true);
    expect(value({ services: [{ id: 's', kind: 'medication', name: 'Norco', label: 'Post-op Norco' }] }, 'procedure.postoperative')).toBe(
      true,
    );
    expect(value({ services: [{ id: 's', kind: 'medication', name: 'Norco' }] }, 'procedure.postoperative')).toBe(false);
  });
});

describe('procedure.levelCount', () => {
  const facet = { id: 'svc', kind: 'facet-joint-injection', levels: ['L4-5', 'L5-S1'] };
  it('counts the distinct levels of the procedure and its add-on lines', () => {
    expect(value({ services: [facet] }, 'procedure.levelCount')).toBe(2);
    expect(value({ services: [facet, { id: 'a', kind: 'additional-level', for: 'svc', levels: 'L5-S1' }] }, 'procedure.levelCount')).toBe(
      2,
    );
    expect(value({ services: [facet, { id: 'a', kind: 'additional-level', for: 'svc', levels: 'L3-4' }] }, 'procedure.levelCount')).toBe(3);
  });
  it('reads the ordinal an add-on line names', () => {
    expect(
      value({ services: [facet, { id: 'a', kind: 'additional-level', for: 'svc', label: '3RD LEVEL' }] }, 'procedure.levelCount'),
    ).toBe(3);
    expect(
      value({ services: [facet, { id: 'a', kind: 'additional-level', for: 'svc', label: 'second level' }] }, 'procedure.levelCount'),
    ).toBe(2);
  });
  it('is not documented when neither the procedure nor an add-on names a level', () => {
    expect(
      value(
        {
          services: [
            { id: 'svc', kind: 'facet-joint-injection' },
            { id: 'a', kind: 'additional-level', for: 'svc', label: "EA ADD'L LEVEL" },
          ],
        },
        'procedure.levelCount',
      ),
    ).toBeUndefined();
  });
});

describe('procedure.purpose', () => {
  const svc = (extra: Record<string, unknown>) => ({ services: [{ id: 'svc', kind: 'facet-joint-injection', levels: 'L4-5', ...extra }] });
  it('the stated purpose, else the one word the label uses', () => {
    expect(value(svc({ purpose: 'therapeutic', label: 'diagnostic block' }), 'procedure.purpose')).toBe('therapeutic');
    expect(value(svc({ label: 'Diagnostic L4-5 facet injection' }), 'procedure.purpose')).toBe('diagnostic');
    expect(value(svc({ text: 'therapeutic facet injection' }), 'procedure.purpose')).toBe('therapeutic');
    expect(value(svc({ label: 'diagnostic and therapeutic facet injection' }), 'procedure.purpose')).toBeUndefined();
    expect(value(svc({ label: 'L4-5 facet injection' }), 'procedure.purpose')).toBeUndefined();
  });
});

describe('procedure.approach', () => {
  const esi = (extra: Record<string, unknown>) => ({
    services: [{ id: 'svc', kind: 'epidural-steroid-injection', levels: 'L4-5', ...extra }],
  });
  it('the stated approach, else the one the label names', () => {
    expect(value(esi({ approach: 'caudal', label: 'TFESI' }), 'procedure.approach')).toBe('caudal');
    expect(value(esi({ label: 'Right L4-5 TFESI' }), 'procedure.approach')).toBe('transforaminal');
    expect(value(esi({ label: 'L5-S1 interlaminar ESI' }), 'procedure.approach')).toBe('interlaminar');
    expect(value(esi({ label: 'transforaminal or interlaminar ESI' }), 'procedure.approach')).toBeUndefined();
    expect(value(esi({ label: 'L4-5 ESI' }), 'procedure.approach')).toBeUndefined();
  });
});

describe('procedure.levelCount from the label', () => {
  it('reads the segments a label names when the levels field is absent', () => {
    const esi = (label: string) => ({ services: [{ id: 'svc', kind: 'epidural-steroid-injection', label }] });
    expect(value(esi('L4-5 and L5-S1 transforaminal ESI'), 'procedure.levelCount')).toBe(2);
    expect(value(esi('Bilateral L3-S1 facet injections'), 'procedure.levelCount')).toBe(3);
    expect(value(esi('Lumbar ESI'), 'procedure.levelCount')).toBeUndefined();
  });
});

describe('trigger point twitch response and referred pain from the finding text', () => {
  const tp = (text: string) => ({
    exam: [{ finding: 'trigger-point', result: 'positive', region: 'lumbar', text }],
    services: [{ id: 'svc', kind: 'trigger-point-injection', region: 'lumbar' }],
  });
  it('reads the words when the fields are not given', () => {
    expect(value(tp('trapezius with twitch response and referred pain'), 'procedure.triggerPoints.twitchResponse')).toBe(true);
    expect(value(tp('trapezius with twitch response and referred pain'), 'procedure.triggerPoints.referredPain')).toBe(true);
    expect(value(tp('tender, no twitch response'), 'procedure.triggerPoints.twitchResponse')).toBe(false);
    expect(value(tp('tender points'), 'procedure.triggerPoints.twitchResponse')).toBeUndefined();
  });
});

describe('facet.clinicalSigns from an `other` finding', () => {
  it('a facet sign named in the words of an other finding', () => {
    const req = (text: string, result = 'positive') => ({
      exam: [{ finding: 'other', result, region: 'lumbar', text }],
      services: [{ id: 'svc', kind: 'medial-branch-block', levels: 'L4-5' }],
    });
    expect(value(req("positive Kemp's test"), 'facet.clinicalSigns')).toBe(true);
    expect(value(req('facet loading', 'negative'), 'facet.clinicalSigns')).toBe(false);
    expect(value(req('tender paraspinals'), 'facet.clinicalSigns')).toBeUndefined();
  });
});
