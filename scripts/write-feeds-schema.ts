/** Writes feeds.schema.json from the zod schema (npm run schema). */
import { writeFileSync } from 'node:fs';
import { feedsJsonSchema } from '../src/config/feeds-json-schema.js';

writeFileSync(new URL('../feeds.schema.json', import.meta.url), `${JSON.stringify(feedsJsonSchema(), null, 2)}\n`);
console.log('wrote feeds.schema.json');
