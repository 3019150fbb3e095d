/** One schema step. Versions increase along MIGRATIONS; a gap is allowed and filled later. */
export interface Migration {
  version: number;
  name: string;
  sqlite: string;
  postgres: string;
}
