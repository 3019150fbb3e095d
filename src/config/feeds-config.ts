import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { topicOverridesSchema } from '../tagging/topic-config.js';
import { ConfigError, describeIssues } from './config-error.js';

const FEED_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

const httpUrl = z.string().refine(
  (value) => {
    try {
      const url = new URL(value);
      return url.protocol === 'http:' || url.protocol === 'https:';
    } catch {
      return false;
    }
  },
  { message: 'expected an http(s) URL' },
);

/** One feed in feeds.json. Only id and url are required. */
export const feedSchema = z.strictObject({
  id: z.string().regex(FEED_ID, { message: 'expected lowercase letters, digits and dashes (e.g. "bbc-tech")' }),
  url: httpUrl.meta({ description: 'http(s) URL of the RSS, Atom or JSON feed', format: 'uri' }),
  name: z.string().min(1).max(200).optional(),
  topics: z.array(z.string()).optional(),
  interval: z.number().int().min(5, { message: 'expected at least 5 minutes' }).max(1440 * 7).optional(),
  enabled: z.boolean().optional(),
});

/** The whole feeds.json file. */
export const feedsFileSchema = z
  .strictObject({
    $schema: z.string().optional(),
    feeds: z.array(feedSchema),
    topics: topicOverridesSchema.optional(),
  })
  .superRefine((file, ctx) => {
    const seen = new Map<string, number>();
    file.feeds.forEach((feed, index) => {
      const first = seen.get(feed.id);
      if (first !== undefined) {
        ctx.addIssue({ code: 'custom', path: ['feeds', index, 'id'], message: `duplicate id "${feed.id}" (also feeds[${first}])` });
      } else {
        seen.set(feed.id, index);
      }
    });
  });

export type FeedsFile = z.infer<typeof feedsFileSchema>;

/** Parses feeds.json text; every problem names the file, the path and what was wrong. */
export function parseFeedsFile(text: string, fileName = 'feeds.json'): FeedsFile {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new ConfigError(fileName, [`not valid JSON (${(error as Error).message})`]);
  }
  const result = feedsFileSchema.safeParse(json);
  if (!result.success) throw new ConfigError(fileName, describeIssues(result.error));
  return result.data;
}

/** Reads and validates a feeds file from disk. */
export function loadFeedsFile(path: string): FeedsFile {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new ConfigError(path, [code === 'ENOENT' ? 'file not found (set FEEDS_FILE or create it)' : `cannot read (${code})`]);
  }
  return parseFeedsFile(text, path);
}
