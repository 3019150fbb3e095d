import type { ChatMessage } from '../../chat/message.js';
import { reply } from '../build-reply.js';
import type { ParsedCommand } from '../parse-command.js';
import { resolveTopic } from '../topic-resolver.js';
import type { HandlerContext } from './handler-context.js';

type UnknownCommand = Extract<ParsedCommand, { name: 'unknown' }>;

/** The grammar, one line per command (docs/commands.md). */
export const HELP_LINES = [
  '`latest [topic] [n] [public]`: newest stories (5 by default, at most 20); `public` posts for the channel',
  '`search <query>`: search stored items (words, "a phrase", -word, OR)',
  '`subscribe <topic...>`: post new items on these topics in this channel',
  '`unsubscribe <topic...|all>`: stop some topics, or everything',
  '`subscriptions`: what this channel follows, and whether deliveries are paused',
  '`topics`: the topics you can use',
  '`digest [on|off|preview|now|weekly <day> <HH:MM> [zone]]`: the weekly digest',
  '`watch <query>` / `unwatch <query|all>` / `watches`: also post items matching a search, whatever their topics',
  '`mute source <feed id>` / `mute <query>` / `unmute ...` / `mutes`: never post these items here',
  '`quiet <HH:MM>-<HH:MM> [weekends] [zone]` / `quiet off`: hold posts at night, then post them as one message',
  '`feeds`: the sources and their health',
  '`why <item link or id>`: why an item got its topics',
  '`settings`: this channel’s topics and digest as a form',
  '`help`: this list',
];

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
