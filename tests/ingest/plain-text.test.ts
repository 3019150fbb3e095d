import { describe, expect, it } from 'vitest';
import { toPlainText } from '../../src/text/plain-text.js';

// Every character JavaScript's \s matches, plus neighbours that must stay.
const SPACES = [' ', '\t', '\n', '\r', '\v', '\f', '\u00a0', '\u1680', '\u2000', '\u2009', '\u200a', '\u2028', '\u2029', '\u202f', '\u205f', '\u3000'];
const OTHERS = ['a', 'é', '.', '-'];

/** Deterministic strings mixing single spaces, runs of every kind and words. */
function samples(): string[] {
  const out: string[] = [];
  let seed = 7;
  const next = (n: number): number => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed % n;
  };
  for (let i = 0; i < 2000; i++) {
    let text = '';
    const length = 1 + next(14);
    for (let j = 0; j < length; j++) {
      const pool = next(3) === 0 ? OTHERS : SPACES;
      text += pool[next(pool.length)];
    }
    out.push(text);
  }
  return out;
}

describe('plain text whitespace (P10)', () => {
  it('turns every whitespace run, of any characters and length, into one space and trims', () => {
    for (const text of samples()) {
      const words = text.split(/\s+/).filter(Boolean);
      expect(toPlainText(text), JSON.stringify(text)).toBe(words.join(' '));
    }
  });

  it('keeps single spaces and removes control and zero-width characters before collapsing', () => {
    expect(toPlainText('one two  three')).toBe('one two three');
    expect(toPlainText('a\u0007b \u200bc\u00a0 \td')).toBe('ab c d');
    expect(toPlainText(' \u200b ')).toBe('');
  });
});
