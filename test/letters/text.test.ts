import { describe, expect, it } from 'vitest';
import { isDoubleSpaced, normalizeText, oneLine, paragraphs } from '../../src/letters/text.js';
import { LETTER_SEED } from './fixtures.js';

describe('normalizeText', () => {
  it('undoubles a double-spaced extraction and keeps its paragraph breaks', () => {
    const text = normalizeText(LETTER_SEED);
    expect(text).toContain('HOW THE IMR FINAL DETERMINATION WAS MADE\nMAXIMUS Federal Services');
    expect(text).toContain('FLUOROSCOPIC GUIDANCE: Upheld\n\nClaims Administrator guideline');
    expect(text).not.toMatch(/\n\n\n/);
  });

  it('fixes line endings, form feeds, quotes, ligatures and trailing spaces', () => {
    expect(normalizeText('a \u201cb\u201d\r\nc\u2019s\f\ufb01ne  \n\n\n\nend')).toBe('a "b"\nc\'s\nfine\n\nend\n');
  });

  it('leaves a single-spaced text alone', () => {
    const lines = ['one', 'two', '', 'three'];
    expect(isDoubleSpaced(lines)).toBe(false);
    expect(normalizeText(lines.join('\n'))).toBe('one\ntwo\n\nthree\n');
  });

  it('joins wrapped lines and paragraphs', () => {
    expect(oneLine('a\n  b \n c')).toBe('a b c');
    expect(paragraphs('a\nb\n\nc\n')).toEqual(['a b', 'c']);
  });
});
