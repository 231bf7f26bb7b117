// Running code inside the extension's own contexts from a test, with no hook in the product:
// for the tests that check the checks (quiet.test.ts makes the extension ask for an outside
// host and log an error, and expects the test set-up to catch both).
// - Chromium: the service worker through playwright (worker.evaluate); a page's content-script
//   world (the extension's isolated world) through the DevTools protocol.
// - Firefox: the background page from an extension page open in a tab
//   (extension.getBackgroundPage(), written in the test); a content script through
//   tabs.executeScript, which runs in the same sandbox as the extension's content script but
//   which Firefox allows only on sites the extension holds a host permission for.
import type { Browser as FirefoxBrowser, Page as FirefoxPage } from 'puppeteer-core';
import type { BrowserContext, Page as ChromiumPage } from 'playwright-core';
import { READY_TIMEOUT_MS } from './env';

interface ExecutionContext {
  id: number;
  origin: string;
  auxData?: { frameId?: string };
}

/**
 * Evaluates `expression` (promises awaited, the result copied back) in the extension's
 * content-script world of `page`'s top frame.
 */
export async function inChromiumContentScript(context: BrowserContext, page: ChromiumPage, extensionId: string, expression: string): Promise<unknown> {
  const cdp = await context.newCDPSession(page);
  try {
    const worlds: ExecutionContext[] = [];
    cdp.on('Runtime.executionContextCreated', ({ context: created }) => worlds.push(created as ExecutionContext));
    const { frameTree } = await cdp.send('Page.getFrameTree');
    // Enabling reports the contexts that already exist.
    await cdp.send('Runtime.enable');
    const world = worlds.find((w) => w.origin === `chrome-extension://${extensionId}` && w.auxData?.frameId === frameTree.frame.id);
    if (!world) throw new Error(`no content-script world of ${extensionId} in ${page.url()}: ${JSON.stringify(worlds)}`);
    const { result, exceptionDetails } = await cdp.send('Runtime.evaluate', { expression, contextId: world.id, awaitPromise: true, returnByValue: true });
    if (exceptionDetails) throw new Error(`the content-script world threw: ${exceptionDetails.exception?.description ?? exceptionDetails.text}`);
    return result.value;
  } finally {
    await cdp.detach();
  }
}

/** How often gotoFirefoxExtensionPage asks the page (puppeteer's own polling is per frame). */
const POLL_MS = 50;

/**
 * Loads `url` (moz-extension://…) in `page` and waits until that document has loaded.
 * Puppeteer never sees such a navigation finish (the BiDi events it waits for do not arrive),
 * so the document itself is asked, once per poll. A poll that runs while the old document
 * goes away fails inside Firefox's remote agent ("right-hand side of 'in' should be an
 * object, got null"), which puppeteer's waitForFunction takes as final; here it is one more
 * poll. That race failed quiet.test.ts and firefox.test.ts once each in CI on 2 busy cores.
 */
export async function gotoFirefoxExtensionPage(page: FirefoxPage, url: string, timeoutMs = READY_TIMEOUT_MS): Promise<void> {
  void page.goto(url, { timeout: timeoutMs }).catch(() => undefined);
  const deadline = Date.now() + timeoutMs;
  let seen = 'nothing yet';
  for (;;) {
    try {
      seen = await page.evaluate(() => `${location.href} (${document.readyState})`);
      if (seen === `${url} (complete)`) return;
    } catch (error) {
      seen = error instanceof Error ? error.message.split('\n')[0]! : String(error);
    }
    if (Date.now() > deadline) throw new Error(`${url} did not load within ${timeoutMs} ms; last seen: ${seen}`);
    await new Promise((resolvePoll) => setTimeout(resolvePoll, POLL_MS));
  }
}

/** Opens `url` (moz-extension://…) in a new tab; Firefox must run with system access. */
export async function openFirefoxExtensionPage(browser: FirefoxBrowser, url: string): Promise<FirefoxPage> {
  const page = await browser.newPage();
  await gotoFirefoxExtensionPage(page, url);
  return page;
}

/**
 * Asks for optional host permissions from an extension page with a real click (Firefox wants a
 * user action); Firefox must run with extensions.webextOptionalPermissionPrompts=false, which
 * answers the prompt yes.
 */
export async function grantOrigins(extensionPage: FirefoxPage, origins: string[]): Promise<void> {
  await extensionPage.evaluate((wanted: string[]) => {
    const api = (globalThis as unknown as { browser: { permissions: { request(p: object): Promise<boolean> } } }).browser;
    const button = document.createElement('button');
    button.id = 'selge-test-grant';
    button.textContent = 'Grant';
    button.style.cssText = 'position:fixed;left:0;top:0;width:120px;height:40px;z-index:2147483647';
    button.addEventListener('click', () => {
      api.permissions.request({ origins: wanted }).then(
        (granted) => (button.dataset.result = String(granted)),
        (error: Error) => (button.dataset.result = `error: ${error.message}`),
      );
    });
    document.body.append(button);
  }, origins);
  await extensionPage.click('#selge-test-grant');
  const result = await extensionPage.waitForFunction(() => (document.querySelector('#selge-test-grant') as HTMLElement).dataset.result, { timeout: READY_TIMEOUT_MS });
  const answer = await result.jsonValue();
  if (answer !== 'true') throw new Error(`permissions.request(${origins.join(', ')}) answered ${String(answer)}`);
  await extensionPage.evaluate(() => document.querySelector('#selge-test-grant')?.remove());
}

/**
 * Runs `code` in the extension's content-script sandbox of the tab at `tabPattern` (a match
 * pattern the extension holds a host permission for) and returns its (awaited) value.
 */
export async function inFirefoxContentScript(extensionPage: FirefoxPage, tabPattern: string, code: string): Promise<unknown> {
  return extensionPage.evaluate(async (pattern: string, source: string) => {
    const api = (globalThis as unknown as {
      browser: {
        tabs: {
          query(q: object): Promise<Array<{ id: number }>>;
          executeScript(tabId: number, details: { code: string }): Promise<unknown[]>;
        };
      };
    }).browser;
    const tabs = await api.tabs.query({ url: pattern });
    if (tabs.length !== 1) throw new Error(`expected one tab at ${pattern}, found ${tabs.length}`);
    const [value] = await api.tabs.executeScript(tabs[0]!.id, { code: source });
    return value;
  }, tabPattern, code);
}
