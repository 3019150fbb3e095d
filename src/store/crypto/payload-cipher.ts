import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { StoreError } from '../store-error.js';

const PREFIX = 'v1:';
const IV_BYTES = 12; // NIST SP 800-38D: 96-bit IVs for GCM, random per message.
const TAG_BYTES = 16;

/** Encrypts/decrypts installation payloads; `aad` binds a ciphertext to its row. */
export interface PayloadCipher {
  encrypt(plaintext: string, aad: string): string;
  decrypt(stored: string, aad: string): string;
}

/**
 * Reads ENCRYPTION_KEY: exactly 32 bytes as 64 hex characters or as base64 (for example
 * `openssl rand -base64 32`). Anything else is refused rather than stretched from a weak passphrase.
 */
export function parseEncryptionKey(raw: string): Buffer {
  const value = raw.trim();
  if (/^[0-9a-f]{64}$/i.test(value)) return Buffer.from(value, 'hex');
  if (/^[A-Za-z0-9+/_-]{43}=?$/.test(value)) {
    const decoded = Buffer.from(value.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
    if (decoded.length === 32) return decoded;
  }
  throw new StoreError(
    'store/encryption-key',
    'ENCRYPTION_KEY must be 32 random bytes written as 64 hex characters or 44 base64 characters (create one with `openssl rand -base64 32`).',
  );
}

/** AES-256-GCM with a random IV per value; stored as `v1:` + base64(iv | tag | ciphertext). */
export function createPayloadCipher(key: Buffer): PayloadCipher {
  return {
    encrypt: (plaintext, aad) => {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      cipher.setAAD(Buffer.from(aad));
      const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
      return PREFIX + Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64');
    },
    decrypt: (stored, aad) => {
      try {
        const raw = Buffer.from(stored.slice(PREFIX.length), 'base64');
        const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, IV_BYTES));
        decipher.setAAD(Buffer.from(aad));
        decipher.setAuthTag(raw.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
        return Buffer.concat([decipher.update(raw.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8');
      } catch (error) {
        throw new StoreError('store/decrypt-failed', 'An installation could not be decrypted: ENCRYPTION_KEY differs from the key it was saved with.', { cause: error });
      }
    },
  };
}
