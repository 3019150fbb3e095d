import { createRequire } from 'node:module';
import { pino, type Logger as PinoLogger } from 'pino';

/** Structured JSON logger (pino). Secrets are redacted by path before anything is written. */
export type Logger = PinoLogger;

const REDACT = [
  '*.token',
  '*.botToken',
  '*.appToken',
  '*.clientSecret',
  '*.signingSecret',
  '*.password',
  '*.authorization',
  'headers.authorization',
  'req.headers.authorization',
];

export function createLogger(options: { level?: string; pretty?: boolean } = {}): Logger {
  const level = options.level ?? 'info';
  if (options.pretty && prettyAvailable()) {
    return pino({
      level,
      redact: REDACT,
      transport: { target: 'pino-pretty', options: { colorize: true, destination: 2 } },
    });
  }
  // Logs go to stderr so that `--json` output on stdout stays machine-readable.
  return pino({ level, redact: REDACT }, pino.destination(2));
}

/** A logger that discards everything (tests, benchmarks). */
export function createSilentLogger(): Logger {
  return pino({ level: 'silent' });
}

/** pino-pretty is a development dependency: production images log JSON only. */
function prettyAvailable(): boolean {
  try {
    createRequire(import.meta.url).resolve('pino-pretty');
    return true;
  } catch {
    return false;
  }
}
