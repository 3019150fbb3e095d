/** Words after a command are never silently ignored: they ask about one command, topic or action. */
import { afterEach, describe, expect, it } from 'vitest';
import { HELP_LINES } from '../../src/commands/handlers/help.js';
import { parseCommand } from '../../src/commands/parse-command.js';
import { createCommandHarness, type CommandHarness } from './command-harness.js';

describe('arguments are heard', () => {
  let h: CommandHarness;
  afterEach(async () => h.store.close());

  it('`help latest` explains latest with an example; `help lates` suggests; `help` alone lists all', async () => {
    h = await createCommandHarness();
    const about = await h.run('help latest');
    expect(about.title).toBe('Help: latest');
    expect(about.lines).toEqual(['`latest [topic] [region] [n] [public]`: newest stories (5 by default, at most 20); `public` posts for the channel', 'Example: `latest ai 10`']);
    const typo = await h.run('help lates');
    expect(typo.lines?.[0]).toBe('There is no command "lates". Did you mean `help latest`?');
    expect((await h.run('help')).lines).toHaveLength(HELP_LINES.length);
    expect((await h.run('help watches')).lines?.[0]).toContain('`watch <query>`');
  });

  it('`topics ai` shows that topic as a description, not a labelling rule', async () => {
    h = await createCommandHarness();
    const one = await h.run('topics children');
    expect(one.title).toBe('Children & teens (children)');
    expect(one.lines?.[0]).toMatch(/^Privacy and online safety of minors/);
    expect(one.lines?.join(' ')).not.toMatch(/must/);
    expect(one.lines?.[1]).toContain('`subscribe children`');
    const all = await h.run('topics');
    for (const field of all.fields ?? []) expect(field.value).not.toMatch(/The text must|The legal frame is|is both/);
    expect((await h.run('topics qqqqqq')).kind).toBe('error');
  });

  it('chat `feeds check` says it is a command for the server and how to run it; other words are a problem', async () => {
    h = await createCommandHarness();
    const check = await h.run('feeds check');
    expect(check.kind).toBe('reply');
    expect(check.lines?.[0]).toContain('npm run --silent cli -- feeds check');
    const other = await h.run('feeds everything');
    expect(other.kind).toBe('error');
    expect(other.lines).toEqual(['`feeds` takes no words here (you typed "everything").', 'Example: `feeds`']);
    expect((await h.run('subscriptions all')).kind).toBe('error');
  });

  it('keeps the bare commands as they were', () => {
    for (const name of ['help', 'topics', 'subscriptions', 'feeds']) expect(parseCommand(name)).toEqual({ name });
  });
});
