import { html, type SafeHtml } from './html.js';

/** The sections in the header navigation. */
export type Section = 'stories' | 'topics' | 'sources' | 'none';

export interface PageOptions {
  title: string;
  section: Section;
  body: SafeHtml;
  /** Alternate feeds announced in <head> (the topic's RSS and JSON Feed). */
  feeds?: { href: string; type: string; title: string }[];
}

const NAV: { section: Section; href: string; label: string }[] = [
  { section: 'stories', href: '/', label: 'Stories' },
  { section: 'topics', href: '/topics', label: 'Topics' },
  { section: 'sources', href: '/sources', label: 'Sources' },
];

/** The page shell: one stylesheet, no script, a skip link, landmarks and the navigation. */
export function renderPage(options: PageOptions): string {
  const nav = NAV.map(
    (entry) => html`<li><a href="${entry.href}"${entry.section === options.section ? html` aria-current="page"` : ''}>${entry.label}</a></li>`,
  );
  const alternates = (options.feeds ?? []).map((feed) => html`<link rel="alternate" type="${feed.type}" title="${feed.title}" href="${feed.href}">`);
  return `<!doctype html>\n${html`<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${options.title} · Privacy Radar</title>
<link rel="stylesheet" href="/assets/radar.css">
<link rel="icon" href="/assets/icon.svg" type="image/svg+xml">
${alternates}
</head>
<body>
<a class="skip" href="#main">Skip to content</a>
<header class="top">
<a class="brand" href="/">Privacy Radar</a>
<nav aria-label="Sections"><ul>${nav}</ul></nav>
</header>
<main id="main" tabindex="-1">
${options.body}
</main>
<footer class="foot"><p>Public news and source health only. Items link to the original articles.</p></footer>
</body>
</html>
`}`;
}

/** A date as "1 Dec 2026" in the deployment's time zone, inside <time>. */
export function renderDate(date: Date | null, timeZone: string): SafeHtml {
  if (!date) return html`<span>no date</span>`;
  return html`<time datetime="${date.toISOString()}">${formatDay(date, timeZone)}</time>`;
}

/** "1 Dec 2026, 14:05" in the deployment's time zone, inside <time>. */
export function renderDateTime(date: Date | null, timeZone: string): SafeHtml {
  if (!date) return html`<span>never</span>`;
  const time = formatter('time', timeZone).format(date);
  return html`<time datetime="${date.toISOString()}">${formatDay(date, timeZone)}, ${time}</time>`;
}

// Building an Intl.DateTimeFormat costs far more than formatting with one: keep one per zone.
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(kind: 'day' | 'time', timeZone: string): Intl.DateTimeFormat {
  const key = `${kind} ${timeZone}`;
  let found = formatters.get(key);
  if (!found) {
    const options: Intl.DateTimeFormatOptions =
      kind === 'day' ? { day: 'numeric', month: 'short', year: 'numeric', timeZone } : { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone };
    found = new Intl.DateTimeFormat('en-GB', options);
    formatters.set(key, found);
  }
  return found;
}

function formatDay(date: Date, timeZone: string): string {
  return formatter('day', timeZone).format(date);
}
