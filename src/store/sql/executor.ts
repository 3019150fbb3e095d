/** A value bound to a `?` placeholder. Times are epoch milliseconds, booleans 0/1 (both dialects). */
export type SqlValue = string | number | null;

/**
 * The small SQL surface the repositories are written against. Statements use `?` placeholders;
 * the PostgreSQL executor rewrites them to `$1..$n`. Both dialects share the same SQL except
 * where the engines differ (full-text search, claim locking), which the repositories branch on.
 */
export interface SqlExecutor {
  readonly dialect: 'sqlite' | 'postgres';
  all<T>(sql: string, params?: readonly SqlValue[]): Promise<T[]>;
  get<T>(sql: string, params?: readonly SqlValue[]): Promise<T | undefined>;
  /** Runs a statement and returns the number of affected rows. */
  run(sql: string, params?: readonly SqlValue[]): Promise<number>;
  /** Runs several `;`-separated statements without parameters (migrations). */
  exec(sql: string): Promise<void>;
  /**
   * Runs `fn` in one transaction. SQLite uses BEGIN IMMEDIATE so a read-then-write never
   * fails with SQLITE_BUSY_SNAPSHOT; nested calls join the outer transaction.
   */
  transaction<T>(fn: (tx: SqlExecutor) => Promise<T>): Promise<T>;
  /** True when usable; false when unreachable; rejects with a StoreError when the state has a known cause (corrupt). */
  ping(): Promise<boolean>;
  close(): Promise<void>;
}
