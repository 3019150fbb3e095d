/**
 * Publisher boilerplate that must never reach a summary (docs/ingestion.md R22): WordPress's "The post X
 * appeared first on Y", "Continue reading"/"Read more" links, bylines, image credits, share and
 * subscribe prompts, raw URLs with tracking parameters. Kept as a list of patterns (data).
 */

const ANYWHERE: RegExp[] = [
  /The post .{1,300}? appeared first on .{1,200}?(?:\.(?=\s|$)|$)/giu,
  /(?:This (?:article|story|post) )?(?:was )?originally (?:appeared|published) (?:on|in|at) .{1,120}?(?:\.(?=\s|$)|$)/giu,
  /\((?:photo|image|picture|credit|source|illustration)s?\b[^()]{0,160}\)/giu,
  /\b(?:photo|image|picture|illustration)s?(?: credit)?(?: by|:) .{0,100}?(?:getty images|shutterstock|unsplash|alamy|reuters|afp|ap photo|istock(?:photo)?|pexels)\b\.?/giu,
  /\b(?:getty images|shutterstock|unsplash|istockphoto|alamy)(?: via .{1,40}?)?\.?(?=\s|$)/giu,
  /\bhttps?:\/\/\S+/giu,
  // Reddit and aggregator footers: "submitted by /u/x to /r/y [link] [12 comments]".
  /\bsubmitted by \/?u\/\S+(?: to \/?r\/\S+)?/giu,
  /\[(?:link|\d+ comments?|comments)\]/giu,
  /\bwww\.\S+\?\S*utm_\S+/giu,
  /\b(?:share (?:this|on)|follow us on|subscribe to (?:our|the) newsletter|sign up for (?:our|the) newsletter)\b[^.]{0,80}(?:\.|$)/giu,
];

const TRAILING: RegExp[] = [
  /\s*(?:Continue reading|Read more|Read More|Read the full (?:story|article|post)|Keep reading|Click here to read more|Read on|Weiterlesen|Lire la suite|Leia mais)\b[^.]{0,120}?(?:→|»|›|\.\.\.|…)?\s*$/u,
  /\s*\[(?:…|\.\.\.)\]\s*$/u,
  /\s*\((?:…|\.\.\.)\)\s*$/u,
  /\s*(?:→|»|›)\s*$/u,
  /\s*(?:Related|Tags|Filed under|Comments)\s*:.{0,200}$/u,
];

const LEADING: RegExp[] = [
  // Bylines: "By Jane Doe |", "By Jane Doe and John Roe, Reuters —", "Written by J. Doe:".
  /^(?:[Ww]ritten |[Pp]osted |[Rr]eported )?(?:By|BY|by)\s+(?:[\p{Lu}][\p{L}.'’-]*\s?){1,4}(?:(?:and|&)\s+(?:[\p{Lu}][\p{L}.'’-]*\s?){1,4})?(?:,\s*[\p{Lu}][\p{L}&.'’ -]{1,40})?\s*(?:[|–—:-]|\s{2,}|\d{1,2}\s+\p{L}+\s+\d{4})\s*/u,
  /^(?:[\p{Lu}][\p{L}.'’-]*\s){1,3}\|\s*/u,
];

/** Text without publisher boilerplate, whitespace collapsed. */
export function removeBoilerplate(text: string): string {
  let out = text;
  for (const pattern of ANYWHERE) out = out.replace(pattern, ' ');
  out = out.replace(/\s+/g, ' ').trim();
  for (let pass = 0; pass < 2; pass++) {
    for (const pattern of TRAILING) out = out.replace(pattern, '');
    for (const pattern of LEADING) out = out.replace(pattern, '');
  }
  return out.replace(/\s+([,.;:!?])/g, '$1').replace(/\s+/g, ' ').trim();
}
