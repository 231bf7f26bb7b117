// Smoke test of the Chrome MV3 build in the system Chromium, on the real Gmail host name.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { launchChromiumWithExtension } from './support/chromium-launch';
import { READY_SELECTOR, READY_TIMEOUT_MS } from './support/env';
import {
  editorMarkup, MESSAGES, PACKAGE_VERSION, pingFromPage, readPopup,
} from './support/extension-page';

const launch = launchChromiumWithExtension;

describe('Chromium, chrome-mv3 build', () => {
  let browser: Awaited<ReturnType<typeof launch>>;

  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });
  afterEach(() => {
    // Each test answers for its own errors; clear them so one failure does not cascade.
    expect(browser.errors.take()).toEqual([]);
  });

  it('runs the service worker from the build', () => {
    expect(browser.worker.url()).toBe(`chrome-extension://${browser.extensionId}/background.js`);
  });

  it('marks a Gmail page as ready without touching the editor', async () => {
    const page = await browser.context.newPage();
    await page.goto('https://mail.google.com/');
    const before = await page.evaluate(editorMarkup);
    expect(before).toContain('SLA');
    await browser.errors.unlessError(
      'content script marks the page',
      page.waitForSelector(READY_SELECTOR, { state: 'attached', timeout: READY_TIMEOUT_MS }),
    );
    expect(await page.evaluate(editorMarkup)).toBe(before);
    await page.close();
  });

  it('opens the popup, which names Selge and the version, and the background answers a ping', async () => {
    const popup = await browser.context.newPage();
    await popup.goto(`chrome-extension://${browser.extensionId}/popup.html`);
    await browser.errors.unlessError(
      'popup renders',
      popup.waitForSelector('[data-testid=version]', { timeout: READY_TIMEOUT_MS }),
    );
    const shown = await popup.evaluate(readPopup);
    expect(shown.title).toBe('Selge');
    expect(shown.version).toContain(PACKAGE_VERSION);
    expect([MESSAGES.en.popupDescription?.message, MESSAGES.et.popupDescription?.message])
      .toContain(shown.description);
    expect(await browser.errors.unlessError('background answers the ping', popup.evaluate(pingFromPage), 5_000))
      .toEqual({ ok: true, version: PACKAGE_VERSION });
    await popup.close();
  });
});

describe('Chromium in Estonian', () => {
  it('shows the popup in Estonian when the browser language is Estonian', async () => {
    // Debian's chromium ships only the en-US UI pack, so getUILanguage() stays en-US, but
    // --lang picks the extension's message catalogue.
    const browser = await launch(['--lang=et']);
    try {
      const popup = await browser.context.newPage();
      await popup.goto(`chrome-extension://${browser.extensionId}/popup.html`);
      await popup.waitForSelector('[data-testid=version]', { timeout: READY_TIMEOUT_MS });
      const shown = await popup.evaluate(readPopup);
      expect(shown.lang).toBe('et');
      expect(shown.title).toBe('Selge');
      expect(shown.description).toBe(MESSAGES.et.popupDescription?.message);
      expect(shown.version).toBe(`Versioon ${PACKAGE_VERSION}`);
      expect(browser.errors.take()).toEqual([]);
    } finally {
      await browser.close();
    }
  });
});
