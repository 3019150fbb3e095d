import { describe, expect, it } from 'vitest';
import { commandTextFromSlack } from '../../adapters/slack/command-text.js';

describe('slash command text from Slack', () => {
  it.each([
    ['search AT&amp;T', 'search AT&T'],
    ['why <https://news.example/a?x=1&amp;y=2>', 'why https://news.example/a?x=1&y=2'],
    ['why <https://news.example/a|news.example/a>', 'why https://news.example/a'],
    ['search &lt;script&gt;', 'search <script>'],
    ['search &amp;lt;', 'search &lt;'],
    ['  latest ai  ', 'latest ai'],
  ])('%s -> %s', (raw, plain) => {
    expect(commandTextFromSlack(raw)).toBe(plain);
  });
});
