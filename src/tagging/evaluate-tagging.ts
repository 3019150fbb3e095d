/**
 * Scores predicted labels against gold labels: per-label precision/recall/F1, micro and macro.
 * Used for both axes: topics and jurisdictions.
 */

/** One labelled item with the tagger's prediction. */
export interface ScoredItem {
  gold: readonly string[];
  predicted: readonly string[];
}

/** Counts and scores for one topic. */
export interface TopicScore {
  topic: string;
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
  f1: number;
}

/** The whole evaluation. */
export interface TaggingScores {
  perTopic: TopicScore[];
  microF1: number;
  macroF1: number;
  items: number;
}

function f1Of(tp: number, fp: number, fn: number): { precision: number; recall: number; f1: number } {
  const precision = tp + fp === 0 ? 0 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 0 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1 };
}

/**
 * Scores `items` over `topics`. Macro-F1 averages the topics that occur in the gold labels or
 * the predictions (a topic absent from both has no defined F1).
 */
export function evaluateTagging(items: readonly ScoredItem[], topics: readonly string[]): TaggingScores {
  const counts = new Map(topics.map((t) => [t, { tp: 0, fp: 0, fn: 0 }]));
  const countFor = (t: string) => {
    let c = counts.get(t);
    if (!c) counts.set(t, (c = { tp: 0, fp: 0, fn: 0 }));
    return c;
  };
  for (const item of items) {
    const gold = new Set(item.gold);
    const predicted = new Set(item.predicted);
    for (const t of predicted) countFor(t)[gold.has(t) ? 'tp' : 'fp']++;
    for (const t of gold) if (!predicted.has(t)) countFor(t).fn++;
  }
  const perTopic = [...counts].map(([topic, c]) => ({ topic, ...c, ...f1Of(c.tp, c.fp, c.fn) }));
  const total = perTopic.reduce((a, s) => ({ tp: a.tp + s.tp, fp: a.fp + s.fp, fn: a.fn + s.fn }), { tp: 0, fp: 0, fn: 0 });
  const active = perTopic.filter((s) => s.tp + s.fp + s.fn > 0);
  const macroF1 = active.length === 0 ? 0 : active.reduce((sum, s) => sum + s.f1, 0) / active.length;
  return { perTopic, microF1: f1Of(total.tp, total.fp, total.fn).f1, macroF1, items: items.length };
}

/**
 * A fixed-width table of the scores, as `eval:tagging` prints it. `axis` names the first column
 * and prefixes the summary lines ("jurisdictions micro-F1: ...") for any axis but topics.
 */
export function formatTaggingScores(scores: TaggingScores, axis: 'topic' | 'jurisdiction' = 'topic'): string {
  const pct = (n: number) => n.toFixed(3);
  const prefix = axis === 'topic' ? '' : `${axis}s `;
  const lines = [`${axis.padEnd(14)} ${'P'.padStart(6)} ${'R'.padStart(6)} ${'F1'.padStart(6)}   tp  fp  fn`];
  for (const s of scores.perTopic) {
    lines.push(
      `${s.topic.padEnd(14)} ${pct(s.precision).padStart(6)} ${pct(s.recall).padStart(6)} ${pct(s.f1).padStart(6)} ${String(s.tp).padStart(4)}${String(s.fp).padStart(4)}${String(s.fn).padStart(4)}`,
    );
  }
  lines.push('', `${prefix}items: ${scores.items}`, `${prefix}micro-F1: ${pct(scores.microF1)}`, `${prefix}macro-F1: ${pct(scores.macroF1)}`);
  return lines.join('\n');
}
