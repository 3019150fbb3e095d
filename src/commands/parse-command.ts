import { regionOf } from '../core/regions.js';
import { closestWords } from './edit-distance.js';
import { DIGEST_EXAMPLE, parseDigestArgs, type DigestRequest } from './parse-digest-args.js';
import { parseQuietArgs, QUIET_EXAMPLE, type QuietRequest } from './parse-quiet-args.js';

/** Every command of the chat grammar (docs/commands.md). */
export const COMMAND_NAMES = [
  'latest',
  'search',
  'subscribe',
  'unsubscribe',
  'subscriptions',
  'topics',
  'digest',
  'feeds',
  'why',
  'settings',
  'help',
  'region',
  'watch',
  'unwatch',
  'watches',
  'mute',
  'unmute',
  'mutes',
  'quiet',
] as const;

/** One of the command words. */
export type CommandName = (typeof COMMAND_NAMES)[number];

/** What `mute`/`unmute` name: a source by feed id, or a query (as typed; checked by the handler). */
export type MuteTarget = { kind: 'source'; feedId: string } | { kind: 'query'; query: string };

/** A parsed command; topics stay as typed words (resolved later against the taxonomy). */
export type ParsedCommand =
  | { name: 'help' | 'topics' | 'subscriptions' | 'feeds' | 'settings' }
  /** `help latest`: one command explained. */
  | { name: 'help'; about: string }
  /** `topics ai`: one topic shown. */
  | { name: 'topics'; topicWords: string[] }
  /** `feeds check` and other words after `feeds`. */
  | { name: 'feeds'; words: string[] }
  | { name: 'latest'; topicWords: string[]; count: number | null; public: boolean }
  | { name: 'search'; words: string; regionWords: string[] }
  | { name: 'region'; words: string[] }
  | { name: 'subscribe'; topicWords: string[] }
  | { name: 'unsubscribe'; topicWords: string[] | 'all' }
  | { name: 'digest'; request: DigestRequest }
  | { name: 'why'; target: string }
  | { name: 'watches' | 'mutes' }
  | { name: 'watch'; query: string }
  | { name: 'unwatch'; query: string | 'all' }
  | { name: 'mute'; target: MuteTarget }
  | { name: 'unmute'; target: MuteTarget | 'all' }
  | { name: 'quiet'; request: QuietRequest }
  | { name: 'unknown'; word: string; suggestion: CommandName | null; rest: string[] }
  | { name: 'invalid'; command: CommandName; problem: string; example: string }
  | { name: 'too_long'; length: number; limit: number };

/**
 * Longest command text read (characters). Slack lets a slash command carry a few thousand
 * characters; the longest real command, `why` with a link (links are kept up to 2,048
 * characters), fits well within this. Longer text is answered with the limit, never parsed.
 */
export const MAX_COMMAND_CHARS = 3_000;

/** Examples shown with bad-argument replies and in help. */
export const EXAMPLES: Record<CommandName, string> = {
  latest: 'latest ai 10',
  search: 'search biometric data',
  subscribe: 'subscribe ai gdpr',
  unsubscribe: 'unsubscribe gdpr',
  subscriptions: 'subscriptions',
  topics: 'topics',
  digest: DIGEST_EXAMPLE,
  feeds: 'feeds',
  why: 'why #37',
  settings: 'settings',
  help: 'help',
  region: 'region us eu',
  watch: 'watch clearview OR "facial recognition" -police',
  unwatch: 'unwatch clearview',
  watches: 'watches',
  mute: 'mute source bbc-technology',
  unmute: 'unmute source bbc-technology',
  mutes: 'mutes',
  quiet: QUIET_EXAMPLE,
};

/**
 * Slack escapes `&`, `<` and `>` in slash-command text (api.slack.com/interactivity/slash-commands);
 * undo exactly those three so `Data breaches &amp; leaks` matches its label.
 */
export function unescapeCommandText(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

/** Words: whitespace- and comma-separated, Slack's `/privacy` prefix tolerated. */
export function splitWords(text: string): string[] {
  return unescapeCommandText(text)
    .replace(/^\s*\/privacy\b/i, '')
    .split(/[\s,]+/)
    .filter(Boolean);
}

/** The text after the command word, as typed (quotes and commas kept; Slack's escaping undone). */
function remainder(text: string): string {
  return unescapeCommandText(text).replace(/^\s*(\/privacy\s+)?\S+/i, '').trim();
}

function parseMuteTarget(rest: string): MuteTarget | null {
  const source = /^source\s+(\S+)\s*$/i.exec(rest);
  if (source) return { kind: 'source', feedId: source[1]!.toLowerCase() };
  if (/^source\s*$/i.test(rest)) return null;
  return rest ? { kind: 'query', query: rest } : null;
}

/** Parses one command line. Pure: never throws, never looks anything up. */
export function parseCommand(text: string): ParsedCommand {
  if (text.length > MAX_COMMAND_CHARS) return { name: 'too_long', length: text.length, limit: MAX_COMMAND_CHARS };
  const [first, ...rest] = splitWords(text);
  if (first === undefined) return { name: 'help' };
  const word = first.toLowerCase();
  switch (word) {
    // Words after these are never silently ignored: they ask about one command, topic or action.
    case 'help':
      return rest.length > 0 ? { name: 'help', about: rest.join(' ') } : { name: 'help' };
    case 'topics':
      return rest.length > 0 ? { name: 'topics', topicWords: rest } : { name: 'topics' };
    case 'feeds':
      return rest.length > 0 ? { name: 'feeds', words: rest } : { name: 'feeds' };
    case 'subscriptions':
      return rest.length > 0 ? invalid('subscriptions', `\`subscriptions\` takes no words (you typed "${rest.join(' ')}")`) : { name: 'subscriptions' };
    case 'settings':
      return { name: word };
    case 'latest':
      return parseLatest(rest);
    case 'search':
      return parseSearch(rest);
    case 'region':
      return { name: 'region', words: rest };
    case 'subscribe':
      // No words is valid here: it resumes a paused channel (checked by the handler).
      return { name: 'subscribe', topicWords: rest };
    case 'unsubscribe':
      if (rest.length === 0) return invalid('unsubscribe', 'name at least one topic, or `all`');
      return { name: 'unsubscribe', topicWords: rest.length === 1 && rest[0]?.toLowerCase() === 'all' ? 'all' : rest };
    case 'digest': {
      const request = parseDigestArgs(rest);
      return 'problem' in request ? invalid('digest', request.problem) : { name: 'digest', request };
    }
    case 'why': {
      // The raw remainder: a link may contain commas, which splitWords treats as separators.
      const target = remainder(text);
      return target ? { name: 'why', target } : invalid('why', 'give an item link or id');
    }
    case 'watches':
    case 'mutes':
      return { name: word };
    case 'watch': {
      const query = remainder(text);
      return query ? { name: 'watch', query } : invalid('watch', 'say what to watch for: words, "a phrase", -excluded words or OR');
    }
    case 'unwatch': {
      const query = remainder(text);
      if (!query) return invalid('unwatch', 'name the watch to remove (as `watches` lists it), or `all`');
      return { name: 'unwatch', query: /^all$/i.test(query) ? 'all' : query };
    }
    case 'mute': {
      const target = parseMuteTarget(remainder(text));
      return target ? { name: 'mute', target } : invalid('mute', 'name a source (`mute source <feed id>`, ids are in `feeds`) or words to mute');
    }
    case 'unmute': {
      const rest = remainder(text);
      if (/^all$/i.test(rest)) return { name: 'unmute', target: 'all' };
      const target = parseMuteTarget(rest);
      return target ? { name: 'unmute', target } : invalid('unmute', 'name the mute to remove (as `mutes` lists it), or `all`');
    }
    case 'quiet': {
      const request = parseQuietArgs(rest);
      return 'problem' in request ? invalid('quiet', request.problem) : { name: 'quiet', request };
    }
    default:
      return { name: 'unknown', word: first, suggestion: (closestWords(word, COMMAND_NAMES)[0] as CommandName) ?? null, rest };
  }
}

function parseLatest(words: string[]): ParsedCommand {
  let isPublic = false;
  const counts: string[] = [];
  const topicWords: string[] = [];
  for (const word of words) {
    if (word.toLowerCase() === 'public') isPublic = true;
    else if (/^[+-]?\d+$/.test(word)) counts.push(word);
    else topicWords.push(word);
  }
  if (counts.length > 1) return invalid('latest', `give one count, not ${counts.length} (${counts.join(', ')})`);
  const count = counts[0] === undefined ? null : Number(counts[0]);
  return { name: 'latest', topicWords, count, public: isPublic };
}

/**
 * `search <words> [--region <region...>]`: the words after `--region` (or `--region=eu`) that name
 * regions are the filter (`--region us eu`, `--region us,eu`); the first is taken whatever it
 * says, so a misspelt one is reported by the handler rather than searched for.
 */
function parseSearch(rest: string[]): ParsedCommand {
  const words: string[] = [];
  const regionWords: string[] = [];
  for (let i = 0; i < rest.length; i++) {
    // Chat clients may turn a typed `--` into a dash.
    const flag = /^(?:--?|\u2014|\u2013)regions?(?:=(.*))?$/i.exec(rest[i]!);
    if (!flag) {
      words.push(rest[i]!);
      continue;
    }
    const value = flag[1] || rest[++i];
    if (value === undefined) return invalid('search', 'name a region after `--region`', 'search fine --region eu');
    regionWords.push(value);
    while (i + 1 < rest.length && regionOf(rest[i + 1]!) !== null) regionWords.push(rest[++i]!);
  }
  const text = words.join(' ').trim();
  return text ? { name: 'search', words: text, regionWords } : invalid('search', 'the search words are missing');
}

function invalid(command: CommandName, problem: string, example = EXAMPLES[command]): ParsedCommand {
  return { name: 'invalid', command, problem, example };
}
