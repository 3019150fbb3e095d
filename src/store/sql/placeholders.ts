// SQLite's default limit is 32766 bound variables and PostgreSQL's 65535; 500 is far below both.
const CHUNK = 500;

const built = new Map<number, string>();

/** `?, ?, ?` for n values (each length built once: multi-row inserts ask thousands of times). */
export function placeholders(count: number): string {
  let text = built.get(count);
  if (text === undefined) {
    text = Array.from({ length: count }, () => '?').join(', ');
    if (count <= CHUNK) built.set(count, text);
  }
  return text;
}

/** Splits a list so IN (...) lists stay within both engines' bound-variable limits. */
export function chunk<T>(values: readonly T[], size = CHUNK): T[][] {
  const chunks: T[][] = [];
  for (let start = 0; start < values.length; start += size) chunks.push(values.slice(start, start + size));
  return chunks;
}
