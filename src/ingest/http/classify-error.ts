/** Maps network-level failures (undici, net, tls, dns) to the error kinds of docs/ingestion.md R9. */
import type { FetchErrorKind } from '../../core/types.js';

const TLS_CODES = /^(CERT_|ERR_TLS_|ERR_SSL_|UNABLE_TO_|DEPTH_ZERO_SELF_SIGNED_CERT|SELF_SIGNED_CERT_IN_CHAIN|HOSTNAME_MISMATCH|ERR_OSSL)/;

function codesOf(err: unknown): string[] {
  const codes: string[] = [];
  let current: unknown = err;
  for (let depth = 0; current && depth < 5; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string') codes.push(code);
    current = (current as { cause?: unknown }).cause;
  }
  return codes;
}

/** The error kind for a thrown network error, with a short human message. */
export function classifyNetworkError(err: unknown, timedOut: boolean): { kind: FetchErrorKind; message: string } {
  const codes = codesOf(err);
  const message = err instanceof Error ? err.message : String(err);
  if (codes.includes('ERR_BLOCKED_ADDRESS')) return { kind: 'blocked_address', message };
  if (timedOut) return { kind: 'timeout', message: 'no complete response within the total timeout' };
  if (codes.some((c) => c === 'UND_ERR_CONNECT_TIMEOUT')) return { kind: 'timeout', message: 'connect timeout' };
  if (codes.some((c) => c === 'UND_ERR_HEADERS_TIMEOUT' || c === 'UND_ERR_BODY_TIMEOUT' || c === 'ETIMEDOUT')) {
    return { kind: 'timeout', message };
  }
  if (codes.some((c) => c === 'ENOTFOUND' || c === 'EAI_AGAIN' || c === 'EAI_NODATA' || c === 'EAI_FAIL')) {
    return { kind: 'dns', message: `DNS lookup failed (${codes[0]})` };
  }
  const tls = codes.find((c) => TLS_CODES.test(c));
  // OpenSSL messages are multi-line internals; the code says it all (e.g. CERT_HAS_EXPIRED).
  if (tls) return { kind: 'tls', message: `TLS handshake failed (${tls})` };
  // No error code at all means a bug on our side, not the network: say so.
  if (codes.length === 0) return { kind: 'internal', message };
  return { kind: 'connect', message: `${codes[0]}: ${message}` };
}
