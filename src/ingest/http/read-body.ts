/**
 * Reads a response body with content decoding and a cap on DECODED bytes (docs/ingestion.md R3, R4): a
 * small gzip that inflates to gigabytes is stopped after maxBytes, chunk by chunk, so memory
 * stays bounded. gzip, deflate (zlib or raw) and br are decoded, also when the server
 * compresses without being asked or without saying so (gzip magic bytes).
 */
import type { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream';
import zlib from 'node:zlib';

/** The decoded body, or why reading stopped. */
export type BodyRead = { ok: true; bytes: Buffer } | { ok: false; reason: 'too_large'; message: string };

function decoderFor(encoding: string): Transform | null {
  switch (encoding) {
    case 'gzip':
    case 'x-gzip':
      return zlib.createGunzip();
    case 'br':
      return zlib.createBrotliDecompress();
    case 'deflate':
      return null; // decided after sniffing the first byte, see readBody
    default:
      return null;
  }
}

/** zlib-wrapped deflate starts with 0x78; some servers send raw deflate (RFC 9110 8.4.1.2 confusion). */
const deflateDecoder = (first: number | undefined): Transform =>
  first === 0x78 ? zlib.createInflate() : zlib.createInflateRaw();

/** Destroys a stream whose 'destroyed' error is expected (we stopped reading on purpose). */
function quietDestroy(stream: Readable | Transform): void {
  stream.on('error', () => undefined);
  stream.destroy();
}

async function collect(stream: AsyncIterable<Buffer>, maxBytes: number, abort: () => void): Promise<BodyRead> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of stream) {
    total += chunk.length;
    if (total > maxBytes) {
      abort();
      return { ok: false, reason: 'too_large', message: `body larger than ${maxBytes} bytes after decoding` };
    }
    chunks.push(chunk);
  }
  return { ok: true, bytes: Buffer.concat(chunks, total) };
}

/** Reads `body` fully (decoded), or stops at maxBytes. Rejects on stream/abort errors. */
export async function readBody(body: Readable, contentEncoding: string | null, maxBytes: number): Promise<BodyRead> {
  const encodings = (contentEncoding ?? '').toLowerCase().split(',').map((e) => e.trim()).filter((e) => e && e !== 'identity');
  const encoding = encodings.length === 1 ? encodings[0]! : '';
  let decoder = decoderFor(encoding);
  if (!decoder && encoding !== 'deflate') {
    // Undeclared or unknown encoding: read raw (capped), then sniff gzip magic bytes.
    const raw = await collect(body, maxBytes, () => quietDestroy(body));
    if (!raw.ok || raw.bytes[0] !== 0x1f || raw.bytes[1] !== 0x8b) return raw;
    try {
      return { ok: true, bytes: zlib.gunzipSync(raw.bytes, { maxOutputLength: maxBytes }) };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE' || err instanceof RangeError) {
        return { ok: false, reason: 'too_large', message: `body larger than ${maxBytes} bytes after decoding` };
      }
      return raw; // not really gzip: keep the bytes as they are
    }
  }
  if (!decoder) {
    const first: Buffer | null = await new Promise((resolve) => {
      body.once('readable', () => resolve(body.read(1) as Buffer | null));
      body.once('end', () => resolve(null));
    });
    if (first) body.unshift(first);
    decoder = deflateDecoder(first?.[0]);
  }
  const decoded = decoder;
  pipeline(body, decoded, () => undefined); // errors surface through the iterator below
  return collect(decoded, maxBytes, () => {
    quietDestroy(body);
    quietDestroy(decoded);
  });
}
