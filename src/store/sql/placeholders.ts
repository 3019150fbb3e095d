/** `?, ?, ?` for n values. */
export function placeholders(count: number): string {
  return Array.from({ length: count }, () => '?').join(', ');
}

// SQLite's default limit is 32766 bound variables and PostgreSQL's 65535; 500 is far below both.
const CHUNK = 500;

/** Splits a list so IN (...) lists stay within both engines' bound-variable limits. */
export function chunk<T>(values: readonly T[], size = CHUNK): T[][] {
  const chunks: T[][] = [];
  for (let start = 0; start < values.length; start += size) chunks.push(values.slice(start, start + size));
  return chunks;
}
