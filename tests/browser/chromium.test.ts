// Smoke test of the Chrome MV3 build in the system Chromium, on the real Gmail host name.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Worker } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  CHROME_BUILD, CHROMIUM_PATH, chromiumArgs, READY_SELECTOR, READY_TIMEOUT_MS, TMP_DIR,
} from './support/env';
import {
  editorMarkup, MESSAGES, PACKAGE_VERSION, pingFromPage, readPopup,
} from './support/extension-page';
import { ErrorLog } from './support/error-log';

async function launch(extraArgs: string[] = []) {
  mkdirSync(TMP_DIR, { recursive: true });
  const profile = mkdtempSync(join(TMP_DIR, 'chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    ignoreHTTPSErrors: true,
    args: chromiumArgs(extraArgs),
  });
  const errors = new ErrorLog();
  context.on('weberror', (error) => errors.add(`page error: ${error.error().message}`));
  context.on('console', (message) => {
    if (message.type() === 'error') errors.add(`console error at ${message.location().url}: ${message.text()}`);
  });
  const watched = new WeakSet<Worker>();
  const watchWorker = (worker: Worker) => {
    if (watched.has(worker)) return;
    watched.add(worker);
    worker.on('console', (message) => {
      if (message.type() === 'error') errors.add(`service worker error: ${message.text()}`);
    });
  };
  context.on('serviceworker', watchWorker);

  const worker =
    context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://')) ??
    (await context.waitForEvent('serviceworker', {
      predicate: (w) => w.url().startsWith('chrome-extension://'),
      timeout: READY_TIMEOUT_MS,
    }).catch(async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
      throw new Error(`the extension's service worker never started: is ${CHROME_BUILD} loadable?`);
    }));
  watchWorker(worker);
  const extensionId = new URL(worker.url()).host;
  const close = async () => {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  };
  return { context, worker, extensionId, errors, close };
}

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
