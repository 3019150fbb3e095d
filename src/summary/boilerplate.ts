/**
 * Publisher boilerplate that must never reach a summary (docs/ingestion.md R22): WordPress's "The post X
 * appeared first on Y", "Continue reading"/"Read more" links, bylines, image credits, share and
 * subscribe prompts, raw URLs with tracking parameters. Kept as a list of patterns (data).
 */
import { collapseWhitespace } from '../text/plain-text.js';

/**
 * A boilerplate pattern and, for those that are slow to scan for (a leading \b under /iu is tried at every
 * position), a cheap test every match must pass, with the same case folding: the replace runs
 * only when the test finds its words. Most text has none of them.
 */
export interface Rule {
  pattern: RegExp;
  hint?: RegExp;
}

const ANYWHERE: Rule[] = [
  { pattern: /The post .{1,300}? appeared first on .{1,200}?(?:\.(?=\s|$)|$)/giu },
  { pattern: /(?:This (?:article|story|post) )?(?:was )?originally (?:appeared|published) (?:on|in|at) .{1,120}?(?:\.(?=\s|$)|$)/giu },
  { pattern: /\((?:photo|image|picture|credit|source|illustration)s?\b[^()]{0,160}\)/giu },
  {
    pattern: /\b(?:photo|image|picture|illustration)s?(?: credit)?(?: by|:) .{0,100}?(?:getty images|shutterstock|unsplash|alamy|reuters|afp|ap photo|istock(?:photo)?|pexels)\b\.?/giu,
    hint: /photo|image|picture|illustration/iu,
  },
  { pattern: /\b(?:getty images|shutterstock|unsplash|istockphoto|alamy)(?: via .{1,40}?)?\.?(?=\s|$)/giu, hint: /getty images|shutterstock|unsplash|istockphoto|alamy/iu },
  { pattern: /\bhttps?:\/\/\S+/giu, hint: /https?:\/\//iu },
  // Reddit and aggregator footers: "submitted by /u/x to /r/y [link] [12 comments]".
  { pattern: /\bsubmitted by \/?u\/\S+(?: to \/?r\/\S+)?/giu, hint: /submitted by/iu },
  { pattern: /\[(?:link|\d+ comments?|comments)\]/giu },
  { pattern: /\bwww\.\S+\?\S*utm_\S+/giu, hint: /www\./iu },
  {
    pattern: /\b(?:share (?:this|on)|follow us on|subscribe to (?:our|the) newsletter|sign up for (?:our|the) newsletter)\b[^.]{0,80}(?:\.|$)/giu,
    hint: /share (?:this|on)|follow us on|subscribe to|sign up for/iu,
  },
];

const TRAILING: Rule[] = [
  {
    pattern: /\s*(?:Continue reading|Read more|Read More|Read the full (?:story|article|post)|Keep reading|Click here to read more|Read on|Weiterlesen|Lire la suite|Leia mais)\b[^.]{0,120}?(?:→|»|›|\.\.\.|…)?\s*$/u,
    hint: /Continue reading|Read more|Read More|Read the full|Keep reading|Click here to read more|Read on|Weiterlesen|Lire la suite|Leia mais/u,
  },
  { pattern: /\s*\[(?:…|\.\.\.)\]\s*$/u },
  { pattern: /\s*\((?:…|\.\.\.)\)\s*$/u },
  { pattern: /\s*(?:→|»|›)\s*$/u },
  { pattern: /\s*(?:Related|Tags|Filed under|Comments)\s*:.{0,200}$/u, hint: /Related|Tags|Filed under|Comments/u },
];

/** The pattern lists, for the test that every hint admits whatever its pattern matches. */
export const BOILERPLATE_RULES: { anywhere: readonly Rule[]; trailing: readonly Rule[] } = { anywhere: ANYWHERE, trailing: TRAILING };

const apply = (text: string, rule: Rule, replacement: string): string =>
  rule.hint && !rule.hint.test(text) ? text : text.replace(rule.pattern, replacement);

const LEADING: RegExp[] = [
  // Bylines: "By Jane Doe |", "By Jane Doe and John Roe, Reuters —", "Written by J. Doe:".
  /^(?:[Ww]ritten |[Pp]osted |[Rr]eported )?(?:By|BY|by)\s+(?:[\p{Lu}][\p{L}.'’-]*\s?){1,4}(?:(?:and|&)\s+(?:[\p{Lu}][\p{L}.'’-]*\s?){1,4})?(?:,\s*[\p{Lu}][\p{L}&.'’ -]{1,40})?\s*(?:[|–—:-]|\s{2,}|\d{1,2}\s+\p{L}+\s+\d{4})\s*/u,
  /^(?:[\p{Lu}][\p{L}.'’-]*\s){1,3}\|\s*/u,
];

/** Text without publisher boilerplate, whitespace collapsed. */
export function removeBoilerplate(text: string): string {
  let out = text;
  for (const rule of ANYWHERE) out = apply(out, rule, ' ');
  out = collapseWhitespace(out);
  for (let pass = 0; pass < 2; pass++) {
    for (const rule of TRAILING) out = apply(out, rule, '');
    for (const pattern of LEADING) out = out.replace(pattern, '');
  }
  return collapseWhitespace(out.replace(/\s+([,.;:!?])/g, '$1'));
}
