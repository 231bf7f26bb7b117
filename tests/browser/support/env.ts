// Paths and names shared by the browser smoke tests and their global setup.
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../..');
export const TMP_DIR = join(ROOT, 'tests/.tmp');
export const PAGES_DIR = join(ROOT, 'tests/fixtures/pages');
/** The editor fixture pages built by tests/fixtures/editors/build.ts (served under /editors/). */
export const EDITOR_PAGES_DIR = join(ROOT, 'tests/.tmp/editor-pages');

export const CHROME_BUILD = join(ROOT, '.output/chrome-mv3');
export const FIREFOX_BUILD = join(ROOT, '.output/firefox-mv2');

export const CHROMIUM_PATH = process.env.SELGE_CHROMIUM ?? '/usr/bin/chromium';
export const FIREFOX_PATH = process.env.SELGE_FIREFOX ?? '/usr/bin/firefox-esr';

/**
 * Real host names from the content script's match patterns, all served from loopback, and
 * one site that is not built in (the user switches it on: site-access.test.ts).
 */
export const FIXTURE_HOSTS = [
  'mail.google.com',
  'acme.zendesk.com',
  'outlook.office.com',
  'outlook.live.com',
  'acme.freshdesk.com',
  'secure.helpscout.net',
  'app.intercom.com',
  'help.example.org',
] as const;

/** The fixture server listens on 443 because match patterns and DNS maps keep the port. */
export const FIXTURE_PORT = 443;

/** How long a page or browser may take to show that the extension is alive. */
export const READY_TIMEOUT_MS = 20_000;

export const READY_SELECTOR = 'html[data-selge-state=ready]';

/**
 * Chromium flags for every test launch: the built extension, the fixture host names mapped
 * to loopback, and no background traffic (this machine's closed network refuses it loudly).
 */
export function chromiumArgs(extra: string[] = []): string[] {
  return [
    `--disable-extensions-except=${CHROME_BUILD}`,
    `--load-extension=${CHROME_BUILD}`,
    `--host-resolver-rules=${FIXTURE_HOSTS.map((host) => `MAP ${host} 127.0.0.1`).join(', ')}`,
    '--ignore-certificate-errors',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    ...extra,
  ];
}
