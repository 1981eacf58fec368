// Build step: validates the rule pack and writes dist/rule-pack.cache.json (see pack.ts).
import { writeFileSync } from 'node:fs';
import { loadRulePack, validatedFileRecords, PACK_CACHE_FILE } from '../rules/pack.js';
import { InputError, formatIssue } from '../request/issues.js';

try {
  const pack = loadRulePack();
  writeFileSync(PACK_CACHE_FILE, JSON.stringify({ rulePack: pack.hash, files: validatedFileRecords() }));
} catch (err) {
  // a broken rule pack must not break the build: precheck lint and test report it
  if (err instanceof InputError) process.stderr.write(`rule pack not cached:\n${err.issues.map(formatIssue).join('\n')}\n`);
  else throw err;
}
