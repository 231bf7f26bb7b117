// Errors from the Firefox extension's own pages (its background page, and the popup when it
// is open in a tab). WebDriver BiDi reports nothing from them: Firefox's remote agent skips
// every moz-extension:// document for its events (BrowsingContextUtils'
// isBrowsingContextCompatible, "until we support debugging webextensions", bug 1755014), so
// puppeteer's page events cover only the web pages and the content scripts in them.
// Firefox's own add-on debugger does see these pages (about:debugging, "Inspect"): this
// starts that debugger's console in the browser's chrome and sends every console error and
// uncaught error (exceptions and unhandled rejections) to the test over a BiDi channel. Those
// the page logged before the watch began arrive too (the console keeps them), so errors at
// start-up are not missed.
// Needs Firefox started with system access (firefox-launch.ts `extensionPages`): BiDi may
// run script in the browser's chrome only then.
import { randomUUID } from 'node:crypto';
import type { Browser } from 'puppeteer-core';

/** The part of puppeteer-core's BiDi connection used here (not in puppeteer's public types). */
interface BidiConnection {
  send(method: string, params: object): Promise<{ result: Record<string, unknown> }>;
  on(event: 'script.message', listener: (params: { channel: string; data: { type: string; value?: unknown } }) => void): void;
}

/**
 * Runs in the browser's chrome window (system principal). `send` is the BiDi channel.
 * The devtools client's CommandsFactory.forAddon is what about:debugging's toolbox uses.
 */
const WATCHER = `async (send, addonId) => {
  const { require } = ChromeUtils.importESModule('resource://devtools/shared/loader/Loader.sys.mjs');
  const { CommandsFactory } = require('devtools/shared/commands/commands-factory');
  const commands = await CommandsFactory.forAddon(addonId);
  await commands.targetCommand.startListening();
  const { resourceCommand } = commands;
  const { CONSOLE_MESSAGE, ERROR_MESSAGE } = resourceCommand.TYPES;
  const text = (value) => {
    if (typeof value !== 'object' || value === null) return String(value);
    const grip = typeof value.getGrip === 'function' ? value.getGrip() : value;
    if (grip.preview && grip.preview.message !== undefined) return (grip.preview.name || grip.class) + ': ' + grip.preview.message;
    return grip.class || grip.type || JSON.stringify(grip);
  };
  await resourceCommand.watchResources([CONSOLE_MESSAGE, ERROR_MESSAGE], {
    onAvailable(resources) {
      for (const resource of resources) {
        if (resource.resourceType === CONSOLE_MESSAGE && resource.level === 'error') {
          send('extension page console error at ' + resource.filename + ': ' + (resource.arguments || []).map(text).join(' '));
        } else if (resource.resourceType === ERROR_MESSAGE && resource.pageError.error) {
          send('extension page error at ' + (resource.pageError.sourceName || '(no source)') + ': ' + resource.pageError.errorMessage);
        }
      }
    },
  });
}`;

/**
 * Reports every error of the add-on `addonId`'s pages from now on (and those already logged)
 * to `report`. Rejects if the watch cannot be started, so a test never silently runs without it.
 */
export async function watchExtensionErrors(browser: Browser, addonId: string, report: (entry: string) => void): Promise<void> {
  const connection = (browser as unknown as { connection: BidiConnection }).connection;
  const { result: tree } = await connection.send('browsingContext.getTree', { 'moz:scope': 'chrome', maxDepth: 0 });
  const chrome = (tree.contexts as Array<{ context: string; url: string }>).find((c) => c.url === 'chrome://browser/content/browser.xhtml');
  if (!chrome) throw new Error('no Firefox chrome window to watch the extension from: was Firefox started with system access?');
  const channel = `selge-extension-errors-${randomUUID()}`;
  connection.on('script.message', (params) => {
    if (params.channel === channel) report(String(params.data.value));
  });
  const { result } = await connection.send('script.callFunction', {
    functionDeclaration: WATCHER,
    target: { context: chrome.context },
    awaitPromise: true,
    resultOwnership: 'none',
    arguments: [{ type: 'channel', value: { channel } }, { type: 'string', value: addonId }],
  });
  if (result.type === 'exception') {
    throw new Error(`could not watch the extension's pages for errors: ${JSON.stringify(result.exceptionDetails)}`);
  }
}
