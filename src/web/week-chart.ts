import { html, type SafeHtml } from './html.js';

const BAR = 16;
const GAP = 4;
const HEIGHT = 48;
const TOP = 12;

/**
 * Items per week as a small server-rendered SVG bar chart. Each bar carries its number above it
 * and the chart has a text alternative listing every week, so it reads without colour or sight.
 */
export function renderWeekChart(counts: readonly number[], label: string): SafeHtml {
  const max = Math.max(1, ...counts);
  const width = counts.length * (BAR + GAP);
  const bars = counts.map((count, index) => {
    const height = count === 0 ? 0 : Math.max(2, Math.round((count / max) * HEIGHT));
    const x = index * (BAR + GAP);
    return html`<rect class="bar" x="${x}" y="${TOP + HEIGHT - height}" width="${BAR}" height="${height}"></rect>${count ? html`<text x="${x + BAR / 2}" y="${TOP + HEIGHT - height - 2}" text-anchor="middle">${count}</text>` : ''}`;
  });
  const description = `${label}, items per week over the last ${counts.length} weeks, oldest first: ${counts.join(', ')}.`;
  return html`<svg class="chart" viewBox="0 0 ${width} ${TOP + HEIGHT + 14}" role="img" aria-label="${description}" focusable="false">
<title>${description}</title>
${bars}
<line class="axis" x1="0" y1="${TOP + HEIGHT + 0.5}" x2="${width}" y2="${TOP + HEIGHT + 0.5}"></line>
<text x="0" y="${TOP + HEIGHT + 12}">${counts.length} weeks ago</text>
<text x="${width}" y="${TOP + HEIGHT + 12}" text-anchor="end">this week</text>
</svg>`;
}
