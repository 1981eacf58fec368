// Exam findings drafted from phrasings the hand encodings record (issue 13, third round); each
// sentence is written for the test, not taken from a letter.
import { describe, expect, it } from 'vitest';
import { sentences, SourceText } from '../../src/draft/source.js';

describe('sentences: a closing quote after the period', () => {
  it('ends the sentence, so that the exam after it is read on its own', () => {
    const text = 'Work status was "off work." Objective findings were notable for a left foot drop.';
    expect(sentences(new SourceText(text)).map((s) => s.text)).toEqual([
      'Work status was "off work."',
      'Objective findings were notable for a left foot drop.',
    ]);
  });
});
