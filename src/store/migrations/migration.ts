/** One schema step. Versions are consecutive from 1; each runs in its own transaction. */
export interface Migration {
  version: number;
  name: string;
  sqlite: string;
  postgres: string;
}
