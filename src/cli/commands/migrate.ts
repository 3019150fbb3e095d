import type { CliCommand } from '../cli-command.js';
import { writeLine } from '../cli-command.js';
import { loadEnv } from '../../config/env.js';
import { migrateDatabase } from '../../store/migrate-database.js';
import { describeDatabase } from '../../store/describe-database.js';

/** `privacy-radar migrate`: applies pending schema migrations (start does this too). */
export const migrateCommand: CliCommand = {
  name: 'migrate',
  summary: 'Apply pending database migrations (start does this automatically)',
  usage: `Usage: privacy-radar migrate [--json]

  Applies pending schema migrations to DATABASE_URL (default ./data/privacy-radar.db).
  Safe to run repeatedly and from several replicas at once. Exits 2 if the database is
  unreachable, damaged, or newer than this version of Privacy Radar.
  --json       print {"database","from","to","applied"}`,
  options: { json: { type: 'boolean' } },
  async run(ctx) {
    // Only the environment is needed: migrating must work even while feeds.json is being fixed.
    const env = loadEnv(process.env);
    const report = await migrateDatabase(env.DATABASE_URL);
    const database = describeDatabase(env.DATABASE_URL);
    if (ctx.values.json) {
      writeLine(ctx.stdout, JSON.stringify({ database, ...report }));
    } else if (report.applied.length === 0) {
      writeLine(ctx.stdout, `${database}: schema is up to date (version ${report.to}).`);
    } else {
      writeLine(ctx.stdout, `${database}: migrated schema from version ${report.from} to ${report.to} (applied ${report.applied.join(', ')}).`);
    }
    return 0;
  },
};
