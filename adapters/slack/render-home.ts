/**
 * The App Home tab, a control page: what the bot does, each channel of this workspace it posts to
 * with its topics and digest and an Edit button (opens the settings modal), the latest stories on
 * those channels' topics, and the topic list (the core's `topics` reply). Views allow 100 blocks.
 */
import type { types } from '@slack/bolt';
import { describeSchedule, type ChatMessage, type MessageItem, type Subscription } from '../../src/index.js';
import { escapeSlackText, fitEscaped } from './escape-text.js';
import { renderBlocks } from './render-blocks.js';
import { LIMITS, renderItemCompact } from './render-item.js';
import { isChannelId } from './settings-modal.js';

type KnownBlock = types.KnownBlock;

/** action_id of a channel's Edit button on App Home; its value is the channel id. */
export const HOME_EDIT_ACTION_ID = 'home_edit_channel';

/** At most this many channels are listed; the rest are counted. */
export const MAX_HOME_CHANNELS = 40;
const MAX_CHANNELS = MAX_HOME_CHANNELS;

const INTRO = [
  'I watch privacy news feeds (regulators, NGOs, newsrooms, research blogs), tag each item by topic and post new items to the channels that subscribed to those topics, plus a weekly digest.',
  'In any channel: `/privacy latest ai` · `/privacy search biometric` · `/privacy subscribe gdpr breach` · `/privacy settings` · `/privacy help`. Invite me to private channels with `/invite @Privacy Radar` before subscribing them.',
].join('\n\n');

/** What the Home tab shows. */
export interface HomeContent {
  subscriptions: Subscription[];
  /** The newest stories on the listed channels' topics. */
  stories: MessageItem[];
  /** The core's `topics` reply, or null when it failed. */
  topics: ChatMessage | null;
  /** Watches, mutes (`source <id>` or a query) and quiet hours, by channel id. */
  rules?: Record<string, { watches: string[]; mutes: string[]; quiet: string }>;
}

/** Builds the Home view. */
export function renderHomeView(content: HomeContent): types.HomeView {
  const blocks: KnownBlock[] = [
    { type: 'header', text: { type: 'plain_text', text: 'Privacy Radar' } },
    { type: 'section', text: { type: 'mrkdwn', text: INTRO } },
    { type: 'divider' },
    { type: 'header', text: { type: 'plain_text', text: 'Channels I post to' } },
    ...renderChannels(content.subscriptions, content.rules ?? {}),
    { type: 'divider' },
  ];
  if (content.stories.length > 0) {
    blocks.push({ type: 'header', text: { type: 'plain_text', text: 'Latest stories on these channels’ topics' } });
    for (const story of content.stories) blocks.push(...renderItemCompact(story));
    blocks.push({ type: 'divider' });
  }
  // Command buttons need a response_url, which App Home interactions do not have: leave them out.
  if (content.topics) blocks.push(...renderBlocks({ ...content.topics, buttons: [] }, LIMITS.homeBlocks - blocks.length).blocks);
  return { type: 'home', blocks: blocks.slice(0, LIMITS.homeBlocks) };
}

function renderChannels(subscriptions: Subscription[], rules: NonNullable<HomeContent['rules']>): KnownBlock[] {
  if (subscriptions.length === 0) {
    return [section('No channel has subscribed yet. Run `/privacy subscribe` in a channel to pick its topics.')];
  }
  const blocks = subscriptions.slice(0, MAX_CHANNELS).map((sub): KnownBlock => {
    const id = sub.destination.channelId;
    // <#C123> is Slack's channel link, built from our own stored id (never feed text).
    const channel = isChannelId(id) ? `<#${id}>` : escapeSlackText(id);
    const topics = sub.topics.length > 0 ? escapeSlackText(sub.topics.join(', ')) : 'no topics';
    const paused = sub.status === 'paused' ? `\n_Deliveries paused: ${escapeSlackText(sub.pausedReason ?? 'unknown reason')}_` : '';
    const rule = rules[id];
    const extra = [
      rule?.watches.length ? `Watches: ${rule.watches.join(' · ')}` : '',
      rule?.mutes.length ? `Mutes: ${rule.mutes.join(' · ')}` : '',
      rule?.quiet ? `Quiet hours: ${rule.quiet}` : '',
    ].filter(Boolean).map((line) => `\n${escapeSlackText(line)}`).join('');
    const text = fitEscapedLine(`*${channel}*: ${topics}\nWeekly digest: ${escapeSlackText(describeSchedule(sub.digest))}${extra}${paused}`);
    const block: types.SectionBlock = { type: 'section', text: { type: 'mrkdwn', text } };
    if (isChannelId(id)) {
      block.accessory = { type: 'button', action_id: HOME_EDIT_ACTION_ID, text: { type: 'plain_text', text: 'Edit' }, value: id };
    }
    return block;
  });
  if (subscriptions.length > MAX_CHANNELS) blocks.push(section(`…and ${subscriptions.length - MAX_CHANNELS} more channels.`));
  return blocks;
}

function fitEscapedLine(mrkdwn: string): string {
  return mrkdwn.length <= LIMITS.section ? mrkdwn : `${mrkdwn.slice(0, LIMITS.section - 1)}…`;
}

function section(text: string): KnownBlock {
  return { type: 'section', text: { type: 'mrkdwn', text: fitEscaped(text, LIMITS.section) } };
}
