import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPostgres } from '../../src/store/postgres/open-postgres.js';
import { searchItems } from '../../src/store/repos/search-items.js';
import type { SqlExecutor } from '../../src/store/sql/executor.js';
import { createPgStore, noticePgSkipped, PG_URL } from './pg-schema.js';
import { at, makeItem, minutes } from './fixtures.js';

// The PostgreSQL search reads the newest rows first and older rows only when needed; a window of
// 3 items makes the second step reachable with a handful of rows.
noticePgSkipped('postgres-search.test.ts');
describe.skipIf(!PG_URL)('PostgreSQL search beyond the recent window', () => {
  let db: SqlExecutor;
  let cleanup: () => Promise<void>;
  const keys = async (words: string, limit: number, topic?: string) => (await searchItems(db, { words, limit, topic }, 3)).map((item) => item.key);

  beforeAll(async () => {
    const fixture = await createPgStore();
    db = openPostgres(PG_URL!, { schema: fixture.schema });
    cleanup = async () => {
      await db.close();
      await fixture.cleanup();
    };
    const items = [
      makeItem('old-title', { title: 'Genetic data sold', summary: 'A broker.', topics: ['health'] }),
      makeItem('old-summary', { title: 'Roundup', summary: 'Genetic data again.', topics: ['gdpr'] }),
      makeItem('filler-1', { title: 'Cookie fines', summary: 'Nothing else.' }),
      makeItem('filler-2', { title: 'Cookie fines', summary: 'Nothing else.' }),
      makeItem('filler-3', { title: 'Cookie fines', summary: 'Nothing else.' }),
      makeItem('new-summary', { title: 'Weekly', summary: 'Genetic data leak.', topics: ['breach'] }),
    ];
    for (const [index, item] of items.entries()) await fixture.store.items.insertNew('f1', [item], at(minutes(index)));
  });
  afterAll(() => cleanup());

  it('finds older matches, headline matches first, newest first', async () => {
    expect(await keys('genetic data', 10)).toEqual(['old-title', 'new-summary', 'old-summary']);
    expect(await keys('genetic data', 2)).toEqual(['old-title', 'new-summary']);
    expect(await keys('genetic data', 10, 'gdpr')).toEqual(['old-summary']);
    expect(await keys('cookie', 2)).toEqual(['filler-3', 'filler-2']);
  });
});
