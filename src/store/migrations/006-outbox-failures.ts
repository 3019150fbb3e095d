import type { Migration } from './migration.js';

/**
 * Counts failed sends of an outbox row in a column of its own. `attempts` counts claims, which
 * also happen when a row is only paced, parked or rate limited, so it cannot decide when a row
 * has failed too often. Rows already waiting on a failure kept their count in the last error
 * ("attempt 3: slack/http-503"); this moves it into the column once, so they keep their place
 * in the backoff. Independent of every other migration's tables.
 */
export const outboxFailuresMigration: Migration = {
  version: 6,
  name: 'outbox failure count',
  sqlite: `
ALTER TABLE outbox ADD COLUMN failures INTEGER NOT NULL DEFAULT 0;
UPDATE outbox
   SET failures = CAST(substr(last_error, 9, instr(last_error, ': ') - 9) AS INTEGER),
       last_error = substr(last_error, instr(last_error, ': ') + 2)
 WHERE last_error GLOB 'attempt [0-9]*: *';
`,
  postgres: `
ALTER TABLE outbox ADD COLUMN failures INTEGER NOT NULL DEFAULT 0;
UPDATE outbox
   SET failures = CAST(substring(last_error from '^attempt ([0-9]+): ') AS INTEGER),
       last_error = regexp_replace(last_error, '^attempt [0-9]+: ', '')
 WHERE last_error ~ '^attempt [0-9]+: ';
`,
};
