// Closed vocabularies of the request format (shared/spec/request-format.md, plus the
// compatible additions documented in docs/request-format.md). One list per field; the
// schema, the JSON Schema export, the letter parser and the error messages all read these.

export const SEXES = ['male', 'female', 'other', 'unknown'] as const;

export const WORK_STATUSES = ['full-duty', 'modified-duty', 'working', 'off-work', 'retired', 'unknown'] as const;

export const REGIONS = [
  'lumbar',
  'cervical',
  'thoracic',
  'sacroiliac',
  'shoulder',
  'knee',
  'hip',
  'wrist',
  'hand',
  'ankle',
  'foot',
  'elbow',
  'head',
  'chest',
  'abdomen',
  'pelvis',
  'other',
  // additions (docs/request-format.md): limb-wide regions used by electrodiagnostic requests
  'upper-extremity',
  'lower-extremity',
  'forearm',
  'leg',
] as const;

export const SIDES = ['left', 'right', 'bilateral'] as const;

export const EXAM_RESULTS = ['positive', 'negative', 'not-tested'] as const;
export const SYMPTOM_RESULTS = ['positive', 'negative'] as const;

/**
 * Symptom kinds the rules recognize (spec §1 plus tingling, paresthesia and sciatica, which the
 * radicular-symptom facts also read). The field stays a free string: an unknown kind is kept,
 * shown, and reported in the result's notices so a typo does not silently drop evidence.
 */
export const SYMPTOM_KINDS = [
  'low-back-pain',
  'neck-pain',
  'radiating-leg-pain',
  'radiating-arm-pain',
  'numbness',
  'weakness',
  'joint-pain',
  // additions
  'tingling',
  'paresthesia',
  'sciatica',
  'thoracic-pain',
  'shoulder-pain',
  'knee-pain',
  'wrist-pain',
  'hand-pain',
  'hip-pain',
  'ankle-pain',
  'foot-pain',
  'elbow-pain',
  'headache',
  'depression',
  'anxiety',
  'insomnia',
] as const;
export const TREATMENT_OUTCOMES = ['failed', 'partial', 'improved', 'unknown'] as const;

export const EXAM_FINDINGS = [
  // spine
  'straight-leg-raise',
  'sensory-deficit',
  'motor-weakness',
  'reflex-change',
  'radicular-pain-dermatomal',
  'facet-tenderness',
  'paraspinal-tenderness',
  'muscle-spasm',
  'trigger-point',
  'limited-range-of-motion',
  'antalgic-gait',
  'sacroiliac-provocation',
  // limbs and joints
  'joint-tenderness',
  'joint-effusion',
  'joint-instability',
  'impingement-sign',
  'rotator-cuff-weakness',
  'meniscal-sign',
  'tinel-sign',
  'phalen-sign',
  'swelling',
  'muscle-atrophy',
  'grip-weakness',
  'other',
  // addition: facet loading / extension-rotation provocation (named test in `text`)
  'facet-loading',
] as const;

export const STUDY_TYPES = ['mri', 'mri-arthrogram', 'ct', 'xray', 'ultrasound', 'emg-ncv', 'bone-scan', 'other'] as const;

export const STUDY_FINDING_KINDS = [
  'normal',
  'nerve-root-compression',
  'foraminal-stenosis',
  'central-stenosis',
  'disc-protrusion',
  'disc-degeneration',
  'facet-arthropathy',
  'spondylolisthesis',
  'fracture',
  'tendon-tear',
  'ligament-tear',
  'meniscal-tear',
  'labral-tear',
  'cartilage-loss',
  'osteoarthritis',
  'joint-effusion',
  'radiculopathy',
  'neuropathy',
  'other',
] as const;

export const TREATMENT_KINDS = [
  'physical-therapy',
  'occupational-therapy',
  'chiropractic',
  'acupuncture',
  'home-exercise',
  'nsaid',
  'muscle-relaxant',
  'neuropathic-medication',
  'opioid',
  'oral-corticosteroid',
  'activity-modification',
  'tens',
  'brace',
  'epidural-steroid-injection',
  'facet-joint-injection',
  'medial-branch-block',
  'facet-radiofrequency-neurotomy',
  'trigger-point-injection',
  'injection',
  'passive-modality',
  'psychological-services',
  'other',
  // additions: treatments that are also service kinds
  'sacroiliac-joint-injection',
  'massage',
  'work-hardening',
  'topical-medication',
] as const;

/** The named injections of the service vocabulary. */
const NAMED_INJECTION_KINDS = [
  'epidural-steroid-injection',
  'facet-joint-injection',
  'medial-branch-block',
  'facet-radiofrequency-neurotomy',
  'trigger-point-injection',
  'sacroiliac-joint-injection',
] as const;
/** The injection service kinds: the named ones and the generic `injection`. */
export const INJECTION_KINDS = [...NAMED_INJECTION_KINDS, 'injection'] as const;

export const SERVICE_KINDS = [
  // injections and their parts
  ...NAMED_INJECTION_KINDS,
  'additional-level',
  'fluoroscopic-guidance',
  'iv-sedation',
  'anesthesia',
  // other injections
  'injection',
  // therapy
  'physical-therapy',
  'occupational-therapy',
  'chiropractic',
  'acupuncture',
  'passive-modality',
  'functional-capacity-evaluation',
  'work-hardening',
  'home-exercise-kit',
  'psychological-services',
  'home-health',
  // diagnostics
  'imaging',
  'electrodiagnostics',
  'laboratory',
  'urine-drug-screen',
  'preoperative-testing',
  // medications
  'medication',
  // other
  'consultation',
  'transportation',
  'durable-medical-equipment',
  'surgery',
  'surgical-assistant',
  'inpatient-stay',
  'other',
] as const;

export const APPROACHES = ['transforaminal', 'interlaminar', 'caudal'] as const;
export const INJECTION_PURPOSES = ['diagnostic', 'therapeutic'] as const;
export const IMAGING_MODALITIES = ['xray', 'mri', 'mri-arthrogram', 'ct', 'ultrasound', 'bone-scan'] as const;
export const ROUTES = ['oral', 'topical', 'transdermal', 'injection', 'other'] as const;
export const DRUG_CLASSES = ['opioid', 'nsaid', 'muscle-relaxant', 'oral-corticosteroid', 'neuropathic', 'topical', 'other'] as const;

export const RED_FLAGS = [
  'trauma',
  'cancer-history',
  'infection',
  'progressive-neurologic-deficit',
  'cauda-equina',
  'fracture-suspected',
  'other',
] as const;

/** Service kinds whose `purpose` is the diagnostic/therapeutic distinction (elsewhere free text). */
export const INJECTION_SERVICE_KINDS: ReadonlySet<string> = new Set(INJECTION_KINDS);

export type Region = (typeof REGIONS)[number];
export type ServiceKind = (typeof SERVICE_KINDS)[number];
export type Side = (typeof SIDES)[number];
