// The one registry of facts rules may read. A rule naming a fact not listed here fails to load.
import type { FactDefinition } from './types.js';
import { serviceFacts } from './service.js';
import { timeFacts } from './time.js';
import { radiculopathyFacts } from './radiculopathy.js';
import { corroborationFacts } from './corroboration.js';
import { conservativeCareFacts } from './conservative-care.js';
import { priorProcedureFacts } from './prior-procedures.js';
import { facetFacts } from './facet.js';
import { procedureFacts } from './procedure.js';
import { medicationFacts } from './medication.js';
import { documentationFacts } from './documentation.js';
import { careTrialFacts } from './care-trial.js';
import { imagingFacts } from './imaging.js';
import { electrodiagnosticFacts } from './electrodiagnostics.js';
import { postsurgicalFacts } from './postsurgical.js';
import { physicalMedicineFacts } from './physical-medicine.js';
import { painConditionFacts } from './pain-conditions.js';
import { medicationUseFacts } from './medication-use.js';
import { giRiskFacts } from './gi-risk.js';
import { medicationIndicationFacts } from './medication-indications.js';
import { topicalFacts } from './topical.js';
import { injectionProductFacts } from './injection-products.js';
import { itemTypeFacts } from './item-type.js';
import { dmeFacts } from './dme.js';
import { surgicalIndicationFacts } from './surgical-indication.js';
import { preoperativeFacts } from './preoperative.js';
import { careSettingFacts } from './care-setting.js';
import { serviceTestFacts } from './service-tests.js';
import { consultationFacts } from './consultation.js';

const ALL: readonly FactDefinition[] = [
  ...serviceFacts, ...timeFacts, ...radiculopathyFacts, ...corroborationFacts, ...conservativeCareFacts,
  ...priorProcedureFacts, ...facetFacts, ...procedureFacts, ...medicationFacts, ...documentationFacts,
  ...careTrialFacts, ...imagingFacts, ...electrodiagnosticFacts,
  ...postsurgicalFacts, ...physicalMedicineFacts, ...painConditionFacts,
  ...medicationUseFacts, ...giRiskFacts, ...medicationIndicationFacts, ...topicalFacts,
  ...injectionProductFacts,
  ...itemTypeFacts, ...dmeFacts, ...surgicalIndicationFacts, ...preoperativeFacts, ...careSettingFacts, ...serviceTestFacts, ...consultationFacts,
];

export const FACTS: ReadonlyMap<string, FactDefinition> = (() => {
  const map = new Map<string, FactDefinition>();
  for (const def of ALL) {
    if (map.has(def.id)) throw new Error(`fact "${def.id}" is defined twice`);
    map.set(def.id, def);
  }
  return map;
})();
