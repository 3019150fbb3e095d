/**
 * The core of `privacy-radar tag`: one JSON line in, one JSON line out. A malformed line yields
 * {"error":"line N: ..."} in its place so the rest of a batch carries on.
 */
import type { TagInput, Tagger } from './tagger.js';

const OPTIONAL_FIELDS = ['description', 'content', 'link'] as const;

/** Validates one parsed line; returns the input or a message naming the bad field. */
function toTagInput(value: unknown): TagInput | string {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'expected a JSON object like {"title": "..."}';
  const record = value as Record<string, unknown>;
  if (typeof record.title !== 'string') return '"title" must be a string';
  for (const field of OPTIONAL_FIELDS) {
    const v = record[field];
    if (v !== undefined && v !== null && typeof v !== 'string') return `"${field}" must be a string when present`;
  }
  return {
    title: record.title,
    description: record.description as string | null | undefined,
    content: record.content as string | null | undefined,
    link: record.link as string | null | undefined,
  };
}

/** Tags one input line (1-based `lineNumber` for messages); null for a blank line. */
export function tagJsonLine(line: string, lineNumber: number, tagger: Tagger): string | null {
  if (line.trim() === '') return null;
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return JSON.stringify({ error: `line ${lineNumber}: not valid JSON` });
  }
  const input = toTagInput(value);
  if (typeof input === 'string') return JSON.stringify({ error: `line ${lineNumber}: ${input}` });
  const { topics, why, jurisdictions, jurisdictionWhy } = tagger.tag(input);
  return JSON.stringify({ topics, why, jurisdictions, jurisdictionWhy });
}

/** Tags every line of `text`; blank lines produce no output. */
export function tagJsonLines(text: string, tagger: Tagger): string[] {
  const out: string[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    const result = tagJsonLine(line, i + 1, tagger);
    if (result !== null) out.push(result);
  });
  return out;
}
