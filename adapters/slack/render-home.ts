/**
 * The App Home tab: what the bot does, how to use it, the channels of this workspace it posts
 * to with their topics, and the topic list (the core's `topics` reply). Views allow 100 blocks.
 */
import type { types } from '@slack/bolt';
import type { ChatMessage, Subscription } from '../../src/index.js';
import { escapeSlackText } from './escape-text.js';
import { renderBlocks } from './render-blocks.js';
import { LIMITS } from './render-item.js';

type KnownBlock = types.KnownBlock;

/** At most this many channels are listed; the rest are counted. */
const MAX_CHANNELS = 40;

const INTRO = [
  'I watch privacy news feeds (regulators, NGOs, newsrooms, research blogs), tag each item by topic and post new items to the channels that subscribed to those topics, plus a weekly digest.',
  'In any channel: `/privacy latest ai` · `/privacy search biometric` · `/privacy subscribe gdpr breach` · `/privacy help`. Invite me to private channels with `/invite @Privacy Radar` before subscribing them.',
].join('\n\n');

/** Builds the Home view from this workspace's subscriptions and the topics message. */
export function renderHomeView(subscriptions: Subscription[], topics: ChatMessage | null): types.HomeView {
  const blocks: KnownBlock[] = [
    { type: 'header', text: { type: 'plain_text', text: 'Privacy Radar' } },
    { type: 'section', text: { type: 'mrkdwn', text: INTRO } },
    { type: 'divider' },
    { type: 'header', text: { type: 'plain_text', text: 'Channels I post to' } },
    ...renderChannels(subscriptions),
    { type: 'divider' },
  ];
  // Command buttons need a response_url, which App Home interactions do not have: leave them out.
  if (topics) blocks.push(...renderBlocks({ ...topics, buttons: [] }, LIMITS.homeBlocks - blocks.length).blocks);
  return { type: 'home', blocks: blocks.slice(0, LIMITS.homeBlocks) };
}

function renderChannels(subscriptions: Subscription[]): KnownBlock[] {
  if (subscriptions.length === 0) {
    return [section('No channel has subscribed yet. Run `/privacy subscribe <topic>` in a channel to start.')];
  }
  const lines = subscriptions.slice(0, MAX_CHANNELS).map((sub) => {
    // <#C123> is Slack's channel link, built from our own stored id (never feed text).
    const channel = /^[A-Z0-9]+$/.test(sub.destination.channelId) ? `<#${sub.destination.channelId}>` : escapeSlackText(sub.destination.channelId);
    const topics = sub.topics.length > 0 ? escapeSlackText(sub.topics.join(', ')) : 'no topics';
    const paused = sub.status === 'paused' ? ` _(paused: ${escapeSlackText(sub.pausedReason ?? 'unknown reason')})_` : '';
    const digest = sub.digest.enabled ? ' · weekly digest on' : '';
    return `• ${channel}: ${topics}${digest}${paused}`;
  });
  if (subscriptions.length > MAX_CHANNELS) lines.push(`…and ${subscriptions.length - MAX_CHANNELS} more channels.`);
  // Split into sections under Slack's 3000-character limit.
  const blocks: KnownBlock[] = [];
  let current = '';
  for (const line of lines) {
    if (current && current.length + line.length + 1 > LIMITS.section) {
      blocks.push(section(current));
      current = '';
    }
    current = current ? `${current}\n${line}` : line;
  }
  if (current) blocks.push(section(current));
  return blocks;
}

function section(text: string): KnownBlock {
  return { type: 'section', text: { type: 'mrkdwn', text } };
}
