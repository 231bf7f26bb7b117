// Page errors and console errors of one tab, into an ErrorLog: the same two listeners for
// every test page, one function per driver library.
import type { Page as PlaywrightPage } from 'playwright-core';
import type { Page as PuppeteerPage } from 'puppeteer-core';
import type { ErrorLog } from './error-log';

export function collectPlaywrightErrors<P extends PlaywrightPage>(page: P, errors: ErrorLog): P {
  page.on('pageerror', (error) => errors.add(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.add(`console error at ${message.location().url}: ${message.text()}`);
  });
  return page;
}

export function collectPuppeteerErrors<P extends PuppeteerPage>(page: P, errors: ErrorLog): P {
  page.on('pageerror', (error) => errors.add(`page error: ${String(error)}`));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.add(`console error at ${message.location().url ?? '?'}: ${message.text()}`);
  });
  return page;
}
