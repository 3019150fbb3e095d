import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { launchChromium, type LaunchedChromium } from '../../scripts/chromium.js';
import { HOSTILE, startWebFixture, type WebFixture } from './web-fixture.js';

// Real headless Chromium from the system package. No skip: a missing browser fails this file
// (launchChromium throws with the install command).
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const PHONE = { width: 375, height: 740 };

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/** Runs axe-core in the page (evaluated over the DevTools protocol, so the page's CSP stays strict). */
async function seriousViolations(page: Page): Promise<string[]> {
  await page.evaluate(AXE_SOURCE);
  // String expressions: the test compiles without the DOM library.
  const violations = (await page.evaluate("axe.run(document, { resultTypes: ['violations'] }).then((r) => r.violations)")) as AxeViolation[];
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

describe('in a real browser (headless Chromium)', { timeout: 120_000 }, () => {
  let fixture: WebFixture;
  let browser: LaunchedChromium;
  let page: Page;
  const problems: string[] = [];
  let paths: string[];
  let launchError: Error | undefined;

  beforeAll(async () => {
    fixture = await startWebFixture({ mode: 'token', token: 'browser-token-0123456789' });
    // A browser that cannot start fails every test below (vitest would report them as skipped
    // if this hook threw).
    try {
      browser = await launchChromium();
    } catch (error) {
      launchError = error as Error;
      return;
    }
    page = await browser.context.newPage();
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(message.text());
    });
    page.on('pageerror', (error) => problems.push(error.message));
    page.on('dialog', (dialog) => {
      problems.push(`dialog opened: ${dialog.message()}`);
      void dialog.dismiss();
    });
    const breach = fixture.items.find((item) => item.title.startsWith('Hospital network'))!;
    paths = ['/', '/?topic=breach', '/?q=breach', `/stories/${breach.id}`, `/stories/${fixture.hostile.id}`, '/sources', '/topics'];
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await fixture?.close();
  });

  beforeEach(() => {
    if (launchError) throw launchError;
  });

  it('signs in with the form, then every page loads with no console error, CSP report or script dialog', async () => {
    await page.goto(`${fixture.base}/`);
    await expect(page.locator('h1').textContent()).resolves.toBe('Sign in');
    expect(await seriousViolations(page)).toEqual([]);
    await page.fill('#token', 'browser-token-0123456789');
    await page.press('#token', 'Enter');
    await page.waitForURL(`${fixture.base}/`);
    await expect(page.locator('h1').textContent()).resolves.toBe('Latest stories');
    problems.length = 0; // the 401 of the first, signed-out request
    for (const path of paths) {
      const response = await page.goto(fixture.base + path);
      expect(response?.status(), path).toBe(200);
    }
    expect(problems).toEqual([]);
    await page.goto(`${fixture.base}/stories/${fixture.hostile.id}`);
    await expect(page.locator('h1').textContent()).resolves.toBe(HOSTILE.title);
  });

  it('has no serious or critical axe-core violations on any page, at desktop and phone width', async () => {
    for (const viewport of [{ width: 1280, height: 900 }, PHONE]) {
      await page.setViewportSize(viewport);
      for (const path of paths) {
        await page.goto(fixture.base + path);
        expect(await seriousViolations(page), `${path} at ${viewport.width}px`).toEqual([]);
      }
    }
  });

  it('fits a phone-width screen: nothing is wider than the viewport (the sources table stacks)', async () => {
    await page.setViewportSize(PHONE);
    for (const path of paths) {
      await page.goto(fixture.base + path);
      const width = (await page.evaluate('document.documentElement.scrollWidth')) as number;
      expect(width, path).toBeLessThanOrEqual(PHONE.width);
    }
  });

  it('works with the keyboard alone: skip link, navigation, a story, and the topic filter form', async () => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(`${fixture.base}/`);
    await page.keyboard.press('Tab');
    expect(await page.evaluate('document.activeElement?.textContent')).toBe('Skip to content');
    await page.keyboard.press('Enter');
    expect(await page.evaluate('document.activeElement?.id')).toBe('main');
    // From main: search box, topic select, button, then the first story's headline.
    await page.keyboard.press('Tab');
    expect(await page.evaluate("document.activeElement?.getAttribute('name')")).toBe('q');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    const target = (await page.evaluate("document.activeElement?.getAttribute('href')")) as string;
    expect(target).toMatch(/^\/stories\/\d+$/);
    await page.keyboard.press('Enter');
    await page.waitForURL(`${fixture.base}${target}`);
    // Filter by topic with the keyboard: focus the select, pick a topic, submit.
    await page.goto(`${fixture.base}/`);
    await page.focus('select[name=topic]');
    await page.keyboard.type('Data breaches');
    await page.keyboard.press('Tab');
    expect(await page.evaluate('document.activeElement?.textContent')).toBe('Show');
    await page.keyboard.press('Enter');
    await page.waitForURL(/topic=breach/);
    await expect(page.locator('h1').textContent()).resolves.toBe('Stories: Data breaches & leaks');
    await page.focus('main a');
    const focusVisible = await page.evaluate("getComputedStyle(document.activeElement).outlineStyle");
    expect(focusVisible).toBe('solid');
  });

  it('transfers under 100 KB for / (page and stylesheet, no images or scripts)', async () => {
    const sizes: number[] = [];
    const kinds = new Set<string>();
    page.on('response', (response) => {
      kinds.add(response.request().resourceType());
      sizes.push(Number(response.headers()['content-length'] ?? 0));
    });
    await page.goto(`${fixture.base}/`, { waitUntil: 'load' });
    page.removeAllListeners('response');
    expect([...kinds].sort()).toEqual(['document', 'stylesheet']);
    expect(sizes.reduce((a, b) => a + b, 0)).toBeLessThan(100 * 1024);
  });
});
