import type { StoredItem } from '../core/types.js';
import { articleHref, escapeHtml } from './html.js';
import { topicLabel, type WebContext } from './web-context.js';

/** Items in each outgoing feed (newest first). */
export const FEED_ITEMS = 50;

/** One outgoing feed: a topic's items or everything, with absolute links built on `base`. */
export interface FeedOut {
  topic: string | null;
  title: string;
  items: StoredItem[];
  /** Absolute origin of this server as the reader reached it, e.g. http://localhost:3000 */
  base: string;
}

/** Loads the newest items of a topic (or of all topics when topic is null). */
export async function loadFeedOut(context: WebContext, topic: string | null, base: string): Promise<FeedOut> {
  const items = await context.store.items.latest({ topic: topic ?? undefined, limit: FEED_ITEMS });
  const title = topic ? `Privacy Radar: ${topicLabel(context, topic)}` : 'Privacy Radar: all stories';
  return { topic, title, items, base };
}

// XML text and attribute escaping (the five predefined entities); control characters that XML
// 1.0 forbids are dropped so a stray byte in a feed never makes ours unparsable.
function xml(text: string): string {
  return escapeHtml(text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, ''));
}

function pageLink(feed: FeedOut): string {
  return feed.topic ? `${feed.base}/?topic=${encodeURIComponent(feed.topic)}` : `${feed.base}/`;
}

/**
 * RSS 2.0. Many readers render <description> and <title> as HTML, so the plain-text title and
 * summary are HTML-escaped and then XML-escaped: feed text never becomes markup in a reader. Links are http(s) only;
 * an item without one links to its story page.
 */
export function renderRss(feed: FeedOut, context: WebContext): string {
  const self = `${feed.base}/feeds/${feed.topic ?? 'all'}.xml`;
  const items = feed.items.map((item) => {
    const link = articleHref(item.url) ?? `${feed.base}/stories/${item.storyId ?? item.id}`;
    const topics = item.topics.map((topic) => `<category>${xml(topicLabel(context, topic))}</category>`).join('');
    const date = (item.publishedAt ?? item.firstSeenAt).toUTCString();
    return `<item><title>${xml(escapeHtml(item.title))}</title><link>${xml(link)}</link><guid isPermaLink="false">privacy-radar-item-${item.id}</guid><pubDate>${date}</pubDate><dc:creator>${xml(escapeHtml(item.source))}</dc:creator><description>${xml(escapeHtml(item.summary))}</description>${topics}</item>`;
  });
  return `<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>${xml(feed.title)}</title><link>${xml(pageLink(feed))}</link><description>${xml(`Privacy news tagged by Privacy Radar${feed.topic ? `: ${topicLabel(context, feed.topic)}` : ''}`)}</description><language>en</language><atom:link href="${xml(self)}" rel="self" type="application/rss+xml"/>${items.length ? `<lastBuildDate>${feed.items[0]!.firstSeenAt.toUTCString()}</lastBuildDate>` : ''}
${items.join('\n')}
</channel></rss>
`;
}

/**
 * JSON Feed 1.1 with plain-text content only (content_text), so no reader renders feed text as
 * markup; <, > and & are written as \u escapes (same strings) so nothing sniffs it as HTML.
 */
export function renderJsonFeed(feed: FeedOut, context: WebContext): string {
  return `${escapeJsonMarkup(JSON.stringify(
    {
      version: 'https://jsonfeed.org/version/1.1',
      title: feed.title,
      home_page_url: pageLink(feed),
      feed_url: `${feed.base}/feeds/${feed.topic ?? 'all'}.json`,
      language: 'en',
      items: feed.items.map((item) => ({
        id: `privacy-radar-item-${item.id}`,
        url: articleHref(item.url) ?? `${feed.base}/stories/${item.storyId ?? item.id}`,
        title: item.title,
        content_text: item.summary || item.title,
        date_published: (item.publishedAt ?? item.firstSeenAt).toISOString(),
        authors: [{ name: item.source }],
        tags: item.topics.map((topic) => topicLabel(context, topic)),
      })),
    },
    null,
    1,
  ))}\n`;
}

function escapeJsonMarkup(json: string): string {
  return json.replace(/[<>&]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
