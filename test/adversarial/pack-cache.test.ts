// The compiled rule-pack cache cannot change what is evaluated unnoticed: an edited entry is not
// used (the rule file is read instead), an edit that also recomputed the hashes changes the
// result's rule-pack hash, and lint reports both.
import { describe, it, expect, vi, afterEach } from 'vitest';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '../..');
const BUILT = join(ROOT, 'dist/rule-pack.cache.json');
const ESI = 'rules/mtus-cpmtg/epidural-steroid-injections.yaml';
type Cache = { rulePack: string; files: Record<string, { sha256: string; dataSha256: string; data: { criteria: unknown[] } }> };

/** A copy of the built cache with one ESI criterion deleted; `rehash` also fixes the entry's data hash. */
function tamperedCache(rehash: boolean): string {
  const cache = JSON.parse(readFileSync(BUILT, 'utf8')) as Cache;
  const entry = cache.files[ESI]!;
  entry.data.criteria.splice(0, 1);
  if (rehash) entry.dataSha256 = createHash('sha256').update(JSON.stringify(entry.data)).digest('hex');
  const file = join(mkdtempSync(join(tmpdir(), 'precheck-cache-')), 'rule-pack.cache.json');
  writeFileSync(file, JSON.stringify(cache));
  return file;
}

async function packWithCache(file: string) {
  vi.resetModules();
  process.env.PRECHECK_PACK_CACHE = file;
  const mod = await import('../../src/rules/pack.js');
  return { ...mod, pack: mod.loadRulePack() };
}

afterEach(() => {
  delete process.env.PRECHECK_PACK_CACHE;
});

describe('rule-pack cache integrity', { timeout: 60_000 }, () => {
  it('the built cache matches its sources, and its hash is the hash of the pack evaluated', async () => {
    const { pack, verifyPackCache } = await packWithCache(BUILT);
    expect(verifyPackCache()).toEqual([]);
    expect((JSON.parse(readFileSync(BUILT, 'utf8')) as Cache).rulePack).toBe(pack.hash);
  });

  it('an edited cache entry is not used: the rule file is read, the hash is unchanged, lint reports the entry', async () => {
    const clean = (await packWithCache(BUILT)).pack;
    const { pack, verifyPackCache } = await packWithCache(tamperedCache(false));
    const esi = (p: typeof pack) => p.topics.find((t) => t.file === ESI)!.criteria.length;
    expect(esi(pack)).toBe(esi(clean));
    expect(pack.hash).toBe(clean.hash);
    expect(verifyPackCache().map((i) => `${i.path}: ${i.message}`)).toEqual([
      `${ESI}: the cache entry does not match its own data hash (the cache was edited); run \`npm run build\``,
    ]);
  });

  it('an edit that recomputed the hashes shows in the result hash and in lint', async () => {
    const clean = (await packWithCache(BUILT)).pack;
    const { pack, verifyPackCache } = await packWithCache(tamperedCache(true));
    expect(pack.hash).not.toBe(clean.hash);
    expect(verifyPackCache().map((i) => i.message)).toEqual([expect.stringContaining('differs from its source file')]);
  });
});
