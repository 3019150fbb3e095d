import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { createStore } from '../../src/store/create-store.js';
import { parseEncryptionKey } from '../../src/store/crypto/payload-cipher.js';
import { T0 } from './fixtures.js';

const dir = mkdtempSync(join(tmpdir(), 'pr-crypto-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const HEX_KEY = randomBytes(32).toString('hex');
const B64_KEY = randomBytes(32).toString('base64');
let counter = 0;

function rawPayloads(path: string): string[] {
  const db = new Database(path, { readonly: true });
  try {
    return (db.prepare('SELECT payload FROM installations ORDER BY install_key').all() as { payload: string }[]).map((row) => row.payload);
  } finally {
    db.close();
  }
}

/** A new encrypted SQLite file with Slack installations T1 and T2 saved with the given bot tokens. */
async function saveTwoEncrypted(tokens: [string, string]) {
  const path = join(dir, `enc-${++counter}.db`);
  const store = createStore(path, { encryptionKey: HEX_KEY });
  await store.migrate();
  await store.installations.save('slack', 'T1', 'T1', { botToken: tokens[0] }, T0);
  await store.installations.save('slack', 'T2', 'T2', { botToken: tokens[1] }, T0);
  return { path, store };
}

describe('installation encryption', () => {
  it('accepts 32-byte keys in hex or base64 and refuses anything else with a clear message', () => {
    expect(parseEncryptionKey(HEX_KEY)).toHaveLength(32);
    expect(parseEncryptionKey(B64_KEY)).toHaveLength(32);
    expect(parseEncryptionKey(B64_KEY.replace(/\+/g, '-').replace(/\//g, '_'))).toHaveLength(32);
    for (const bad of ['', 'hunter2', 'a'.repeat(63), randomBytes(16).toString('base64')]) {
      expect(() => parseEncryptionKey(bad)).toThrow(/32 random bytes/);
    }
    expect(() => createStore(':memory:', { encryptionKey: 'short' })).toThrow(expect.objectContaining({ code: 'store/encryption-key' }));
  });

  it('stores payloads encrypted (random IV per write) and reads them back', async () => {
    const { path, store } = await saveTwoEncrypted(['xoxb-very-secret', 'xoxb-very-secret']);
    expect(await store.installations.get('slack', 'T1')).toEqual({ botToken: 'xoxb-very-secret' });
    await store.close();
    const [first, second] = rawPayloads(path);
    expect(first).toMatch(/^v1:/);
    expect(first).not.toContain('xoxb');
    expect(first).not.toEqual(second);
  });

  it('refuses to read with a wrong key or without a key, and binds a payload to its row', async () => {
    const { path, store } = await saveTwoEncrypted(['a', 'b']);
    await store.close();

    const wrong = createStore(path, { encryptionKey: B64_KEY });
    await expect(wrong.installations.get('slack', 'T1')).rejects.toMatchObject({ code: 'store/decrypt-failed' });
    await wrong.close();
    const none = createStore(path);
    await expect(none.installations.get('slack', 'T1')).rejects.toMatchObject({ code: 'store/encryption-key' });
    await none.close();

    // Copying T2's ciphertext onto T1's row must not decrypt (AES-GCM additional data).
    const db = new Database(path);
    db.prepare("UPDATE installations SET payload = (SELECT payload FROM installations WHERE install_key = 'T2') WHERE install_key = 'T1'").run();
    db.close();
    const right = createStore(path, { encryptionKey: HEX_KEY });
    await expect(right.installations.get('slack', 'T1')).rejects.toMatchObject({ code: 'store/decrypt-failed' });
    expect(await right.installations.get('slack', 'T2')).toEqual({ botToken: 'b' });
    await right.close();
  });

  it('still reads rows saved before a key was set and encrypts them on the next save', async () => {
    const path = join(dir, `enc-${++counter}.db`);
    const plain = createStore(path);
    await plain.migrate();
    await plain.installations.save('teams', 'conv', 'tenant', { serviceUrl: 'https://smba.example' }, T0);
    await plain.close();
    expect(rawPayloads(path)[0]).toContain('smba');
    const keyed = createStore(path, { encryptionKey: B64_KEY });
    expect(await keyed.installations.get('teams', 'conv')).toEqual({ serviceUrl: 'https://smba.example' });
    await keyed.installations.save('teams', 'conv', 'tenant', { serviceUrl: 'https://smba.example' }, T0);
    await keyed.close();
    expect(rawPayloads(path)[0]).not.toContain('smba');
  });
});
