// Fills `{{fact.id}}` placeholders in rule messages with the fact's value for this service.
import type { FactReader } from '../rules/evaluate.js';
import type { FactValue } from '../facts/types.js';

const TEMPLATE = /\{\{\s*([A-Za-z0-9_.]+)\s*\}\}/g;

export function formatFactValue(value: FactValue | undefined): string {
  if (value === undefined) return 'not documented';
  if (Array.isArray(value)) return value.length > 0 ? value.join(', ') : 'none';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  return String(value);
}

export function renderTemplate(text: string, read: FactReader): string {
  return text.includes('{{') ? text.replace(TEMPLATE, (_, id: string) => formatFactValue(read(id).value)) : text;
}
