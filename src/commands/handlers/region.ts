import type { ChatMessage } from '../../chat/message.js';
import { describeRegionFilter, EVERY_REGION, REGION_IDS, REGION_LABELS, regionOf, type RegionFilter, type RegionId } from '../../core/regions.js';
import { problemReply, reply } from '../build-reply.js';
import { EXAMPLES, type ParsedCommand } from '../parse-command.js';
import { unknownRegionProblem } from '../region-words.js';
import type { HandlerContext } from './handler-context.js';
import { refuseManage } from './manage-permission.js';

type RegionCommand = Extract<ParsedCommand, { name: 'region' }>;

// Five regions plus `strict`, with room for repeats; anything longer is not a region setting.
const MAX_WORDS = 10;

const REGION_LIST = REGION_IDS.map((id) => `\`${id}\` ${REGION_LABELS[id]}`).join('; ');

/**
 * `region`: shows the channel's region filter. `region us eu [strict]` sets it, `region strict`
 * leaves out items with no region, `region all` clears it. Changes need `canManage` and a
 * subscription (the setting lives on it); bad words change nothing.
 */
export async function handleRegion(command: RegionCommand, { deps, context }: HandlerContext): Promise<ChatMessage> {
  const current = await deps.store.subscriptions.get(context.destination);
  if (command.words.length === 0) return showSetting(current ? (current.regionFilter ?? EVERY_REGION) : null);
  if (command.words.length > MAX_WORDS) return problemReply(`give at most ${MAX_WORDS} words (got ${command.words.length})`, EXAMPLES.region);
  const regions: RegionId[] = [];
  let all = false;
  let strict = false;
  for (const word of command.words) {
    const lower = word.toLowerCase();
    if (lower === 'all') all = true;
    else if (lower === 'strict') strict = true;
    else {
      const region = regionOf(word);
      if (region === null) return problemReply(`${unknownRegionProblem(word)} (or \`all\`, \`strict\`)`, EXAMPLES.region);
      if (!regions.includes(region)) regions.push(region);
    }
  }
  if (all && regions.length > 0) return problemReply('`all` already means every region: give either `all` or some regions', EXAMPLES.region);
  if (!context.canManage) return refuseManage('change the region setting');
  if (!current) return problemReply('this channel has no subscriptions yet, so there is nothing to filter: subscribe first', EXAMPLES.subscribe);
  // Regions given: they replace the list (strict only if said again). `strict` alone keeps the list.
  const filter: RegionFilter = all ? { regions: [], strict } : regions.length > 0 ? { regions, strict } : { regions: current.regionFilter?.regions ?? [], strict: true };
  await deps.store.subscriptions.setRegionFilter(context.destination, filter);
  const saved = (await deps.store.subscriptions.get(context.destination))?.regionFilter ?? filter;
  const lines = [`This channel now receives ${describeRegionFilter(saved)}.`, ...hints(saved), 'Posts and the weekly digest both follow this setting.'];
  const title = 'Region setting changed';
  return reply({ text: [title, ...lines].join('\n'), title, lines });
}

function showSetting(filter: RegionFilter | null): ChatMessage {
  const title = 'Region setting';
  const lines = filter === null
    ? ['This channel has no subscriptions yet; once it has, `region` limits them to some regions.']
    : [`This channel receives ${describeRegionFilter(filter)}.`, ...hints(filter)];
  lines.push(`Regions: ${REGION_LIST}.`);
  return reply({ text: [title, ...lines].join('\n'), title, lines });
}

function hints(filter: RegionFilter): string[] {
  const out: string[] = [];
  if (filter.regions.length > 0 && !filter.strict) out.push('Use `region strict` to leave out items that name no region.');
  if (filter.regions.length > 0 || filter.strict) out.push('Use `region all` to receive every region again.');
  else out.push('Use `region us eu` to receive only those regions (items that name no region still arrive).');
  return out;
}
