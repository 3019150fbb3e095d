import type { StoryCursor } from '../store/repos/web-reads.js';
import { html, type SafeHtml } from './html.js';
import { renderPage } from './layout.js';
import { renderStoryCard } from './story-card.js';
import { topicLabel, type WebContext } from './web-context.js';
import { groupSearchHits } from './group-search-hits.js';

/** Stories per page of `/`. */
export const STORIES_PER_PAGE = 20;
/** Search shows the best matches only (the same search as the chat command). */
const SEARCH_LIMIT = 40;
const MAX_QUERY_CHARS = 200;

/** What `/` was asked for; built from the query string by readHomeQuery. */
export interface HomeQuery {
  topic?: string;
  words?: string;
  before?: StoryCursor;
}

/** Reads `/`'s query string, or a reason it is bad (unknown topic, malformed cursor). */
export function readHomeQuery(context: WebContext, params: URLSearchParams): HomeQuery | { error: string } {
  const query: HomeQuery = {};
  const topic = params.get('topic')?.trim();
  if (topic) {
    if (!context.topics.some((known) => known.id === topic)) return { error: `Unknown topic "${topic.slice(0, 60)}".` };
    query.topic = topic;
  }
  const words = params.get('q')?.trim();
  if (words) query.words = words.slice(0, MAX_QUERY_CHARS);
  const before = params.get('before');
  if (before) {
    const match = /^(\d{1,15})-(\d{1,15})$/.exec(before);
    if (!match) return { error: 'That page link is malformed; start again from the latest stories.' };
    query.before = { at: Number(match[1]), id: Number(match[2]) };
  }
  return query;
}

/** `/`: the latest stories (optionally one topic), a search box and paging. */
export async function renderHomePage(context: WebContext, query: HomeQuery): Promise<string> {
  const label = query.topic ? topicLabel(context, query.topic) : undefined;
  const feeds = query.topic
    ? [
        { href: `/feeds/${query.topic}.xml`, type: 'application/rss+xml', title: `${label} (RSS)` },
        { href: `/feeds/${query.topic}.json`, type: 'application/feed+json', title: `${label} (JSON Feed)` },
      ]
    : [{ href: '/feeds/all.xml', type: 'application/rss+xml', title: 'All stories (RSS)' }];
  let heading: string;
  let list: SafeHtml;
  let pager: SafeHtml = html``;
  if (query.words) {
    const hits = await context.store.items.search({ words: query.words, topic: query.topic, limit: SEARCH_LIMIT });
    heading = `Search: ${query.words}${label ? ` in ${label}` : ''}`;
    const groups = await groupSearchHits(context.store, hits);
    list = groups.length
      ? html`<p class="note">${hits.length} matching ${hits.length === 1 ? 'item' : 'items'}, best first.</p><ol class="cards">${groups.map((group) => renderStoryCard(context, group.id, group.items))}</ol>`
      : html`<p class="note">Nothing matches every word. Try fewer or different words.</p>`;
  } else {
    const page = await context.store.web.storyPage({ topic: query.topic, before: query.before, limit: STORIES_PER_PAGE });
    heading = label ? `Stories: ${label}` : 'Latest stories';
    list = page.stories.length
      ? html`<ol class="cards">${page.stories.map((story) => renderStoryCard(context, story.id, story.items))}</ol>`
      : html`<p class="note">${query.before ? 'No older stories.' : 'No stories yet. Items appear here after the first poll of the feeds.'}</p>`;
    const params = (before?: StoryCursor) => {
      const search = new URLSearchParams();
      if (query.topic) search.set('topic', query.topic);
      if (before) search.set('before', `${before.at}-${before.id}`);
      const text = search.toString();
      return text ? `/?${text}` : '/';
    };
    pager = html`<nav class="pager" aria-label="Pages">${query.before ? html`<a href="${params()}">Newest stories</a>` : html`<span></span>`}${
      page.next ? html`<a href="${params(page.next)}" rel="next">Older stories</a>` : ''
    }</nav>`;
  }
  const options = [html`<option value="">All topics</option>`, ...context.topics.map((topic) => html`<option value="${topic.id}"${topic.id === query.topic ? html` selected` : ''}>${topic.label}</option>`)];
  const feedLinks = query.topic
    ? html`<p class="links">Follow this topic in a feed reader: <a href="/feeds/${query.topic}.xml">RSS</a> <a href="/feeds/${query.topic}.json">JSON Feed</a></p>`
    : html`<p class="links">All stories as a feed: <a href="/feeds/all.xml">RSS</a></p>`;
  const body = html`<h1>${heading}</h1>
<form class="filters" method="get" action="/" role="search">
<label>Search<input type="search" name="q" value="${query.words ?? ''}" maxlength="${MAX_QUERY_CHARS}"></label>
<label>Topic<select name="topic">${options}</select></label>
<button type="submit">Show</button>
</form>
${list}
${pager}
${feedLinks}`;
  return renderPage({ title: heading, section: 'stories', body, feeds });
}
