/**
 * Draws the manifest icons (a radar: rings and a sweep) into adapters/teams/icons/. Teams wants
 * a 192x192 full-colour icon and a 32x32 outline icon that is white on transparent. The PNGs
 * are committed; run `npx tsx adapters/teams/make-icons.ts` only to change the design.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { encodePng } from './png-encode.js';

type Rgba = [number, number, number, number];

/** True where the radar drawing has ink, for a square of `size` pixels. */
export function radarInk(x: number, y: number, size: number): boolean {
  const c = (size - 1) / 2;
  const dx = x - c;
  const dy = y - c;
  const d = Math.hypot(dx, dy) / (size / 2);
  const line = Math.max(0.045, 1.6 / size);
  const ring = [0.3, 0.6, 0.9].some((r) => Math.abs(d - r) < line);
  // The sweep: a line from the centre towards the upper right, plus the centre dot.
  const along = (dx - dy) / Math.SQRT2;
  const across = Math.abs(dx + dy) / Math.SQRT2;
  const sweep = along > 0 && d < 0.9 && across < line * (size / 2);
  return ring || sweep || d < 0.09;
}

/** The 192x192 colour icon: white radar on a deep teal square. */
export function drawColorIcon(): Buffer {
  return encodePng(192, 192, (x, y): Rgba => (radarInk(x, y, 192) ? [255, 255, 255, 255] : [0, 95, 115, 255]));
}

/** The 32x32 outline icon: white radar on transparent, as the Teams manifest requires. */
export function drawOutlineIcon(): Buffer {
  return encodePng(32, 32, (x, y): Rgba => (radarInk(x, y, 32) ? [255, 255, 255, 255] : [0, 0, 0, 0]));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  writeFileSync(new URL('./icons/color.png', import.meta.url), drawColorIcon());
  writeFileSync(new URL('./icons/outline.png', import.meta.url), drawOutlineIcon());
  console.log('wrote adapters/teams/icons/color.png and outline.png');
}
