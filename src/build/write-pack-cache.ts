// Build step: validates the rule pack and the drug vocabulary and writes their caches
// (dist/rule-pack.cache.json, see pack.ts; dist/drugs.cache.json, see facts/drugs.ts).
import { writeFileSync } from 'node:fs';
import { loadRulePack, validatedFileRecords, PACK_CACHE_FILE } from '../rules/pack.js';
import { InputError, formatIssue } from '../request/issues.js';
import { writeDrugsCache } from '../facts/drugs.js';

try {
  const pack = loadRulePack();
  writeFileSync(PACK_CACHE_FILE, JSON.stringify({ rulePack: pack.hash, files: validatedFileRecords() }));
  writeDrugsCache();
} catch (err) {
  // a broken rule pack must not break the build: precheck lint and test report it
  if (err instanceof InputError) process.stderr.write(`rule pack or drug vocabulary not cached:\n${err.issues.map(formatIssue).join('\n')}\n`);
  else throw err;
}
