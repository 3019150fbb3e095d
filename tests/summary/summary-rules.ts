/** The summary rules of docs/tagging.md (Summaries) as a checker shared by the summary tests. */
import { splitSentences } from '../../src/summary/split-sentences.js';

const WORD_CHAR = /[\p{L}\p{N}]/u;

/** True when `piece` occurs in `source` and ends there at a word boundary. */
function occursAtWordEnd(piece: string, source: string): boolean {
  for (let at = source.indexOf(piece); at >= 0; at = source.indexOf(piece, at + 1)) {
    if (!WORD_CHAR.test(source.charAt(at + piece.length))) return true;
  }
  return false;
}

/** Every rule `summary` breaks; `sources` are the cleaned texts it may be taken from. */
export function summaryViolations(summary: string, sources: readonly string[]): string[] {
  const problems: string[] = [];
  if (summary.length > 280) problems.push(`longer than 280 characters (${summary.length})`);
  if (/<\/?[a-z][^>]*>/i.test(summary)) problems.push('contains an HTML tag');
  if (/&(?:#\d+|#x[\da-f]+|[a-z][a-z\d]{1,31});/i.test(summary)) problems.push('contains an HTML entity');
  if (/appeared first on|continue reading|read more|utm_[a-z]+=|https?:\/\/|\[link\]/i.test(summary)) problems.push('contains boilerplate or tracking junk');
  if (/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/.test(summary)) problems.push('contains control characters');
  if (/\s{2,}|\n/.test(summary) || summary !== summary.trim()) problems.push('has stray whitespace');
  const sentences = splitSentences(summary);
  if (sentences.length > 2) problems.push(`has ${sentences.length} sentences`);
  for (const sentence of sentences) {
    const piece = sentence.replace(/…$/u, '');
    if (piece && !sources.some((source) => occursAtWordEnd(piece, source))) problems.push(`"${piece.slice(-40)}" is not taken from the source up to a word boundary`);
  }
  return problems;
}
