/**
 * Removes feed-generator boilerplate from plain text (FEEDS.md P10): WordPress's
 * "The post X appeared first on Y.", "Continue reading", "Read more" and trailing "[…]".
 */

const PATTERNS: RegExp[] = [
  /\s*The post .{1,300}? appeared first on .{1,200}?\.?\s*$/iu,
  /\s*(Continue reading|Read more|Read the full (story|article)|Weiterlesen|Lire la suite|Leia mais)\b[^.]{0,120}?(→|»|\.\.\.|…)?\s*$/iu,
  /\s*\[(…|\.\.\.|&hellip;)\]\s*$/u,
];

/** Plain text without trailing boilerplate, trimmed. */
export function stripBoilerplate(text: string): string {
  let out = text;
  for (let pass = 0; pass < 2; pass++) {
    for (const pattern of PATTERNS) out = out.replace(pattern, '');
  }
  return out.trim();
}
