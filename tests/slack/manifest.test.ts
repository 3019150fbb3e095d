import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BOT_SCOPES } from '../../adapters/slack/create-slack-adapter.js';

const manifest = JSON.parse(readFileSync(new URL('../../adapters/slack/manifest.json', import.meta.url), 'utf8'));

describe('Slack app manifest', () => {
  it('requests only commands and chat:write, the same scopes the OAuth install asks for', () => {
    expect(manifest.oauth_config.scopes.bot).toEqual(['commands', 'chat:write']);
    expect(BOT_SCOPES).toEqual(manifest.oauth_config.scopes.bot);
    expect(manifest.oauth_config.scopes.user).toBeUndefined();
  });

  it('declares /privacy, the three events, interactivity and the App Home on /slack/events', () => {
    expect(manifest.features.slash_commands.map((c: { command: string }) => c.command)).toEqual(['/privacy']);
    expect(manifest.settings.event_subscriptions.bot_events.sort()).toEqual(['app_home_opened', 'app_uninstalled', 'tokens_revoked']);
    expect(manifest.settings.interactivity.is_enabled).toBe(true);
    expect(manifest.features.app_home.home_tab_enabled).toBe(true);
    // The time-zone typeahead (block_suggestion) is an options load URL: the same verified route.
    const urls = [manifest.features.slash_commands[0].url, manifest.settings.event_subscriptions.request_url, manifest.settings.interactivity.request_url, manifest.settings.interactivity.message_menu_options_url];
    for (const url of urls) expect(new URL(url).pathname).toBe('/slack/events');
    expect(new URL(manifest.oauth_config.redirect_urls[0]).pathname).toBe('/slack/oauth_redirect');
  });
});
