// Starting the system Chromium with the built extension, for every Chromium test: a fresh
// profile, the shared flags, page and service-worker errors (console errors, uncaught
// exceptions, unhandled rejections) collected, and the extension's
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

/**
 * Reports in the service worker's own console what Chromium keeps to itself: its uncaught
 * exceptions and unhandled rejections. Playwright reports a worker's console messages but not
 * its exceptions; the global scope sees both as events, so a listener there logs them as
 * console errors, which `watchServiceWorkerErrors` collects. Runs in the worker (self-contained).
 */
function reportUncaughtInWorker(): void {
  const scope = globalThis as unknown as {
    addEventListener(type: string, listener: (event: { message?: string; error?: unknown; reason?: unknown }) => void): void;
    __selgeTestReporter?: true;
  };
  if (scope.__selgeTestReporter) return;
  scope.__selgeTestReporter = true;
  const describe = (value: unknown) => (value instanceof Error ? `${value.name}: ${value.message}` : String(value));
  scope.addEventListener('error', (event) => console.error(`uncaught exception: ${event.error === undefined ? event.message : describe(event.error)}`));
  scope.addEventListener('unhandledrejection', (event) => console.error(`unhandled rejection: ${describe(event.reason)}`));
}

/**
 * Collects the errors of an extension service worker (every instance: Chromium stops an idle
 * one and starts a new one for the next event): its console errors, uncaught exceptions and
 * unhandled rejections. Resolves once the worker reports them, so a test that makes one on
 * purpose right after cannot race it. What a worker throws while its script first runs is
 * not seen here; such a worker never starts, which fails the launch instead.
 */
export function watchServiceWorkerErrors(worker: Worker, errors: ErrorLog): Promise<void> {
  let watching = watchedWorkers.get(worker);
  if (watching) return watching;
  worker.on('console', (message) => {
    if (message.type() === 'error') errors.add(`service worker error: ${message.text()}`);
  });
  // A worker stopped in between has nothing more to report.
  watching = worker.evaluate(reportUncaughtInWorker).catch(() => undefined);
  watchedWorkers.set(worker, watching);
  return watching;
}
/** Each worker is watched once, however often it is announced. */
const watchedWorkers = new WeakMap<Worker, Promise<void>>();

export async function launchChromiumWithExtension(extraArgs: string[] = []): Promise<ChromiumWithExtension> {
  const { context, errors, close } = await launchContext(chromiumArgs(extraArgs));
  const watchWorker = (worker: Worker) => watchServiceWorkerErrors(worker, errors);
  context.on('serviceworker', (worker) => void watchWorker(worker));
  const worker =
    context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://')) ??
    (await context
      .waitForEvent('serviceworker', { predicate: (w) => w.url().startsWith('chrome-extension://'), timeout: READY_TIMEOUT_MS })
      .catch(async () => {
        await close();
        throw new Error(`the extension's service worker never started: is ${CHROME_BUILD} loadable?`);
      }));
  await watchWorker(worker);
  return { context, worker, extensionId: new URL(worker.url()).host, errors, close };
}
