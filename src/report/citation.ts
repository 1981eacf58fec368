// How a citation reads in text and Markdown reports ("MTUS Chronic Pain Medical Treatment
// Guidelines, Epidural steroid injections (ESIs), p. 46").
import type { Catalog, Citation } from '../guidelines/catalog.js';

export function formatCitation(c: Citation | null, catalog: Catalog): string {
  if (!c) return 'no guideline';
  const title = catalog.source(c.source)?.title ?? c.source;
  const pages = c.pages ? `, ${/[-,]/.test(c.pages) ? 'pp.' : 'p.'} ${c.pages}` : '';
  return `${title}, ${[c.section, c.topic].filter(Boolean).join(' — ')}${pages}`;
}
