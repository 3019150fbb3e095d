import { z } from 'zod';
import { parseAddressRange } from '../ingest/http/address-guard.js';
import { WEB_ACCESS_MODES } from '../server/web-access.js';
import { ConfigError, describeIssues } from './config-error.js';

const flag = z
  .enum(['1', '0', 'true', 'false', 'yes', 'no', 'on', 'off', ''])
  .optional()
  .transform((v) => v === '1' || v === 'true' || v === 'yes' || v === 'on');

const FLAG_WORDS = new Set(['1', '0', 'true', 'false', 'yes', 'no', 'on', 'off', '']);

/**
 * ALLOW_PRIVATE_NETWORK: a flag (`true` allows private ranges) or a comma-separated list of CIDR
 * ranges (`127.0.0.0/8,10.0.0.0/8`) that alone are allowed. Link-local and metadata addresses stay
 * refused unless a listed range names them (see the address guard).
 */
const privateNetwork = z
  .string()
  .optional()
  .superRefine((value, ctx) => {
    const text = value?.trim().toLowerCase() ?? '';
    if (FLAG_WORDS.has(text)) return;
    for (const part of text.split(',')) {
      if (!parseAddressRange(part)) {
        ctx.addIssue({ code: 'custom', message: `"${part.trim()}" is not a CIDR range: expected true, false or a comma-separated list such as 127.0.0.0/8,10.0.0.0/8` });
        return;
      }
    }
  })
  .transform((value) => {
    const text = value?.trim().toLowerCase() ?? '';
    if (FLAG_WORDS.has(text)) return { all: text === '1' || text === 'true' || text === 'yes' || text === 'on', ranges: [] as string[] };
    return { all: false, ranges: text.split(',').map((part) => part.trim()) };
  });

const optionalText = z
  .string()
  .optional()
  .transform((v) => (v && v.trim() ? v.trim() : undefined));

/** A bearer token we compare against: long enough that guessing it is hopeless. */
const secretToken = optionalText.refine((v) => v === undefined || v.length >= 16, { message: 'must be at least 16 characters' });
// A connector host (`smba.trafficmanager.net`, `127.0.0.1`, `[::1]`) or `*.` and a suffix of at
// least two labels (`*.botframework.com`; never `*.net`, which would let anyone register a host).
const CONNECTOR_HOST = /^(?:\*\.[a-z0-9-]+(?:\.[a-z0-9-]+)+|[a-z0-9-]+(?:\.[a-z0-9-]+)*|\[?[0-9a-f:.]*:[0-9a-f:.]*\]?)$/i;
const connectorHosts = optionalText.refine((v) => v === undefined || v.split(',').map((h) => h.trim()).filter(Boolean).every((h) => CONNECTOR_HOST.test(h)), {
  message: 'expected comma-separated hostnames or *.suffix patterns (e.g. smba.trafficmanager.net,*.botframework.com)',
});

const isTimeZone = (zone: string) => {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
};

/** Every environment variable the bot reads (the README's environment table), validated at start-up. */
export const envSchema = z
  .object({
    DATABASE_URL: optionalText,
    FEEDS_FILE: z.string().default('./feeds.json'),
    PORT: z.coerce.number({ message: 'expected a port number' }).int().min(0).max(65535).default(3000),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    LOG_FORMAT: z.enum(['auto', 'json', 'readable'], { message: 'expected auto, json or readable' }).default('auto'),
    ALLOW_PRIVATE_NETWORK: privateNetwork,
    USER_AGENT: optionalText,
    RETENTION_DAYS: z.coerce.number({ message: 'expected a number of days' }).int().min(1).default(365),
    DIGEST_TIMEZONE: z
      .string()
      .default('UTC')
      .refine(isTimeZone, { message: 'expected an IANA time zone such as Europe/Berlin' }),
    BACKFILL_ITEMS: z.coerce.number().int().min(0).max(50).default(0),
    ENCRYPTION_KEY: optionalText,
    WEB_ACCESS: z.enum(WEB_ACCESS_MODES, { message: 'expected local, token, public or off' }).default('local'),
    WEB_TOKEN: secretToken,
    METRICS_TOKEN: secretToken,
    SLACK_SIGNING_SECRET: optionalText,
    SLACK_BOT_TOKEN: optionalText,
    SLACK_APP_TOKEN: optionalText,
    SLACK_CLIENT_ID: optionalText,
    SLACK_CLIENT_SECRET: optionalText,
    SLACK_STATE_SECRET: optionalText,
    SLACK_API_URL: optionalText,
    SLACK_ADMIN_ONLY: flag,
    TEAMS_APP_ID: optionalText,
    TEAMS_APP_PASSWORD: optionalText,
    TEAMS_TENANT_ID: optionalText,
    TEAMS_LOCAL_DEV: flag,
    TEAMS_SERVICE_URL_HOSTS: connectorHosts,
  });

/** Rules that span several variables; checked on the raw values so they report alongside type errors. */
function crossFieldProblems(source: Record<string, string | undefined>): string[] {
  const set = (name: string) => Boolean(source[name]?.trim());
  const problems: string[] = [];
  if ((set('SLACK_BOT_TOKEN') || set('SLACK_CLIENT_ID') || set('SLACK_APP_TOKEN')) && !set('SLACK_SIGNING_SECRET')) {
    problems.push('SLACK_SIGNING_SECRET: required when Slack is enabled (every request is verified with it)');
  }
  if (set('SLACK_CLIENT_ID') && (!set('SLACK_CLIENT_SECRET') || !set('SLACK_STATE_SECRET'))) {
    problems.push('SLACK_CLIENT_SECRET: multi-workspace OAuth needs SLACK_CLIENT_ID, SLACK_CLIENT_SECRET and SLACK_STATE_SECRET');
  }
  // One workspace (bot token, optionally Socket Mode) or OAuth installs: never both at once.
  const oauth = ['SLACK_CLIENT_ID', 'SLACK_CLIENT_SECRET', 'SLACK_STATE_SECRET'].filter(set);
  for (const single of ['SLACK_BOT_TOKEN', 'SLACK_APP_TOKEN'].filter(set)) {
    if (oauth.length) problems.push(`${single} conflicts with ${oauth.join(', ')}: set either SLACK_BOT_TOKEN (one workspace, SLACK_APP_TOKEN for Socket Mode) or SLACK_CLIENT_ID, SLACK_CLIENT_SECRET and SLACK_STATE_SECRET (OAuth installs), not both`);
  }
  if (set('TEAMS_APP_ID') && !set('TEAMS_APP_PASSWORD') && !(set('TEAMS_CERT_PEM_FILE') && set('TEAMS_CERT_KEY_FILE'))) {
    problems.push('TEAMS_APP_PASSWORD: required when TEAMS_APP_ID is set (or TEAMS_CERT_PEM_FILE and TEAMS_CERT_KEY_FILE)');
  }
  if (source.WEB_ACCESS?.trim() === 'token' && !set('WEB_TOKEN')) {
    problems.push('WEB_TOKEN: required when WEB_ACCESS=token');
  }
  return problems;
}

export type Env = z.infer<typeof envSchema>;

/** Validates process.env (or a given record); throws ConfigError naming each bad variable. */
export function loadEnv(source: Record<string, string | undefined> = process.env): Env {
  const result = envSchema.safeParse(source);
  const problems = [...(result.success ? [] : describeIssues(result.error)), ...crossFieldProblems(source)];
  if (problems.length || !result.success) throw new ConfigError('environment', problems);
  return result.data;
}
