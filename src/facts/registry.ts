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

/**
 * Each fact module with the facts it defines. The key is the file's name under src/facts/ and
 * every id starts with it in camelCase (`physical-medicine` → `physicalMedicine.`), so an id says
 * where its code is; factNamespaceProblems() and test/facts/namespaces.test.ts hold them to it.
 */
export const FACT_MODULES: Readonly<Record<string, readonly FactDefinition[]>> = {
  service: serviceFacts,
  time: timeFacts,
  radiculopathy: radiculopathyFacts,
  corroboration: corroborationFacts,
  'conservative-care': conservativeCareFacts,
  'prior-procedures': priorProcedureFacts,
  facet: facetFacts,
  procedure: procedureFacts,
  medication: medicationFacts,
  documentation: documentationFacts,
  'care-trial': careTrialFacts,
  imaging: imagingFacts,
  electrodiagnostics: electrodiagnosticFacts,
  postsurgical: postsurgicalFacts,
  'physical-medicine': physicalMedicineFacts,
  'pain-conditions': painConditionFacts,
  'medication-use': medicationUseFacts,
  'gi-risk': giRiskFacts,
  'medication-indications': medicationIndicationFacts,
  topical: topicalFacts,
  'injection-products': injectionProductFacts,
  'item-type': itemTypeFacts,
  dme: dmeFacts,
  'surgical-indication': surgicalIndicationFacts,
  preoperative: preoperativeFacts,
  'care-setting': careSettingFacts,
  'service-tests': serviceTestFacts,
  consultation: consultationFacts,
};

/** The id prefix of a module's facts: its file name in camelCase (`gi-risk` → `giRisk`). */
export const namespaceOf = (module: string): string => module.replace(/-([a-z0-9])/g, (_m, c: string) => c.toUpperCase());

/** Facts whose id prefix does not name the file that defines them, each with the file and the expected prefix. */
export function factNamespaceProblems(
  modules: Readonly<Record<string, readonly FactDefinition[]>> = FACT_MODULES,
): { id: string; file: string; message: string }[] {
  return Object.entries(modules).flatMap(([module, defs]) =>
    defs
      .filter((d) => d.id.split('.')[0] !== namespaceOf(module))
      .map((d) => ({
        id: d.id,
        file: `src/facts/${module}.ts`,
        message: `fact "${d.id}" is defined in src/facts/${module}.ts, so its id must start with "${namespaceOf(module)}." (rename it in scripts/fact-renames.json and run npx tsx scripts/rename-facts.ts, or move it to the file its prefix names)`,
      })),
  );
}

const ALL: readonly FactDefinition[] = Object.values(FACT_MODULES).flat();

export const FACTS: ReadonlyMap<string, FactDefinition> = (() => {
  const map = new Map<string, FactDefinition>();
  for (const def of ALL) {
    if (map.has(def.id)) throw new Error(`fact "${def.id}" is defined twice`);
    map.set(def.id, def);
  }
  return map;
})();
