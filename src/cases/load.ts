// Finds and loads regression cases: `imr-precheck/case@1` files (real letters, seeds) and
// `imr-precheck/rule-tests@1` files (RuleTester-style tests beside the rules). Each becomes
// one or more runnable test cases: a validated request and its expectations.
import { readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { loadDocuments, type LoadedDocument } from '../request/load.js';
import { InputError, fromZodIssues, type InputIssue } from '../request/issues.js';
import { validateCase, validateEmbeddedRequest, validateRequest, allowedKeysAt } from '../request/validate.js';
import { CASE_FORMAT, type Request } from '../request/schema.js';
import { RULE_TESTS_FORMAT, ruleTestsSchema, type Expectation } from './schema.js';
import { mergePatch } from './merge-patch.js';
import { walk } from '../rules/pack.js';

export interface TestCase {
  /** Stable id: the case file path (relative), plus `#name` for a rule-test case. */
  id: string;
  file: string;
  kind: 'letter' | 'rule-test';
  source?: string;
  request: Request;
  expected: Expectation[];
}

export interface LoadedCases {
  cases: TestCase[];
  problems: InputIssue[];
}

const TEST_FILE = /\.(ya?ml|json)$/;

/** Case and rule-test files under the given paths (a file is taken as given). */
export function findCaseFiles(paths: readonly string[]): string[] {
  const files: string[] = [];
  for (const p of paths) {
    let isDir: boolean;
    try {
      isDir = statSync(p).isDirectory();
    } catch {
      files.push(p);
      continue;
    }
    if (!isDir) {
      files.push(p);
      continue;
    }
    for (const f of walk(p)) if (TEST_FILE.test(f) && looksLikeTestFile(f)) files.push(f);
  }
  return [...new Set(files)];
}

function looksLikeTestFile(file: string): boolean {
  const head = readFileSync(file, 'utf8').slice(0, 2000);
  return head.includes(CASE_FORMAT) || head.includes(RULE_TESTS_FORMAT);
}

export function loadCases(paths: readonly string[], root = process.cwd()): LoadedCases {
  const cases: TestCase[] = [];
  const problems: InputIssue[] = [];
  for (const file of findCaseFiles(paths)) {
    const name = relative(root, file) || file;
    try {
      const doc = loadDocuments(readFileSync(file, 'utf8'), name)[0];
      if (!doc) throw new InputError([{ file: name, path: '', code: 'empty', message: 'empty file' }]);
      const format = (doc.data as { format?: unknown } | null)?.format;
      if (format === RULE_TESTS_FORMAT) cases.push(...ruleTestCases(doc, name));
      else cases.push(letterCase(doc, name, file));
    } catch (err) {
      if (err instanceof InputError) problems.push(...err.issues);
      else if ((err as NodeJS.ErrnoException).code === 'ENOENT')
        problems.push({ file: name, path: '', code: 'unreadable', message: 'file not found' });
      else throw err;
    }
  }
  return { cases, problems };
}

function letterCase(doc: LoadedDocument, name: string, file: string): TestCase {
  const c = validateCase(doc);
  let request: Request;
  if (c.requestFile !== undefined) {
    const path = join(dirname(file), c.requestFile);
    const inner = loadDocuments(readFileSync(path, 'utf8'), relative(dirname(name) || '.', path))[0]!;
    request = validateRequest(inner);
  } else {
    request = validateEmbeddedRequest(doc);
  }
  const ids = new Set(request.services.map((s) => s.id));
  const issues: InputIssue[] = [];
  c.expected.forEach((e, i) => {
    if (!ids.has(e.service))
      issues.push({
        file: name,
        path: `expected[${i}].service`,
        code: 'unknown-service',
        message: `"${e.service}" is not a service id of the request; expected one of: ${[...ids].join(', ')}`,
      });
    if (e.dependsOn && !ids.has(e.dependsOn))
      issues.push({
        file: name,
        path: `expected[${i}].dependsOn`,
        code: 'unknown-service',
        message: `"${e.dependsOn}" is not a service id of the request`,
      });
  });
  if (issues.length > 0) throw new InputError(issues);
  return { id: c.id ?? name, file: name, kind: 'letter', ...(c.source ? { source: c.source } : {}), request, expected: c.expected };
}

function ruleTestCases(doc: LoadedDocument, name: string): TestCase[] {
  const parsed = ruleTestsSchema.safeParse(doc.data, { reportInput: true });
  if (!parsed.success) throw new InputError(fromZodIssues(name, parsed.error.issues, (p) => allowedKeysAt(ruleTestsSchema, p)));
  const tests = parsed.data;
  const asRequest = (data: unknown, label: string, path: string): Request => {
    try {
      return validateRequest({ name: `${name} (${label})`, data, locate: () => undefined });
    } catch (err) {
      if (err instanceof InputError) throw new InputError(err.issues.map((i) => ({ ...i, path: i.path ? `${path}.${i.path}` : path })));
      throw err;
    }
  };
  const out: TestCase[] = [
    {
      id: `${name}#base`,
      file: name,
      kind: 'rule-test',
      request: asRequest(tests.base.request, 'base', 'base.request'),
      expected: tests.base.expect,
    },
  ];
  tests.cases.forEach((c, i) => {
    out.push({
      id: `${name}#${c.name}`,
      file: name,
      kind: 'rule-test',
      request: asRequest(mergePatch(tests.base.request, c.patch), c.name, `cases[${i}].patch`),
      expected: c.expect,
    });
  });
  return out;
}
