import { z } from 'zod';
import { feedsFileSchema } from './feeds-config.js';

/**
 * The JSON Schema of feeds.json, generated from the zod schema so the two never drift
 * (`npm run schema` writes feeds.schema.json; a test checks the committed copy is current).
 */
export function feedsJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(feedsFileSchema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  return { ...schema, title: 'Privacy Radar feeds.json', description: 'Feeds to poll and optional topic changes. See README.md.' };
}
