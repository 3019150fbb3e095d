import { toHttpUrl } from '../text/http-url.js';

/** Markup that is already safe to send: only html`` and trustedHtml produce it. */
export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for HTML element content and quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ESCAPES[char]!);
}

/** Marks a constant string written in this codebase (never feed text) as markup. */
export function trustedHtml(markup: string): SafeHtml {
  return new SafeHtml(markup);
}

function render(value: unknown): string {
  if (value instanceof SafeHtml) return value.value;
  if (Array.isArray(value)) return value.map(render).join('');
  if (value === null || value === undefined || value === false) return '';
  return escapeHtml(String(value));
}

/**
 * Escape-by-default template: every interpolated value is escaped unless it is SafeHtml;
 * arrays are joined; null, undefined and false render nothing. Feed text can therefore never
 * become markup by accident.
 */
export function html(strings: TemplateStringsArray, ...values: unknown[]): SafeHtml {
  let out = strings[0]!;
  for (let index = 0; index < values.length; index++) out += render(values[index]) + strings[index + 1]!;
  return new SafeHtml(out);
}

/** The link for an article: an http(s) URL (escaped when interpolated) or null for anything else. */
export function articleHref(url: string | null | undefined): string | null {
  return toHttpUrl(url)?.href ?? null;
}
