import { describe, expect, it } from 'vitest';
import { toPlainText, truncateAtWord } from '../../src/text/plain-text.js';

// Every character JavaScript's \s matches, plus neighbours that must stay.
const SPACES = [' ', '\t', '\n', '\r', '\v', '\f', '\u00a0', '\u1680', '\u2000', '\u2009', '\u200a', '\u2028', '\u2029', '\u202f', '\u205f', '\u3000'];
const OTHERS = ['a', 'é', '.', '-'];

/** `count` deterministic strings of up to `maxPieces` pieces, each drawn by `pick(next)`. */
function samples(count: number, maxPieces: number, pick: (next: (n: number) => number) => string): string[] {
  let seed = 7;
  const next = (n: number): number => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed % n;
  };
  return Array.from({ length: count }, () => Array.from({ length: 1 + next(maxPieces) }, () => pick(next)).join(''));
}

/** Single spaces, runs of every kind and words. */
const spacedSamples = (): string[] =>
  samples(2000, 14, (next) => {
    const pool = next(3) === 0 ? OTHERS : SPACES;
    return pool[next(pool.length)]!;
  });

describe('plain text whitespace (R22)', () => {
  it('turns every whitespace run, of any characters and length, into one space and trims', () => {
    for (const text of spacedSamples()) {
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

/** The cut as first specified: walk the grapheme clusters while they fit. */
function referenceTruncate(text: string, max: number): string {
  if (text.length <= max) return text;
  const room = max - 1;
  let end = 0;
  for (const { index, segment } of new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(text)) {
    if (index + segment.length > room) break;
    end = index + segment.length;
  }
  let cut = text.slice(0, end);
  const lastSpace = cut.lastIndexOf(' ');
  if (lastSpace > room * 0.5) cut = cut.slice(0, lastSpace);
  return `${cut.replace(/[\s,;:.\-–—]+$/u, '')}…`;
}

describe('cutting at a word and cluster boundary (R22)', () => {
  // Clusters of one to many code units: flags (regional indicator pairs), ZWJ families, skin
  // tones, combining marks, Hangul jamo, CRLF, astral characters.
  const PIECES = ['a', 'b', ' ', ',', '.', '—', 'é', 'e\u0301', '🇩🇪', '🇫🇷', '👩‍👩‍👧', '👍🏽', '\u1100\u1161\u11a8', '\r\n', '𝔸', '中', '\u0301'];

  it('ends exactly where walking every cluster ends, for any text and limit', () => {
    for (const text of samples(600, 40, (next) => PIECES[next(PIECES.length)]!)) {
      for (const max of [0, 1, 2, 3, 5, 8, 13, 21, text.length - 1, text.length]) {
        expect(truncateAtWord(text, max), JSON.stringify([text, max])).toBe(referenceTruncate(text, max));
      }
    }
  });

  it('never splits a flag or a family emoji', () => {
    expect(truncateAtWord('ab 🇩🇪🇫🇷🇩🇪', 8)).toBe('ab 🇩🇪…');
    expect(truncateAtWord('ab 🇩🇪🇫🇷🇩🇪', 10)).toBe('ab 🇩🇪…');
    expect(truncateAtWord('👩‍👩‍👧👩‍👩‍👧', 9)).toBe('👩‍👩‍👧…');
  });
});
