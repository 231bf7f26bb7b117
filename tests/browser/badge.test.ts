// The badge in real browsers (Chromium, Firefox ESR): the badge module bundled with esbuild
// into a page of plain fields (no extension), fed real reports from the checker and the
// built-in dictionary. Clicks and keys are real input events; every wait is on a condition
// in the page.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import puppeteer from 'puppeteer-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_PATH, FIREFOX_PATH, ROOT, TMP_DIR } from './support/env';
import { ErrorLog } from './support/error-log';
import { collectPlaywrightErrors, collectPuppeteerErrors } from './support/page-errors';
import { startStaticServer, type StaticServer } from './support/static-server';
import type { Box, FieldState, ShownBadge, ShownPanel } from './support/badge-page-entry';

/** What the scenarios need of a browser page; expressions rather than functions, so nothing the test runner compiled runs in the page. */
interface TestPage {
  errors: ErrorLog;
  goto(url: string): Promise<void>;
  evaluate<R>(expression: string): Promise<R>;
  waitFor(expression: string): Promise<void>;
  click(selector: string): Promise<void>;
  mouseClick(x: number, y: number): Promise<void>;
  /** A key name ("Escape", "Enter", " ") with modifiers held. */
  press(key: string, modifiers?: string[]): Promise<void>;
  type(text: string): Promise<void>;
  viewport(width: number, height: number): Promise<void>;
  close(): Promise<void>;
}

const WAIT_MS = 5_000;
const VIEWPORT = { width: 1000, height: 700 };
const QUIET_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

const BROWSERS: Array<[string, () => Promise<TestPage>]> = [
  ['Chromium', async () => {
    const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: QUIET_ARGS });
    const page = await browser.newPage({ viewport: VIEWPORT });
    const errors = new ErrorLog();
    collectPlaywrightErrors(page, errors);
    return {
      errors,
      goto: async (url) => { await page.goto(url); },
      evaluate: (expression) => page.evaluate(expression),
      waitFor: async (expression) => { await page.waitForFunction(expression, undefined, { timeout: WAIT_MS, polling: 'raf' }); },
      click: (selector) => page.click(selector),
      mouseClick: (x, y) => page.mouse.click(x, y),
      press: (key, modifiers = []) => page.keyboard.press([...modifiers, key === ' ' ? 'Space' : key].join('+')),
      type: (text) => page.keyboard.type(text),
      viewport: (width, height) => page.setViewportSize({ width, height }),
      close: () => browser.close(),
    };
  }],
  ['Firefox ESR', async () => {
    const browser = await puppeteer.launch({ browser: 'firefox', executablePath: FIREFOX_PATH, headless: true });
    // A new tab: headless Firefox never gives its first tab the focus.
    const page = await browser.newPage();
    await page.setViewport(VIEWPORT);
    const errors = new ErrorLog();
    collectPuppeteerErrors(page, errors);
    return {
      errors,
      goto: async (url) => { await page.goto(url, { waitUntil: 'load' }); },
      evaluate: (expression) => page.evaluate(expression) as never,
      waitFor: async (expression) => { await page.waitForFunction(expression, { timeout: WAIT_MS, polling: 'raf' }); },
      click: (selector) => page.click(selector),
      mouseClick: (x, y) => page.mouse.click(x, y),
      async press(key, modifiers = []) {
        for (const modifier of modifiers) await page.keyboard.down(modifier as never);
        try {
          await page.keyboard.press(key as never);
        } finally {
          for (const modifier of [...modifiers].reverse()) await page.keyboard.up(modifier as never);
        }
      },
      type: (text) => page.keyboard.type(text),
      viewport: (width, height) => page.setViewport({ width, height }),
      close: () => browser.close(),
    };
  }],
];

const PAGE_DIR = join(TMP_DIR, 'badge-page');
const INSET = 4;
const TEXT = 'Meie CRM-iga ja NPSi tulemused on head.';

const HTML = `<!doctype html>
<html lang="et">
  <head>
    <meta charset="utf-8" />
    <title>Badge</title>
    <style>
      body { font: 14px/1.4 system-ui, sans-serif; margin: 24px; }
      [data-field] { display: block; box-sizing: border-box; margin: 0 0 24px; border: 2px solid #888; padding: 6px; font: inherit; }
      #plain { width: 420px; height: 120px; }
      #rich { width: 420px; height: 120px; overflow: auto; }
      #line { width: 300px; }
      #box { width: 480px; height: 150px; overflow: auto; border: 1px solid #ccc; }
      #inner { width: 400px; height: 80px; margin: 40px 0 400px; resize: none; }
      .spacer { height: 1600px; }
    </style>
    <script type="module" src="./badge-page.js"></script>
  </head>
  <body>
    <textarea id="plain" data-field></textarea>
    <div id="rich" contenteditable="true" data-field></div>
    <input id="line" type="text" data-field />
    <div id="box"><textarea id="inner" data-field></textarea></div>
    <div class="spacer"></div>
  </body>
</html>
`;

async function buildPage(): Promise<void> {
  mkdirSync(PAGE_DIR, { recursive: true });
  await build({
    absWorkingDir: ROOT,
    entryPoints: { 'badge-page': join(ROOT, 'tests/browser/support/badge-page-entry.ts') },
    outdir: PAGE_DIR,
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: ['chrome120', 'firefox128'],
    jsx: 'automatic',
    jsxImportSource: 'preact',
    logLevel: 'warning',
  });
  writeFileSync(join(PAGE_DIR, 'index.html'), HTML);
}

let server: StaticServer;
beforeAll(async () => {
  await buildPage();
  server = await startStaticServer(PAGE_DIR);
});
afterAll(async () => {
  await server?.close();
});

describe.each(BROWSERS)('%s: the badge at a field\'s corner', (_name, launch) => {
  let page: TestPage;

  const read = <R>(expression: string): Promise<R> => page.evaluate<R>(expression);
  const waitFor = (expression: string) => page.waitFor(expression);
  const badges = () => read<ShownBadge[]>('window.__badge.badges()');
  const badgeOf = async (field: string) => (await badges()).find((badge) => badge.field === field);
  const panel = () => read<ShownPanel | null>('window.__badge.panel()');
  const state = (field: string) => read<FieldState>(`window.__badge.state(${JSON.stringify(field)})`);
  const fieldBox = (field: string) => read<Box>(`window.__badge.fieldBox(${JSON.stringify(field)})`);
  const calls = () => read<string[]>('window.__badge.calls.slice()');
  const checkField = (field: string) => read<number>(`window.__badge.check(${JSON.stringify(field)})`);
  /** Two animation frames: the badge's frame has drawn whatever the last change asked for. */
  const frames = () => read<void>('new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => r())))');
  /**
   * True in the page once `field`'s badge sits `right` px from the right of its visible part
   * and INSET px from its bottom.
   */
  const inCorner = (field: string, right = INSET) => `(() => {
    const f = window.__badge.fieldBox(${JSON.stringify(field)});
    const b = window.__badge.badges().find((x) => x.field === ${JSON.stringify(field)});
    const visibleBottom = Math.min(f.bottom, document.documentElement.clientHeight);
    return !!b && Math.abs(f.right - ${right} - b.box.right) < 1 && Math.abs(visibleBottom - ${INSET} - b.box.bottom) < 1;
  })()`;
  /** A resizable textarea's badge keeps left of the resize grip. */
  const LEFT_OF_GRIP = INSET + 14;

  async function clickCenter(box: Box): Promise<void> {
    await page.mouseClick((box.left + box.right) / 2, (box.top + box.bottom) / 2);
  }
  async function openPanelByMouse(field: string): Promise<ShownPanel> {
    const badge = await badgeOf(field);
    expect(badge, `a badge for #${field}`).toBeDefined();
    await clickCenter(badge!.box);
    await waitFor('window.__badge.panel() !== null');
    return (await panel())!;
  }
  async function clickInPanel(selector: string): Promise<void> {
    const box = await read<Box>(`(() => {
      const r = document.querySelector('selge-badges').shadowRoot.querySelector(${JSON.stringify(selector)}).getBoundingClientRect();
      return { left: r.left, top: r.top, right: r.right, bottom: r.bottom };
    })()`);
    await clickCenter(box);
  }

  beforeAll(async () => {
    page = await launch();
    await page.goto(`${server.url}index.html`);
    await waitFor('document.documentElement.dataset.badgePage === "ready"');
  });
  afterAll(async () => {
    await page?.close();
  });
  afterEach(() => {
    expect(page.errors.take()).toEqual([]);
  });

  it('shows the count inside the textarea\'s bottom-right corner once the text is checked', async () => {
    await page.click('#plain');
    await page.type(TEXT);
    expect(await checkField('plain')).toBe(2);
    await waitFor(inCorner('plain', LEFT_OF_GRIP));
    const badge = (await badgeOf('plain'))!;
    expect(badge).toMatchObject({ text: '2 questions', tone: 'fail', expanded: false });
    // Small: one line of 20 px, well inside the field.
    expect(badge.box.bottom - badge.box.top).toBe(20);
    const field = await fieldBox('plain');
    expect(badge.box.left).toBeGreaterThan(field.left + (field.right - field.left) / 2);
    // The resize grip in the corner is still the textarea's to drag.
    expect(await read<string>(`document.elementFromPoint(${field.right - 5}, ${field.bottom - 5}).id`)).toBe('plain');
    // Not part of the editor's DOM: one host of ours on <html>.
    expect(await read<string[]>('[...document.querySelectorAll("selge-badges")].map((e) => e.parentElement.tagName)')).toEqual(['HTML']);
    expect(await read<number>('document.querySelector("#plain").children.length')).toBe(0);
    expect(await read<Array<number | null>>('window.__badge.focusedCounts.slice()')).toEqual([2]);
  });

  it('stays in the corner when the page scrolls, the field resizes and the window shrinks', async () => {
    await read('window.scrollBy(0, 15)');
    await waitFor(inCorner('plain', LEFT_OF_GRIP));
    await read('document.querySelector("#plain").style.height = "180px"; document.querySelector("#plain").style.width = "500px"');
    await waitFor(inCorner('plain', LEFT_OF_GRIP));
    expect((await fieldBox('plain')).right).toBeGreaterThan(500);
    // The window cut through the field: the badge moves to the visible bottom.
    await page.viewport(1000, 150);
    await waitFor(inCorner('plain'));
    expect((await badgeOf('plain'))!.box.bottom).toBeLessThanOrEqual(150 - INSET + 0.5);
    await page.viewport(VIEWPORT.width, VIEWPORT.height);
    await read('window.scrollTo(0, 0); document.querySelector("#plain").style.height = ""; document.querySelector("#plain").style.width = ""');
    await waitFor(inCorner('plain', LEFT_OF_GRIP));
  });

  it('follows a field in a scrolling container, and hides while it is scrolled out of sight', async () => {
    await page.click('#inner');
    await page.type('Please check the XYZQ and the SLA.');
    await checkField('inner');
    await waitFor(inCorner('inner'));
    await read('document.querySelector("#box").scrollTop = 30');
    await waitFor(inCorner('inner'));
    await read('document.querySelector("#box").scrollTop = 300');
    await waitFor('window.__badge.badges().length === 1');
    expect((await badges()).map((badge) => badge.field)).toEqual(['plain']);
    await read('document.querySelector("#box").scrollTop = 0');
    await waitFor(inCorner('inner'));
  });

  it('opens the panel on click without taking the focus or moving the caret (textarea)', async () => {
    await page.click('#plain');
    await read('document.querySelector("#plain").setSelectionRange(5, 9)');
    const before = await state('plain');
    expect(before).toMatchObject({ active: 'plain', start: 5, end: 9 });
    const shown = await openPanelByMouse('plain');
    expect(await state('plain')).toEqual(before);
    expect((await badgeOf('plain'))!.expanded).toBe(true);
    expect(shown.rows.map((row) => row.term)).toEqual(['CRM', 'NPS']);
    expect(shown.rows.map((row) => row.meaning)).toEqual(['kliendisuhete juhtimine; kliendihaldus; kliendihaldussüsteem', 'soovitusindeks (Net Promoter Score)']);
    expect(shown.explainAllDisabled).toBe(false);
    expect(shown.focused).toBeNull();
    // Beside the badge, not over it.
    const badge = (await badgeOf('plain'))!;
    expect(shown.box.top >= badge.box.bottom || shown.box.bottom <= badge.box.top).toBe(true);

    // Choosing a term calls back with its first use, closes the panel, keeps the caret.
    await clickInPanel('[data-term=NPS]');
    await waitFor('window.__badge.panel() === null');
    expect(await calls()).toEqual(['choose plain NPSi@16']);
    expect(await state('plain')).toEqual(before);

    await openPanelByMouse('plain');
    await clickInPanel('[data-action=explain-all]');
    await waitFor('window.__badge.panel() === null');
    expect((await calls()).at(-1)).toBe('explain-all plain');
    expect(await state('plain')).toEqual(before);
  });

  it('closes the panel with Escape, a click on the badge, a click elsewhere or typing on', async () => {
    await openPanelByMouse('plain');
    await page.press('Escape');
    await waitFor('window.__badge.panel() === null');
    expect((await state('plain')).active).toBe('plain');

    await openPanelByMouse('plain');
    await clickCenter((await badgeOf('plain'))!.box);
    await waitFor('window.__badge.panel() === null');

    await openPanelByMouse('plain');
    await page.mouseClick(900, 650);
    await waitFor('window.__badge.panel() === null');

    await page.click('#plain');
    await page.press('End');
    await openPanelByMouse('plain');
    await page.type('!');
    await waitFor('window.__badge.panel() === null');
    expect(await read<string>('document.querySelector("#plain").value')).toBe(`${TEXT}!`);
    expect((await state('plain')).active).toBe('plain');
  });

  it('keeps the caret of a contenteditable and shows Clear while it is focused', async () => {
    await page.click('#rich');
    await page.type('Our SLA and KPI are fine.');
    expect(await checkField('rich')).toBe(2);
    await waitFor(inCorner('rich'));
    await page.press('ArrowLeft');
    await page.press('ArrowLeft');
    const before = await state('rich');
    expect(before.active).toBe('rich');
    expect(before.caret).toMatch(/\|23\|23$/);
    const shown = await openPanelByMouse('rich');
    expect(shown.rows.map((row) => row.term)).toEqual(['SLA', 'KPI']);
    expect(await state('rich')).toEqual(before);
    await page.press('Escape');
    await waitFor('window.__badge.panel() === null');
    expect(await state('rich')).toEqual(before);

    await page.press('a', ['Control']);
    await page.type('All good here.');
    expect(await checkField('rich')).toBe(0);
    await waitFor(`window.__badge.badges().some((b) => b.field === "rich" && b.text === "✓ Clear")`);
    expect((await badgeOf('rich'))!.tone).toBe('clear');
    expect(await read<Array<number | null>>('window.__badge.focusedCounts.slice(-2)')).toEqual([2, 0]);
    // Left for the page's background: a clear field's badge goes, one with questions stays.
    await page.mouseClick(900, 650);
    await waitFor('!window.__badge.badges().some((b) => b.field === "rich")');
    expect((await badgeOf('plain'))?.text).toBe('2 questions');
    expect(await read<number | null>('window.__badge.focusedCounts.at(-1)')).toBeNull();
  });

  it('shows nothing for an empty focused field, and the number only in a one-line input', async () => {
    await page.click('#line');
    await checkField('line');
    await frames();
    expect((await badges()).some((badge) => badge.field === 'line')).toBe(false);
    await page.type('Our KPI');
    await checkField('line');
    await waitFor('window.__badge.badges().some((b) => b.field === "line")');
    const badge = (await badgeOf('line'))!;
    expect(badge).toMatchObject({ text: '1', tone: 'pass' });
    // Centred on the line, at the right end.
    const field = await fieldBox('line');
    expect(Math.abs((badge.box.top + badge.box.bottom) / 2 - (field.top + field.bottom) / 2)).toBeLessThan(1);
    expect(Math.abs(field.right - INSET - badge.box.right)).toBeLessThan(1);
  });

  it('opens from the keyboard with Enter and Space, moves the focus into the panel, and gives it back on Escape', async () => {
    const index = (await badges()).findIndex((badge) => badge.field === 'plain');
    await read(`window.__badge.focusBadge(${index})`);
    expect((await state('plain')).active).toBe('badge');
    await page.press('Enter');
    await waitFor('window.__badge.panel()?.focused === "CRM"');
    await page.press('Tab');
    await waitFor('window.__badge.panel()?.focused === "NPS"');
    await page.press('Escape');
    await waitFor('window.__badge.panel() === null');
    expect((await state('plain')).active).toBe('badge');
    // The badge of the field stays while the focus is on it.
    expect((await badgeOf('plain'))?.text).toBe('2 questions');
    await page.press(' ');
    await waitFor('window.__badge.panel()?.focused === "CRM"');
    // Choosing from the keyboard gives the focus back to the field for the tooltip.
    await page.press('Enter');
    await waitFor('window.__badge.panel() === null');
    expect((await calls()).at(-1)).toBe('choose plain CRM-iga@5');
    expect((await state('plain')).active).toBe('plain');
  });

  it('lets go of a removed field, and of everything when its scope is disposed', async () => {
    await read('window.__badge.remove("plain")');
    await waitFor('!window.__badge.badges().some((b) => b.field === "plain")');
    await read('window.__badge.dispose()');
    expect(await read<number>('document.querySelectorAll("selge-badges").length')).toBe(0);
  });
});
