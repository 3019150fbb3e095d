import type { StoredItem } from '../core/types.js';
import { describeStoryLinks, explainStory } from '../stories/explain-story.js';
import { articleHref, html } from './html.js';
import { renderDate, renderPage } from './layout.js';
import { topicLabel, type WebContext } from './web-context.js';

/** The items of story `id` (a story id, or the id of an item not in a story), oldest first. */
export async function loadStory(context: WebContext, id: number): Promise<StoredItem[]> {
  const members = await context.store.items.byStory(id);
  if (members.length) return members;
  const item = await context.store.items.getById(id);
  if (!item) return [];
  return item.storyId === null ? [item] : context.store.items.byStory(item.storyId);
}

/** `/stories/<id>`: every item with source and date, and for each topic the phrases that decided it. */
export async function renderStoryPage(context: WebContext, items: StoredItem[]): Promise<string> {
  const lead = items[0]!;
  const explanation = await explainStory(context.store, lead);
  const reasons = explanation ? describeStoryLinks(explanation) : [];
  const entries = items.map((item) => {
    const href = articleHref(item.url);
    const why = Object.entries(item.why).map(
      ([topic, phrases]) => html`<dt><a href="/?topic=${encodeURIComponent(topic)}">${topicLabel(context, topic)}</a></dt><dd>${phrases.length ? phrases.map((phrase, index) => html`${index ? ', ' : ''}“${phrase}”`) : 'no phrase recorded'}</dd>`,
    );
    return html`<li><article>
<h2>${href ? html`<a href="${href}" rel="noopener noreferrer">${item.title}</a>` : item.title}</h2>
<p class="meta">${item.source} · published ${renderDate(item.publishedAt, context.timeZone)} · seen ${renderDate(item.firstSeenAt, context.timeZone)}</p>
${item.summary ? html`<p class="summary">${item.summary}</p>` : ''}
${why.length ? html`<h3 class="visually-hidden">Why these topics</h3><dl class="why" aria-label="Why these topics">${why}</dl>` : html`<p class="note">No topic matched.</p>`}
</article></li>`;
  });
  const sources = new Set(items.map((item) => item.source)).size;
  const body = html`<p class="note"><a href="/">← Latest stories</a></p>
<h1>${lead.title}</h1>
<p class="note">${items.length} ${items.length === 1 ? 'item' : 'items'} from ${sources} ${sources === 1 ? 'source' : 'sources'}. Under each item: the phrases that decided each topic.</p>
<ol class="cards">${entries}</ol>
${reasons.length ? html`<h2>Why these items are one story</h2><ul>${reasons.map((reason) => html`<li>${reason}</li>`)}</ul>` : ''}`;
  return renderPage({ title: lead.title, section: 'none', body });
}
