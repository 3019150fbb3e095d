/**
 * Where the bot may send its connector token and replies. With credentials: only to Bot
 * Framework / Teams connector hosts (TEAMS_SERVICE_URL_HOSTS), the same idea as the Agents SDK's
 * OutboundHostValidator, which CloudAdapter consults before it creates a connector client. In
 * local development: only to a connector on this machine, at the path the Bot Framework
 * Emulator or the Teams App Test Tool uses, so a caller cannot aim the bot's POST at another
 * local service. Checked when an activity arrives and again right before every send.
 */
import { isLoopbackUrl } from './caller-check.js';

/**
 * The public-cloud connector hosts: Teams' Bot Connector (smba.trafficmanager.net), Teams
 * regional and GCC hosts under teams.microsoft.com, and the Bot Framework's own channels under
 * botframework.com (Web Chat, Direct Line). Deliberately not `*.trafficmanager.net`: anyone can
 * create a name there.
 */
export const DEFAULT_SERVICE_URL_HOSTS: readonly string[] = ['smba.trafficmanager.net', '*.botframework.com', '*.teams.microsoft.com'];

/** Paths the local tools use as serviceUrl: the Emulator sends none ("/"), the Test Tool "/_connector". */
const LOCAL_CONNECTOR_PATHS = new Set(['/', '/_connector', '/_connector/']);

/** Decides whether a serviceUrl may receive the bot's posts; `refusal` says why not (for the log). */
export interface ServiceUrlAllowList {
  refusal(serviceUrl: string): string | null;
  allows(serviceUrl: string): boolean;
}

/** Splits TEAMS_SERVICE_URL_HOSTS into lower-case entries (`host` or `*.suffix`), brackets off IPv6. */
export function parseServiceUrlHosts(text: string | undefined): string[] {
  return (text ?? '')
    .split(',')
    .map((entry) => entry.trim().toLowerCase().replace(/^\[(.*)\]$/, '$1'))
    .filter(Boolean);
}

/** `*.example.com` matches subdomains only; any other entry matches the host exactly. */
export function hostMatches(host: string, pattern: string): boolean {
  return pattern.startsWith('*.') ? host.endsWith(pattern.slice(1)) : host === pattern;
}

function parse(serviceUrl: string): URL | string {
  let url: URL;
  try {
    url = new URL(serviceUrl);
  } catch {
    return 'serviceUrl is not a URL';
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return 'serviceUrl is not http(s)';
  if (url.username || url.password) return 'serviceUrl carries credentials';
  if (url.search || url.hash || serviceUrl.includes('?') || serviceUrl.includes('#')) return 'serviceUrl has a query or fragment';
  return url;
}

function fromCheck(check: (serviceUrl: string) => string | null): ServiceUrlAllowList {
  return { refusal: check, allows: (serviceUrl) => check(serviceUrl) === null };
}

/** Authenticated mode: https to an allowed connector host; plain http only to an allowed loopback host (tests). */
export function createConnectorHostAllowList(patterns: readonly string[]): ServiceUrlAllowList {
  return fromCheck((serviceUrl) => {
    const url = parse(serviceUrl);
    if (typeof url === 'string') return url;
    const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
    if (!patterns.some((pattern) => hostMatches(host, pattern))) return `serviceUrl host ${host} is not a connector host (TEAMS_SERVICE_URL_HOSTS)`;
    if (url.protocol === 'http:' && !isLoopbackUrl(serviceUrl)) return 'serviceUrl must be https';
    return null;
  });
}

/** Local development: a loopback connector at the Emulator's or the Test Tool's path, nothing else. */
export function createLocalConnectorAllowList(): ServiceUrlAllowList {
  return fromCheck((serviceUrl) => {
    const url = parse(serviceUrl);
    if (typeof url === 'string') return url;
    if (!isLoopbackUrl(serviceUrl)) return 'local development only replies to a loopback serviceUrl';
    if (!LOCAL_CONNECTOR_PATHS.has(url.pathname)) return 'serviceUrl path is not a local connector path (/ or /_connector)';
    return null;
  });
}
