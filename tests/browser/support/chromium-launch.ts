// Starting the system Chromium with the built extension, for every Chromium test: a fresh
// profile, the shared flags, page and service-worker errors collected, and the extension's
// service worker awaited (a page opened before it runs may miss the content script).
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Worker } from 'playwright-core';
import { CHROME_BUILD, CHROMIUM_PATH, chromiumArgs, READY_TIMEOUT_MS, TMP_DIR } from './env';
import { ErrorLog } from './error-log';

export interface ChromiumWithExtension {
  context: BrowserContext;
  worker: Worker;
  extensionId: string;
  errors: ErrorLog;
  close(): Promise<void>;
}

/** A fresh profile with the shared flags; page errors and console errors collected. */
async function launchContext(args: string[]): Promise<Omit<ChromiumWithExtension, 'worker' | 'extensionId'>> {
  mkdirSync(TMP_DIR, { recursive: true });
  const profile = mkdtempSync(join(TMP_DIR, 'chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    ignoreHTTPSErrors: true,
    args,
  });
  const close = async () => {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  };
  const errors = new ErrorLog();
  context.on('weberror', (error) => errors.add(`page error: ${error.error().message}`));
  context.on('console', (message) => {
    if (message.type() === 'error') errors.add(`console error at ${message.location().url}: ${message.text()}`);
  });
  return { context, errors, close };
}

/**
 * The same browser binary and flags with no extension at all: the reference run of a
 * scenario that compares "with Selge" against "without".
 */
export function launchChromiumWithoutExtension(extraArgs: string[] = []): Promise<Omit<ChromiumWithExtension, 'worker' | 'extensionId'>> {
  return launchContext(chromiumArgs(extraArgs).filter((arg) => !/^--(load-extension|disable-extensions-except)=/.test(arg)));
}

export async function launchChromiumWithExtension(extraArgs: string[] = []): Promise<ChromiumWithExtension> {
  const { context, errors, close } = await launchContext(chromiumArgs(extraArgs));
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
    (await context
      .waitForEvent('serviceworker', { predicate: (w) => w.url().startsWith('chrome-extension://'), timeout: READY_TIMEOUT_MS })
      .catch(async () => {
        await close();
        throw new Error(`the extension's service worker never started: is ${CHROME_BUILD} loadable?`);
      }));
  watchWorker(worker);
  return { context, worker, extensionId: new URL(worker.url()).host, errors, close };
}
