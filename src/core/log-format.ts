/**
 * Log lines a person can read on a terminal: "09:00:12 WARN  feed is failing  feed=demo-wire
 * kind=dns". pino writes JSON; on a terminal each JSON line is rewritten here before it reaches
 * stderr. Off a terminal (containers, log collectors, pipes) the JSON passes through untouched.
 * A dozen lines of our own instead of pino-pretty: it would be a runtime dependency with its own
 * dependency tree for what `npm start` prints to one person.
 */
import type { DestinationStream } from 'pino';

const LEVELS: Record<number, string> = { 10: 'TRACE', 20: 'DEBUG', 30: 'INFO', 40: 'WARN', 50: 'ERROR', 60: 'FATAL' };
const HIDDEN = new Set(['level', 'time', 'pid', 'hostname', 'msg', 'v']);
const VALUE_MAX = 200;

function describeValue(value: unknown): string {
  if (value && typeof value === 'object' && 'message' in value && typeof (value as { message: unknown }).message === 'string') {
    return (value as { message: string }).message;
  }
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > VALUE_MAX ? `${text.slice(0, VALUE_MAX - 1)}…` : text;
}

/** One pino JSON line as "HH:MM:SS LEVEL message  key=value ..."; other text is returned as it is. */
export function formatLogLine(line: string): string {
  let entry: Record<string, unknown>;
  try {
    entry = JSON.parse(line) as Record<string, unknown>;
  } catch {
    return line;
  }
  if (!entry || typeof entry !== 'object') return line;
  const time = typeof entry.time === 'number' ? new Date(entry.time).toISOString().slice(11, 19) : '--:--:--';
  const level = (LEVELS[entry.level as number] ?? String(entry.level)).padEnd(5);
  const fields = Object.entries(entry)
    .filter(([key]) => !HIDDEN.has(key))
    .map(([key, value]) => `${key}=${describeValue(value)}`);
  return `${time} ${level} ${String(entry.msg ?? '')}${fields.length > 0 ? `  ${fields.join(' ')}` : ''}\n`;
}

/** A pino destination writing readable lines to `out` (stderr on a terminal). */
export function readableLogStream(out: { write(text: string): unknown }): DestinationStream {
  return {
    write(line: string) {
      out.write(formatLogLine(line.endsWith('\n') ? line.slice(0, -1) : line));
    },
  };
}
