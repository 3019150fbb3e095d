import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/** The architecture rule (ARCHITECTURE.md) is enforced by the linter; prove it catches violations. */
describe('import boundary lint rule', () => {
  const eslint = new ESLint();

  async function messagesFor(filePath: string, code: string): Promise<string[]> {
    const [result] = await eslint.lintText(code, { filePath });
    return (result?.messages ?? []).map((m) => `${m.ruleId}: ${m.message}`);
  }

  it('fails when a file in src/ imports from adapters/', async () => {
    const messages = await messagesFor('src/ingest/leak.ts', "import { createSlackAdapter } from '../../adapters/slack/create-slack-adapter.js';\nexport const x = createSlackAdapter;\n");
    expect(messages.some((m) => m.startsWith('no-restricted-imports') && m.includes('must not import adapters/'))).toBe(true);
  });

  it('fails when a file in src/ imports a platform SDK', async () => {
    const messages = await messagesFor('src/delivery/leak.ts', "import { App } from '@slack/bolt';\nexport const x = App;\n");
    expect(messages.some((m) => m.includes('Platform SDKs belong in adapters/'))).toBe(true);
  });

  it('fails when an adapter reaches past the core public entry', async () => {
    const messages = await messagesFor('adapters/slack/leak.ts', "import type { Store } from '../../src/store/store.js';\nexport type X = Store;\n");
    expect(messages.some((m) => m.includes('public entry'))).toBe(true);
  });

  it('accepts an adapter importing the public entry', async () => {
    const messages = await messagesFor('adapters/slack/fine.ts', "import type { Store } from '../../src/index.js';\nexport type X = Store;\n");
    expect(messages.filter((m) => m.startsWith('no-restricted-imports'))).toEqual([]);
  });
});
