// Scenario 5 of issue 4: no network request leaves the extension, and nothing it runs logs an
// error, in Chromium and Firefox ESR. In every editor: type a message with findings, open the
// tooltip with Alt+Shift+J, apply Explain here.
//
// Requests, both browsers: ALL the browser's http(s) traffic goes through a recording proxy
// (support/record-proxy.ts), whoever starts it: page, content script, background page (Firefox)
// or service worker (Chromium). Only tunnels to the fixture hosts on port 443 (the pages' own
// origins) are let through; anything else is recorded and fails the test.
// Errors:
// - Both browsers: page errors and console errors of the pages, content scripts included
//   (Chromium reports the content script's isolated world with the page; Firefox reports the
//   content script's console errors and uncaught errors as the page's).
// - Chromium: console errors, uncaught exceptions and unhandled rejections of the extension's
//   service worker (chromium-launch.ts).
// - Firefox: console errors and uncaught errors (exceptions, unhandled rejections) of the
//   extension's background page, through Firefox's add-on debugger
//   (support/firefox-extension-errors.ts); WebDriver BiDi reports nothing from extension pages.
//
// The last block checks these checks, in fresh browsers set up the same way: from inside the
// extension (test code run in its contexts, no hook in the product) it sends a request to an
// outside host from the background and from a content script, and logs and throws errors in
// the background, and expects the proxy and the error log to catch each one.
// Firefox content scripts: Firefox sends a content script's request only to its page's own
// origin or to a site the extension holds a host permission for (a site the user switched
// on); any other it refuses before a connection is even opened. So a fetch to an outside host
// added to the content script makes no request in Firefox, and cannot fail this test there.
// (What a content script makes the page load, such as an image it inserts, is the page's
// request and goes out through the proxy like any other.)
// The check grants one outside host, sees the content script's request to it reach the proxy,
// and sees Firefox refuse, unsent, the one to a host not granted.
import { randomUUID } from 'node:crypto';
import type { Browser as FirefoxBrowser, Page as FirefoxPage } from 'puppeteer-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { launchChromiumWithExtension, type ChromiumWithExtension } from './support/chromium-launch';
import { FIREFOX_BUILD, READY_SELECTOR, READY_TIMEOUT_MS } from './support/env';
import { ErrorLog } from './support/error-log';
import { grantOrigins, inChromiumContentScript, inFirefoxContentScript, openFirefoxExtensionPage } from './support/extension-contexts';
import { extensionReadyInPage, findingShownInPage, tooltipShownInPage } from './support/finding-page';
import { watchExtensionErrors } from './support/firefox-extension-errors';
import { startFirefox } from './support/firefox-launch';
import { type Driver, type DriverPage, LAUNCHERS } from './support/page-driver';
import { chromiumProxyArgs, firefoxProxyPrefs, startRecordProxy, type RecordProxy } from './support/record-proxy';
import { SCENARIO_EDITORS } from './support/scenario-editors';
import { focusEnd, getText, typeText, waitForFixture, waitForTextChange } from './support/typing';

/**
 * The browsers' own background services, seen asking the proxy here with no extension code
 * involved (component updates, sign-in, autofill; Firefox remote settings). Only these exact
 * hosts are tolerated; a request from the extension to one of them would go unnoticed.
 */
const BROWSER_SERVICES = new Set([
  'update.googleapis.com', 'accounts.google.com', 'content-autofill.googleapis.com', 'redirector.gvt1.com',
  'firefox.settings.services.mozilla.com',
]);
const hostOf = (entry: string) => (entry.startsWith('CONNECT ') ? entry.slice(8).split(':')[0] : new URL(entry.split(' ')[1] ?? '').hostname);

const MESSAGE = 'Tere! Meie NPS tõusis, CRM-iga on kõik korras ja SLA kehtib.';
const WAIT_MS = 5_000;

// The input under Gmail's host, where generic inputs (the subject line's kind) are checked.
const EDITORS = SCENARIO_EDITORS.map((editor) => (editor.name === 'input' ? { ...editor, host: 'mail.google.com' } : editor));

describe.each(LAUNCHERS)('%s: no request leaves the extension, no error from it', (_browserName, launch) => {
  let proxy: RecordProxy;
  let driver: Driver;
  let page: DriverPage;

  beforeAll(async () => {
    proxy = await startRecordProxy();
    driver = await launch({ proxy: proxy.address, extensionPageErrors: true });
    page = await driver.newPage();
  });
  afterAll(async () => {
    await driver?.close();
    await proxy?.close();
  });
  afterEach(() => {
    expect(driver.errors.take(), 'errors from pages, content scripts, the service worker or the background page').toEqual([]);
  });

  it.each(EDITORS.map((e) => [e.name, e] as const))('%s: typing, the tooltip and a fix ask for nothing outside the page', async (name, { host }) => {
    await page.goto(`https://${host}/editors/${name}.html`);
    await driver.errors.unlessError(`${name} page gets ready`, waitForFixture(page.keys, name));
    await driver.errors.unlessError('the content script marks the page', page.keys.waitFor(extensionReadyInPage, undefined, READY_TIMEOUT_MS));
    // The pages came through the proxy (a tunnel may serve several pages of one host).
    expect(proxy.tunnels(), 'tunnels to the fixture server').toBeGreaterThan(0);

    await focusEnd(page.keys);
    await typeText(page.keys, MESSAGE);
    await driver.errors.unlessError('NPS is underlined', page.keys.waitFor(findingShownInPage, 'NPS', WAIT_MS));
    const before = await getText(page.keys);
    // The caret at the start: the first finding after it is NPS.
    await page.keys.evaluate(() => (window as unknown as { __fixture: { focusEnd(): void } }).__fixture.focusEnd(), undefined);
    await page.keys.press('Home');
    await page.keys.press('KeyJ', ['Alt', 'Shift']);
    await driver.errors.unlessError('Alt+Shift+J opens the tooltip', page.keys.waitFor(tooltipShownInPage, true, WAIT_MS));
    await page.keys.press('Enter');
    const after = await driver.errors.unlessError('Explain here changes the text', waitForTextChange(page.keys, before, WAIT_MS));
    expect(after).toContain('NPS (');

    expect(proxy.refused.filter((entry) => !BROWSER_SERVICES.has(hostOf(entry) ?? '')).join('\n'), 'connections refused by the recording proxy (not to the fixture pages)').toBe('');
  });
});

// ---- the checks themselves ------------------------------------------------------------------

/** Outside hosts the extension is made to ask for below; the proxy refuses and records them. */
const OUTSIDE = {
  background: 'background-probe.example',
  content: 'content-probe.example',
  notGranted: 'not-granted-probe.example',
} as const;
const askedFor = (proxy: RecordProxy, host: string) => proxy.refused.includes(`CONNECT ${host}:443`);
/** Marks the errors made on purpose, so nothing else can pass for them. */
const PROBE = 'selge-quiet-probe';

describe('the checks catch a request and an error made inside the extension', () => {
  describe('Chromium', () => {
    let proxy: RecordProxy;
    let chromium: ChromiumWithExtension;

    beforeAll(async () => {
      proxy = await startRecordProxy();
      chromium = await launchChromiumWithExtension(chromiumProxyArgs(proxy.address));
    });
    afterAll(async () => {
      await chromium?.close();
      await proxy?.close();
    });

    it('a fetch from the service worker reaches the proxy', async () => {
      const outcome = await chromium.worker.evaluate((url) => fetch(url).then(() => 'answered', (error: unknown) => `failed: ${String(error)}`), `https://${OUTSIDE.background}/`);
      expect(outcome).toMatch(/^failed/); // the proxy refused it
      expect(askedFor(proxy, OUTSIDE.background), proxy.refused.join('\n')).toBe(true);
    });

    it('a fetch from the content script reaches the proxy', async () => {
      const page = await chromium.context.newPage();
      await page.goto('https://mail.google.com/');
      await page.waitForSelector(READY_SELECTOR, { state: 'attached', timeout: READY_TIMEOUT_MS });
      const outcome = await inChromiumContentScript(
        chromium.context,
        page,
        chromium.extensionId,
        `fetch('https://${OUTSIDE.content}/').then(() => 'answered', (error) => 'failed: ' + error).then((outcome) => chrome.runtime.id + ' ' + outcome)`,
      );
      // chrome.runtime.id: the extension's own world, not the page's.
      expect(outcome).toMatch(new RegExp(`^${chromium.extensionId} failed`));
      expect(askedFor(proxy, OUTSIDE.content), proxy.refused.join('\n')).toBe(true);
      await page.close();
    });

    it('an error the service worker logs is collected', async () => {
      await chromium.worker.evaluate((text) => console.error(text), `${PROBE}: logged by the service worker`);
      expect(await chromium.errors.seen(`${PROBE}: logged by the service worker`, 5_000)).toContain('service worker error');
    });

    it('an exception the service worker throws and a promise it leaves rejected are collected', async () => {
      await chromium.worker.evaluate((text) => {
        // Thrown from a task of the worker's own, as a handler of the product would.
        setTimeout(() => { throw new Error(`${text}: thrown`); }, 0);
        void Promise.reject(new Error(`${text}: rejected`));
      }, `${PROBE} in the service worker`);
      expect(await chromium.errors.seen(`${PROBE} in the service worker: thrown`, 5_000)).toContain('uncaught exception');
      expect(await chromium.errors.seen(`${PROBE} in the service worker: rejected`, 5_000)).toContain('unhandled rejection');
    });
  });

  describe('Firefox ESR', () => {
    const GECKO_ID = 'selge@selge.ee';
    // Pinned so the test can open the popup page directly.
    const uuid = randomUUID();
    /** A site that is not built in: switched on below, the product registers its content script there. */
    const SITE = 'help.example.org';
    const errors = new ErrorLog();
    let proxy: RecordProxy;
    let browser: FirefoxBrowser;
    let extensionPage: FirefoxPage;

    beforeAll(async () => {
      proxy = await startRecordProxy();
      browser = await startFirefox({
        extensionPages: true,
        prefs: {
          ...firefoxProxyPrefs(proxy.address),
          'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: uuid }),
          // The optional-permission prompt answers yes by itself.
          'extensions.webextOptionalPermissionPrompts': false,
        },
      });
      expect(await browser.installExtension(FIREFOX_BUILD)).toBe(GECKO_ID);
      await watchExtensionErrors(browser, GECKO_ID, (entry) => errors.add(entry));
      extensionPage = await openFirefoxExtensionPage(browser, `moz-extension://${uuid}/popup.html`);
    });
    afterAll(async () => {
      await browser?.close();
      await proxy?.close();
    });

    it('a fetch from the background page reaches the proxy', async () => {
      const outcome = await extensionPage.evaluate((url: string) => {
        const api = (globalThis as unknown as { browser: { extension: { getBackgroundPage(): typeof globalThis } } }).browser;
        // The background page's own fetch: the request is the background page's.
        return api.extension.getBackgroundPage().fetch(url).then(() => 'answered', (error: unknown) => `failed: ${String(error)}`);
      }, `https://${OUTSIDE.background}/`);
      expect(outcome).toMatch(/^failed/); // the proxy refused it
      expect(askedFor(proxy, OUTSIDE.background), proxy.refused.join('\n')).toBe(true);
    });

    it('a fetch from the content script reaches the proxy where the extension may go; Firefox sends none elsewhere', async () => {
      await grantOrigins(extensionPage, [`https://${SITE}/*`, `https://${OUTSIDE.content}/*`]);
      const page = await browser.newPage();
      await page.goto(`https://${SITE}/any-site.html`);
      await page.waitForSelector(READY_SELECTOR, { timeout: READY_TIMEOUT_MS });
      const outcomes = await inFirefoxContentScript(
        extensionPage,
        `https://${SITE}/*`,
        `Promise.all(['${OUTSIDE.content}', '${OUTSIDE.notGranted}'].map((host) => fetch('https://' + host + '/').then(() => 'answered', (error) => 'failed: ' + error))).then((outcomes) => [browser.runtime.id, ...outcomes])`,
      );
      // browser.runtime.id: the extension's content-script sandbox, not the page.
      expect(outcomes).toEqual([GECKO_ID, expect.stringMatching(/^failed/), expect.stringMatching(/^failed/)]);
      expect(askedFor(proxy, OUTSIDE.content), proxy.refused.join('\n')).toBe(true);
      // Refused by Firefox itself: the request never reached the proxy, the only way out.
      expect(askedFor(proxy, OUTSIDE.notGranted), proxy.refused.join('\n')).toBe(false);
      await page.close();
    });

    it('an error the background page logs, throws or leaves unhandled is collected', async () => {
      await extensionPage.evaluate((probe: string) => {
        const api = (globalThis as unknown as { browser: { extension: { getBackgroundPage(): typeof globalThis } } }).browser;
        const background = api.extension.getBackgroundPage();
        background.console.error(`${probe}: logged by the background page`);
        // Tasks of the background page itself: its own built-ins, called by its own timers
        // (its content security policy allows no code from strings).
        background.setTimeout(background.Reflect.ownKeys, 0, `${probe}: thrown by the background page`);
        background.setTimeout(background.Promise.reject.bind(background.Promise), 0, `${probe}: rejected in the background page`);
      }, PROBE);
      expect(await errors.seen(`${PROBE}: logged by the background page`, 5_000)).toContain('console error');
      expect(await errors.seen(`${PROBE}: thrown by the background page`, 5_000)).toContain('TypeError');
      expect(await errors.seen(`${PROBE}: rejected in the background page`, 5_000)).toContain('uncaught');
    });
  });
});
