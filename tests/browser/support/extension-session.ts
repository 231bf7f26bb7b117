// A browser with the built extension and one of its own pages open, for tests that talk to
// the background as the extension itself does (runtime.sendMessage, storage.local), and that
// reload the extension or restart the browser on the same profile. Chromium through
// playwright-core, Firefox ESR through puppeteer-core (WebDriver BiDi).
import { randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page as PlaywrightPage } from 'playwright-core';
import type { Browser, Page as PuppeteerPage } from 'puppeteer-core';
import {
  CHROMIUM_PATH, chromiumArgs, FIREFOX_BUILD, READY_TIMEOUT_MS, TMP_DIR,
} from './env';
import { watchServiceWorkerErrors } from './chromium-launch';
import { gotoFirefoxExtensionPage } from './extension-contexts';
import { startFirefox } from './firefox-launch';
import { ErrorLog } from './error-log';
import { collectPuppeteerErrors } from './page-errors';

export interface ExtensionSession {
  name: string;
  errors: ErrorLog;
  /** Runs `fn(arg)` in the extension's popup page (opened in a tab); `fn` must be self-contained. */
  inExtension<A, R>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R>;
  /**
   * The background starts again and reads everything from storage: Firefox reloads the
   * extension (runtime.reload()); Chromium stops its service worker (see there why).
   */
  restartBackground(): Promise<void>;
  /** Closes the browser and starts it again on the same profile. */
  restart(): Promise<void>;
  close(): Promise<void>;
}

const GECKO_ID = 'selge@selge.ee';

/** Runs in the extension page: asks the background to reload the extension. */
function reloadFromPage(): void {
  const api = globalThis as unknown as { browser?: { runtime: { reload(): void } }; chrome?: { runtime: { reload(): void } } };
  (api.browser ?? api.chrome)!.runtime.reload();
}

/** Runs in the extension page: whether the background answers a ping yet. */
async function backgroundAnswers(): Promise<boolean> {
  const api = globalThis as unknown as { browser?: { runtime: { sendMessage(m: unknown): Promise<unknown> } }; chrome?: { runtime: { sendMessage(m: unknown): Promise<unknown> } } };
  try {
    const reply = (await (api.browser ?? api.chrome)!.runtime.sendMessage({ type: 'selge/ping' })) as { ok?: boolean } | undefined;
    return reply?.ok === true;
  } catch {
    return false;
  }
}

/** How long one try to open the extension's page after a reload may take (see restartBackground). */
const RELOAD_TRY_MS = 4_000;

async function until(what: string, check: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (!(await check().catch(() => false))) {
    if (Date.now() > deadline) throw new Error(`${what}: not within ${READY_TIMEOUT_MS} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export async function chromiumSession(): Promise<ExtensionSession> {
  mkdirSync(TMP_DIR, { recursive: true });
  const profile = mkdtempSync(join(TMP_DIR, 'chromium-user-data-'));
  const errors = new ErrorLog();
  let context: BrowserContext;
  let extensionId = '';
  let page: PlaywrightPage | undefined;

  const start = async () => {
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM_PATH, headless: true, ignoreHTTPSErrors: true, args: chromiumArgs(),
    });
    context.on('weberror', (error) => errors.add(`page error: ${error.error().message}`));
    context.on('console', (message) => {
      if (message.type() === 'error') errors.add(`console error at ${message.location().url}: ${message.text()}`);
    });
    const worker =
      context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://')) ??
      (await context.waitForEvent('serviceworker', { predicate: (w) => w.url().startsWith('chrome-extension://'), timeout: READY_TIMEOUT_MS }));
    context.on('serviceworker', (fresh) => void watchServiceWorkerErrors(fresh, errors));
    await watchServiceWorkerErrors(worker, errors);
    extensionId = new URL(worker.url()).host;
    page = undefined;
  };
  const extensionPage = async () => {
    if (page && !page.isClosed()) return page;
    page = await context.newPage();
    await page.goto(`chrome-extension://${extensionId}/popup.html`);
    return page;
  };
  await start();
  return {
    name: 'Chromium',
    errors,
    inExtension: async (fn, arg) => (await extensionPage()).evaluate(fn as never, arg) as never,
    async restartBackground() {
      // chrome.runtime.reload() does not bring back an extension loaded with --load-extension,
      // so stop the service worker instead, as Chrome does after 30 s idle: the next message
      // starts a fresh one, which must load everything from storage again.
      const old = context.serviceWorkers().find((w) => w.url().startsWith(`chrome-extension://${extensionId}/`));
      await old?.evaluate(() => void ((globalThis as { __selgeOldWorker?: boolean }).__selgeOldWorker = true));
      const cdp = await context.browser()!.newBrowserCDPSession();
      const { targetInfos } = await cdp.send('Target.getTargets');
      const target = targetInfos.find((t) => t.type === 'service_worker' && t.url.startsWith(`chrome-extension://${extensionId}/`));
      if (!target) throw new Error('no service worker target for the extension');
      await cdp.send('Target.closeTarget', { targetId: target.targetId });
      await cdp.detach();
      await until('a fresh service worker answers', async () => {
        if (!(await (await extensionPage()).evaluate(backgroundAnswers))) return false;
        const fresh = context.serviceWorkers().filter((w) => w.url().startsWith(`chrome-extension://${extensionId}/`));
        const marks = await Promise.all(fresh.map((w) => w.evaluate(() => (globalThis as { __selgeOldWorker?: boolean }).__selgeOldWorker === true).catch(() => true)));
        return marks.includes(false);
      });
    },
    async restart() {
      await context.close();
      await start();
    },
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

export async function firefoxSession(): Promise<ExtensionSession> {
  mkdirSync(TMP_DIR, { recursive: true });
  const profile = mkdtempSync(join(TMP_DIR, 'firefox-user-data-'));
  const uuid = randomUUID();
  const url = `moz-extension://${uuid}/popup.html`;
  const errors = new ErrorLog();
  let browser: Browser;
  let page: PuppeteerPage | undefined;

  const start = async () => {
    browser = await startFirefox({
      userDataDir: profile,
      extensionPages: true,
      prefs: {
        // Pinned so the extension page has a known address and keeps its storage: a
        // temporary add-on is uninstalled when Firefox closes, and reinstalled on restart.
        'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: uuid }),
        'extensions.webextensions.keepStorageOnUninstall': true,
        'extensions.webextensions.keepUuidOnUninstall': true,
      },
    });
    const id = await browser.installExtension(FIREFOX_BUILD);
    if (id !== GECKO_ID) throw new Error(`installed ${id}, expected ${GECKO_ID}`);
    page = undefined;
  };
  const open = async (timeoutMs = READY_TIMEOUT_MS): Promise<PuppeteerPage> => {
    const fresh = await browser.newPage();
    collectPuppeteerErrors(fresh, errors);
    try {
      await gotoFirefoxExtensionPage(fresh, url, timeoutMs);
    } catch (error) {
      await fresh.close().catch(() => undefined);
      throw error;
    }
    return fresh;
  };
  const extensionPage = async () => {
    if (page && !page.isClosed()) return page;
    page = await open();
    return page;
  };
  await start();
  return {
    name: 'Firefox ESR',
    errors,
    inExtension: async (fn, arg) => (await extensionPage()).evaluate(fn as never, arg) as never,
    async restartBackground() {
      const current = await extensionPage();
      await current.evaluate(reloadFromPage).catch(() => undefined);
      await current.close().catch(() => undefined);
      page = undefined;
      // Each try in a new tab, and briefly: a tab opened while the extension is still
      // reloading may never load its page, and one try waiting out the whole deadline on it
      // failed this in CI on 2 busy cores ("not within 20000 ms").
      await until('the reloaded extension answers', async () => {
        if (page) await page.close().catch(() => undefined);
        page = undefined;
        page = await open(RELOAD_TRY_MS);
        return page.evaluate(backgroundAnswers);
      });
    },
    async restart() {
      await browser.close();
      await start();
    },
    async close() {
      await browser.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

export const SESSIONS: Array<[string, () => Promise<ExtensionSession>]> = [
  ['Chromium', chromiumSession],
  ['Firefox ESR', firefoxSession],
];
