/**
 * Extractive, deterministic summaries: the first one or two sentences of the description (or of
 * the content's lead when the description is empty or only repeats the title), at most 280
 * characters, never cut inside a word, with markup, entities and publisher boilerplate removed.
 */
import { toPlainText, truncateAtWord } from '../text/plain-text.js';
import { removeBoilerplate } from './boilerplate.js';
import { isCompleteSentence, splitSentences } from './split-sentences.js';

/** What a summary is made from. */
export interface SummaryInput {
  title: string;
  description?: string | null;
  content?: string | null;
}

/** Longest summary; fits a chat preview line and the digest layout. */
export const MAX_SUMMARY_CHARS = 280;
// A second sentence is added only when the first is short, so most summaries are one sentence.
const SECOND_SENTENCE_BELOW = 140;
// Only the lead of a long article matters; bounding it keeps summarising linear and cheap.
const LEAD_CHARS = 2_000;

function comparable(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

/** Clean text of a feed field: plain text, boilerplate removed, bounded. */
export function cleanSummarySource(text: string | null | undefined): string {
  const plain = toPlainText(text);
  return removeBoilerplate(plain.length > LEAD_CHARS * 2 ? plain.slice(0, LEAD_CHARS * 2) : plain);
}

/**
 * True when `text` adds nothing to the title (equal, a prefix of it, or the title plus a few
 * characters). `t` is comparable(title), computed once per item rather than once per sentence.
 */
function repeatsTitle(text: string, t: string): boolean {
  const d = comparable(text);
  if (!d) return true;
  if (!t) return false;
  return d === t || t.startsWith(d) || (d.startsWith(t) && d.length - t.length < 20);
}

// An unpunctuated fragment this long was most likely cut by the publisher's feed generator.
const CUT_FRAGMENT_CHARS = 100;

/**
 * Ends a fragment cleanly. After an ellipsis, or when a long fragment just stops, the last word
 * may have been cut by the source ("inve…"), so it is dropped: never end inside a word.
 */
function finishFragment(text: string): string {
  const cut = /(?:…|\.\.\.)$/u.test(text) || (text.length >= CUT_FRAGMENT_CHARS && /[\p{L}\p{N}]$/u.test(text));
  if (!cut) return text;
  const body = text.replace(/\s*(?:…|\.\.\.)$/u, '');
  const lastSpace = body.lastIndexOf(' ');
  const kept = lastSpace > 0 ? body.slice(0, lastSpace) : body;
  return `${kept.replace(/[\s,;:.\-–—]+$/u, '')}…`;
}

/** Picks one or two leading sentences, skipping any that only repeat the title. */
function leadSentences(source: string, t: string): string {
  const sentences = splitSentences(source).filter((s) => !repeatsTitle(s, t));
  const first = sentences[0];
  if (!first) return '';
  if (!isCompleteSentence(first)) return finishFragment(first);
  const second = sentences[1];
  if (second && isCompleteSentence(second) && first.length < SECOND_SENTENCE_BELOW) {
    const both = `${first} ${second}`;
    if (both.length <= MAX_SUMMARY_CHARS) return both;
  }
  return first;
}

/** The item's summary, or '' when it has no text beyond the title. */
export function summarize(input: SummaryInput): string {
  const t = comparable(toPlainText(input.title));
  const description = cleanSummarySource(input.description);
  const source = description && !repeatsTitle(description, t) ? description : cleanSummarySource(input.content);
  if (!source || repeatsTitle(source, t)) return '';
  const lead = leadSentences(source.slice(0, LEAD_CHARS), t);
  return truncateAtWord(lead, MAX_SUMMARY_CHARS);
}
