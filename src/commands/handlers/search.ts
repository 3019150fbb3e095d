import type { ChatMessage } from '../../chat/message.js';
import { listText, problemReply, reply, toStoryItems } from '../build-reply.js';
import { EXAMPLES, type ParsedCommand } from '../parse-command.js';
import type { HandlerContext } from './handler-context.js';
import { viewer } from './watches.js';
import { isQueryProblem, parseQuery } from '../../search/parse-query.js';

type SearchCommand = Extract<ParsedCommand, { name: 'search' }>;

const MAX_QUERY_CHARS = 200;
const RESULTS = 10;

/** `search <query>`: ranked full-text search in the query language of watches, one entry per story. */
export async function handleSearch(command: SearchCommand, { deps, context }: HandlerContext): Promise<ChatMessage> {
  const words = command.words.trim();
  if (words.length > MAX_QUERY_CHARS) {
    return problemReply(`the search is too long (${words.length} characters, at most ${MAX_QUERY_CHARS})`, EXAMPLES.search);
  }
  if (!/[\p{L}\p{N}]/u.test(words)) return problemReply('the search needs at least one word', EXAMPLES.search);
  // The query language shared with watches (docs/commands.md): an unusable query is explained.
  const query = parseQuery(words);
  if (isQueryProblem(query)) return problemReply(query.problem, EXAMPLES.search);
  const rows = await deps.store.items.search({ words, limit: RESULTS * 3, ...viewer(context.destination) });
  const items = toStoryItems(rows, RESULTS);
  const title = `Search: ${words}`;
  if (items.length === 0) {
    const none = `Nothing found for "${words}". Try fewer or different words.`;
    return reply({ text: none, title, lines: [none] });
  }
  return reply({ text: listText(title, items), title, items });
}
