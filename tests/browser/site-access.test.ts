// A site that is not built in, switched on at run time: after the optional host permission is
// granted from the extension's popup page (a real click), the background registers the content
// script for it. A tab that was already open gets checking without a reload, and a tab opened
// afterwards gets it from the registration. Both browsers, production builds.
//
// How the permission is granted without a prompt nobody can click in a headless browser:
// - Firefox: the pref extensions.webextOptionalPermissionPrompts=false answers the prompt yes.
// - Chromium: the user first allows the site on chrome://extensions (Site access, "On specific
//   sites"; the page's own developerPrivate.addHostPermission); Chromium then grants the
//   popup's request without asking. The prompt dialog itself is not covered.
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'puppeteer-core';
import type { BrowserContext } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { launchChromiumWithExtension } from './support/chromium-launch';
import {
  CHROME_BUILD, FIREFOX_BUILD, FIXTURE_HOSTS, READY_SELECTOR, READY_TIMEOUT_MS,
} from './support/env';
import { startFirefox } from './support/firefox-launch';
import { ErrorLog } from './support/error-log';
import { collectPuppeteerErrors } from './support/page-errors';
import { boxLabelsAre } from './support/tooltip-page';

const HOST = 'help.example.org';
const ORIGIN = `https://${HOST}/*`;
const PAGE = `https://${HOST}/any-site.html`;
const FIELD = '#message';
const TEXT = 'Our NPS went up.';
const WAIT_MS = 5_000;

// ---- page-side functions (self-contained) ------------------------------------------------

/** In an extension page: a button whose click asks for `origin`, as the popup's switch will. */
function addGrantButton(origin: string): void {
  const api = globalThis as unknown as Record<'browser' | 'chrome', { permissions: { request(p: object): Promise<boolean> } } | undefined>;
  const permissions = (api.browser ?? api.chrome)!.permissions;
  const button = document.createElement('button');
  button.id = 'selge-test-grant';
  button.textContent = 'Switch on';
  button.style.cssText = 'position:fixed;left:0;top:0;width:120px;height:40px;z-index:2147483647';
  button.addEventListener('click', () => {
    permissions.request({ origins: [origin] }).then(
      (granted) => (button.dataset.result = String(granted)),
      (error: Error) => (button.dataset.result = `error: ${error.message}`),
    );
  });
  document.body.append(button);
}

function grantResult(): string | undefined {
  return (document.querySelector('#selge-test-grant') as HTMLElement | null)?.dataset.result;
}

function isMarked(): boolean {
  return document.documentElement.hasAttribute('data-selge-state');
}

// ---- shared checks -------------------------------------------------------------------------

it('uses a host the manifest does not cover', () => {
  expect(FIXTURE_HOSTS).toContain(HOST);
  for (const build of [CHROME_BUILD, FIREFOX_BUILD]) {
    const manifest = JSON.parse(readFileSync(join(build, 'manifest.json'), 'utf8'));
    const matches: string[] = manifest.content_scripts.flatMap((entry: { matches: string[] }) => entry.matches);
    expect(matches.some((pattern) => new RegExp(`^https://${pattern.slice(8, -2).replace(/\./g, '\\.').replace('*', '[^/]*')}$`).test(`https://${HOST}`))).toBe(false);
  }
});

describe('Chromium, chrome-mv3 build', () => {
  let context: BrowserContext;
  let extensionId: string;
  let errors: ErrorLog;
  let close: () => Promise<void>;

  beforeAll(async () => {
    ({ context, extensionId, errors, close } = await launchChromiumWithExtension());
  });
  afterAll(async () => {
    await close?.();
  });
  afterEach(() => {
    expect(errors.take()).toEqual([]);
  });

  it('checks an open tab and a new tab of a site once it is switched on', async () => {
    const before = await context.newPage();
    await before.goto(PAGE);
    expect(await before.evaluate(isMarked)).toBe(false);

    // The user allows the site on chrome://extensions (Site access).
    const extensions = await context.newPage();
    await extensions.goto('chrome://extensions');
    await extensions.evaluate(
      ({ id, origin }) =>
        (globalThis as unknown as { chrome: { developerPrivate: { addHostPermission(id: string, host: string): Promise<void> } } })
          .chrome.developerPrivate.addHostPermission(id, origin),
      { id: extensionId, origin: ORIGIN },
    );
    await extensions.close();

    const popup = await context.newPage();
    await popup.goto(`chrome-extension://${extensionId}/popup.html`);
    await popup.evaluate(addGrantButton, ORIGIN);
    await popup.click('#selge-test-grant');
    await popup.waitForFunction(grantResult, undefined, { timeout: WAIT_MS });
    expect(await popup.evaluate(grantResult)).toBe('true');
    await popup.close();

    for (const page of [before, await context.newPage()]) {
      if (page !== before) await page.goto(PAGE);
      await page.waitForSelector(READY_SELECTOR, { timeout: READY_TIMEOUT_MS, state: 'attached' });
      await page.click(FIELD);
      await page.keyboard.type(TEXT);
      await page.waitForFunction(boxLabelsAre, ['NPS'], { timeout: WAIT_MS });
    }
  });
});

describe('Firefox ESR, firefox-mv2 build', () => {
  const GECKO_ID = 'selge@selge.ee';
  // Pinned so the test can open the popup page directly.
  const uuid = randomUUID();
  let browser: Browser;
  const errors = new ErrorLog();
  const watch = (page: Page) => collectPuppeteerErrors(page, errors);

  beforeAll(async () => {
    browser = await startFirefox({
      extensionPages: true,
      prefs: {
        'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: uuid }),
        // The optional-permission prompt answers yes by itself.
        'extensions.webextOptionalPermissionPrompts': false,
      },
    });
    expect(await browser.installExtension(FIREFOX_BUILD)).toBe(GECKO_ID);
  });
  afterAll(async () => {
    await browser?.close();
  });
  afterEach(() => {
    expect(errors.take()).toEqual([]);
  });

  it('checks an open tab and a new tab of a site once it is switched on', async () => {
    const before = watch(await browser.newPage());
    await before.goto(PAGE);
    expect(await before.evaluate(isMarked)).toBe(false);

    const popup = watch(await browser.newPage());
    const url = `moz-extension://${uuid}/popup.html`;
    // Puppeteer never sees a moz-extension:// navigation finish: wait for the document.
    void popup.goto(url, { timeout: READY_TIMEOUT_MS }).catch(() => undefined);
    await popup.waitForFunction((expected: string) => location.href === expected && document.readyState === 'complete', { timeout: READY_TIMEOUT_MS }, url);
    await popup.evaluate(addGrantButton, ORIGIN);
    await popup.click('#selge-test-grant');
    await popup.waitForFunction(grantResult, { timeout: WAIT_MS });
    expect(await popup.evaluate(grantResult)).toBe('true');
    await popup.close();

    for (const page of [before, watch(await browser.newPage())]) {
      if (page !== before) await page.goto(PAGE);
      await page.waitForSelector(READY_SELECTOR, { timeout: READY_TIMEOUT_MS });
      await page.click(FIELD);
      await page.keyboard.type(TEXT);
      await page.waitForFunction(boxLabelsAre, { timeout: WAIT_MS }, ['NPS']);
    }
  });
});
