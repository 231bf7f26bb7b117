// Smoke test of the Firefox MV2 build in the system Firefox ESR, on the real Gmail host name.
// MV2 because content_scripts host matches are granted at install there; in Firefox MV3
// they are optional until the user grants them.
import { randomUUID } from 'node:crypto';
import type { Browser, Page } from 'puppeteer-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  FIREFOX_BUILD, READY_SELECTOR, READY_TIMEOUT_MS,
} from './support/env';
import { startFirefox } from './support/firefox-launch';
import {
  editorMarkup, MESSAGES, PACKAGE_VERSION, pingFromPage, readPopup,
} from './support/extension-page';
import { ErrorLog } from './support/error-log';
import { gotoFirefoxExtensionPage } from './support/extension-contexts';
import { collectPuppeteerErrors } from './support/page-errors';

const GECKO_ID = 'selge@selge.ee';
// Firefox gives each install a random moz-extension:// host; pin it so the test can open
// the popup page directly.
const EXTENSION_UUID = randomUUID();

describe('Firefox ESR, firefox-mv2 build', () => {
  let browser: Browser;
  const errors = new ErrorLog();
  const watch = (page: Page) => collectPuppeteerErrors(page, errors);

  beforeAll(async () => {
    browser = await startFirefox({
      extensionPages: true,
      prefs: { 'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: EXTENSION_UUID }) },
    });
    const installed = await browser.installExtension(FIREFOX_BUILD);
    expect(installed).toBe(GECKO_ID);
  });
  afterAll(async () => {
    await browser?.close();
  });
  afterEach(() => {
    expect(errors.take()).toEqual([]);
  });

  it('marks a Gmail page as ready without touching the editor', async () => {
    const page = watch(await browser.newPage());
    await page.goto('https://mail.google.com/');
    const before = await page.evaluate(editorMarkup);
    expect(before).toContain('SLA');
    await errors.unlessError(
      'content script marks the page',
      page.waitForSelector(READY_SELECTOR, { timeout: READY_TIMEOUT_MS }),
    );
    expect(await page.evaluate(editorMarkup)).toBe(before);
    await page.close();
  });

  it('opens the popup, which names Selge and the version, and the background answers a ping', async () => {
    const popup = watch(await browser.newPage());
    await errors.unlessError(
      'popup opens',
      gotoFirefoxExtensionPage(popup, `moz-extension://${EXTENSION_UUID}/popup.html`),
    );
    await errors.unlessError(
      'popup renders',
      popup.waitForSelector('[data-testid=version]', { timeout: READY_TIMEOUT_MS }),
    );
    const shown = await popup.evaluate(readPopup);
    expect(shown.title).toBe('Selge');
    expect(shown.lang).toBe('en');
    expect(shown.description).toBe(MESSAGES.en.popupDescription?.message);
    expect(shown.version).toBe(`Version ${PACKAGE_VERSION}`);
    expect(await errors.unlessError('background answers the ping', popup.evaluate(pingFromPage), 5_000))
      .toEqual({ ok: true, version: PACKAGE_VERSION });
    await popup.close();
  });
});
