import { inflateSync } from 'node:zlib';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { packageTeamsApp } from '../../adapters/teams/package-app.js';

const APP_ID = '11111111-2222-3333-4444-555555555555';

/** Width, height and RGBA pixels of a PNG written by our encoder (filter 0 rows). */
function readPng(bytes: Uint8Array): { width: number; height: number; pixels: Buffer } {
  const buf = Buffer.from(bytes);
  expect(buf.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  const width = buf.readUInt32BE(16);
  const height = buf.readUInt32BE(20);
  const idat: Buffer[] = [];
  for (let at = 8; at < buf.length; ) {
    const length = buf.readUInt32BE(at);
    if (buf.toString('ascii', at + 4, at + 8) === 'IDAT') idat.push(buf.subarray(at + 8, at + 8 + length));
    at += 12 + length;
  }
  return { width, height, pixels: inflateSync(Buffer.concat(idat)) };
}

describe('Teams app package', () => {
  it('zips manifest.json and both icons, with ids from the environment', () => {
    const result = packageTeamsApp({ TEAMS_APP_ID: APP_ID, TEAMS_BOT_DOMAIN: 'bot.example.org', TEAMS_PRIVACY_URL: 'https://example.org/privacy' });
    if (!result.ok) throw new Error(result.problems.join('; '));
    const files = unzipSync(result.zip);
    expect(Object.keys(files).sort()).toEqual(['color.png', 'manifest.json', 'outline.png']);
    const manifest = JSON.parse(new TextDecoder().decode(files['manifest.json'])) as {
      manifestVersion: string; id: string; validDomains: string[]; developer: { privacyUrl: string };
      name: { short: string }; description: { short: string; full: string };
      bots: Array<{ botId: string; scopes: string[]; commandLists: Array<{ commands: Array<{ title: string; description: string }> }> }>;
    };
    expect(manifest.manifestVersion).toBe('1.22');
    expect(manifest.id).toBe(APP_ID);
    expect(manifest.bots[0]!.botId).toBe(APP_ID);
    expect(manifest.bots[0]!.scopes).toEqual(['personal', 'team', 'groupChat']);
    expect(manifest.validDomains).toEqual(['bot.example.org']);
    expect(manifest.developer.privacyUrl).toBe('https://example.org/privacy');
    const commands = manifest.bots[0]!.commandLists[0]!.commands;
    expect(commands.map((c) => c.title)).toEqual(['latest', 'search', 'subscribe', 'unsubscribe', 'subscriptions', 'topics', 'digest', 'help']);
    // Schema limits: command title 32, description 128; name.short 30; description short 80 / full 4000.
    for (const c of commands) expect(c.title.length <= 32 && c.description.length <= 128).toBe(true);
    expect(manifest.name.short.length).toBeLessThanOrEqual(30);
    expect(manifest.description.short.length).toBeLessThanOrEqual(80);
    expect(manifest.description.full.length).toBeLessThanOrEqual(4000);
    expect(JSON.stringify(manifest)).not.toMatch(/\{\{/);
  });

  it('icons: 192x192 colour, 32x32 outline that is white on transparent', () => {
    const result = packageTeamsApp({ TEAMS_APP_ID: APP_ID });
    if (!result.ok) throw new Error(result.problems.join('; '));
    const files = unzipSync(result.zip);
    const color = readPng(files['color.png']!);
    expect([color.width, color.height]).toEqual([192, 192]);
    const outline = readPng(files['outline.png']!);
    expect([outline.width, outline.height]).toEqual([32, 32]);
    let ink = 0;
    for (let y = 0; y < 32; y++) {
      for (let x = 0; x < 32; x++) {
        const at = y * (32 * 4 + 1) + 1 + x * 4;
        const [r, g, b, a] = outline.pixels.subarray(at, at + 4);
        expect(a === 0 || (r === 255 && g === 255 && b === 255 && a === 255)).toBe(true);
        if (a) ink++;
      }
    }
    expect(ink).toBeGreaterThan(50);
  });

  it('refuses to build without a valid app id, naming the variable', () => {
    const result = packageTeamsApp({ TEAMS_APP_ID: 'my-bot', TEAMS_DEVELOPER_URL: 'http://insecure.example' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.join('\n')).toMatch(/TEAMS_APP_ID must be/);
    expect(result.problems.join('\n')).toMatch(/TEAMS_DEVELOPER_URL must be an https URL/);
  });
});
