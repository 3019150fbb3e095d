import type { FeedHealth, FeedRecord } from '../core/types.js';
import { html } from './html.js';
import { renderDateTime, renderPage } from './layout.js';
import type { WebContext } from './web-context.js';

const DAY_MS = 24 * 3_600_000;
const ORDER: Record<FeedHealth, number> = { failing: 0, new: 1, ok: 2, disabled: 3 };
const STATE_TEXT: Record<FeedHealth, string> = { failing: 'Failing', new: 'Not yet polled', ok: 'Healthy', disabled: 'Disabled' };

/**
 * A feed URL may carry a private key in its path or query (alert feeds, paid newsletters): the
 * page shows only the host, and error messages lose any query string.
 */
export function describeFeedHost(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return 'invalid address';
  }
}

/** An error message with every URL cut to scheme and host (paths can hold keys too). */
export function redactUrls(message: string): string {
  return message.replace(/(https?:\/\/[^\s/?#]+)[/?#]\S*/gi, '$1/…');
}

/** `/sources`: every feed with health, last success, last error, items in 30 days and next check; failing first. */
export async function renderSourcesPage(context: WebContext): Promise<string> {
  const now = context.clock.now();
  const [feeds, counts] = await Promise.all([context.store.feeds.list(), context.store.web.feedItemCounts(new Date(now.getTime() - 30 * DAY_MS))]);
  const sorted = [...feeds].sort((a, b) => ORDER[healthOf(a)] - ORDER[healthOf(b)] || (a.name ?? a.id).localeCompare(b.name ?? b.id));
  const failing = sorted.filter((feed) => healthOf(feed) === 'failing').length;
  const rows = sorted.map((feed) => {
    const health = healthOf(feed);
    const error = feed.state.lastError;
    return html`<tr>
<th scope="row">${feed.name ?? feed.id}<br><span class="meta">${describeFeedHost(feed.url)}</span></th>
<td data-label="Health"><span class="state state-${health}">${STATE_TEXT[health]}</span>${feed.state.consecutiveFailures > 1 ? html`<br><span class="meta">${feed.state.consecutiveFailures} failures in a row</span>` : ''}</td>
<td data-label="Last success">${renderDateTime(feed.state.lastSuccessAt, context.timeZone)}</td>
<td class="err" data-label="Last error">${error ? html`<strong>${error.kind}</strong>: ${redactUrls(error.message)}<br><span class="meta">${renderDateTime(feed.state.lastErrorAt, context.timeZone)}</span>` : html`<span class="meta">none</span>`}</td>
<td class="num" data-label="Items, 30 days">${counts[feed.id] ?? 0}</td>
<td data-label="Next check">${feed.enabled === false ? html`<span class="meta">not checked</span>` : renderDateTime(feed.state.nextCheckAt, context.timeZone)}</td>
</tr>`;
  });
  const summary = feeds.length === 0 ? 'No feeds configured.' : failing ? `${failing} of ${feeds.length} sources failing; failing sources come first.` : `All ${feeds.length} sources healthy or waiting for their first poll.`;
  const body = html`<h1>Sources</h1>
<p class="note">${summary}</p>
<div class="table-wrap" role="region" aria-label="Sources table" tabindex="0"><table class="sources">
<thead><tr><th scope="col">Source</th><th scope="col">Health</th><th scope="col">Last success</th><th scope="col">Last error</th><th scope="col">Items, 30 days</th><th scope="col">Next check</th></tr></thead>
<tbody>${rows}</tbody>
</table></div>`;
  return renderPage({ title: 'Sources', section: 'sources', body });
}

function healthOf(feed: FeedRecord): FeedHealth {
  return feed.enabled === false ? 'disabled' : feed.state.health;
}
