import { html } from './html.js';
import { renderPage } from './layout.js';
import { renderWeekChart } from './week-chart.js';
import type { WebContext } from './web-context.js';

/** Weeks shown in each topic's chart. */
export const CHART_WEEKS = 12;
const WEEK_MS = 7 * 24 * 3_600_000;

/** Items per week for each topic over the last CHART_WEEKS weeks (the last week ends now), oldest first. */
export async function countWeeks(context: WebContext): Promise<Map<string, number[]>> {
  const from = new Date(context.clock.now().getTime() + 1 - CHART_WEEKS * WEEK_MS);
  const byTopic = new Map<string, number[]>();
  for (const { topic, week, count } of await context.store.web.weeklyTopicCounts(from, CHART_WEEKS)) {
    const weeks = byTopic.get(topic) ?? new Array<number>(CHART_WEEKS).fill(0);
    if (week >= 0 && week < CHART_WEEKS) weeks[week] = count;
    byTopic.set(topic, weeks);
  }
  return byTopic;
}

/** Counting twelve weeks reads every topic row in them (~150 ms at 100k items): reuse it for a minute. */
const COUNTS_TTL_MS = 60_000;

/**
 * `/topics`: the taxonomy, each topic with its chart and links to its stories and feeds. The
 * returned renderer keeps the weekly counts for a minute.
 */
export function createTopicsPage(context: WebContext): () => Promise<string> {
  let cached: { at: number; weeks: Promise<Map<string, number[]>> } | null = null;
  return () => {
    const now = context.clock.now().getTime();
    if (!cached || now - cached.at >= COUNTS_TTL_MS || now < cached.at) {
      const weeks = countWeeks(context);
      // A failed count is not kept: the next request tries again.
      weeks.catch(() => (cached = null));
      cached = { at: now, weeks };
    }
    return cached.weeks.then((weeks) => renderTopics(context, weeks));
  };
}

function renderTopics(context: WebContext, weeks: Map<string, number[]>): string {
  const cards = context.topics.map((topic) => {
    const counts = weeks.get(topic.id) ?? new Array<number>(CHART_WEEKS).fill(0);
    const total = counts.reduce((sum, count) => sum + count, 0);
    return html`<li><article aria-labelledby="topic-${topic.id}">
<h2 id="topic-${topic.id}"><a href="/?topic=${encodeURIComponent(topic.id)}">${topic.label}</a></h2>
<p class="meta">${topic.id} · ${total} ${total === 1 ? 'item' : 'items'} in ${CHART_WEEKS} weeks</p>
${renderWeekChart(counts, topic.label)}
${topic.definition ? html`<p class="definition">${topic.definition}</p>` : ''}
<p class="links"><a href="/feeds/${topic.id}.xml">RSS<span class="visually-hidden"> feed for ${topic.label}</span></a><a href="/feeds/${topic.id}.json">JSON Feed<span class="visually-hidden"> for ${topic.label}</span></a></p>
</article></li>`;
  });
  const body = html`<h1>Topics</h1>
<p class="note">Every topic the radar tags, with items per week over the last ${CHART_WEEKS} weeks. Open a topic for its stories, or follow its feed.</p>
<ul class="topics">${cards}</ul>`;
  return renderPage({ title: 'Topics', section: 'topics', body });
}
