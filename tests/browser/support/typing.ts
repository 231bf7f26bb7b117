// Typing into real editors the way a person does, for both browsers: one key at a time with
// real keyboard events, one animation frame after each key (CKEditor, ProseMirror and Lexical
// handle some keys asynchronously, so the next key must not arrive before the last one is
// done). Scenarios are written once against `Driver`; `playwrightDriver` (Chromium) and
// `puppeteerDriver` (Firefox over WebDriver BiDi) are the thin adapters.
//
// Pages that expose `window.__fixture` (tests/fixtures/editors/) can also be read:
// `getText` returns the editor's own model text.
import type { CDPSession, Page as PlaywrightPage } from 'playwright-core';
import type { Page as PuppeteerPage } from 'puppeteer-core';
import type { FixtureApi } from '../../fixtures/editors/fixture-api';
import { ErrorLog } from './error-log';
import { collectPlaywrightErrors, collectPuppeteerErrors } from './page-errors';

export type Modifier = 'Alt' | 'Control' | 'Meta' | 'Shift';

/** Ctrl on Linux and Windows, Cmd on macOS: the modifier of Undo, Copy, Paste. */
export const PRIMARY: Modifier = process.platform === 'darwin' ? 'Meta' : 'Control';

export interface Driver {
  readonly browser: 'chromium' | 'firefox';
  /** Page errors and console errors seen since the last `take()`. */
  readonly errors: ErrorLog;
  /** Loads `url` and waits for its load event. */
  goto(url: string): Promise<void>;
  /** Runs `fn(arg)` in the page's main frame; `fn` must be self-contained, `arg` JSON. */
  evaluate<A, R>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R>;
  /** Waits until `fn(arg)` is truthy in the page, checking once per animation frame. */
  waitFor<A>(fn: (arg: A) => unknown, arg: A, timeoutMs?: number): Promise<void>;
  /**
   * Presses and releases one key, with `modifiers` held: a key name ("Enter", "Backspace",
   * "ArrowLeft", "Tab") or one character, any Unicode character included.
   */
  press(key: string, modifiers?: readonly Modifier[]): Promise<void>;
  /**
   * Types `keys` (characters, "\n", or key names without modifiers such as "Backspace") as
   * real key events, one key at a time, each once the browser has handled the one before
   * (in Chromium a key's down and up events go together: one round trip per key, not two).
   * Not as one burst: a burst reaches the page with nothing between its keys (no
   * selectionchange, no frame), and editors then group their undo steps by how the burst
   * happened to be cut (seen in Quill and in Chromium's own textarea undo).
   */
  type(keys: readonly string[]): Promise<void>;
}

// ---------------------------------------------------------------------------------------
// Adapters

/**
 * `fn(arg)` as an expression to evaluate in the page. Functions are sent as source text, and
 * esbuild (tsx, vitest) may have wrapped inner functions in its `__name` helper, which the page
 * does not have: the expression brings a stand-in.
 */
function pageExpression(fn: (arg: never) => unknown, arg: unknown): string {
  return `(() => { const __name = (f) => f; return (${fn.toString()})(${JSON.stringify(arg) ?? 'undefined'}); })()`;
}

/**
 * Characters typed on the Estonian keyboard layout: where the key is and its Windows
 * virtual key code, as Chromium reports them for a real key press.
 */
const ESTONIAN_KEYS: Record<string, { code: string; keyCode: number }> = {
  ü: { code: 'BracketLeft', keyCode: 219 },
  õ: { code: 'BracketRight', keyCode: 221 },
  ö: { code: 'Semicolon', keyCode: 186 },
  ä: { code: 'Quote', keyCode: 222 },
  š: { code: 'KeyS', keyCode: 83 }, // AltGr+S
  ž: { code: 'KeyZ', keyCode: 90 }, // AltGr+Z
};

const CDP_MODIFIER_BITS: Record<Modifier, number> = { Alt: 1, Control: 2, Meta: 4, Shift: 8 };

/** Playwright knows only the US layout; these keys it cannot press itself. */
function isUsKey(key: string): boolean {
  return [...key].length > 1 || /^[\x20-\x7e]$/.test(key);
}

/** Keys with no character, or whose character is not their name: where they are, as Chromium reports them. */
const NAMED_KEYS: Record<string, { code: string; keyCode: number; text?: string }> = {
  Enter: { code: 'Enter', keyCode: 13, text: '\r' },
  Backspace: { code: 'Backspace', keyCode: 8 },
  Delete: { code: 'Delete', keyCode: 46 },
  Tab: { code: 'Tab', keyCode: 9 },
};

/** US-layout keys for punctuation (unshifted character → code and Windows key code). */
const US_PUNCTUATION: Record<string, { code: string; keyCode: number }> = {
  ' ': { code: 'Space', keyCode: 32 }, '-': { code: 'Minus', keyCode: 189 }, '.': { code: 'Period', keyCode: 190 },
  ',': { code: 'Comma', keyCode: 188 }, "'": { code: 'Quote', keyCode: 222 }, '/': { code: 'Slash', keyCode: 191 },
  ';': { code: 'Semicolon', keyCode: 186 }, '=': { code: 'Equal', keyCode: 187 },
};
/** US-layout keys typed with Shift (character → code and Windows key code). */
const US_SHIFTED: Record<string, { code: string; keyCode: number }> = {
  '(': { code: 'Digit9', keyCode: 57 }, ')': { code: 'Digit0', keyCode: 48 }, '&': { code: 'Digit7', keyCode: 55 },
  '!': { code: 'Digit1', keyCode: 49 }, '?': { code: 'Slash', keyCode: 191 }, ':': { code: 'Semicolon', keyCode: 186 },
  '"': { code: 'Quote', keyCode: 222 },
};

/**
 * The two CDP events (key down with its text, key up) of one key without modifiers, as a
 * real keyboard sends them: US layout where the key is there, the Estonian layout for õ ä ö ü
 * š ž, and for any other character a key with that text and no place (as from an input method).
 */
/** The fields of CDP's Input.dispatchKeyEvent that a key press sets. */
interface KeyEvent {
  type: 'keyDown' | 'rawKeyDown' | 'keyUp';
  key: string;
  code: string;
  windowsVirtualKeyCode: number;
  nativeVirtualKeyCode: number;
  modifiers: number;
  text?: string;
  unmodifiedText?: string;
}

function cdpKeyEvents(key: string, modifiers: readonly Modifier[] = []): [KeyEvent, KeyEvent] {
  if (key === '\n') key = 'Enter';
  const named = NAMED_KEYS[key];
  const lower = key.toLowerCase();
  const letter = /^[a-z]$/.test(lower) ? { code: `Key${lower.toUpperCase()}`, keyCode: lower.toUpperCase().charCodeAt(0) } : undefined;
  const digit = /^[0-9]$/.test(key) ? { code: `Digit${key}`, keyCode: key.charCodeAt(0) } : undefined;
  const shifted = US_SHIFTED[key];
  const place = named ?? letter ?? digit ?? US_PUNCTUATION[key] ?? shifted ?? ESTONIAN_KEYS[lower] ?? { code: '', keyCode: 0 };
  const shift = shifted !== undefined || (!named && key !== lower);
  const bits = [...modifiers, ...(shift ? (['Shift'] as const) : [])].reduce((sum, m) => sum | CDP_MODIFIER_BITS[m], 0);
  const typed = named ? named.text ?? '' : key;
  const text = modifiers.some((m) => m !== 'Shift') ? '' : typed;
  const common = { key, code: place.code, windowsVirtualKeyCode: place.keyCode, nativeVirtualKeyCode: place.keyCode, modifiers: bits };
  return [{ type: text ? 'keyDown' : 'rawKeyDown', ...common, text, unmodifiedText: text }, { type: 'keyUp', ...common }];
}

/** Chromium through playwright-core. Characters outside the US layout are sent over CDP. */
export function playwrightDriver(page: PlaywrightPage): Driver {
  const errors = new ErrorLog();
  collectPlaywrightErrors(page, errors);
  let cdp: Promise<CDPSession> | undefined;
  const session = () => (cdp ??= page.context().newCDPSession(page));
  return {
    browser: 'chromium',
    errors,
    async goto(url) {
      await page.goto(url, { waitUntil: 'load' });
    },
    evaluate: (fn, arg) => page.evaluate(pageExpression(fn, arg)),
    async waitFor(fn, arg, timeoutMs = 10_000) {
      await page.waitForFunction(pageExpression(fn, arg), undefined, { timeout: timeoutMs, polling: 'raf' });
    },
    async press(key, modifiers = []) {
      if (key === '\n') key = 'Enter';
      if (isUsKey(key)) {
        await page.keyboard.press([...modifiers, key].join('+'));
        return;
      }
      // A real key press on the Estonian layout: keydown with the character, then keyup.
      const cdpSession = await session();
      for (const event of cdpKeyEvents(key, modifiers)) await cdpSession.send('Input.dispatchKeyEvent', event);
    },
    async type(keys) {
      const cdpSession = await session();
      for (const key of keys) {
        await Promise.all(cdpKeyEvents(key).map((event) => cdpSession.send('Input.dispatchKeyEvent', event)));
      }
    },
  };
}

/** Firefox through puppeteer-core over WebDriver BiDi, which takes any character as a key. */
export function puppeteerDriver(page: PuppeteerPage): Driver {
  const errors = new ErrorLog();
  collectPuppeteerErrors(page, errors);
  return {
    browser: 'firefox',
    errors,
    async goto(url) {
      await page.goto(url, { waitUntil: 'load' });
    },
    evaluate: (fn, arg) => page.evaluate(pageExpression(fn, arg)) as never,
    async waitFor(fn, arg, timeoutMs = 10_000) {
      await page.waitForFunction(pageExpression(fn, arg), { timeout: timeoutMs, polling: 'raf' });
    },
    async press(key, modifiers = []) {
      if (key === '\n') key = 'Enter';
      // Puppeteer's key names are Playwright's; single characters are sent as they are.
      for (const m of modifiers) await page.keyboard.down(m);
      try {
        await page.keyboard.press(key as never);
      } finally {
        for (const m of [...modifiers].reverse()) await page.keyboard.up(m);
      }
    },
    async type(keys) {
      // One WebDriver BiDi action sequence per key (down and up).
      for (const key of keys) await page.keyboard.press(key as never);
    },
  };
}

// ---------------------------------------------------------------------------------------
// Page-side functions (serialised into the page: self-contained, no outer references)

interface FixtureWindow {
  __fixture?: FixtureApi;
}

/** One animation frame later (two when `frames` is 2), then the editor's text and the page's clock. */
function afterFramesInPage(frames: number): Promise<{ text: string | null; at: number }> {
  return new Promise((resolveFrame) => {
    const step = (left: number) =>
      requestAnimationFrame(() => {
        if (left > 1) step(left - 1);
        else {
          const fixture = (window as FixtureWindow).__fixture;
          resolveFrame({ text: fixture ? fixture.getText() : null, at: Date.now() });
        }
      });
    step(frames);
  });
}

/**
 * Selects the `occurrence`-th `needle` in the focused field or editing host (looking through
 * iframes such as TinyMCE's), counting in the concatenated text of its text nodes.
 */
function selectTextInPage({ needle, occurrence }: { needle: string; occurrence: number }): string | null {
  let doc: Document = document;
  let active: Element | null = doc.activeElement;
  while (active instanceof HTMLIFrameElement && active.contentDocument) {
    doc = active.contentDocument;
    active = doc.activeElement;
  }
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  if (!active) return 'nothing is focused';
  const nth = (text: string) => {
    let at = -1;
    for (let i = 0; i <= occurrence; i++) {
      at = text.indexOf(needle, at + 1);
      if (at < 0) return -1;
    }
    return at;
  };
  if (active instanceof HTMLInputElement || active instanceof HTMLTextAreaElement) {
    const at = nth(active.value);
    if (at < 0) return `"${needle}" is not in the field`;
    active.setSelectionRange(at, at + needle.length);
    return null;
  }
  const host = active as HTMLElement;
  const walker = doc.createTreeWalker(host, NodeFilter.SHOW_TEXT);
  const nodes: Text[] = [];
  let text = '';
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    nodes.push(n as Text);
    text += (n as Text).data;
  }
  const at = nth(text);
  if (at < 0) return `"${needle}" is not in the editor's text`;
  const locate = (offset: number, preferEnd: boolean): [Text, number] => {
    let start = 0;
    for (const node of nodes) {
      const end = start + node.data.length;
      if (offset < end || (preferEnd && offset === end)) return [node, offset - start];
      start = end;
    }
    const last = nodes[nodes.length - 1] as Text;
    return [last, last.data.length];
  };
  const [startNode, startOffset] = locate(at, false);
  const [endNode, endOffset] = locate(at + needle.length, true);
  doc.getSelection()?.setBaseAndExtent(startNode, startOffset, endNode, endOffset);
  return null;
}

/**
 * Pastes `text` as plain text into the focused field or editor: the `paste` event a real paste
 * sends, with the text in its clipboardData. Editors (CKEditor, ProseMirror, Quill, Lexical,
 * TinyMCE, Trix, roosterjs) handle it and cancel it; where nothing does (textarea, input,
 * a plain contenteditable) the browser's own plain-text paste is done with
 * execCommand('insertText'). Returns whether the page handled the event itself.
 */
function pasteInPage(text: string): boolean {
  let doc: Document = document;
  let active: Element | null = doc.activeElement;
  while (active instanceof HTMLIFrameElement && active.contentDocument) {
    doc = active.contentDocument;
    active = doc.activeElement;
  }
  const target = active ?? doc.body;
  const view = doc.defaultView ?? window;
  const data = new view.DataTransfer();
  data.setData('text/plain', text);
  // Chromium takes the standard `clipboardData`; Firefox ignores it and takes its own
  // `dataType` + `data` instead.
  const init = { clipboardData: data, dataType: 'text/plain', data: text, bubbles: true, cancelable: true, composed: true };
  const event = new view.ClipboardEvent('paste', init);
  if (!target.dispatchEvent(event)) return true;
  doc.execCommand('insertText', false, text);
  return false;
}

function fixtureReadyInPage(name: string | null): boolean {
  const fixture = (window as FixtureWindow).__fixture;
  return Boolean(fixture && (name === null || fixture.name === name));
}

function fixtureTextInPage(): string {
  const fixture = (window as FixtureWindow).__fixture;
  if (!fixture) throw new Error('this page has no window.__fixture');
  return fixture.getText();
}

function fixtureCallInPage({ method, arg }: { method: 'setText' | 'focusEnd'; arg: string }): void {
  const fixture = (window as FixtureWindow).__fixture;
  if (!fixture) throw new Error('this page has no window.__fixture');
  if (method === 'setText') fixture.setText(arg);
  else fixture.focusEnd();
}

function hasFocusInPage(): boolean {
  return document.hasFocus();
}

function textIsNotInPage(previous: string): boolean {
  const fixture = (window as FixtureWindow).__fixture;
  return Boolean(fixture && fixture.getText() !== previous);
}

// ---------------------------------------------------------------------------------------
// Scenario steps, the same for both drivers

/** Waits one animation frame in the page. */
export async function nextFrame(driver: Driver, frames = 1): Promise<void> {
  await driver.evaluate(afterFramesInPage, frames);
}

/**
 * One state of the editor while typing: its text one frame after a key, and when that was by
 * the page's `Date.now()` (the clock Quill's and Trix's undo grouping use).
 */
export interface TypedState {
  key: string;
  text: string | null;
  at: number;
}

/**
 * Types `text` one key at a time ("\n" as Enter), waiting one animation frame after each key,
 * and returns the editor's text after every key (null on pages without `__fixture`).
 */
export async function typeText(driver: Driver, text: string): Promise<TypedState[]> {
  const states: TypedState[] = [];
  for (const key of text) {
    await driver.press(key);
    states.push({ key, ...(await driver.evaluate(afterFramesInPage, 1)) });
  }
  return states;
}

/** Presses one key (optionally with modifiers), then waits one animation frame. */
export async function pressKey(driver: Driver, key: string, modifiers: readonly Modifier[] = []): Promise<void> {
  await driver.press(key, modifiers);
  await nextFrame(driver);
}

/** Ctrl+Z (Cmd+Z on macOS), then one animation frame. */
export async function undo(driver: Driver): Promise<void> {
  await pressKey(driver, 'z', [PRIMARY]);
}

/** Ctrl+Shift+Z (Cmd+Shift+Z on macOS), then one animation frame. */
export async function redo(driver: Driver): Promise<void> {
  await pressKey(driver, 'Z', [PRIMARY, 'Shift']);
}

/**
 * Selects `needle` (its `occurrence`-th match, from 0) in the focused field or editor by
 * setting the DOM selection, as a mouse drag does; editors pick it up from `selectionchange`.
 * Waits two frames (Quill reads the selection in a timeout after `selectionchange`).
 */
export async function selectText(driver: Driver, needle: string, occurrence = 0): Promise<void> {
  const problem = await driver.evaluate(selectTextInPage, { needle, occurrence });
  if (problem) throw new Error(`selectText: ${problem}`);
  await nextFrame(driver, 2);
}

/** Extends the selection by `count` characters with Shift+Arrow keys, one frame after each. */
export async function selectWithKeys(driver: Driver, direction: 'left' | 'right', count: number): Promise<void> {
  const key = direction === 'left' ? 'ArrowLeft' : 'ArrowRight';
  for (let i = 0; i < count; i++) await pressKey(driver, key, ['Shift']);
}

/** Pastes `text` as plain text at the selection (see `pasteInPage`); returns whether the editor handled the paste. */
export async function paste(driver: Driver, text: string): Promise<boolean> {
  const handled = await driver.evaluate(pasteInPage, text);
  await nextFrame(driver);
  return handled;
}

/** Waits until the page's `window.__fixture` is there (and named `name`, if given). */
export async function waitForFixture(driver: Driver, name: string | null = null, timeoutMs = 20_000): Promise<void> {
  await driver.waitFor(fixtureReadyInPage, name, timeoutMs);
}

/** The editor's own model text, from `window.__fixture.getText()`. */
export function getText(driver: Driver): Promise<string> {
  return driver.evaluate(fixtureTextInPage, undefined);
}

/** Waits until the editor's text is no longer `previous`, and returns the new text. */
export async function waitForTextChange(driver: Driver, previous: string, timeoutMs = 5_000): Promise<string> {
  await driver.waitFor(textIsNotInPage, previous, timeoutMs);
  return getText(driver);
}

/** `window.__fixture.setText(text)`: test set-up through the editor's API, then one frame. */
export async function setText(driver: Driver, text: string): Promise<void> {
  await driver.evaluate(fixtureCallInPage, { method: 'setText', arg: text });
  await nextFrame(driver);
}

/** `window.__fixture.focusEnd()`: focus with the caret at the end of the user's text, then two frames. */
export async function focusEnd(driver: Driver): Promise<void> {
  await driver.evaluate(fixtureCallInPage, { method: 'focusEnd', arg: '' });
  await nextFrame(driver, 2);
  await assertPageHasFocus(driver);
}

/**
 * Fails unless the page's window has the focus. Without it the browser still moves
 * `activeElement` but sends no focus events, and editors that wait for them (CKEditor, TinyMCE,
 * roosterjs) ignore the keys. Headless Firefox never focuses the tab it starts with: type
 * into a page from `browser.newPage()`.
 */
export async function assertPageHasFocus(driver: Driver): Promise<void> {
  if (!(await driver.evaluate(hasFocusInPage, undefined))) {
    throw new Error(
      `the ${driver.browser} page does not have the focus, so editors ignore keys` +
        (driver.browser === 'firefox' ? ": use a page from browser.newPage(), not Firefox's first tab" : ''),
    );
  }
}
