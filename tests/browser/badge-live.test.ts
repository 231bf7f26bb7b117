// The verdict badge in the built extension, in both browsers: it shows the question count at
// the field's corner, its panel's Explain all inserts every meaning through the editor (the
// Gmail-like page and CKEditor 5 on the Zendesk-like page, read from the editors' own
// models), and the toolbar icon shows the focused field's count (Chromium, where a test can
// read the action's badge). Screenshots for the README are taken here, in Chromium.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { READY_SELECTOR, READY_TIMEOUT_MS, ROOT } from './support/env';
import { type Driver, type DriverPage, LAUNCHERS } from './support/page-driver';
import { highlightedAre, tooltipIs } from './support/tooltip-page';
import { focusEnd, getText, typeText, waitForFixture } from './support/typing';

const WAIT_MS = 5_000;
const SCREENSHOTS = join(ROOT, 'tests', 'screenshots');

interface BadgeState { shown: boolean; count: number; tone: string; text: string; x: number; y: number }

/** The one badge shown on the page. */
function readBadge(): BadgeState {
  const root = document.querySelector('selge-badges')?.shadowRoot;
  const badge = root?.querySelector('[data-selge-badge]') as HTMLElement | null;
  const rect = badge?.getBoundingClientRect();
  return {
    shown: Boolean(badge && rect && rect.width > 0),
    count: Number(badge?.getAttribute('data-count') ?? -1),
    tone: badge?.getAttribute('data-tone') ?? '',
    text: badge?.textContent ?? '',
    x: rect ? rect.left + rect.width / 2 : 0,
    y: rect ? rect.top + rect.height / 2 : 0,
  };
}

function badgeIs(want: { count: number; tone?: string }): boolean {
  const badge = document.querySelector('selge-badges')?.shadowRoot?.querySelector('[data-selge-badge]') as HTMLElement | null;
  return Boolean(badge && badge.getBoundingClientRect().width > 0 &&
    badge.getAttribute('data-count') === String(want.count) && (!want.tone || badge.getAttribute('data-tone') === want.tone));
}

/** The panel's terms and the middle of one of its buttons. */
function readPanel(action: string): { terms: string[]; x: number; y: number } | undefined {
  const panel = document.querySelector('selge-badges')?.shadowRoot?.querySelector('[data-selge-panel]');
  if (!panel) return undefined;
  const button = panel.querySelector(`button[data-action="${action}"]`)!.getBoundingClientRect();
  return {
    terms: [...panel.querySelectorAll('[data-action=choose]')].map((row) => row.getAttribute('data-term') ?? ''),
    x: button.left + button.width / 2,
    y: button.top + button.height / 2,
  };
}

const modelIs = (want: string) => (window as unknown as { __fixture: { getText(): string } }).__fixture.getText() === want;

const PAGES = [
  { name: 'gmail', url: 'https://mail.google.com/editors/gmail.html', shot: 'gmail' },
  { name: 'zendesk', url: 'https://acme.zendesk.com/editors/zendesk.html', shot: 'zendesk' },
] as const;

describe.each(LAUNCHERS)('%s: the verdict badge', (name, launch) => {
  let driver: Driver;
  beforeAll(async () => {
    driver = await launch();
  });
  afterAll(async () => {
    await driver?.close();
  });
  afterEach(() => {
    expect(driver.errors.take()).toEqual([]);
  });

  async function open(url: string, fixture: string): Promise<DriverPage> {
    const page = await driver.newPage();
    await page.goto(url);
    await waitForFixture(page.keys, fixture);
    await page.keys.waitFor((selector: string) => document.querySelector(selector) !== null, READY_SELECTOR, READY_TIMEOUT_MS);
    return page;
  }

  it.each(PAGES)('$name: counts the questions; Explain all inserts every meaning through the editor', async ({ name: fixture, url, shot }) => {
    const page = await open(url, fixture);
    try {
      await focusEnd(page.keys);
      const typed = 'Our NPS went up and the CRM is ready.';
      await typeText(page.keys, typed);
      await page.keys.waitFor(highlightedAre, ['NPS', 'CRM'], WAIT_MS);
      await page.keys.waitFor(badgeIs, { count: 2, tone: 'fail' }, WAIT_MS);
      const badge = await page.evaluate(readBadge, undefined);
      expect(badge.text).toMatch(/2 (questions|küsimust)/);
      if (name === 'Chromium') {
        mkdirSync(SCREENSHOTS, { recursive: true });
        await page.screenshot(join(SCREENSHOTS, `${shot}-underline-badge.png`));
      }
      // The tooltip of the first finding, from the keyboard.
      await page.keys.press('KeyJ', ['Alt', 'Shift']);
      await page.keys.waitFor(tooltipIs, { open: true, term: 'NPS', meaning: 'Net Promoter Score' }, WAIT_MS);
      if (name === 'Chromium') await page.screenshot(join(SCREENSHOTS, `${shot}-tooltip.png`));
      await page.keys.press('Escape');
      await page.keys.waitFor(tooltipIs, { open: false }, WAIT_MS);

      await page.mouse(badge.x, badge.y);
      await page.mouse(badge.x, badge.y, true);
      await page.keys.waitFor(() => document.querySelector('selge-badges')?.shadowRoot?.querySelector('[data-selge-panel]') !== null, undefined, WAIT_MS);
      const panel = (await page.evaluate(readPanel, 'explain-all'))!;
      expect(panel.terms).toEqual(['NPS', 'CRM']);
      if (name === 'Chromium') await page.screenshot(join(SCREENSHOTS, `${shot}-panel.png`));
      await page.mouse(panel.x, panel.y);
      await page.mouse(panel.x, panel.y, true);

      const explained = 'Our NPS (Net Promoter Score) went up and the CRM (customer relationship management) is ready.';
      await page.keys.waitFor(modelIs, explained, WAIT_MS);
      expect(await getText(page.keys)).toBe(explained);
      await page.keys.waitFor(highlightedAre, [], WAIT_MS);
      await page.keys.waitFor(badgeIs, { count: 0 }, WAIT_MS);
    } finally {
      await page.close();
    }
  });

  // Only Chromium lets a test read the toolbar badge (from an extension page).
  if (name === 'Chromium') it('the toolbar icon shows the focused field\'s count', async () => {
    const page = await open('https://mail.google.com/editors/gmail.html', 'gmail');
    try {
      await focusEnd(page.keys);
      await typeText(page.keys, 'The KPI and the SLA and the CRM.');
      await page.keys.waitFor(badgeIs, { count: 3 }, WAIT_MS);
      await expect.poll(() => driver.extension.badgeTexts!(), { timeout: WAIT_MS }).toContain('3');
    } finally {
      await page.close();
    }
  });
});
