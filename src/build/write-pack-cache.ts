// Build step: validates the rule pack from its sources and the drug vocabulary, and writes their
// caches (dist/rule-pack.cache.json, see pack.ts; dist/drugs.cache.json, see facts/drugs.ts). The
// old pack cache is removed first: a build never trusts what it is replacing.
import { rmSync } from 'node:fs';
import { loadRulePack, writePackCache, PACK_CACHE_FILE } from '../rules/pack.js';
import { InputError, formatIssue } from '../request/issues.js';
import { writeDrugsCache } from '../facts/drugs.js';

rmSync(PACK_CACHE_FILE, { force: true });
try {
  writePackCache(loadRulePack());
  writeDrugsCache();
} catch (err) {
  // a broken rule pack must not break the build: precheck lint and test report it
  if (err instanceof InputError)
    process.stderr.write(`rule pack or drug vocabulary not cached:\n${err.issues.map(formatIssue).join('\n')}\n`);
  else throw err;
}
