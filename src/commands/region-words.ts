/**
 * Region words in commands: `latest ai us`, `search fine --region eu`, `region us eu`. Regions are
 * typed as their id (`us`) or a common name (`usa`, `u.s.`, `europe`); topics win when a phrase
 * names one exactly, so `latest us state law` stays the `us-state-law` topic.
 */
import { REGION_IDS, regionOf, type RegionId } from '../core/regions.js';
import { resolveTopic, type TopicRef } from './topic-resolver.js';

/** `"mars" is not a region: use us, eu, uk, apac or intl`. */
export function unknownRegionProblem(word: string): string {
  return `"${word}" is not a region: use ${REGION_IDS.slice(0, -1).join(', ')} or ${REGION_IDS[REGION_IDS.length - 1]}`;
}

/** Every word as a region (duplicates dropped, order kept), or the first word that is none. */
export function resolveRegionWords(words: readonly string[]): { regions: RegionId[] } | { unknown: string } {
  const regions: RegionId[] = [];
  for (const word of words) {
    const region = regionOf(word);
    if (region === null) return { unknown: word };
    if (!regions.includes(region)) regions.push(region);
  }
  return { regions };
}

/** `latest` words split into the topic part and trailing regions; `badRegion` when the last word looks like a misspelt region. */
export interface TopicAndRegions {
  topicWords: string[];
  regions: RegionId[];
  badRegion?: string;
}

/**
 * `latest ai us` -> topic `ai`, region `us`; `latest us` -> region only. Words that name a topic
 * exactly as a whole are that topic. A last word that is neither, after words that name a topic
 * exactly (`latest ai mars`), is reported as a region that does not exist.
 */
export function splitTopicAndRegions(words: readonly string[], topics: readonly TopicRef[]): TopicAndRegions {
  if (words.length === 0 || resolveTopic(words.join(' '), topics).kind === 'exact') return { topicWords: [...words], regions: [] };
  let end = words.length;
  const trailing: RegionId[] = [];
  while (end > 0 && regionOf(words[end - 1]!) !== null) trailing.unshift(regionOf(words[--end]!)!);
  const topicWords = words.slice(0, end);
  const regions = [...new Set(trailing)];
  if (topicWords.length >= 2 && resolveTopic(topicWords.join(' '), topics).kind === 'unknown'
    && resolveTopic(topicWords.slice(0, -1).join(' '), topics).kind === 'exact') {
    return { topicWords: topicWords.slice(0, -1), regions, badRegion: topicWords[topicWords.length - 1]! };
  }
  return { topicWords, regions };
}
