// One small driver API over both browsers, so a scenario is written once and run in
// Chromium (playwright-core) and Firefox ESR (puppeteer-core over WebDriver BiDi) with the
// built extension loaded. Chromium starts as in every Chromium test (chromium-launch.ts).
import type { BrowserContext } from 'playwright-core';
import { launchChromiumWithExtension, launchChromiumWithoutExtension } from './chromium-launch';
import { FIREFOX_BUILD, READY_TIMEOUT_MS } from './env';
import { startFirefox } from './firefox-launch';
import { watchExtensionErrors } from './firefox-extension-errors';
import { ErrorLog } from './error-log';
import { collectPuppeteerErrors } from './page-errors';
import { chromiumProxyArgs, firefoxProxyPrefs } from './record-proxy';
import { playwrightDriver, puppeteerDriver, type Driver as KeyDriver } from './typing';

export interface DriverPage {
  goto(url: string): Promise<void>;
  /** Runs `fn` in the page (main world); `fn` must not close over anything. */
  evaluate<A, R>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R>;
  /** Presses one character as a real key event (or the browser's text input for non-US keys). */
  typeCharacter(character: string): Promise<void>;
  /**
   * The same page for the typing harness (typing.ts): real key events for every character,
   * Estonian letters included, and `window.__fixture` on the editor pages.
   */
  keys: KeyDriver;
  /** Saves a PNG of the viewport (for the README's screenshots). */
  screenshot(path: string): Promise<void>;
  /** Runs `source` in every new document of this page (all frames) before the page's own scripts. */
  addInitScript(source: string): Promise<void>;
  /** Moves the real mouse to viewport coordinates (a hover) and, with `click`, clicks there. */
  mouse(x: number, y: number, click?: boolean): Promise<void>;
  close(): Promise<void>;
}

/** How each browser replaces a running extension (there is no common way). */
export interface ExtensionControl {
  /** Chromium: chrome.runtime.reload(); old content scripts stay in open tabs, orphaned. */
  reload?(): Promise<void>;
  /** Firefox: the extension's content scripts stop at once and its CSS is withdrawn. */
  uninstall?(): Promise<void>;
  /** Firefox: also injects the content scripts into open matching tabs. */
  install?(): Promise<void>;
  /** Chromium: the toolbar badge text of every open tab. */
  badgeTexts?(): Promise<string[]>;
}

export interface Driver {
  name: string;
  errors: ErrorLog;
  extension: ExtensionControl;
  newPage(): Promise<DriverPage>;
  close(): Promise<void>;
}

/** How to start a browser; by default with the built extension and a direct connection. */
export interface LaunchOptions {
  /** false: the same binary and flags, a fresh profile, no extension. */
  extension?: boolean;
  /** Every http(s) connection of the whole browser goes through this HTTP proxy (host:port). */
  proxy?: string;
  /**
   * Firefox: also collect the errors of the extension's own pages (background page, popup)
   * through Firefox's add-on debugger (firefox-extension-errors.ts), for the add-on as
   * installed at launch. Chromium always collects its service worker's console errors.
   */
  extensionPageErrors?: boolean;
}

function chromiumPage(context: BrowserContext) {
  return async (): Promise<DriverPage> => {
    const page = await context.newPage();
    return {
      goto: async (url) => {
        await page.goto(url);
      },
      evaluate: (fn, arg) => page.evaluate(fn as never, arg) as never,
      typeCharacter: (character) => page.keyboard.type(character),
      keys: playwrightDriver(page),
      screenshot: async (path) => {
        await page.screenshot({ path });
      },
      async addInitScript(source) {
        await page.addInitScript({ content: source });
      },
      async mouse(x, y, click) {
        if (click) await page.mouse.click(x, y);
        else await page.mouse.move(x, y);
      },
      close: () => page.close(),
    };
  };
}

export async function launchChromium(options: LaunchOptions = {}): Promise<Driver> {
  // Chromium resolves the fixture host names through the proxy, which maps them itself.
  const extra = options.proxy ? chromiumProxyArgs(options.proxy) : [];
  if (options.extension === false) {
    const { context, errors, close } = await launchChromiumWithoutExtension(extra);
    return { name: 'Chromium', errors, extension: {}, newPage: chromiumPage(context), close };
  }
  const { context, worker, errors, close } = await launchChromiumWithExtension(extra);
  return {
    name: 'Chromium',
    errors,
    extension: {
      async reload() {
        // From an extension page rather than the service worker, which may be asleep.
        // Chromium closes the extension's pages when it unloads it: from then on the old
        // content scripts are orphaned.
        const extensionPage = await context.newPage();
        await extensionPage.goto(`chrome-extension://${new URL(worker.url()).host}/popup.html`);
        const closed = extensionPage.waitForEvent('close', { timeout: READY_TIMEOUT_MS });
        await extensionPage
          .evaluate(() => (globalThis as unknown as { chrome: { runtime: { reload(): void } } }).chrome.runtime.reload())
          .catch(() => undefined); // the page goes away while answering
        await closed;
      },
      async badgeTexts() {
        const extensionPage = await context.newPage();
        try {
          await extensionPage.goto(`chrome-extension://${new URL(worker.url()).host}/popup.html`);
          return await extensionPage.evaluate(async () => {
            const chrome = (globalThis as unknown as { chrome: { tabs: { query(q: object): Promise<Array<{ id: number }>> }; action: { getBadgeText(d: { tabId: number }): Promise<string> } } }).chrome;
            const tabs = await chrome.tabs.query({});
            return Promise.all(tabs.map((tab) => chrome.action.getBadgeText({ tabId: tab.id })));
          });
        } finally {
          await extensionPage.close();
        }
      },
    },
    newPage: chromiumPage(context),
    close,
  };
}

export async function launchFirefox(options: LaunchOptions = {}): Promise<Driver> {
  const browser = await startFirefox({
    prefs: options.proxy ? firefoxProxyPrefs(options.proxy) : {},
    extensionPages: options.extensionPageErrors === true,
  });
  let id = options.extension === false ? '' : await browser.installExtension(FIREFOX_BUILD);
  const errors = new ErrorLog();
  if (options.extensionPageErrors && id) {
    await watchExtensionErrors(browser, id, (entry) => errors.add(entry)).catch(async (error: unknown) => {
      await browser.close();
      throw error;
    });
  }
  return {
    name: 'Firefox',
    errors,
    extension: {
      uninstall: () => browser.uninstallExtension(id),
      async install() {
        id = await browser.installExtension(FIREFOX_BUILD);
      },
    },
    async newPage() {
      const page = await browser.newPage();
      collectPuppeteerErrors(page, errors);
      return {
        goto: async (url) => {
          await page.goto(url);
        },
        evaluate: (fn, arg) => page.evaluate(fn as never, arg) as never,
        typeCharacter: (character) => page.keyboard.type(character),
        keys: puppeteerDriver(page),
        screenshot: async (path) => {
          await page.screenshot({ path: path as `${string}.png` });
        },
        async addInitScript(source) {
          await page.evaluateOnNewDocument(source);
        },
        async mouse(x, y, click) {
          if (click) await page.mouse.click(x, y);
          else await page.mouse.move(x, y);
        },
        close: () => page.close(),
      };
    },
    close: () => browser.close(),
  };
}

/** Both browsers, for `describe.each`: every scenario runs in Chromium and in Firefox ESR. */
export const LAUNCHERS: Array<[string, (options?: LaunchOptions) => Promise<Driver>]> = [
  ['Chromium', launchChromium],
  ['Firefox ESR', launchFirefox],
];
