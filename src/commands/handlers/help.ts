import type { ChatMessage } from '../../chat/message.js';
import { reply } from '../build-reply.js';
import { COMMAND_NAMES, EXAMPLES, type CommandName, type ParsedCommand } from '../parse-command.js';
import { closestWords } from '../edit-distance.js';
import { resolveTopic } from '../topic-resolver.js';
import type { HandlerContext } from './handler-context.js';

type UnknownCommand = Extract<ParsedCommand, { name: 'unknown' }>;

const WATCH = '`watch <query>` / `unwatch <query|all>` / `watches`: also post items matching a search, whatever their topics';
const MUTE = '`mute source <feed id>` / `mute <query>` / `unmute ...` / `mutes`: never post these items here';

/** One line per command (docs/commands.md); related commands share their line. */
export const HELP_BY_COMMAND: Record<CommandName, string> = {
  latest: '`latest [topic] [region] [n] [public]`: newest stories (5 by default, at most 20); `public` posts for the channel',
  search: '`search <query> [--region eu]`: search stored items (words, "a phrase", -word, OR)',
  subscribe: '`subscribe <topic...>`: post new items on these topics in this channel',
  unsubscribe: '`unsubscribe <topic...|all>`: stop some topics, or everything',
  subscriptions: '`subscriptions`: what this channel follows, and whether deliveries are paused',
  topics: '`topics [topic]`: the topics you can use, or what one covers',
  digest: '`digest [on|off|preview|now|weekly <day> <HH:MM> [zone]]`: the weekly digest',
  watch: WATCH,
  unwatch: WATCH,
  watches: WATCH,
  mute: MUTE,
  unmute: MUTE,
  mutes: MUTE,
  quiet: '`quiet <HH:MM>-<HH:MM> [weekends] [zone]` / `quiet off`: hold posts at night, then post them as one message',
  feeds: '`feeds`: the sources, their health and when each is tried next',
  why: '`why <#id or item link>`: why an item was posted and got its topics and regions (the #id is under every post)',
  region: '`region [us|eu|uk|apac|intl...|all|strict]`: which regions\' items this channel receives',
  settings: '`settings`: this channel’s topics and digest as a form',
  help: '`help [command]`: this list, or one command explained',
};

/** The grammar as `help` lists it: each line once, in the order above. */
export const HELP_LINES = [...new Set(Object.values(HELP_BY_COMMAND))];

/** `help latest`: that command's line and an example; an unknown word gets the list and a suggestion. */
export async function handleHelpAbout(about: string, ctx: HandlerContext): Promise<ChatMessage> {
  const word = about.trim().split(/\s+/)[0]!.toLowerCase();
  const name = COMMAND_NAMES.find((command) => command === word);
  if (!name) {
    const suggestion = closestWords(word, COMMAND_NAMES)[0];
    const list = await handleHelp(null, ctx);
    const first = `There is no command "${word}".${suggestion ? ` Did you mean \`help ${suggestion}\`?` : ''}`;
    return { ...list, text: `${first}\n${list.text}`, lines: [first, ...(list.lines ?? [])] };
  }
  const lines = [HELP_BY_COMMAND[name], `Example: \`${EXAMPLES[name]}\``];
  const title = `Help: ${name}`;
  return reply({ text: [title, ...lines].join('\n'), title, lines });
}

/** `help`, also the answer to unknown input (with a "did you mean"). */
export async function handleHelp(unknown: UnknownCommand | null, { deps }: HandlerContext): Promise<ChatMessage> {
  const lines: string[] = [];
  if (unknown) {
    const topic = resolveTopic([unknown.word, ...unknown.rest].join(' '), deps.topics);
    const firstTopic = resolveTopic(unknown.word, deps.topics);
    const asTopic = topic.kind === 'exact' ? topic.topic : firstTopic.kind === 'exact' ? firstTopic.topic : null;
    let suggestion = '';
    if (unknown.suggestion) suggestion = ` Did you mean \`${[unknown.suggestion, ...unknown.rest].join(' ')}\`?`;
    else if (asTopic) suggestion = ` Did you mean \`latest ${asTopic.id}\`?`;
    lines.push(`I don't know the command "${unknown.word}".${suggestion}`);
  }
  lines.push(...HELP_LINES.map((line) => `• ${line}`));
  const title = 'Privacy Radar commands';
  return reply({ text: [title, ...lines].join('\n'), title, lines });
}
