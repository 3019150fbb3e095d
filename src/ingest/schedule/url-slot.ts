/** Deterministic per-URL jitter (docs/ingestion.md R11): hashing the URL into a slot spreads feeds out. */
import { createHash } from 'node:crypto';

/** A stable number in [0, 1) for a string (FNV would do; sha256 is already at hand and fast). */
export function urlSlot(url: string, salt = ''): number {
  const digest = createHash('sha256').update(`${salt}\u0000${url}`).digest();
  return digest.readUInt32BE(0) / 0x1_0000_0000;
}
