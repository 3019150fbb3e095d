import type { StoredItem } from '../core/types.js';
import { articleHref, html, type SafeHtml } from './html.js';
import { renderDate } from './layout.js';
import { topicLabel, type WebContext } from './web-context.js';

/** Topic chips linking to the topic's stories. */
export function renderTopicChips(context: WebContext, topics: readonly string[]): SafeHtml {
  if (topics.length === 0) return html``;
  const chips = topics.map((topic) => html`<li><a href="/?topic=${encodeURIComponent(topic)}">${topicLabel(context, topic)}</a></li>`);
  return html`<ul class="chips" aria-label="Topics">${chips}</ul>`;
}

/**
 * One story in a list: the lead's headline (opening the story page), its sources and date, the
 * summary and the topics of all its items.
 */
export function renderStoryCard(context: WebContext, id: number, items: readonly StoredItem[]): SafeHtml {
  const lead = items[0]!;
  const sources = [...new Set(items.map((item) => item.source))];
  const more = sources.length > 1 ? html` · +${sources.length - 1} ${sources.length === 2 ? 'source' : 'sources'}` : '';
  const topics = [...new Set(items.flatMap((item) => item.topics))];
  const href = articleHref(lead.url);
  return html`<li><article>
<h2><a href="/stories/${id}">${lead.title}</a></h2>
<p class="meta">${sources[0]}${more} · ${renderDate(lead.publishedAt ?? lead.firstSeenAt, context.timeZone)}${
    href ? html` · <a href="${href}" rel="noopener noreferrer">original<span class="visually-hidden"> article: ${lead.title}</span></a>` : ''
  }</p>
${lead.summary ? html`<p class="summary">${lead.summary}</p>` : ''}
${renderTopicChips(context, topics)}
</article></li>`;
}
