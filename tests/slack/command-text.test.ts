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

  it('reads link markup in one pass, however many unclosed links the text holds', () => {
    // Each unclosed `<https://x|` used to scan to the end of the text: minutes for this input.
    const text = '<https://x|'.repeat(2_000);
    expect(commandTextFromSlack(`why ${text}`)).toBe(`why ${text}`);
    const hostile = '<https://x|'.repeat(100_000);
    expect(commandTextFromSlack(hostile)).toBe(hostile);
  });

  it('still unwraps links next to other markup', () => {
    expect(commandTextFromSlack('why <https://a.example/x|label> and <https://b.example/y>')).toBe('why https://a.example/x and https://b.example/y');
  });
});
