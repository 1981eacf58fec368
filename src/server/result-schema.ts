// zod schema of `imr-precheck/result@1` as the engine returns it (src/engine/result.ts), for the
// OpenAPI document. A test checks real results against it, so it cannot drift from the engine.
import { z } from 'zod';

const sourceSchema = z
  .object({
    file: z.string().describe('The file (or <stdin>, <body>) the request came from.'),
    line: z.number().int().optional().describe('Its line, for a JSON Lines stream.'),
    document: z.number().int().optional().describe('Its position, for a YAML stream.'),
  })
  .describe('Where the request came from (batch and CLI results).');

const citation = z
  .object({
    source: z.string().describe('Guideline source id: MTUS-CPMTG, MTUS-ACOEM, MTUS-PSTG, MTUS-AMTG, MTUS-OTG, ODG, DHCS, OTHER.'),
    section: z.string().describe('Section or chapter.'),
    topic: z.string().optional().describe('Topic within the section.'),
    pages: z.string().optional().describe('Pages in the edition cited.'),
    edition: z.string().optional().describe('Edition in force on the decision date.'),
    ref: z.string().describe('Catalog reference, e.g. MTUS-CPMTG#esi.'),
  })
  .describe('A guideline citation.');

const criterion = z.object({
  id: z.string().describe('Criterion id, e.g. esi.radiculopathy-corroborated.'),
  status: z
    .enum(['met', 'unmet', 'not-documented', 'not-stated'])
    .describe('met | unmet | not-documented | not-stated (how a procedure is performed is not stated: presumed, never met, not decisive).'),
  text: z.string().describe('The criterion in plain words.'),
  evidence: z.array(z.string()).describe('Request paths and values that decided it.'),
  citation,
  presumed: z.literal(true).optional().describe('Not documented, but presumed (how a procedure is performed): not decisive.'),
});

const service = z.object({
  id: z.string(),
  kind: z.string(),
  label: z.string(),
  prediction: z
    .enum(['upheld', 'overturned', 'not-covered'])
    .describe('upheld = denial stands; overturned = medically necessary; not-covered = no rule applies.'),
  medicallyNecessary: z.boolean().nullable(),
  dependsOn: z.string().nullable().describe('The primary service an associated service follows.'),
  guideline: citation.nullable(),
  criteria: z.array(criterion),
  rationale: z.string().describe('The reviewer-style rationale.'),
  toOverturn: z.array(z.string()).describe('What to document so the service would be overturned.'),
  notRecommended: z.string().optional().describe('Set when the guideline does not recommend the service at all.'),
  topics: z.array(z.string()).describe('Rule topics that decided it.'),
  notices: z.array(z.string()),
});

export const resultSchema = z
  .object({
    format: z.literal('imr-precheck/result@1'),
    request: z.string(),
    decisionDate: z.string().describe('The date the rules were applied at.'),
    rulePack: z.object({ version: z.string(), hash: z.string() }),
    services: z.array(service),
    notices: z.array(z.string()).describe('Request-level notices; the last is the edition status.'),
    source: sourceSchema.optional(),
  })
  .describe('imr-precheck/result@1');

export const errorResultSchema = z
  .object({
    format: z.literal('imr-precheck/result@1'),
    request: z.string().nullable(),
    source: sourceSchema.optional(),
    error: z.object({
      message: z.string(),
      issues: z.array(
        z.object({
          file: z.string(),
          path: z.string(),
          code: z.string(),
          message: z.string(),
          line: z.number().optional(),
          column: z.number().optional(),
        }),
      ),
    }),
  })
  .describe('A batch line for a request that could not be read.');

export const problemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    issues: z
      .array(
        z.object({
          file: z.string(),
          path: z.string().describe('Request path, e.g. services[0].levels.'),
          code: z.string(),
          message: z.string(),
          line: z.number().optional(),
          column: z.number().optional(),
          text: z.string().describe('The issue as the CLI prints it.'),
        }),
      )
      .optional(),
  })
  .describe('RFC 9457 problem details (application/problem+json).');

export const evidenceSchema = z
  .object({
    line: z.number().int().min(1).describe('Line of the drafted text (`text`), from 1.'),
    column: z.number().int().min(1).describe('Column on that line, from 1.'),
    quote: z.string().describe('The exact words at that line and column.'),
  })
  .describe(
    'The source words of a drafted field. A list item keeps a list of them under its `extensions.evidence`; `patient`, `documentation` and `injury` keep them by field name (`extensions.evidence.workStatus`).',
  );

export const draftResultSchema = z
  .object({
    format: z.literal('imr-precheck/draft@1'),
    warning: z.string().describe('Drafted facts must be confirmed against the record before they are relied on.'),
    warnings: z
      .array(z.string())
      .describe(
        'What the draft could not do: text cut at the size limit, a value the schema refused (kept in documentation.notes), no service found.',
      ),
    request: z
      .record(z.string(), z.unknown())
      .describe(
        'The drafted imr-precheck/request@1 (it validates); every drafted field carries its evidence under extensions.evidence, and every sentence nothing was drafted from is in documentation.notes.',
      ),
    text: z
      .string()
      .describe(
        'The text the evidence lines and columns refer to (the input with line endings normalized; for a letter, double spacing removed).',
      ),
  })
  .describe('A request drafted from clinical text, to review before it is checked.');
