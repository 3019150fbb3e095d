import type { ServerResponse } from 'node:http';

/**
 * Headers on every page: a strict Content-Security-Policy (no inline script or style, nothing
 * from other origins, no framing), no MIME sniffing, and no referrer sent to the news sites a
 * reader follows (the referrer would reveal the bot's address and the page they came from).
 */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'content-security-policy':
    "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
  'cross-origin-opener-policy': 'same-origin',
};

/** Sends a complete response with the security headers and a length. */
export function sendBody(res: ServerResponse, status: number, contentType: string, body: string, extra: Record<string, string> = {}): void {
  res.writeHead(status, { ...SECURITY_HEADERS, 'content-type': contentType, 'content-length': String(Buffer.byteLength(body)), 'cache-control': 'no-store', ...extra });
  res.end(body);
}
