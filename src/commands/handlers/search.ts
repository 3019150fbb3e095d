import type { ChatMessage } from '../../chat/message.js';
import { listText, problemReply, reply, toStoryItems } from '../build-reply.js';
import { EXAMPLES, type ParsedCommand } from '../parse-command.js';
import type { HandlerContext } from './handler-context.js';
import { resolveRegionWords, unknownRegionProblem } from '../region-words.js';
import { REGION_IDS, regionMarks } from '../../core/regions.js';

type SearchCommand = Extract<ParsedCommand, { name: 'search' }>;

const MAX_QUERY_CHARS = 200;
const RESULTS = 10;
// Five regions exist; repeats beyond that are a mistake, not a longer filter.
const MAX_REGION_WORDS = REGION_IDS.length;

/** `search <words> [--region <region...>]`: ranked full-text search, one entry per story. */
export async function handleSearch(command: SearchCommand, { deps }: HandlerContext): Promise<ChatMessage> {
  const words = command.words.trim();
  if (words.length > MAX_QUERY_CHARS) {
    return problemReply(`the search is too long (${words.length} characters, at most ${MAX_QUERY_CHARS})`, EXAMPLES.search);
  }
  if (!/[\p{L}\p{N}]/u.test(words)) return problemReply('the search needs at least one word', EXAMPLES.search);
  if (command.regionWords.length > MAX_REGION_WORDS) return problemReply(`name at most ${MAX_REGION_WORDS} regions`, `search ${words} --region us eu`);
  const resolved = resolveRegionWords(command.regionWords);
  if ('unknown' in resolved) return problemReply(unknownRegionProblem(resolved.unknown), `search ${words} --region eu`);
  const { regions } = resolved;
  const rows = await deps.store.items.search({ words, ...(regions.length > 0 ? { regions } : {}), limit: RESULTS * 3 });
  const items = toStoryItems(rows, RESULTS);
  const title = `Search: ${words}${regions.length > 0 ? ` (${regionMarks(regions)})` : ''}`;
  if (items.length === 0) {
    const none = `Nothing found for "${words}"${regions.length > 0 ? ` tagged ${regionMarks(regions)}` : ''}. Try fewer or different words.`;
    return reply({ text: none, title, lines: [none] });
  }
  return reply({ text: listText(title, items), title, items });
}
