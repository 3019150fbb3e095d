import { resolveRegionWords, unknownRegionProblem } from '../commands/region-words.js';
import type { RegionId } from '../core/regions.js';

/** `--region us,eu` (or `--region "us eu"`): the regions, or the error line for stderr. */
export function parseRegionOption(value: unknown): { regions: RegionId[] } | { error: string } {
  if (value === undefined) return { regions: [] };
  const words = String(value).split(/[\s,]+/).filter(Boolean);
  if (words.length === 0 || words.length > 5) return { error: `error: --region: give 1 to 5 regions, e.g. --region us,eu (got "${String(value)}")` };
  const resolved = resolveRegionWords(words);
  return 'unknown' in resolved ? { error: `error: --region: ${unknownRegionProblem(resolved.unknown)}` } : resolved;
}
