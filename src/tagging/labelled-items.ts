/** Reads a labelled JSON-lines file ({title, description?, topics, jurisdictions?}) into items, or a clear error. */

/** One labelled item. */
export interface LabelledItem {
  id?: string;
  title: string;
  description?: string;
  content?: string;
  topics: string[];
  /** Gold jurisdiction ids, when the file labels them (absent: not labelled, so not scored). */
  jurisdictions?: string[];
}

/** Parses labelled JSON lines; blank lines are skipped. */
export function parseLabelledItems(text: string): { ok: true; items: LabelledItem[] } | { ok: false; error: string } {
  const items: LabelledItem[] = [];
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (!line) continue;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      return { ok: false, error: `line ${i + 1}: not valid JSON` };
    }
    const v = value as Partial<LabelledItem>;
    if (typeof v !== 'object' || v === null || typeof v.title !== 'string' || !Array.isArray(v.topics)) {
      return { ok: false, error: `line ${i + 1}: expected an object with "title" (string) and "topics" (array)` };
    }
    if (v.jurisdictions !== undefined && !Array.isArray(v.jurisdictions)) {
      return { ok: false, error: `line ${i + 1}: "jurisdictions" must be an array when present, e.g. ["us", "eu"]` };
    }
    items.push({
      id: v.id, title: v.title, description: v.description ?? undefined, content: v.content ?? undefined, topics: v.topics.map(String),
      ...(v.jurisdictions ? { jurisdictions: v.jurisdictions.map(String) } : {}),
    });
  }
  return { ok: true, items };
}
