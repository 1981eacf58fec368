// Validates loaded documents against the request and case schemas, reporting every problem
// with file, path and (for YAML) line.
import { z } from 'zod';
import { requestSchema, caseSchema, type Request, type CaseFile } from './schema.js';
import { fromZodIssues, InputError, type InputIssue, type PathSegment } from './issues.js';
import type { LoadedDocument } from './load.js';
import { capIssues, checkRequestBudgets } from './budgets.js';

/** Keys allowed by the object schema found at `path` inside `root` (for "did you mean"). */
export function allowedKeysAt(root: z.ZodType, path: readonly PathSegment[]): string[] | undefined {
  let schema: z.ZodType | undefined = root;
  for (const seg of [...path, null]) {
    schema = unwrap(schema);
    if (!schema) return undefined;
    if (seg === null) break;
    if (schema instanceof z.ZodObject) {
      if (typeof seg !== 'string') return undefined;
      schema = (schema.shape as Record<string, z.ZodType>)[seg];
    } else if (schema instanceof z.ZodArray) {
      schema = schema.element as z.ZodType;
    } else if (schema instanceof z.ZodRecord) {
      schema = schema.valueType as z.ZodType;
    } else return undefined;
  }
  return schema instanceof z.ZodObject ? Object.keys(schema.shape) : undefined;
}

function unwrap(schema: z.ZodType | undefined): z.ZodType | undefined {
  let s = schema;
  for (let guard = 0; s && guard < 10; guard++) {
    if (s instanceof z.ZodOptional || s instanceof z.ZodNullable) s = s.unwrap() as z.ZodType;
    else if (s instanceof z.ZodPipe) s = s.in as z.ZodType;
    else if (s instanceof z.ZodUnion)
      s = (s.options as z.ZodType[]).find((o) => unwrap(o) instanceof z.ZodObject) ?? (s.options[0] as z.ZodType);
    else break;
  }
  return s;
}

function validateWith<T>(schema: z.ZodType<T>, doc: LoadedDocument, base: readonly PathSegment[] = []): T {
  // the common case first; on failure parse again keeping inputs, for the messages
  const fast = schema.safeParse(doc.data);
  if (fast.success) return fast.data;
  const result = schema.safeParse(doc.data, { reportInput: true });
  if (result.success) return result.data;
  const issues = fromZodIssues(doc.name, result.error.issues, (p) => allowedKeysAt(schema, p.slice(base.length)), base);
  throw new InputError(capIssues(withLocations(issues, doc)));
}

function withLocations(issues: InputIssue[], doc: LoadedDocument): InputIssue[] {
  return issues.map((issue) => {
    const segs = parsePath(issue.path);
    // point at the deepest node that exists (a missing field points at its parent)
    for (let n = segs.length; n >= 0; n--) {
      const loc = doc.locate(segs.slice(0, n));
      if (loc) return { ...issue, line: loc.line, column: loc.column };
    }
    return issue;
  });
}

/** Inverse of formatPath: `services[2].levels` → ['services', 2, 'levels']. */
export function parsePath(path: string): PathSegment[] {
  const segs: PathSegment[] = [];
  for (const m of path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) {
    if (m[2] !== undefined) segs.push(Number(m[2]));
    else if (m[1] !== undefined) segs.push(m[1]);
  }
  return segs;
}

/** Refuses a request over the services or `for:` chain budget before the schema does work in proportion to it. */
function checkBudgetsOf(doc: LoadedDocument, base: readonly PathSegment[] = []): void {
  const issues = checkRequestBudgets(doc.data, doc.name, base);
  if (issues.length > 0) throw new InputError(capIssues(withLocations(issues, doc)));
}

export function validateRequest(doc: LoadedDocument): Request {
  checkBudgetsOf(doc);
  return validateWith(requestSchema, doc);
}

/** Validates a case file; the embedded request (if any) is validated at path `request`. */
export function validateCase(doc: LoadedDocument): CaseFile {
  return validateWith(caseSchema, doc);
}

/** Validates a request nested in a case document at `request`. */
export function validateEmbeddedRequest(doc: LoadedDocument): Request {
  const inner: LoadedDocument = {
    name: doc.name,
    data: (doc.data as { request?: unknown }).request,
    locate: (p) => doc.locate(['request', ...p]),
  };
  checkBudgetsOf({ ...inner, locate: doc.locate }, ['request']);
  try {
    return validateWith(requestSchema, inner);
  } catch (err) {
    if (err instanceof InputError) {
      throw new InputError(err.issues.map((i) => ({ ...i, path: i.path ? `request.${i.path}` : 'request' })));
    }
    throw err;
  }
}
