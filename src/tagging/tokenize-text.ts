/**
 * Splits text into word tokens (runs of letters and digits) with their character offsets, so
 * phrases match on word boundaries: "Shanghai" never contains the token "AI", and "Otter.ai"
 * yields "Otter" and "ai". Punctuation, apostrophes and hyphens separate tokens.
 */

/** Tokens of one text: lowercased forms for lookup, offsets into the source for case checks. */
export interface TextTokens {
  source: string;
  lower: string[];
  start: number[];
  end: number[];
}

const WORD = /[\p{L}\p{N}]+/gu;

/** Tokenises `source`; lowercasing is done once per text when it preserves offsets. */
export function tokenizeText(source: string): TextTokens {
  const lowered = source.toLowerCase();
  // Some characters change length when lowercased (e.g. "İ"); then lowercase token by token.
  const sameLength = lowered.length === source.length;
  const scan = sameLength ? lowered : source;
  const lower: string[] = [];
  const start: number[] = [];
  const end: number[] = [];
  WORD.lastIndex = 0;
  for (let m = WORD.exec(scan); m !== null; m = WORD.exec(scan)) {
    lower.push(sameLength ? m[0] : m[0].toLowerCase());
    start.push(m.index);
    end.push(m.index + m[0].length);
  }
  return { source, lower, start, end };
}

/** The original-case text of tokens [from, to). */
export function tokenSpanText(tokens: TextTokens, from: number, to: number): string {
  return tokens.source.slice(tokens.start[from], tokens.end[to - 1]);
}
