// Scenario 5 of issue 4: no network request leaves the extension, and nothing it runs logs an
// error. Each browser (with the built extension) sends ALL its http(s) traffic through a
// recording proxy (support/record-proxy.ts): page, content script, background page and
// service worker alike, so a request cannot hide in a context the driver does not watch.
// Only tunnels to the fixture hosts on port 443 (the pages' own origins) are let through;
// anything else is recorded and fails the test. In every editor: type a message with
// findings, open the tooltip with Alt+Shift+J, apply Explain here.
// Errors: page errors and console errors of the pages (Chromium reports the content
// script's isolated world there too), of the extension's service worker (Chromium) and of
// its background page (Firefox, through the add-on debugger: support/firefox-extension-errors.ts).
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { READY_TIMEOUT_MS } from './support/env';
import { extensionReadyInPage, findingShownInPage, tooltipShownInPage } from './support/finding-page';
import { type Driver, type DriverPage, LAUNCHERS } from './support/page-driver';
import { startRecordProxy, type RecordProxy } from './support/record-proxy';
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
    await driver.errors.unlessError('Alt+Shift+J opens the tooltip', page.keys.waitFor(tooltipShownInPage, undefined, WAIT_MS));
    await page.keys.press('Enter');
    const after = await driver.errors.unlessError('Explain here changes the text', waitForTextChange(page.keys, before, WAIT_MS));
    expect(after).toContain('NPS (');

    expect(proxy.refused.filter((entry) => !BROWSER_SERVICES.has(hostOf(entry) ?? '')).join('\n'), 'connections refused by the recording proxy (not to the fixture pages)').toBe('');
  });
});
