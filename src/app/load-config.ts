import type { FeedConfig } from '../core/types.js';
import { ConfigError } from '../config/config-error.js';
import { loadEnv, type Env } from '../config/env.js';
import { loadFeedsFile } from '../config/feeds-config.js';
import { applyTopicOverrides, defaultTopics, type TopicDefinition } from '../tagging/taxonomy.js';

/** Everything the bot is configured with, validated once at start-up. */
export interface AppConfig {
  env: Env;
  feeds: FeedConfig[];
  topics: TopicDefinition[];
  feedsFile: string;
  /** The raw variables the config was read from (adapters read their own extra settings). */
  source: Record<string, string | undefined>;
}

/** Reads the environment and feeds.json; throws ConfigError naming the first bad path. */
export function loadAppConfig(source: Record<string, string | undefined> = process.env): AppConfig {
  const env = loadEnv(source);
  const file = loadFeedsFile(env.FEEDS_FILE);
  let topics: TopicDefinition[];
  try {
    topics = applyTopicOverrides(defaultTopics(), file.topics ?? []);
  } catch (error) {
    throw new ConfigError(env.FEEDS_FILE, [`topics: ${(error as Error).message}`]);
  }
  const known = new Set(topics.map((t) => t.id));
  const problems: string[] = [];
  file.feeds.forEach((feed, index) => {
    (feed.topics ?? []).forEach((topic, t) => {
      if (!known.has(topic)) problems.push(`feeds[${index}].topics[${t}]: unknown topic "${topic}" (known: ${[...known].join(', ')})`);
    });
  });
  if (problems.length) throw new ConfigError(env.FEEDS_FILE, problems);
  return { env, feeds: file.feeds, topics, feedsFile: env.FEEDS_FILE, source };
}
