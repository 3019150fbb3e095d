import { pino, type DestinationStream, type Logger as PinoLogger } from 'pino';
import { readableLogStream } from './log-format.js';

/**
 * Structured JSON logger (pino); on a terminal the same entries are written as readable lines
 * (log-format.ts). Secrets are removed twice: fields by path before serialising,
 * and every written line (whatever its level) is scrubbed of secret-looking text, because SDKs log
 * pre-formatted strings (Slack's Web API client logs each request body at debug level,
 * oauth.v2.access's client secret and code included).
 */
export type Logger = PinoLogger;

const REDACT = [
  '*.token',
  '*.botToken',
  '*.appToken',
  '*.accessToken',
  '*.refreshToken',
  '*.access_token',
  '*.refresh_token',
  '*.clientSecret',
  '*.client_secret',
  '*.signingSecret',
  '*.password',
  '*.authorization',
  'headers.authorization',
  'req.headers.authorization',
];

const MASK = '[redacted]';
const SECRET_KEYS = [
  'client_secret', 'clientSecret', 'refresh_token', 'refreshToken', 'access_token', 'accessToken', 'bot_token', 'botToken',
  'app_token', 'appToken', 'signing_secret', 'signingSecret', 'client_assertion', 'password', 'token',
];
// "key":"value" in a message or in JSON, also JSON-escaped inside a logged string (\"key\":\"value\").
const keyValue = (keys: string[]) => new RegExp(`(\\\\?"(?:${keys.join('|')})\\\\?"\\s*:\\s*\\\\?")[^"\\\\]*`, 'g');
const JSON_SECRET = keyValue(SECRET_KEYS);
// `code` and `state` are ordinary field names in our own logs (err.code): only SDK text scrubs them.
const OAUTH_FIELDS = keyValue(['code', 'state']);
const QUERY_SECRET = /([?&](?:code|state|client_secret|token|refresh_token|access_token)=)[^&\s"\\]*/gi;
const PLATFORM_TOKEN = /\b(xox[a-z]|xapp)-[A-Za-z0-9-]+/g;
const BEARER = /(Bearer\s+)[A-Za-z0-9._~+/=-]+/gi;

/**
 * Removes secrets from free text: values of secret-named keys, OAuth parameters in URLs, Slack
 * tokens and bearer credentials. `sdkText` also masks "code" and "state" values (OAuth bodies).
 */
export function redactSecretText(text: string, options: { sdkText?: boolean } = {}): string {
  let out = text
    .replace(JSON_SECRET, `$1${MASK}`)
    .replace(QUERY_SECRET, `$1${MASK}`)
    .replace(PLATFORM_TOKEN, `$1-${MASK}`)
    .replace(BEARER, `$1${MASK}`);
  if (options.sdkText) out = out.replace(OAUTH_FIELDS, `$1${MASK}`);
  return out;
}

const ALREADY_LOGGED = Symbol.for('privacy-radar.already-logged');

/**
 * Marks an error as logged by the component that owns the fault (once per change of state), so
 * the loops that catch it on every pass do not log it again each second.
 */
export function markLogged(error: unknown): void {
  if (error && typeof error === 'object') Object.defineProperty(error, ALREADY_LOGGED, { value: true, enumerable: false });
}

function isMarkedLogged(value: unknown): boolean {
  if (!value || typeof value !== 'object') return false;
  const err = (value as { err?: unknown }).err ?? value;
  return Boolean(err && typeof err === 'object' && (err as Record<symbol, unknown>)[ALREADY_LOGGED]);
}

/**
 * Creates the logger. `readable` writes "09:00:12 INFO  message  key=value" lines (to
 * `destination`, else stderr) instead of JSON; `destination` (tests) replaces stderr.
 */
export function createLogger(options: { level?: string; readable?: boolean; destination?: DestinationStream } = {}): Logger {
  const level = options.level ?? 'info';
  const base = {
    level,
    redact: REDACT,
    hooks: {
      streamWrite: (line: string) => redactSecretText(line),
      logMethod(this: PinoLogger, args: Parameters<PinoLogger['info']>, method: (...a: unknown[]) => void) {
        if (isMarkedLogged(args[0])) return;
        method.apply(this, args);
      },
    },
  };
  // Logs go to stderr so that `--json` output on stdout stays machine-readable.
  if (options.readable) return pino(base, readableLogStream(options.destination ?? process.stderr));
  return pino(base, options.destination ?? pino.destination(2));
}

/** A logger that discards everything (tests, benchmarks). */
export function createSilentLogger(): Logger {
  return pino({ level: 'silent' });
}
