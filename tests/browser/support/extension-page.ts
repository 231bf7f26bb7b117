// What the smoke tests read from extension pages and the fixture pages, shared by the
// Chromium (playwright-core) and Firefox (puppeteer-core) tests.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './env';

export const PACKAGE_VERSION: string = JSON.parse(
  readFileSync(join(ROOT, 'package.json'), 'utf8'),
).version;

type Messages = Record<string, { message: string }>;
const messages = (lang: string): Messages =>
  JSON.parse(readFileSync(join(ROOT, 'public/_locales', lang, 'messages.json'), 'utf8'));

export const MESSAGES = { en: messages('en'), et: messages('et') };

/** The part of the WebExtension API the tests call from inside an extension page. */
export interface ExtensionGlobal {
  browser?: { runtime: { sendMessage(message: unknown): Promise<unknown> } };
  chrome?: { runtime: { sendMessage(message: unknown): Promise<unknown> } };
}

/** Runs inside an extension page: sends the ping to the background and returns its reply. */
export function pingFromPage(): Promise<unknown> {
  const api = globalThis as unknown as ExtensionGlobal;
  const runtime = (api.browser ?? api.chrome)?.runtime;
  if (!runtime) throw new Error('no extension runtime in this page');
  return runtime.sendMessage({ type: 'selge/ping' });
}

/** Runs inside the popup page: what a person sees. */
export function readPopup(): { title: string; description: string; version: string; lang: string } {
  const text = (selector: string) => document.querySelector(selector)?.textContent?.trim() ?? '';
  return {
    title: text('h1'),
    description: text('.selge-popup__description'),
    version: text('[data-testid=version]'),
    lang: document.documentElement.lang,
  };
}

/** Runs inside the fixture page: the compose editor's markup, to prove we never write into it. */
export function editorMarkup(): string {
  return document.querySelector('[g_editable=true][role=textbox]')?.innerHTML ?? '<missing editor>';
}
