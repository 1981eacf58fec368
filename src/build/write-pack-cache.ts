// Build step: validates the rule pack from its sources and writes dist/rule-pack.cache.json
// (see pack.ts). The old cache is removed first: a build never trusts what it is replacing.
import { rmSync } from 'node:fs';
import { loadRulePack, writePackCache, PACK_CACHE_FILE } from '../rules/pack.js';
import { InputError, formatIssue } from '../request/issues.js';

rmSync(PACK_CACHE_FILE, { force: true });
try {
  writePackCache(loadRulePack());
} catch (err) {
  // a broken rule pack must not break the build: precheck lint and test report it
  if (err instanceof InputError) process.stderr.write(`rule pack not cached:\n${err.issues.map(formatIssue).join('\n')}\n`);
  else throw err;
}
