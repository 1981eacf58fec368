// loadJson finds a duplicate key by comparing the keys JSON.parse kept with the keys the text
// names (`"` then optional whitespace then `:`): the count must see every spelling of a key.
import { describe, it, expect } from 'vitest';
import { loadJson } from '../../src/request/load.js';

const twice = /this key appears twice/;

describe('duplicate JSON keys are found whatever the spacing and escapes', () => {
  it('with spaces, tabs and line ends before the colon', () => {
    for (const space of ['', ' ', '\t', '\n  ', '\r\n', ' \t\r\n ']) {
      // one of the two spelled otherwise: a key the count missed would hide the duplicate
      expect(() => loadJson(`{"id": "a", "id"${space}: "b"}`, 'd.json'), JSON.stringify(space)).toThrow(twice);
    }
  });
  it('with escaped quotes and backslashes in keys and values', () => {
    expect(() => loadJson('{"a\\"": 1, "a\\"": 2}', 'd.json')).toThrow(twice);
    expect(() => loadJson('{"a\\\\": 1, "a\\\\": 2}', 'd.json')).toThrow(twice);
    // a colon after an escaped quote inside a value names no key
    expect(loadJson('{"a": "x\\": y", "b": "\\"\\":"}', 'd.json').data).toEqual({ a: 'x": y', b: '"":' });
  });
  it('not confused by colons in values', () => {
    expect(loadJson('{"a": " : x", "b": ":"}', 'd.json').data).toEqual({ a: ' : x', b: ':' });
    expect(loadJson('{"a": "10:30", "b": ["c: d", "\\":"], "e": {"f": ":"}}', 'd.json').data).toEqual({
      a: '10:30',
      b: ['c: d', '":'],
      e: { f: ':' },
    });
  });
});

describe('budget and prototype-key errors on JSON keep their messages', () => {
  it('a prototype key nested in a list', () => {
    expect(() => loadJson('{"a": [{"__proto__": {"x": 1}}]}', 'p.json')).toThrow(/a\[0\]\.__proto__.*"__proto__" is not allowed/);
  });
  it('a mapping over the item budget', () => {
    const keys = Array.from({ length: 1001 }, (_, i) => `"k${i}": ${i}`).join(', ');
    expect(() => loadJson(`{"a": {${keys}}}`, 'm.json')).toThrow(/mapping of 1001 keys/);
  });
  it('a long key', () => {
    expect(() => loadJson(`{"${'k'.repeat(20_001)}": 1}`, 'k.json')).toThrow(/a key of 20001 characters/);
  });
});
