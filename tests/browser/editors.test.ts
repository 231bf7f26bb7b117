// The editor fixture pages (tests/fixtures/editors/, built from the real editors) and the
// shared typing harness (support/typing.ts), checked in Chromium and Firefox ESR WITHOUT the
// extension: real key presses reach each editor's own model, one Ctrl+Z undoes one of the
// editor's own undo steps, selecting and pasting work, and no page logs an error.
// The pages are served over plain HTTP on an ephemeral loopback port, so this file never
// needs the fixture server's port 443.
import { mkdirSync } from 'node:fs';
import { get } from 'node:https';
import { join } from 'node:path';
import { chromium, type Browser as PlaywrightBrowser } from 'playwright-core';
import puppeteer, { type Browser as PuppeteerBrowser } from 'puppeteer-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { EDITOR_PAGES, type EditorPageName } from '../fixtures/editors/build';
import { CHROMIUM_PATH, EDITOR_PAGES_DIR, FIREFOX_PATH, TMP_DIR } from './support/env';
import { makeCertificate, startFixtureServer } from './support/fixture-server';
import { startStaticServer, type StaticServer } from './support/static-server';
import {
  focusEnd, getText, paste, playwrightDriver, puppeteerDriver, selectText, setText, typeText,
  undo, waitForFixture, waitForTextChange, type Driver, type TypedState,
} from './support/typing';

/** Estonian letters, an acronym with a hyphenated case ending and one without. */
const MESSAGE = 'Tere! Meie CRM-iga ja NPSi tulemus: õäöü.';

/**
 * What one Ctrl+Z does right after MESSAGE was typed in one go (one key per frame, which
 * takes about 0.7–1.1 s here):
 * - `all`: the whole typed run is one undo step, back to the empty editor.
 * - `steps`: typing is cut into undo steps of `size` characters (CKEditor's typing.undoStep).
 * - `word`: back to just before the last space (roosterjs takes a snapshot when a space is typed).
 * - `window`: one step holds the changes made within `ms` of the step's first change (Quill's
 *   history `delay`); where the steps split depends on timing, so it is checked against the
 *   times the keys were typed.
 * - `clock`: one step holds the typing of one block within one `ms` slot of the wall clock
 *   (Trix: Math.floor(Date.now() / 5000)); checked against the key times likewise.
 */
type UndoStep =
  | { kind: 'all' }
  | { kind: 'steps'; size: number }
  | { kind: 'word' }
  | { kind: 'window'; ms: number }
  | { kind: 'clock'; ms: number };

interface EditorCase {
  name: EditorPageName;
  /** The newline the editor's text always ends with (Quill's and Trix's documents). */
  trailing: '' | '\n';
  undo: UndoStep;
}

const CASES: EditorCase[] = [
  // Plain contenteditable: the browser's undo, one step for continuous typing.
  { name: 'gmail', trailing: '', undo: { kind: 'all' } },
  // CKEditor 5 cuts typing into undo steps of 20 characters (config typing.undoStep).
  { name: 'zendesk', trailing: '', undo: { kind: 'steps', size: 20 } },
  // roosterjs 9 snapshots before each typed space: one undo removes the last word and its space.
  { name: 'outlook', trailing: '', undo: { kind: 'word' } },
  // prosemirror-history groups adjacent changes less than newGroupDelay (500 ms) apart.
  { name: 'prosemirror', trailing: '', undo: { kind: 'all' } },
  // Quill's history merges changes within `delay` (1000 ms) of the first change of a step.
  { name: 'quill', trailing: '\n', undo: { kind: 'window', ms: 1000 } },
  // @lexical/history merges consecutive character insertions less than 1000 ms apart.
  { name: 'lexical', trailing: '', undo: { kind: 'all' } },
  // TinyMCE adds an undo level when typing stops being continuous (navigation, Enter, blur).
  { name: 'tinymce', trailing: '', undo: { kind: 'all' } },
  // Trix consolidates "Typing" entries with the same block and the same 5-s clock slot.
  { name: 'trix', trailing: '\n', undo: { kind: 'clock', ms: 5000 } },
  // Native fields: the browser's own undo, one step for continuous typing.
  { name: 'textarea', trailing: '', undo: { kind: 'all' } },
  { name: 'input', trailing: '', undo: { kind: 'all' } },
];

/** How far the page's clock after a key's frame may be from the editor's own time stamp. */
const CLOCK_SLACK_MS = 100;

/**
 * Checks one Ctrl+Z after typing: `after` must be the text before one of the typed keys (the
 * first removed key is `cut`), and `cut` must be where the editor's undo step begins.
 */
function expectOneUndoStep(step: UndoStep, states: TypedState[], initial: string, after: string): void {
  const texts = [initial, ...states.map((s) => s.text)];
  const cut = texts.lastIndexOf(after);
  expect(cut, `after Ctrl+Z the text ${JSON.stringify(after)} is no state seen while typing`).toBeGreaterThanOrEqual(0);
  expect(cut, 'Ctrl+Z changed nothing').toBeLessThan(states.length);
  const n = MESSAGE.length;
  const time = (i: number) => (states[i] as TypedState).at;
  const last = time(states.length - 1);
  switch (step.kind) {
    case 'all':
      expect(after).toBe(initial);
      break;
    case 'steps':
      expect(after).toBe(MESSAGE.slice(0, n - (n % step.size || step.size)));
      break;
    case 'word':
      expect(after).toBe(MESSAGE.slice(0, MESSAGE.lastIndexOf(' ')));
      break;
    case 'window': {
      // Everything removed was typed within one window...
      expect(last - time(cut), 'the undone keys span more than one history window').toBeLessThan(step.ms + CLOCK_SLACK_MS);
      // ...which began at least one window after the typing did; a run shorter than one window is one step.
      if (cut > 0) expect(time(cut) - time(0)).toBeGreaterThan(step.ms - CLOCK_SLACK_MS);
      if (last - time(0) < step.ms - CLOCK_SLACK_MS) expect(after).toBe(initial);
      break;
    }
    case 'clock': {
      // The editor stamped each key up to CLOCK_SLACK_MS before the time recorded for it.
      const slot = (t: number) => Math.floor(t / step.ms);
      // The undone keys share one slot...
      expect(slot(last - CLOCK_SLACK_MS), 'the undone keys span two clock slots').toBeLessThanOrEqual(slot(time(cut)));
      // ...and the key before them is in an earlier one; typing within one slot is one step.
      if (cut > 0) expect(slot(time(cut - 1) - CLOCK_SLACK_MS)).toBeLessThan(slot(time(cut)));
      if (slot(time(0) - CLOCK_SLACK_MS) === slot(last)) expect(after).toBe(initial);
      break;
    }
  }
}

function withoutTrailing(text: string, trailing: string): string {
  if (!trailing) return text;
  expect(text.endsWith(trailing), `${JSON.stringify(text)} lacks the editor's trailing ${JSON.stringify(trailing)}`).toBe(true);
  return text.slice(0, -trailing.length);
}

interface Session {
  driver: Driver;
  close(): Promise<void>;
}

const BROWSERS: Record<'Chromium' | 'Firefox ESR', () => Promise<Session>> = {
  async Chromium() {
    const browser: PlaywrightBrowser = await chromium.launch({
      executablePath: CHROMIUM_PATH,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    const page = await browser.newPage();
    return { driver: playwrightDriver(page), close: () => browser.close() };
  },
  async 'Firefox ESR'() {
    const browser: PuppeteerBrowser = await puppeteer.launch({ browser: 'firefox', executablePath: FIREFOX_PATH, headless: true });
    // A new tab: headless Firefox never gives its first tab the focus.
    const page = await browser.newPage();
    return { driver: puppeteerDriver(page), close: () => browser.close() };
  },
};

let server: StaticServer;

beforeAll(async () => {
  server = await startStaticServer(EDITOR_PAGES_DIR);
});
afterAll(async () => {
  await server?.close();
});

describe.each(Object.keys(BROWSERS) as (keyof typeof BROWSERS)[])('editor pages in %s, no extension', (browserName) => {
  let session: Session;
  const driver = () => session.driver;

  beforeAll(async () => {
    session = await BROWSERS[browserName]();
  });
  afterAll(async () => {
    await session?.close();
  });
  afterEach(() => {
    if (session) expect(driver().errors.take()).toEqual([]);
  });

  async function open(name: EditorPageName): Promise<void> {
    await driver().goto(`${server.url}${name}.html`);
    await driver().errors.unlessError(`${name} page gets ready`, waitForFixture(driver(), name));
  }

  const cases = CASES.map((c) => [c.name, c] as const);

  it.each(cases)('%s: typed keys reach the model, one Ctrl+Z undoes one step', async (_, { name, trailing, undo: step }) => {
    await open(name);
    const initial = withoutTrailing(await getText(driver()), trailing);
    expect(initial).toBe('');
    await focusEnd(driver());

    const states = (await typeText(driver(), MESSAGE)).map((s) => ({ ...s, text: withoutTrailing(s.text ?? '', trailing) }));
    const typed = await getText(driver());
    expect(withoutTrailing(typed, trailing)).toBe(MESSAGE);
    // Each key changed the model by exactly that key (no key lost, doubled or reordered). A
    // space typed at the end of a line is U+00A0 until the next character in a contenteditable
    // without `white-space: pre-wrap` (Gmail, roosterjs, TinyMCE): the browser's doing.
    expect(states.map((s) => s.text.replace(/\u00a0$/, ' '))).toEqual([...MESSAGE].map((_, i) => MESSAGE.slice(0, i + 1)));

    await undo(driver());
    const after = withoutTrailing(await waitForTextChange(driver(), typed), trailing);
    expectOneUndoStep(step, states, initial, after);
  });

  it.each(cases)('%s: a selected word is replaced by pasted text', async (_, { name, trailing }) => {
    await open(name);
    await setText(driver(), 'Meie NPS on hea, NPS!');
    const before = await getText(driver());
    expect(withoutTrailing(before, trailing)).toBe('Meie NPS on hea, NPS!');
    await focusEnd(driver());
    await selectText(driver(), 'NPS', 1);
    await paste(driver(), 'soovitusindeks');
    expect(withoutTrailing(await waitForTextChange(driver(), before), trailing)).toBe('Meie NPS on hea, soovitusindeks!');
  });
});

describe('the fixture server', () => {
  it('serves the editor pages under /editors/ on every host', async () => {
    const dir = join(TMP_DIR, 'editor-pages-cert');
    mkdirSync(dir, { recursive: true });
    const https = await startFixtureServer(0, makeCertificate(dir));
    try {
      const { port } = https.address() as { port: number };
      const fetchPath = (host: string, path: string) =>
        new Promise<{ status: number; type: string; body: string }>((resolveGet, reject) => {
          get({ host: '127.0.0.1', port, path, headers: { host }, rejectUnauthorized: false }, (res) => {
            let body = '';
            res.setEncoding('utf8').on('data', (chunk: string) => (body += chunk)).on('end', () =>
              resolveGet({ status: res.statusCode ?? 0, type: String(res.headers['content-type']), body }));
          }).on('error', reject);
        });
      for (const name of EDITOR_PAGES) {
        const page = await fetchPath('acme.zendesk.com', `/editors/${name}.html`);
        expect(page.status, name).toBe(200);
        expect(page.body).toContain(`src="./${name}.js"`);
      }
      expect((await fetchPath('mail.google.com', '/editors/tinymce/skins/ui/oxide/skin.min.css')).type).toContain('text/css');
      // No way out of the folder (../../../package.json is the project's).
      expect((await fetchPath('mail.google.com', '/editors/..%2F..%2F..%2Fpackage.json')).status).toBe(404);
      expect((await fetchPath('mail.google.com', '/editors/tinymce')).status).toBe(404);
    } finally {
      await new Promise<void>((resolveClose) => https.close(() => resolveClose()));
    }
  });
});
