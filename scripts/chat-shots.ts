/**
 * `npm run shots` (second half): what people read in chat, rendered from the demo's sample items
 * by the real renderers. Slack: the Block Kit JSON (docs/img/slack-*.json) and a picture of it
 * drawn by a small Block Kit-to-HTML approximation (Slack has no offline renderer). Teams: the
 * Adaptive Card JSON and a picture from Microsoft's `adaptivecards` renderer in headless Chromium,
 * with a Markdown step limited to what Teams renders in cards (bold, italic, links).
 */
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { renderBlocks } from '../adapters/slack/render-blocks.js';
import { renderCard } from '../adapters/teams/render-card.js';
import type { ChatMessage } from '../src/chat/message.js';
import { createCommandHandler } from '../src/commands/create-command-handler.js';
import { createManualClock } from '../src/core/clock.js';
import { createSilentLogger } from '../src/core/logger.js';
import { createDefaultRenderers } from '../src/delivery/render.js';
import { buildDigest } from '../src/digest/build-digest.js';
import { createStore } from '../src/store/create-store.js';
import type { OutboxRow } from '../src/store/store.js';
import { defaultTopics } from '../src/tagging/index.js';
import { seedSampleStore } from '../demo/sample-store.js';
import { launchChromium } from './chromium.js';

const OUT = join(import.meta.dirname ?? new URL('.', import.meta.url).pathname, '..', 'docs', 'img');
const NOW = new Date('2026-03-02T10:00:00Z');
const CHANNEL = { platform: 'slack' as const, workspaceId: 'T1', channelId: 'C1' };
const SCHEDULE = { enabled: true, weekday: 1, time: '09:00', timeZone: 'UTC' };

function row(kind: OutboxRow['kind'], payload: unknown): OutboxRow {
  return { id: 1, kind, payload, destination: CHANNEL, dedupKey: 'shot', storyId: null, status: 'pending', attempts: 0, failures: 0, nextAttemptAt: NOW, lastError: null, claimedBy: null, claimExpiresAt: null, createdAt: NOW, sentAt: null, messageRef: null } as OutboxRow;
}

/** The messages shown in the README, built exactly as the bot builds them. */
async function buildMessages(): Promise<Record<string, ChatMessage[]>> {
  const store = createStore(':memory:');
  await store.migrate();
  const topics = defaultTopics();
  const items = await seedSampleStore(store, NOW);
  await store.subscriptions.subscribe(CHANNEL, ['breach', 'health', 'ai', 'gdpr', 'lawsuit'], SCHEDULE, new Date(NOW.getTime() - 90 * 86_400_000));
  const renderers = createDefaultRenderers(topics);
  const clock = createManualClock(NOW);
  const lead = items.find((item) => item.title.startsWith('Hospital network'))!;
  const second = items.find((item) => item.title.startsWith('Ransomware attack on hospital'))!;
  const post = (await renderers.item!(row('item', { itemId: lead.id, matchedTopics: ['breach', 'health'] }), { store, clock }))!;
  const reply = (await renderers.story_update!(row('story_update', { itemId: second.id, storyId: lead.id, source: second.source }), { store, clock }))!;
  const digest = await buildDigest({ store, clock, topics }, CHANNEL, { days: 30 });
  const commands = createCommandHandler({ store, clock, logger: createSilentLogger(), topics, digestDefaults: SCHEDULE });
  const help = await commands.handle('help', { destination: CHANNEL, userId: 'U1', canManage: true });
  await store.close();
  return { post: [post, reply], digest: [digest], help: [help] };
}

const SLACK_CSS = `body{font:15px/1.46 Lato,'Helvetica Neue',Arial,sans-serif;color:#1d1c1d;margin:0;background:#fff}
.msg{display:flex;gap:8px;padding:12px 20px;max-width:760px}.avatar{width:36px;height:36px;border-radius:6px;background:#3b5bdb;color:#fff;font-weight:700;display:flex;align-items:center;justify-content:center;flex:none}
.name{font-weight:900}.time{color:#616061;font-size:12px;margin-left:6px}.block{margin:4px 0}.header{font-size:18px;font-weight:900}
.context{color:#616061;font-size:13px}.divider{border-top:1px solid #ddd;margin:10px 0}a{color:#1264a3;text-decoration:none}
.thread{margin-left:64px;border-left:3px solid #ddd;padding-left:12px}.thread .msg{padding:6px 8px}.button{display:inline-block;border:1px solid #bbb;border-radius:4px;padding:2px 10px;font-weight:700;font-size:13px;margin-right:6px}`;

/** Slack mrkdwn (as our renderer writes it) to HTML: links, dates, bold, line breaks. */
function mrkdwnToHtml(text: string): string {
  return text
    .replace(/<!date\^\d+\^[^|]*\|([^>]*)>/g, '$1')
    .replace(/<(https?:[^|>]+)\|([^>]*)>/g, '<a href="$1">$2</a>')
    .replace(/\*([^*\n]+)\*/g, '<b>$1</b>')
    .replace(/\n/g, '<br>');
}

function blocksToHtml(blocks: Array<Record<string, unknown>>): string {
  return blocks
    .map((block) => {
      const text = (block.text as { text?: string } | undefined)?.text ?? '';
      if (block.type === 'header') return `<div class="block header">${text}</div>`;
      if (block.type === 'section') return `<div class="block">${mrkdwnToHtml(text)}</div>`;
      if (block.type === 'divider') return '<div class="divider"></div>';
      if (block.type === 'context') return `<div class="block context">${(block.elements as Array<{ text: string }>).map((e) => mrkdwnToHtml(e.text)).join(' ')}</div>`;
      if (block.type === 'actions') return `<div class="block">${(block.elements as Array<{ text: { text: string } }>).map((e) => `<span class="button">${e.text.text}</span>`).join('')}</div>`;
      return '';
    })
    .join('');
}

function slackPage(messages: ChatMessage[]): string {
  const [first, ...replies] = messages.map((message) => renderBlocks(message).blocks as unknown as Array<Record<string, unknown>>);
  const msg = (blocks: Array<Record<string, unknown>>) => `<div class="msg"><div class="avatar">PR</div><div><span class="name">Privacy Radar</span><span class="time">APP 10:00</span>${blocksToHtml(blocks)}</div></div>`;
  return `<!doctype html><meta charset="utf-8"><style>${SLACK_CSS}</style>${msg(first!)}${replies.length ? `<div class="thread">${replies.map(msg).join('')}</div>` : ''}`;
}

function teamsPage(message: ChatMessage): string {
  const card = renderCard(message).card;
  return `<!doctype html><meta charset="utf-8"><style>body{margin:0;background:#f5f5f5;font-family:'Segoe UI',Arial,sans-serif}#card{max-width:640px;margin:16px;background:#fff;border-radius:6px;box-shadow:0 1px 3px #0003}</style>
<div id="card"></div><script>window.CARD=${JSON.stringify(card).replace(/</g, '\\u003c')};</script>`;
}

// What Teams renders in card text: **bold**, _italic_ and [links](url); nothing else is markup.
const TEAMS_MARKDOWN = `(text, result) => { const esc = text.replace(/&/g,'&amp;').replace(/</g,'&lt;');
  result.outputHtml = esc.replace(/\\[([^\\]]+)\\]\\((https?:[^)\\s]+)\\)/g, '<a href="$2">$1</a>').replace(/\\*\\*([^*]+)\\*\\*/g, '<b>$1</b>').replace(/(^|\\s)_([^_]+)_(?=\\s|$)/g, '$1<i>$2</i>');
  result.didProcess = true; }`;

async function main(): Promise<void> {
  const messages = await buildMessages();
  const acPath = createRequire(import.meta.url).resolve('adaptivecards/dist/adaptivecards.js');
  const browser = await launchChromium({ viewport: { width: 720, height: 400 } });
  try {
    const page = await browser.context.newPage();
    const shoot = async (name: string, html: string, selector: string, teams: boolean) => {
      await page.setContent(html);
      if (teams) {
        await page.addScriptTag({ path: acPath });
        await page.evaluate(`(() => { const AC = window.AdaptiveCards; AC.AdaptiveCard.onProcessMarkdown = ${TEAMS_MARKDOWN};
          const card = new AC.AdaptiveCard(); card.parse(window.CARD); document.getElementById('card').appendChild(card.render()); })()`);
      }
      const file = join(OUT, `${name}.png`);
      await page.locator(selector).first().screenshot({ path: file });
      console.log(`wrote ${file}`);
    };
    for (const [name, list] of Object.entries(messages)) {
      writeFileSync(join(OUT, `slack-${name}.json`), `${JSON.stringify(list.map((message) => renderBlocks(message)), null, 2)}\n`);
      writeFileSync(join(OUT, `teams-${name}.json`), `${JSON.stringify(list.map((message) => renderCard(message).card), null, 2)}\n`);
      await shoot(`slack-${name}`, slackPage(list), 'body', false);
      await shoot(`teams-${name}`, teamsPage(list[0]!), '#card', true);
    }
  } finally {
    await browser.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.stack : error);
  process.exit(1);
});
