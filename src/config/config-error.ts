import type { z } from 'zod';

/**
 * A configuration problem a person must fix: names the file (or "environment"), the path inside
 * it and what was wrong. The CLI prints the message and exits with code 2, never a stack trace.
 */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  constructor(
    readonly source: string,
    readonly problems: string[],
  ) {
    super(problems.map((p) => `${source}: ${p}`).join('\n'));
  }
}

/** Formats a zod path the way people write it: feeds[2].url */
export function formatPath(path: ReadonlyArray<PropertyKey>): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out ? `.${String(part)}` : String(part);
  }
  return out || '(root)';
}

/** One line per zod issue: "path: message". */
export function describeIssues(error: z.ZodError): string[] {
  return error.issues.map((issue) => `${formatPath(issue.path)}: ${issue.message}`);
}
