// Service families for per-family figures (the README reports each).
export const FAMILIES = ['injections', 'imaging', 'electrodiagnostics', 'physical-medicine', 'medications', 'other'] as const;
export type Family = (typeof FAMILIES)[number];

const BY_KIND: Record<string, Family> = {
  'epidural-steroid-injection': 'injections',
  'facet-joint-injection': 'injections',
  'medial-branch-block': 'injections',
  'facet-radiofrequency-neurotomy': 'injections',
  'trigger-point-injection': 'injections',
  'sacroiliac-joint-injection': 'injections',
  'additional-level': 'injections',
  'fluoroscopic-guidance': 'injections',
  'iv-sedation': 'injections',
  anesthesia: 'injections',
  injection: 'injections',
  imaging: 'imaging',
  electrodiagnostics: 'electrodiagnostics',
  'physical-therapy': 'physical-medicine',
  'occupational-therapy': 'physical-medicine',
  chiropractic: 'physical-medicine',
  acupuncture: 'physical-medicine',
  'passive-modality': 'physical-medicine',
  'functional-capacity-evaluation': 'physical-medicine',
  'work-hardening': 'physical-medicine',
  'home-exercise-kit': 'physical-medicine',
  medication: 'medications',
};

export function familyOf(kind: string): Family {
  return BY_KIND[kind] ?? 'other';
}
