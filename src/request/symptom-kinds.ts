// Notices for symptom kinds outside the documented vocabulary: the field stays free text
// (spec §1), so an unknown kind is accepted, but the writer learns it may be a typo.
import type { Request } from './schema.js';
import { SYMPTOM_KINDS } from './vocabulary.js';

const KNOWN: ReadonlySet<string> = new Set(SYMPTOM_KINDS);

export function symptomKindNotices(request: Request): string[] {
  const out: string[] = [];
  request.symptoms?.forEach((s, i) => {
    if (KNOWN.has(s.kind)) return;
    out.push(
      `symptoms[${i}].kind "${s.kind}" is not in the documented symptom vocabulary (docs/request-format.md); it is kept as written and rules read it only where its words match theirs.`,
    );
  });
  return out;
}
