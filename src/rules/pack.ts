// Loads and compiles the rule pack (rules/**/*.yaml) against the citation catalog
// (guidelines/*.yaml) and the fact registry, once per process. Every problem in every file is
// reported with its file and path; a pack with problems does not load.
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join, relative, basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadDocuments } from '../request/load.js';
import { didYouMean, fromZodIssues, InputError, type InputIssue } from '../request/issues.js';
import { allowedKeysAt } from '../request/validate.js';
import { Catalog, sourceFileSchema, type SourceFile } from '../guidelines/catalog.js';
import {
  ruleFileSchema,
  packFileSchema,
  conditionsFileSchema,
  type RuleFile,
  type CriterionSpec,
  type Condition,
  type WrittenCondition,
} from './schema.js';
import { compileCondition, exclusionGuards, type CompiledCondition, type CompileOptions } from './evaluate.js';
import { FACTS } from '../facts/registry.js';
import { resolveCondition, type ConditionContext, type NamedConditions } from './resolve.js';
import { PROCEDURE_NAMES } from '../facts/surgical-indication.js';
import type { z } from 'zod';

/** A criterion as the engine reads it: its `condition` and `when` resolved (named conditions inlined, `undocumented:` lowered). */
export type ResolvedCriterionSpec = Omit<CriterionSpec, 'condition' | 'when'> & { condition: Condition; when?: Condition };

export interface CompiledCriterion {
  id: string;
  spec: ResolvedCriterionSpec;
  /** The criterion as written in the rule file. */
  written: CriterionSpec;
  citations: string[];
  when?: CompiledCondition;
  /** Exclusion guard (see exclusionGuards): the criterion applies only when the record states these facts. */
  stated?: CompiledCondition;
  condition: CompiledCondition;
  /** Editions that state the criterion; absent = every edition the topic implements. */
  editions?: { source: string; edition: string }[];
}

export interface CompiledTopic {
  id: string;
  /** Path of the rule file relative to the project root. */
  file: string;
  spec: RuleFile;
  kinds: ReadonlySet<string>;
  when?: CompiledCondition;
  /** Procedures the topic decides (`appliesTo.procedures`); absent = every service its kinds and `when` admit. */
  procedures?: ReadonlySet<string>;
  guideline: { ref: string; when?: CompiledCondition; editions?: { source: string; edition: string }[] }[];
  editions: { source: string; edition: string }[];
  criteria: CompiledCriterion[];
}

export interface RulePack {
  name: string;
  version: string;
  hash: string;
  catalog: Catalog;
  topics: CompiledTopic[];
  byKind: ReadonlyMap<string, CompiledTopic[]>;
  criteria: ReadonlyMap<string, { topic: CompiledTopic; criterion: CompiledCriterion }>;
  /** Topics whose every numeric threshold must be pinned by a case at its edge (lint fails otherwise). */
  pinnedThresholds: readonly string[];
}

export const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const DEFAULT_RULES_DIR = join(PROJECT_ROOT, 'rules');
export const DEFAULT_GUIDELINES_DIR = join(PROJECT_ROOT, 'guidelines');

/** The named shared conditions, beside the pack manifest. */
export const CONDITIONS_FILE = 'conditions.yaml';

/** Rule files are `*.yaml` under rules/, except the pack manifest, the named conditions and `*.test.yaml` rule tests. */
export function listRuleFiles(dir: string): string[] {
  return walk(dir).filter(
    (f) => f.endsWith('.yaml') && !f.endsWith('.test.yaml') && basename(f) !== 'pack.yaml' && f !== join(dir, CONDITIONS_FILE),
  );
}

/**
 * Loads rules/conditions.yaml (absent: no named conditions) and checks each named condition on
 * its own: facts, operators, value types, params, references to other names and cycles. The
 * context checks (`undocumented:` where it is allowed) are made where each is used.
 */
export function loadNamedConditions(
  rulesDir: string,
  catalog: Catalog,
  issues: InputIssue[],
): NamedConditions & { descriptions: ReadonlyMap<string, string> } {
  const file = join(rulesDir, CONDITIONS_FILE);
  const conditions = new Map<string, WrittenCondition>();
  const descriptions = new Map<string, string>();
  const broken = new Set<string>();
  if (conditionsFiles(rulesDir).length === 0) return { conditions, broken, descriptions };
  const name = relative(PROJECT_ROOT, file) || file;
  const parsed = parseYamlFile(file, conditionsFileSchema, issues);
  if (!parsed) return { conditions, broken, descriptions };
  for (const [id, entry] of Object.entries(parsed.conditions)) {
    conditions.set(id, entry.condition);
    descriptions.set(id, entry.description);
  }
  const named: NamedConditions = { conditions, broken };
  for (const [id, entry] of Object.entries(parsed.conditions)) {
    const base = `conditions.${id}`;
    toList(entry.citation ?? []).forEach((ref, i, all) => {
      if (!catalog.resolve(ref))
        issues.push({
          file: name,
          path: all.length > 1 ? `${base}.citation[${i}]` : `${base}.citation`,
          code: 'unknown-citation',
          message: `citation "${ref}" is not in the guideline catalog (guidelines/*.yaml)${guessTopic(ref, catalog.allRefs())}`,
        });
    });
    resolveCondition(
      entry.condition,
      'named',
      `${base}.condition`,
      named,
      (p) => {
        broken.add(id);
        issues.push({ file: name, ...p });
      },
      [id],
    );
  }
  return { conditions, broken, descriptions };
}

export function walk(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) out.push(...walk(full));
    else out.push(full);
  }
  return out;
}

/**
 * Validated file contents by content hash, written at build time (dist/rule-pack.cache.json):
 * a file whose content is unchanged skips YAML parsing and schema validation, which is most of
 * the CLI's start-up time. Each entry records the hash of its source file and of its data; an
 * entry whose source changed, or whose data no longer matches its own hash (an edited cache), is
 * not used: the file is parsed from source instead (checking a request writes nothing, so the
 * cache is rebuilt by `npm run build`). `precheck lint` checks every entry against a fresh parse
 * (verifyPackCache), which also catches an edit that recomputed the hashes; and the result's
 * hash is computed from the data evaluated, so such an edit shows in every result.
 */
/** PRECHECK_PACK_CACHE points elsewhere (tests of a tampered cache); entries are verified wherever they come from. */
export const PACK_CACHE_FILE = process.env.PRECHECK_PACK_CACHE ?? join(PROJECT_ROOT, 'dist', 'rule-pack.cache.json');
export const PACK_CACHE_FORMAT = 'imr-precheck/pack-cache@2';
type CacheEntry = { sha256: string; dataSha256: string; data: unknown };
type PackCache = Record<string, CacheEntry>;
let packCache: PackCache | undefined;

function readPackCache(): PackCache {
  if (!packCache) {
    try {
      const parsed = JSON.parse(readFileSync(PACK_CACHE_FILE, 'utf8')) as { format?: unknown; files?: PackCache };
      packCache = parsed.format === PACK_CACHE_FORMAT && parsed.files && typeof parsed.files === 'object' ? parsed.files : {};
    } catch {
      packCache = {};
    }
  }
  return packCache;
}

/** Records of every file the last load validated, for writing the cache. */
const validatedFiles: PackCache = {};

const sha256 = (text: string | Buffer): string => createHash('sha256').update(text).digest('hex');
const dataHash = (data: unknown): string => sha256(JSON.stringify(data) ?? 'undefined');

/** Writes the cache from the files the last load validated (the build step). */
export function writePackCache(pack: RulePack): void {
  writeFileSync(PACK_CACHE_FILE, JSON.stringify({ format: PACK_CACHE_FORMAT, rulePack: pack.hash, files: validatedFiles }));
  packCache = { ...validatedFiles };
}

function parseYamlFile<T>(file: string, schema: z.ZodType<T>, issues: InputIssue[], useCache = true): T | undefined {
  const name = relative(PROJECT_ROOT, file) || file;
  try {
    const text = readFileSync(file, 'utf8');
    const digest = sha256(text);
    const cached = useCache ? readPackCache()[name] : undefined;
    if (cached && cached.sha256 === digest && typeof cached.dataSha256 === 'string' && dataHash(cached.data) === cached.dataSha256) {
      validatedFiles[name] = cached;
      return cached.data as T;
    }
    const doc = loadDocuments(text, name)[0];
    if (!doc) {
      issues.push({ file: name, path: '', code: 'empty', message: 'empty file' });
      return undefined;
    }
    const result = schema.safeParse(doc.data, { reportInput: true });
    if (result.success) {
      // stored as JSON text, so what is hashed is what a cached load will read
      const data = JSON.parse(JSON.stringify(result.data)) as T;
      validatedFiles[name] = { sha256: digest, dataSha256: dataHash(data), data };
      return data;
    }
    for (const issue of fromZodIssues(name, result.error.issues, (p) => allowedKeysAt(schema, p))) {
      const segs = issue.path
        .split(/[.[\]]+/)
        .filter(Boolean)
        .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
      const loc = doc.locate(segs);
      issues.push(loc ? { ...issue, line: loc.line, column: loc.column } : issue);
    }
  } catch (err) {
    if (err instanceof InputError) issues.push(...err.issues);
    else throw err;
  }
  return undefined;
}

/**
 * Compares the cache with the rule pack's sources: every rule, catalog and manifest file must
 * have an entry whose source hash, data hash and data match a fresh parse. For `precheck lint`.
 */
export function verifyPackCache(options: LoadOptions = {}): InputIssue[] {
  const cacheName = relative(PROJECT_ROOT, PACK_CACHE_FILE);
  let cache: { format?: unknown; rulePack?: unknown; files?: PackCache };
  try {
    cache = JSON.parse(readFileSync(PACK_CACHE_FILE, 'utf8')) as typeof cache;
  } catch {
    return [
      { file: cacheName, path: '', code: 'pack-cache', message: 'the rule-pack cache is missing or unreadable; run `npm run build`' },
    ];
  }
  if (cache.format !== PACK_CACHE_FORMAT || !cache.files)
    return [
      {
        file: cacheName,
        path: '',
        code: 'pack-cache',
        message: `the rule-pack cache is not in format ${PACK_CACHE_FORMAT}; run \`npm run build\``,
      },
    ];
  const rulesDir = options.rulesDir ?? DEFAULT_RULES_DIR;
  const guidelinesDir = options.guidelinesDir ?? DEFAULT_GUIDELINES_DIR;
  const files = [
    ...walk(guidelinesDir).filter((f) => f.endsWith('.yaml')),
    join(rulesDir, 'pack.yaml'),
    ...conditionsFiles(rulesDir),
    ...listRuleFiles(rulesDir),
  ];
  const issues: InputIssue[] = [];
  const problem = (name: string, message: string): void => {
    issues.push({ file: cacheName, path: name, code: 'pack-cache', message: `${message}; run \`npm run build\`` });
  };
  const hashes: string[] = [];
  for (const file of files) {
    const name = relative(PROJECT_ROOT, file);
    const entry = cache.files[name];
    const fresh: InputIssue[] = [];
    const schema = file.startsWith(guidelinesDir)
      ? sourceFileSchema
      : basename(file) === 'pack.yaml'
        ? packFileSchema
        : file === join(rulesDir, CONDITIONS_FILE)
          ? conditionsFileSchema
          : ruleFileSchema;
    const data = parseYamlFile(file, schema as z.ZodType<unknown>, fresh, false);
    if (data !== undefined) hashes.push(`${name}\0${dataHash(data)}`);
    if (!entry) {
      problem(name, 'no cache entry for this file');
      continue;
    }
    if (entry.sha256 !== sha256(readFileSync(file, 'utf8'))) {
      problem(name, 'the cache entry was built from another version of this file');
      continue;
    }
    if (dataHash(entry.data) !== entry.dataSha256) {
      problem(name, 'the cache entry does not match its own data hash (the cache was edited)');
      continue;
    }
    if (data !== undefined && dataHash(data) !== entry.dataSha256)
      problem(name, 'the cache entry differs from its source file (the cache was edited)');
  }
  const expected = combinedHash(hashes);
  if (issues.length === 0 && cache.rulePack !== expected)
    problem('rulePack', `the cache names rule-pack hash ${String(cache.rulePack)}, its sources hash to ${expected}`);
  return issues;
}

/** sha256 over each file's path and the hash of its validated data: the hash of what is evaluated. */
function combinedHash(entries: string[]): string {
  const h = createHash('sha256');
  for (const e of [...entries].sort()) h.update(`${e}\n`);
  return `sha256:${h.digest('hex')}`;
}

export function loadCatalog(dir: string, issues: InputIssue[]): { catalog: Catalog; files: string[] } {
  const files = walk(dir).filter((f) => f.endsWith('.yaml'));
  const sources: SourceFile[] = [];
  for (const file of files) {
    const parsed = parseYamlFile(file, sourceFileSchema, issues);
    if (parsed) sources.push(parsed);
  }
  return { catalog: new Catalog(sources), files };
}

const TEMPLATE = /\{\{\s*([A-Za-z0-9_.]+)\s*\}\}/g;

export function templateFacts(text: string): string[] {
  return [...text.matchAll(TEMPLATE)].map((m) => m[1]!);
}

export interface LoadOptions {
  rulesDir?: string;
  guidelinesDir?: string;
}

export function loadRulePack(options: LoadOptions = {}): RulePack {
  const rulesDir = options.rulesDir ?? DEFAULT_RULES_DIR;
  const guidelinesDir = options.guidelinesDir ?? DEFAULT_GUIDELINES_DIR;
  const issues: InputIssue[] = [];
  const { catalog, files: catalogFiles } = loadCatalog(guidelinesDir, issues);
  const manifest = parseYamlFile(join(rulesDir, 'pack.yaml'), packFileSchema, issues);
  const named = loadNamedConditions(rulesDir, catalog, issues);
  const ruleFiles = listRuleFiles(rulesDir);
  const topics: CompiledTopic[] = [];
  const criteria = new Map<string, { topic: CompiledTopic; criterion: CompiledCriterion }>();

  for (const file of ruleFiles) {
    const name = relative(PROJECT_ROOT, file);
    const spec = parseYamlFile(file, ruleFileSchema, issues);
    if (!spec) continue;
    const problem = (path: string, message: string, code = 'invalid-rule'): void => {
      issues.push({ file: name, path, code, message });
    };
    if (spec.id !== basename(file, '.yaml')) problem('id', `the id "${spec.id}" must equal the file name "${basename(file, '.yaml')}"`);

    const guess = (word: string, allowed: readonly string[]): string => {
      const close = didYouMean(word, allowed);
      return close ? `; did you mean "${close}"?` : '';
    };
    const checkRefs = (refs: string[], path: string): void =>
      refs.forEach((ref, i) => {
        if (!catalog.resolve(ref))
          problem(
            refs.length > 1 ? `${path}[${i}]` : path,
            `citation "${ref}" is not in the guideline catalog (guidelines/*.yaml)${guess(ref, catalog.allRefs())}`,
            'unknown-citation',
          );
      });
    const resolve = (c: WrittenCondition | undefined, path: string, context: ConditionContext) =>
      c ? resolveCondition(c, context, path, named, (p) => problem(p.path, p.message, p.code)) : undefined;
    const compile = (c: WrittenCondition | undefined, path: string, options: CompileOptions = {}): CompiledCondition | undefined => {
      const resolved = resolve(c, path, 'when');
      return resolved ? compileCondition(resolved.condition, options) : undefined;
    };
    const checkTemplate = (text: string | undefined, path: string): void => {
      for (const f of templateFacts(text ?? ''))
        if (!FACTS.has(f)) problem(path, `template names unknown fact "${f}"${guess(f, [...FACTS.keys()])}`, 'unknown-fact');
    };

    const parseEditions = (list: string[], path: string): { source: string; edition: string }[] =>
      list.map((e, i) => {
        const [source, edition] = e.split('@') as [string, string];
        const src = catalog.source(source);
        if (!src) problem(`${path}[${i}]`, `unknown source "${source}"`, 'unknown-edition');
        else if (!src.editions.some((x) => x.id === edition))
          problem(
            `${path}[${i}]`,
            `source ${source} has no edition "${edition}"; it has: ${src.editions.map((x) => x.id).join(', ')}`,
            'unknown-edition',
          );
        return { source, edition };
      });
    const guideline = toList(spec.guideline).map((entry, i) => {
      const path = Array.isArray(spec.guideline) ? `guideline[${i}]` : 'guideline';
      if (typeof entry === 'string') {
        checkRefs([entry], path);
        return { ref: entry };
      }
      checkRefs([entry.ref], `${path}.ref`);
      const when = compile(entry.when, `${path}.when`);
      return {
        ref: entry.ref,
        ...(when ? { when } : {}),
        ...(entry.editions ? { editions: parseEditions(entry.editions, `${path}.editions`) } : {}),
      };
    });
    const editions = parseEditions(spec.editions, 'editions');
    const topic: CompiledTopic = {
      id: spec.id,
      file: name,
      spec,
      kinds: new Set(spec.appliesTo.kinds),
      guideline,
      editions,
      criteria: [],
    };
    const when = compile(spec.appliesTo.when, 'appliesTo.when');
    if (when) topic.when = when;
    const procedures = spec.appliesTo.procedures;
    if (procedures) {
      procedures.forEach((p, i) => {
        if (p !== UNSPECIFIED_PROCEDURE && !PROCEDURE_NAMES.includes(p))
          problem(
            `appliesTo.procedures[${i}]`,
            `unknown procedure "${p}"; expected ${UNSPECIFIED_PROCEDURE} or one of: ${PROCEDURE_NAMES.join(', ')}`,
            'unknown-procedure',
          );
      });
      topic.procedures = new Set(procedures);
    }
    spec.criteria.forEach((c, i) => {
      const base = `criteria[${i}]`;
      const citations = toList(c.citation);
      checkRefs(citations, `${base}.citation`);
      for (const field of ['unmet', 'notDocumented', 'toOverturn'] as const) checkTemplate(c[field], `${base}.${field}`);
      // nothing is met on silence: `documented` is strict in a condition, and an exclusion's
      // `documented: false` alternative becomes a guard under which the criterion applies
      const resolved = resolve(c.condition, `${base}.condition`, 'condition');
      const resolvedWhen = resolve(c.when, `${base}.when`, 'when');
      const guards = resolved ? exclusionGuards(resolved.condition) : undefined;
      const condition = resolved ? compileCondition(guards ? guards.rest : resolved.condition, { strict: true }) : undefined;
      const stated = guards
        ? compileCondition({ all: guards.facts.map((fact) => ({ fact, operator: 'documented', value: true })) })
        : undefined;
      const whenC = resolvedWhen ? compileCondition(resolvedWhen.condition) : undefined;
      if (criteria.has(c.id))
        problem(`${base}.id`, `criterion id "${c.id}" is also used in ${criteria.get(c.id)!.topic.file}`, 'duplicate-id');
      if (!condition || !resolved || (c.when && !resolvedWhen)) return;
      const { when: writtenWhen, ...rest } = c;
      const spec: ResolvedCriterionSpec = {
        ...rest,
        condition: resolved.condition,
        ...(writtenWhen && resolvedWhen ? { when: resolvedWhen.condition } : {}),
      };
      const compiled: CompiledCriterion = { id: c.id, spec, written: c, citations, condition };
      if (whenC) compiled.when = whenC;
      if (stated) compiled.stated = stated;
      if (c.editions) compiled.editions = parseEditions(c.editions, `${base}.editions`);
      topic.criteria.push(compiled);
      criteria.set(c.id, { topic, criterion: compiled });
    });
    checkTemplate(spec.statement, 'statement');
    topics.push(topic);
  }
  const topicIds = new Map<string, string>();
  for (const t of topics) {
    if (topicIds.has(t.id))
      issues.push({ file: t.file, path: 'id', code: 'duplicate-id', message: `topic id "${t.id}" is also used in ${topicIds.get(t.id)}` });
    topicIds.set(t.id, t.file);
  }
  if (issues.length > 0) throw new InputError(locateIssues(issues));

  const byKind = new Map<string, CompiledTopic[]>();
  for (const t of topics) for (const k of t.kinds) byKind.set(k, [...(byKind.get(k) ?? []), t]);
  const evaluated = [...catalogFiles, join(rulesDir, 'pack.yaml'), ...conditionsFiles(rulesDir), ...ruleFiles].map(
    (f) => relative(PROJECT_ROOT, f) || f,
  );
  const hash = combinedHash(evaluated.map((name) => `${name}\0${validatedFiles[name]!.dataSha256}`));
  for (const id of manifest!.pinnedThresholds ?? []) {
    if (!topicIds.has(id))
      issues.push({
        file: 'rules/pack.yaml',
        path: 'pinnedThresholds',
        code: 'unknown-topic',
        message: `no topic "${id}"${guessTopic(id, [...topicIds.keys()])}`,
      });
  }
  if (issues.length > 0) throw new InputError(locateIssues(issues));
  return {
    name: manifest!.name,
    version: manifest!.version,
    hash,
    catalog,
    topics,
    byKind,
    criteria,
    pinnedThresholds: manifest!.pinnedThresholds ?? [],
  };
}

function guessTopic(id: string, ids: string[]): string {
  const close = didYouMean(id, ids);
  return close ? `; did you mean "${close}"?` : '';
}

/** Adds line and column to problems found after parsing, by locating their path in the file once more. */
export function locateIssues(issues: InputIssue[]): InputIssue[] {
  const docs = new Map<string, ReturnType<typeof loadDocuments>[number] | undefined>();
  return issues.map((issue) => {
    if (issue.line !== undefined || !issue.file.endsWith('.yaml')) return issue;
    if (!docs.has(issue.file)) {
      try {
        docs.set(issue.file, loadDocuments(readFileSync(join(PROJECT_ROOT, issue.file), 'utf8'), issue.file)[0]);
      } catch {
        docs.set(issue.file, undefined);
      }
    }
    const doc = docs.get(issue.file);
    const segs = issue.path
      .split(/[.[\]]+/)
      .filter(Boolean)
      .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
    for (let n = segs.length; doc && n >= 0; n--) {
      const loc = doc.locate(segs.slice(0, n));
      if (loc) return { ...issue, line: loc.line, column: loc.column };
    }
    return issue;
  });
}

/** The procedure name that stands for a request naming no procedure ("knee arthroscopy"). */
export const UNSPECIFIED_PROCEDURE = 'unspecified';
/** rules/conditions.yaml when it exists (it is evaluated data: part of the pack hash and the cache). */
function conditionsFiles(rulesDir: string): string[] {
  const file = join(rulesDir, CONDITIONS_FILE);
  try {
    statSync(file);
    return [file];
  } catch {
    return [];
  }
}

function toList<T>(x: T | T[]): T[] {
  return Array.isArray(x) ? x : [x];
}

let shared: RulePack | undefined;

/** The default rule pack, loaded and compiled on first use and shared by the whole process. */
export function rulePack(): RulePack {
  shared ??= loadRulePack();
  return shared;
}
