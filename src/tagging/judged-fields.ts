/**
 * The text the tagger judges: title and description (docs/tagging.md L1). When the description is
 * missing or only repeats the title, the content's lead stands in for it, as a reader would see.
 */
import { toPlainText } from '../text/plain-text.js';

// The labelled set was judged on listing snippets of about 400 characters; a full article in a
// description field would add evidence a reader of the listing never sees.
const LEAD_CHARS = 400;
/** Plain text only when the input looks like markup or has entities (the pipeline already cleans). */
function clean(text: string | null | undefined): string {
  if (!text) return '';
  return text.includes('<') || text.includes('&') ? toPlainText(text) : text;
}

/** Normalised for comparing description and title. */
function comparable(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

/** The first LEAD_CHARS characters, ending at a space (the tagger needs no ellipsis or graphemes). */
function lead(text: string): string {
  if (text.length <= LEAD_CHARS) return text;
  const space = text.lastIndexOf(' ', LEAD_CHARS);
  return text.slice(0, space > LEAD_CHARS / 2 ? space : LEAD_CHARS);
}

function repeatsTitle(description: string, title: string): boolean {
  // Cheap length check first: only a description about as short as the title can repeat it.
  if (description.length > title.length + 24) return false;
  // And only one that starts like the title (or that the title starts like).
  const head = Math.min(6, title.length, description.length);
  if (head > 0 && description.slice(0, head).toLowerCase() !== title.slice(0, head).toLowerCase()) return false;
  const t = comparable(title);
  const d = comparable(description);
  return d === '' || (t !== '' && (t.startsWith(d) || (d.startsWith(t) && d.length - t.length <= 3)));
}

/** [title, description-or-lead], cleaned and bounded. */
export function judgedFields(input: { title: string; description?: string | null; content?: string | null }): [string, string] {
  const title = clean(input.title);
  let description = clean(input.description);
  if (!description || repeatsTitle(description, title)) description = clean(input.content);
  return [title, lead(description)];
}
