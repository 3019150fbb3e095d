/**
 * Sentence splitting for English news leads: ends at . ! ? or … followed by a capital, digit or
 * quote, except after abbreviations and initials ("U.S.", "Mr.", "e.g.", "Inc.").
 */

const ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'sr', 'jr', 'st', 'mt', 'inc', 'ltd', 'co', 'corp', 'llc', 'plc', 'no', 'nos', 'vs',
  'v', 'etc', 'al', 'approx', 'fig', 'art', 'arts', 'sec', 'secs', 'para', 'gov', 'sen', 'rep', 'reps', 'gen', 'col',
  'lt', 'sgt', 'capt', 'hon', 'rev', 'dept', 'est', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept',
  'oct', 'nov', 'dec', 'ca', 'cf', 'ch', 'op', 'pp', 'vol', 'ed', 'eds', 'u.s', 'u.k', 'e.u', 'e.g', 'i.e', 'a.m', 'p.m',
]);

const BOUNDARY = /([.!?…]+)(["'”’)\]]*)\s+(?=["'“‘(\[]?[\p{Lu}\p{N}])/gu;

function isAbbreviation(before: string): boolean {
  const word = /([\p{L}.]+)$/u.exec(before)?.[1]?.toLowerCase() ?? '';
  if (!word) return false;
  if (ABBREVIATIONS.has(word)) return true;
  // Initials and dotted acronyms: "J.", "U.S", "E.U".
  return /^\p{L}$/u.test(word) || /^(\p{L}\.)+\p{L}$/u.test(word);
}

/** Splits text into sentences (trimmed, non-empty). */
export function splitSentences(text: string): string[] {
  const sentences: string[] = [];
  let from = 0;
  BOUNDARY.lastIndex = 0;
  for (let m = BOUNDARY.exec(text); m !== null; m = BOUNDARY.exec(text)) {
    if (m[1] === '.' && isAbbreviation(text.slice(from, m.index))) continue;
    const end = m.index + m[1]!.length + m[2]!.length;
    sentences.push(text.slice(from, end).trim());
    from = m.index + m[0].length;
  }
  const rest = text.slice(from).trim();
  if (rest) sentences.push(rest);
  return sentences.filter((s) => s.length > 0);
}

/** True when a sentence ends with terminal punctuation; a trailing "..." or "…" marks a cut. */
export function isCompleteSentence(sentence: string): boolean {
  return /(?<!\.\.)[.!?]["'”’)\]]*$/u.test(sentence);
}
