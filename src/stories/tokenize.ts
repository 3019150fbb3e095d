import { GENERIC_WORDS, STOP_WORDS } from './stop-words.js';

/**
 * Turns a headline or summary into comparable terms: accents folded, lower case, stop words
 * dropped, words reduced to a crude stem ("fined", "fines" -> "fin"), and money/quantity figures
 * kept as one token ("€1.2 billion" -> "1.2bn") so that two different fines never look alike.
 */

const UNIT: Record<string, string> = {
  bn: 'bn',
  b: 'bn',
  billion: 'bn',
  m: 'm',
  mn: 'm',
  million: 'm',
  k: 'k',
  thousand: 'k',
};
const CURRENCY: Record<string, string> = {
  $: 'usd',
  dollar: 'usd',
  dollars: 'usd',
  usd: 'usd',
  '€': 'eur',
  euro: 'eur',
  euros: 'eur',
  eur: 'eur',
  '£': 'gbp',
  pound: 'gbp',
  pounds: 'gbp',
  gbp: 'gbp',
  kronor: 'sek',
  sek: 'sek',
};
const AMOUNT =
  /([$€£])?\s?(?<![\p{L}\p{N}.])(\d+(?:\.\d+)?)\s?(bn|billion|mn|million|thousand|[bmk])?\b(?:\s?(euros?|eur|dollars?|usd|pounds?|gbp|kronor|sek)\b)?/giu;
// Country abbreviations must be read before lower-casing, or "US" turns into the pronoun "us".
const ABBREVIATIONS: Array<[RegExp, string]> = [
  [/\bU\.S\.(?:A\.)?|\bUSA?\b/g, ' usa '],
  [/\bU\.K\.|\bUK\b/g, ' uk '],
  [/\bE\.U\.|\bEU\b/g, ' eu '],
];

/** Reduces an English word to a crude stem; deterministic and good enough for headline overlap. */
export function stemWord(word: string): string {
  if (word.length <= 2 || /^\d/.test(word)) return word;
  let stem = word;
  if (stem.endsWith('ies') && stem.length > 4) stem = `${stem.slice(0, -3)}y`;
  else if (stem.endsWith('sses')) stem = stem.slice(0, -2);
  else if (stem.endsWith('s') && !/(ss|us|is)$/.test(stem)) stem = stem.slice(0, -1);
  if (stem.endsWith('ing') && stem.length >= 5) stem = stem.slice(0, -3);
  else if (stem.endsWith('ed') && stem.length >= 4) stem = stem.slice(0, -2);
  if (/([b-df-hj-np-tv-z])\1$/.test(stem) && !/(ll|ss|zz)$/.test(stem)) stem = stem.slice(0, -1);
  if (stem.endsWith('e') && stem.length >= 3) stem = stem.slice(0, -1);
  return stem;
}

const GENERIC_STEMS: ReadonlySet<string> = new Set(GENERIC_WORDS.map(stemWord));

/** True for frequent privacy-news terms that prove little on their own. */
export function isGenericTerm(term: string): boolean {
  return GENERIC_STEMS.has(term);
}

/** A money or quantity figure; currency is null when the text names none. */
export interface Amount {
  value: string;
  currency: string | null;
}

/** Terms of a text plus the figures it mentions (figure values are also among the terms). */
export interface TextTerms {
  terms: string[];
  amounts: Amount[];
}

/** Extracts stemmed, stop-word-free terms and figure tokens from plain text. */
export function extractTerms(text: string): TextTerms {
  let rest = text.normalize('NFKD').replace(/\p{M}/gu, '');
  for (const [pattern, replacement] of ABBREVIATIONS) rest = rest.replace(pattern, replacement);
  rest = rest.replace(/(?<=\d),(?=\d{3}\b)/g, '').replace(/['’]s\b/gu, '');
  const amounts: Amount[] = [];
  const readAmount = (_match: string, symbol?: string, value = '', unit?: string, word?: string): string => {
    const token = `${value}${unit ? (UNIT[unit.toLowerCase()] ?? '') : ''}`;
    const currency = CURRENCY[(symbol ?? word ?? '').toLowerCase()] ?? null;
    // Bare years and small counts ("2 GDPR warnings") are terms, not figures that tell events apart.
    if (unit || currency || Number(value) >= 10_000) amounts.push({ value: token, currency });
    return ` ${token} `;
  };
  rest = rest.replace(AMOUNT, readAmount);
  const terms: string[] = [];
  for (const raw of rest.toLowerCase().split(/[^\p{L}\p{N}.]+/u)) {
    const word = raw.replace(/^\.+|\.+$/g, '');
    if (word.length < 2 || STOP_WORDS.has(word)) continue;
    terms.push(stemWord(word));
  }
  return { terms, amounts };
}
