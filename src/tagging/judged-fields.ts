/**
 * The text the tagger judges: title and description (taxonomy.md B1). When the description is
 * missing or only repeats the title, the content's lead stands in for it, as a reader would see.
 */
import { toPlainText, truncateAtWord } from '../text/plain-text.js';

// The labelled set was judged on listing snippets of about 400 characters; a full article in a
// description field would add evidence a reader of the listing never sees.
const LEAD_CHARS = 400;

/** Plain text only when the input looks like markup or has entities (the pipeline already cleans). */
function clean(text: string | null | undefined): string {
  if (!text) return '';
  return /[<&]/.test(text) ? toPlainText(text) : text.replace(/\s+/g, ' ').trim();
}

/** Normalised for comparing description and title. */
function comparable(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

/** [title, description-or-lead], cleaned and bounded. */
export function judgedFields(input: { title: string; description?: string | null; content?: string | null }): [string, string] {
  const title = clean(input.title);
  let description = clean(input.description);
  const titleKey = comparable(title);
  if (!description || (titleKey && comparable(description).startsWith(titleKey) && comparable(description).length <= titleKey.length + 3)) {
    description = clean(input.content);
  }
  return [title, truncateAtWord(description, LEAD_CHARS)];
}
