/**
 * `npm run shots:actions`: pictures of the settings form and post actions, for docs/slack.md and
 * docs/teams.md. Teams cards are rendered by Microsoft's own `adaptivecards` renderer; Slack has
 * no offline renderer, so the modal, App Home and item post are drawn by a small approximation of
 * Block Kit (headers, sections, inputs, buttons) from the exact JSON the adapter sends. Both in the
 * system's headless Chromium. Writes docs/img/{slack,teams}-*.png.
 */
import { readFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { renderBlocks } from '../adapters/slack/render-blocks.js';
import { renderHomeView } from '../adapters/slack/render-home.js';
import { renderSettingsModal } from '../adapters/slack/settings-modal.js';
import { renderCard } from '../adapters/teams/render-card.js';
import { renderSettingsCard } from '../adapters/teams/settings-card.js';
import type { ChatMessage, MessageItem, SettingsForm, Subscription } from '../src/index.js';
import { defaultTopics } from '../src/tagging/index.js';
import { launchChromium } from './chromium.js';

const OUT = join(import.meta.dirname ?? new URL('.', import.meta.url).pathname, '..', 'docs', 'img');
const require = createRequire(import.meta.url);
const AC_JS = readFileSync(require.resolve('adaptivecards/dist/adaptivecards.min.js'), 'utf8');

const topics = defaultTopics().map(({ id, label }) => ({ id, label }));
const digest = { enabled: true, weekday: 1, time: '09:00', timeZone: 'Europe/Berlin' };
const form: SettingsForm = { topics, selected: ['ai', 'gdpr'], digest, subscribed: true, watches: ['clearview', '"facial recognition" -police'], mutes: ['source bbc-technology'], quiet: '22:00-07:00 weekends Europe/Berlin' };
const item: MessageItem = {
  id: 37, title: 'Regulator fines retailer over facial recognition cameras', url: 'https://www.bbc.co.uk/news/example',
  summary: 'The data protection authority said the chain scanned shoppers\u2019 faces without a lawful basis and ordered it to delete the templates.',
  source: 'BBC News', publishedAt: new Date('2026-03-02T08:00:00Z'), topics: ['biometrics', 'enforcement'],
};
const itemPost: ChatMessage = { kind: 'item', visibility: 'public', text: item.title, items: [item] };
const subscriptions: Subscription[] = [
  { destination: { platform: 'slack', workspaceId: 'T1', channelId: 'C0PRIVACY' }, topics: ['ai', 'gdpr'], digest, status: 'active', pausedReason: null, lastDigestAt: null, createdAt: new Date(), isAdmin: false },
  { destination: { platform: 'slack', workspaceId: 'T1', channelId: 'C0SECURITY' }, topics: ['breach'], digest: { ...digest, enabled: false }, status: 'active', pausedReason: null, lastDigestAt: null, createdAt: new Date(), isAdmin: false },
];

const CSS = `body{font:15px/1.45 -apple-system,"Segoe UI",Lato,sans-serif;margin:0;background:#f4f4f4;color:#1d1c1d}
.frame{width:560px;margin:16px;background:#fff;border-radius:8px;box-shadow:0 2px 8px #0003;padding:18px 22px}
.title{font-weight:800;font-size:20px;margin-bottom:10px}.h{font-weight:800;font-size:17px;margin:14px 0 6px}
.s{margin:8px 0;white-space:pre-wrap}.ctx{color:#616061;font-size:12.5px;margin:4px 0}.hr{border-top:1px solid #ddd;margin:12px 0}
.btn{display:inline-block;border:1px solid #bbb;border-radius:4px;padding:3px 12px;margin:4px 6px 4px 0;font-weight:700;font-size:13px;background:#fff}
.primary{background:#007a5a;color:#fff;border-color:#007a5a}.lbl{font-weight:700;margin:12px 0 4px}.inp{border:1px solid #999;border-radius:4px;padding:7px 9px;min-height:18px}
.chip{display:inline-block;background:#e8f5fa;border:1px solid #1264a3;border-radius:4px;padding:1px 7px;margin:2px;font-size:13px}.hint{color:#616061;font-size:12.5px;margin-top:3px}
.acc{float:right}.foot{text-align:right;margin-top:16px;border-top:1px solid #ddd;padding-top:12px}`;

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
/** Slack shows the entities the adapter escaped (&amp; &lt; &gt;) as the characters. */
const plain = (s: string) => esc(s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&'));
/** Slack mrkdwn, roughly: escaped entities kept, *bold*, <#C…> channel links, <url|label>. */
const mrkdwn = (s: string) => s.replace(/<#([A-Z0-9]+)>/g, '#$1').replace(/<(https?:[^|>]+)\|([^>]+)>/g, '$2').replace(/<!date\^\d+\^[^|]+\|([^>]+)>/g, '$1').replace(/</g, '&lt;').replace(/\*([^*\n]+)\*/g, '<b>$1</b>').replace(/`([^`]+)`/g, '<code>$1</code>');

type Txt = { text: string };
type Opt = { text: Txt; value: string };
type El = { type: string; initial_value?: string; multiline?: boolean; text?: Txt | string; initial_options?: Opt[]; placeholder?: Txt; initial_option?: Opt; initial_time?: string; options?: Opt[] };
type Blk = { type: string; text?: Txt; fields?: Txt[]; accessory?: El; elements?: El[]; label?: Txt; optional?: boolean; hint?: Txt; element?: El };
const txt = (value: Txt | string | undefined) => (typeof value === 'string' ? value : (value?.text ?? ''));

function element(el: El): string {
  switch (el.type) {
    case 'button': return `<span class="btn">${plain(txt(el.text))}</span>`;
    case 'multi_static_select': return `<div class="inp">${(el.initial_options ?? []).map((o) => `<span class="chip">${plain(o.text.text)}</span>`).join('') || plain(el.placeholder?.text ?? '')}</div>`;
    case 'static_select': case 'external_select': return `<div class="inp">${plain(el.initial_option?.text.text ?? el.placeholder?.text ?? '')} \u25be</div>`;
    case 'plain_text_input': return `<div class="inp" style="white-space:pre-wrap;min-height:${el.multiline ? 44 : 18}px">${esc(el.initial_value ?? '')}</div>`;
    case 'timepicker': return `<div class="inp">${esc(el.initial_time ?? '')}</div>`;
    case 'checkboxes': return (el.options ?? []).map((o) => `<div>${(el.initial_options ?? []).some((i) => i.value === o.value) ? '\u2611' : '\u2610'} ${plain(o.text.text)}</div>`).join('');
    default: return '';
  }
}

function blocksHtml(blocks: Blk[]): string {
  return blocks.map((b) => {
    switch (b.type) {
      case 'header': return `<div class="h">${plain(txt(b.text))}</div>`;
      case 'section': return `<div class="s">${b.accessory ? `<span class="acc">${element(b.accessory)}</span>` : ''}${mrkdwn(b.text?.text ?? (b.fields ?? []).map((f) => f.text).join('\n'))}</div>`;
      case 'context': return `<div class="ctx">${(b.elements ?? []).map((e) => mrkdwn(txt(e.text))).join(' ')}</div>`;
      case 'divider': return '<div class="hr"></div>';
      case 'actions': return `<div>${(b.elements ?? []).map(element).join('')}</div>`;
      case 'input': return `<div class="lbl">${esc(txt(b.label))}${b.optional ? ' <span class="hint">(optional)</span>' : ''}</div>${b.element ? element(b.element) : ''}${b.hint ? `<div class="hint">${plain(b.hint.text)}</div>` : ''}`;
      default: return '';
    }
  }).join('\n');
}

async function main(): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  const browser = await launchChromium({ viewport: { width: 620, height: 400 } });
  try {
    const page = await browser.context.newPage();
    const shoot = async (name: string, html: string) => {
      await page.setContent(`<!doctype html><style>${CSS}</style><body>${html}</body>`);
      const file = join(OUT, `${name}.png`);
      await page.locator('.frame').first().screenshot({ path: file });
      console.log(`wrote ${file}`);
    };
    const modal = renderSettingsModal(form, 'C0PRIVACY');
    await shoot('slack-settings-modal', `<div class="frame"><div class="title">${esc(modal.title.text)}</div>${blocksHtml(modal.blocks as Blk[])}<div class="foot"><span class="btn">${modal.close!.text}</span><span class="btn primary">${modal.submit!.text}</span></div></div>`);
    const home = renderHomeView({ subscriptions, stories: [item], topics: null });
    await shoot('slack-app-home', `<div class="frame">${blocksHtml(home.blocks as Blk[])}</div>`);
    await shoot('slack-item-actions', `<div class="frame">${blocksHtml(renderBlocks(itemPost).blocks as Blk[])}</div>`);

    const cards: Array<[string, object]> = [
      ['teams-settings-card', renderSettingsCard({ text: 'Channel settings', title: 'Channel settings', form }).card],
      ['teams-settings-saved', renderSettingsCard({ text: 'Saved', title: 'Channel settings', form: { ...form, notice: 'Saved: ai, gdpr; weekly digest Mondays at 09:00 (Europe/Berlin).' } }).card],
      ['teams-settings-errors', renderSettingsCard({ text: 'Nothing saved', title: 'Channel settings', form: { ...form, selected: [], errors: { topics: 'Pick at least one topic (to stop everything, type `unsubscribe all`).', digestZone: '"Berlin" is not an IANA time zone, e.g. Europe/Berlin.' } } }).card],
      ['teams-item-actions', renderCard(itemPost).card],
    ];
    for (const [name, card] of cards) {
      await page.setContent(`<!doctype html><style>body{margin:0;background:#f5f5f5;font-family:"Segoe UI",sans-serif}.frame{width:560px;margin:16px;background:#fff;border-radius:6px;box-shadow:0 2px 8px #0003;padding:4px}</style><body><div class="frame" id="c"></div></body>`);
      await page.addScriptTag({ content: AC_JS });
      // A string, so this file needs no DOM types: the page runs it with the card JSON inlined.
      await page.evaluate(`(() => {
        const AC = window.AdaptiveCards;
        // Teams renders TextBlock Markdown; this stands in for it: backslash escapes, links, bold.
        AC.AdaptiveCard.onProcessMarkdown = (text, result) => {
          const html = text.replace(/&/g, '&amp;').replace(/</g, '&lt;')
            .replace(/\\[((?:\\\\.|[^\\]])*)\\]\\((https?:[^)]*)\\)/g, '<a href="$2">$1</a>')
            .replace(/\\*\\*([^*]+)\\*\\*/g, '<b>$1</b>')
            .replace(/\\\\([\\\\*_[\\]()#>\\\`~.+-])/g, '$1');
          result.outputHtml = '<p>' + html + '</p>';
          result.didProcess = true;
        };
        const card = new AC.AdaptiveCard();
        card.hostConfig = new AC.HostConfig({ fontFamily: 'Segoe UI, sans-serif', supportsInteractivity: true });
        card.parse(${JSON.stringify(card)});
        document.getElementById('c').appendChild(card.render());
      })()`);
      const file = join(OUT, `${name}.png`);
      await page.locator('.frame').screenshot({ path: file });
      console.log(`wrote ${file}`);
    }
  } finally {
    await browser.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
