// Every field of the request JSON Schema carries a description, so editors show help on hover.
import { describe, it, expect } from 'vitest';
import { jsonSchema } from '../../src/schemas.js';

type Node = { description?: string; properties?: Record<string, Node>; items?: Node; anyOf?: Node[]; $ref?: string };

function undescribed(node: Node, path: string, out: string[]): void {
  for (const [key, child] of Object.entries(node.properties ?? {})) {
    if (!child.description) out.push(`${path}.${key}`);
    undescribed(child, `${path}.${key}`, out);
  }
  if (node.items) undescribed(node.items, `${path}[]`, out);
  for (const alt of node.anyOf ?? []) undescribed(alt, path, out);
}

describe('request schema descriptions', () => {
  it('describes every property at every depth', () => {
    const missing: string[] = [];
    undescribed(jsonSchema('request'), 'request', missing);
    expect(missing).toEqual([]);
  });
});
