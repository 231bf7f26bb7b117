// The tooltip and its first fix, end to end, in both browsers with the production build:
// type a message with an unexplained NPS into the Gmail-like compose and into a textarea,
// open the tooltip by hovering the word and with Alt+Shift+J, press "Explain here", and
// check the text, the underline, the caret and one Ctrl+Z; then "Ignore in this message".
// Every wait is on a condition in the page, never a fixed sleep.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { READY_SELECTOR, READY_TIMEOUT_MS } from './support/env';
import { shownTooltipInPage, tooltipShownInPage } from './support/finding-page';
import { MESSAGES } from './support/extension-page';
import { type Driver, type DriverPage, LAUNCHERS } from './support/page-driver';
import { focusEnd, getText, pressKey, typeText as typeKeys, undo, waitForFixture } from './support/typing';
import { boxLabelsAre, boxPoint, highlightedAre, readTooltip, textareaState, tooltipIs } from './support/tooltip-page';
import { nextFrame, placeCaret } from './support/underline-page';

const PAGE = 'https://mail.google.com/gmail-live.html';
const EDITOR = 'div[g_editable=true][role=textbox]';
const REPLY = '#reply';
const ESTONIAN = 'Tere! Meie NPS tõusis ja NPS on nüüd hea.';
const ENGLISH = 'Hello! Our NPS went up and the NPS is good now.';
const WAIT_MS = 5_000;

type Modifier = 'Alt' | 'Control' | 'Meta' | 'Shift';
const UNDO: Modifier[] = [process.platform === 'darwin' ? 'Meta' : 'Control'];

async function typeText(page: DriverPage, text: string): Promise<void> {
  for (const character of text) {
    await page.typeCharacter(character);
    await page.evaluate(nextFrame, undefined);
  }
}

/** `text` with `insert` right after the first `word`. */
function withInsert(text: string, word: string, insert: string): string {
  const at = text.indexOf(word) + word.length;
  return text.slice(0, at) + insert + text.slice(at);
}

// ---- page-side functions (self-contained) ------------------------------------------------

/** The compose's first line (where the test types) and the caret as an offset into it. */
function composeState(editor: string): { text: string; caret: number; focused: boolean } {
  const root = document.querySelector(editor) as HTMLElement;
  const line = root.firstElementChild as HTMLElement;
  const selection = getSelection()!;
  let caret = -1;
  if (selection.focusNode && line.contains(selection.focusNode)) {
    const range = document.createRange();
    range.setStart(line, 0);
    range.setEnd(selection.focusNode, selection.focusOffset);
    caret = range.toString().length;
  }
  return { text: line.textContent ?? '', caret, focused: document.activeElement === root };
}

/** The highlighted words of the compose, in document order. */
function highlighted(): string[] {
  const highlight = CSS.highlights.get('selge-unexplained');
  return highlight ? [...highlight].map((r) => {
    const range = document.createRange();
    range.setStart(r.startContainer, r.startOffset);
    range.setEnd(r.endContainer, r.endOffset);
    return range.toString();
  }) : [];
}

/** The middle of the first `word` in the compose's first line. */
function wordPoint(args: { editor: string; word: string }): { x: number; y: number } {
  const line = (document.querySelector(args.editor) as HTMLElement).firstElementChild!;
  const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const at = (node as Text).data.indexOf(args.word);
    if (at < 0) continue;
    const range = document.createRange();
    range.setStart(node, at);
    range.setEnd(node, at + args.word.length);
    const rect = range.getBoundingClientRect();
    return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
  }
  throw new Error(`${args.word} is not in the compose`);
}

function caretToEnd(selector: string): void {
  const field = document.querySelector(selector) as HTMLTextAreaElement;
  field.focus();
  field.setSelectionRange(field.value.length, field.value.length);
}

function sameText(args: { selector: string; text: string; rich: boolean }): boolean {
  const element = document.querySelector(args.selector) as HTMLElement;
  const text = args.rich ? element.firstElementChild?.textContent : (element as HTMLTextAreaElement).value;
  return text === args.text;
}

/** The caret in the real-editor Gmail page as (line, column) of `__fixture.getText()`. */
function blockCaret(editor: string): { line: number; column: number } {
  const root = document.querySelector(editor) as HTMLElement;
  const selection = getSelection()!;
  const blocks = [...root.children];
  const line = blocks.findIndex((block) => block.contains(selection.focusNode));
  const range = document.createRange();
  range.setStart(blocks[line]!, 0);
  range.setEnd(selection.focusNode!, selection.focusOffset);
  return { line, column: range.toString().length };
}

function fillScrolledToEnd(args: { selector: string; text: string }): boolean {
  const field = document.querySelector(args.selector) as HTMLTextAreaElement;
  field.blur();
  field.value = args.text;
  field.focus();
  field.setSelectionRange(args.text.length, args.text.length);
  field.scrollTop = field.scrollHeight;
  return field.scrollTop > 0;
}

/**
 * Types `text` at the end of the field (execCommand insertText: an input like a key's), puts
 * the caret `back` characters before the end, and presses Alt+Shift+J, all in one task: so
 * before Selge's check after the pause, however slow the machine. The field's text and caret
 * after (the compose's first line, where the tests type).
 */
function insertThenAltShiftJ(args: { selector: string; text: string; back: number }): { text: string; caret: number } {
  const field = document.querySelector(args.selector) as HTMLElement;
  field.focus();
  const plain = field instanceof HTMLTextAreaElement;
  const line = field.firstElementChild!;
  if (plain) field.setSelectionRange(field.value.length, field.value.length);
  else getSelection()!.collapse(line, line.childNodes.length);
  if (!document.execCommand('insertText', false, args.text)) throw new Error('insertText was refused');
  for (let i = 0; i < args.back; i++) {
    if (plain) field.setSelectionRange(field.selectionEnd - 1, field.selectionEnd - 1);
    else getSelection()!.modify('move', 'backward', 'character');
  }
  field.dispatchEvent(new KeyboardEvent('keydown', { key: 'J', code: 'KeyJ', altKey: true, shiftKey: true, bubbles: true, cancelable: true }));
  if (plain) return { text: field.value, caret: field.selectionEnd };
  const range = document.createRange();
  range.setStart(line, 0);
  range.setEnd(getSelection()!.focusNode!, getSelection()!.focusOffset);
  return { text: line.textContent ?? '', caret: range.toString().length };
}

/**
 * Focuses the field for typing: the textarea's text all selected (typed over), the caret at
 * the end of the compose's first line.
 */
function readyToType(selector: string): void {
  const field = document.querySelector(selector) as HTMLElement;
  field.focus();
  if (field instanceof HTMLTextAreaElement) return field.select();
  const line = field.firstElementChild!;
  getSelection()!.collapse(line, line.textContent === '' ? 0 : line.childNodes.length);
}

/** Whether `word` is among the words under the rich-text highlight. */
function highlightedHas(word: string): boolean {
  const highlight = CSS.highlights.get('selge-unexplained');
  return [...(highlight ?? [])].some((r) => {
    try {
      const range = document.createRange();
      range.setStart(r.startContainer, r.startOffset);
      range.setEnd(r.endContainer, r.endOffset);
      return range.toString() === word;
    } catch {
      return false; // painted before the last edit, pointing past its node's end now
    }
  });
}

/** Whether a textarea box labelled `label` lies within the field's visible text area. */
function boxShownIn(args: { selector: string; label: string }): boolean {
  const field = document.querySelector(args.selector) as HTMLElement;
  const area = field.getBoundingClientRect();
  const top = area.top + field.clientTop;
  const bottom = top + field.clientHeight;
  const host = document.querySelector('selge-overlay');
  return ([...(host?.shadowRoot?.querySelectorAll(`[data-selge-box="${args.label}"]`) ?? [])] as HTMLElement[])
    .filter((box) => (box.parentElement as HTMLElement).style.display !== 'none')
    .some((box) => {
      const rect = box.getBoundingClientRect();
      return rect.width > 0 && rect.top >= top - 1 && rect.bottom <= bottom + 1;
    });
}

/** Whether the open tooltip lies wholly inside the viewport. */
function tooltipInViewport(): boolean {
  const card = document.querySelector('selge-tooltip')?.shadowRoot?.querySelector('[data-selge-tooltip]');
  if (!card) return false;
  const rect = card.getBoundingClientRect();
  return rect.width > 0 && rect.top >= 0 && rect.left >= 0 && rect.bottom <= innerHeight && rect.right <= innerWidth;
}

// -------------------------------------------------------------------------------------------


describe.each(LAUNCHERS)('%s: tooltip and "Explain here"', (_name, launch) => {
  let driver: Driver;
  let page: DriverPage;
  const waitFor = <A>(fn: (arg: A) => unknown, arg: A) => page.keys.waitFor(fn, arg, WAIT_MS);

  beforeAll(async () => {
    driver = await launch();
    page = await driver.newPage();
    await page.goto(PAGE);
    await page.keys.waitFor(
      (selector: string) => document.querySelector(selector) !== null, READY_SELECTOR, READY_TIMEOUT_MS,
    );
  });
  afterAll(async () => {
    await driver?.close();
  });
  afterEach(() => {
    expect(driver.errors.take()).toEqual([]);
  });

  it('compose: hover and Alt+Shift+J show the meaning; Explain here inserts " (soovitusindeks)" after the first NPS; one Ctrl+Z undoes it', async () => {
    await page.evaluate(placeCaret, EDITOR);
    await typeText(page, ESTONIAN);
    await waitFor(highlightedAre, ['NPS', 'NPS']);
    const before = await page.evaluate(composeState, EDITOR);
    expect(before.text).toBe(ESTONIAN);
    expect(before.caret).toBe(ESTONIAN.length);

    // Hover.
    const point = await page.evaluate(wordPoint, { editor: EDITOR, word: 'NPS' });
    await page.mouse(point.x, point.y);
    await waitFor(tooltipIs, { open: true, term: 'NPS' });
    const hovered = await page.evaluate(readTooltip, undefined);
    expect(hovered.meanings).toContain('soovitusindeks (Net Promoter Score)');
    expect(hovered.actions.map((a) => a.action)).toEqual(['explain', 'replace', 'ignore', 'allow']);
    await page.keys.press('Escape');
    await waitFor(tooltipIs, { open: false });
    // Escape closed only the tooltip: the compose is still there and focused.
    expect((await page.evaluate(composeState, EDITOR)).focused).toBe(true);

    // Keyboard: the caret is at the end, so the next finding wraps round to the first NPS.
    await page.keys.press('KeyJ', ['Alt', 'Shift']);
    await waitFor(tooltipIs, { open: true, term: 'NPS' });
    const opened = await page.evaluate(readTooltip, undefined);
    expect(opened.meanings).toContain('soovitusindeks (Net Promoter Score)');
    expect(opened.actions.map((a) => a.active)).toEqual([true, false, false, false]);
    await page.keys.press('Enter');

    const expected = withInsert(ESTONIAN, 'NPS', ' (soovitusindeks)');
    await waitFor(sameText, { selector: EDITOR, text: expected, rich: true });
    const after = await page.evaluate(composeState, EDITOR);
    expect(after.text).toBe(expected);
    expect(after.caret).toBe(before.caret + ' (soovitusindeks)'.length);
    expect(after.focused).toBe(true);
    await waitFor(highlightedAre, []);
    expect(await page.evaluate(highlighted, undefined)).toEqual([]);
    await waitFor(tooltipIs, { open: false });

    await page.keys.press('z', UNDO);
    await waitFor(sameText, { selector: EDITOR, text: ESTONIAN, rich: true });
    expect((await page.evaluate(composeState, EDITOR)).text).toBe(ESTONIAN);
    await waitFor(highlightedAre, ['NPS', 'NPS']);
  });

  it('textarea: Alt+Shift+J and hover show the meaning; a click on Explain here inserts " (Net Promoter Score)"; one Ctrl+Z undoes it', async () => {
    await page.evaluate(placeCaret, REPLY);
    await typeText(page, ENGLISH);
    await waitFor(boxLabelsAre, ['NPS', 'NPS', 'SLA']);
    // The caret before the insert point this time: it must stay where it is.
    await page.keys.press('Home');
    const before = await page.evaluate(textareaState, REPLY);
    expect(before).toEqual({ text: ENGLISH, caret: 0, focused: true });

    // The next finding after the caret, then the one after it.
    const first = ENGLISH.indexOf('NPS');
    const second = ENGLISH.indexOf('NPS', first + 1);
    await page.keys.press('KeyJ', ['Alt', 'Shift']);
    await waitFor(tooltipIs, { open: true, term: 'NPS', start: first });
    expect((await page.evaluate(readTooltip, undefined)).meanings).toContain('Net Promoter Score');
    await page.keys.press('KeyJ', ['Alt', 'Shift']);
    await waitFor(tooltipIs, { open: true, term: 'NPS', start: second });
    // Tab moves between the buttons.
    await page.keys.press('Tab');
    await waitFor(() => {
      const card = document.querySelector('selge-tooltip')?.shadowRoot?.querySelector('[data-selge-tooltip]');
      const buttons = [...(card?.querySelectorAll('button') ?? [])] as HTMLElement[];
      return buttons.map((b) => b.style.outlineStyle === 'solid').join() === 'false,true,false,false';
    }, undefined);
    expect((await page.evaluate(textareaState, REPLY)).focused).toBe(true);
    await page.keys.press('Escape');
    await waitFor(tooltipIs, { open: false });

    const point = await page.evaluate(boxPoint, 'NPS');
    await page.mouse(point.x, point.y);
    await waitFor(tooltipIs, { open: true, term: 'NPS' });
    const tooltip = await page.evaluate(readTooltip, undefined);
    expect(tooltip.meanings).toContain('Net Promoter Score');
    const explain = tooltip.actions.find((a) => a.action === 'explain')!;
    // Through the gap between the word and the tooltip, then the click.
    await page.mouse(explain.x, explain.y);
    await page.mouse(explain.x, explain.y, true);

    const expected = withInsert(ENGLISH, 'NPS', ' (Net Promoter Score)');
    await waitFor(sameText, { selector: REPLY, text: expected, rich: false });
    const after = await page.evaluate(textareaState, REPLY);
    expect(after).toEqual({ text: expected, caret: 0, focused: true });
    await waitFor(boxLabelsAre, ['SLA']);
    await waitFor(tooltipIs, { open: false });

    await page.keys.press('z', UNDO);
    await waitFor(sameText, { selector: REPLY, text: ENGLISH, rich: false });
    expect((await page.evaluate(textareaState, REPLY)).text).toBe(ENGLISH);
    await waitFor(boxLabelsAre, ['NPS', 'NPS', 'SLA']);
  });

  it('says so when the field does not take the insert, and changes nothing', async () => {
    const point = await page.evaluate(boxPoint, 'NPS');
    await page.mouse(point.x, point.y);
    await waitFor(tooltipIs, { open: true, term: 'NPS' });
    const explain = (await page.evaluate(readTooltip, undefined)).actions.find((a) => a.action === 'explain')!;
    // The page makes the field read-only behind our back: execCommand can insert nothing.
    await page.evaluate((selector: string) => {
      (document.querySelector(selector) as HTMLTextAreaElement).readOnly = true;
    }, REPLY);
    await page.mouse(explain.x, explain.y);
    await page.mouse(explain.x, explain.y, true);
    await waitFor(tooltipIs, { open: true, term: 'NPS', problem: true });
    const problem = (await page.evaluate(readTooltip, undefined)).problem;
    expect([MESSAGES.en.tooltipFixFailed!.message, MESSAGES.et.tooltipFixFailed!.message]).toContain(problem);
    expect((await page.evaluate(textareaState, REPLY)).text).toBe(ENGLISH);
    await page.evaluate((selector: string) => {
      (document.querySelector(selector) as HTMLTextAreaElement).readOnly = false;
    }, REPLY);
    await page.keys.press('Escape');
    await waitFor(tooltipIs, { open: false });
    await waitFor(boxLabelsAre, ['NPS', 'NPS', 'SLA']);
  });

  it('Ignore in this message: the underline goes and stays gone while typing more', async () => {
    await page.evaluate(caretToEnd, REPLY);
    await page.mouse(0, 0);
    const point = await page.evaluate(boxPoint, 'NPS');
    await page.mouse(point.x, point.y);
    await waitFor(tooltipIs, { open: true, term: 'NPS' });
    const ignore = (await page.evaluate(readTooltip, undefined)).actions.find((a) => a.action === 'ignore')!;
    await page.mouse(ignore.x, ignore.y);
    await page.mouse(ignore.x, ignore.y, true);
    await waitFor(boxLabelsAre, ['SLA']);
    expect((await page.evaluate(textareaState, REPLY)).text).toBe(ENGLISH);
    expect((await page.evaluate(textareaState, REPLY)).focused).toBe(true);

    // More typing, with a new acronym: once CRM is underlined the field was checked again.
    await typeText(page, ' Our NPS and CRM.');
    await waitFor(boxLabelsAre, ['CRM', 'SLA']);
    // The compose was not affected: its NPS is still underlined.
    expect(await page.evaluate(highlighted, undefined)).toEqual(['NPS', 'NPS']);
  });

  it('textarea: Alt+Shift+J scrolls a word out of sight into view and opens its tooltip; text and caret stay', async () => {
    const text = `Our KPI report is attached.${'\nMore details follow.'.repeat(30)}\nThe SLA is the same.`;
    const scrolled = await page.evaluate(fillScrolledToEnd, { selector: REPLY, text });
    expect(scrolled, 'the field scrolls, and is scrolled to its end').toBe(true);
    // A real key at the end: Selge checks after the pause.
    await typeText(page, ' ');
    const typed = `${text} `;
    await waitFor(boxShownIn, { selector: REPLY, label: 'SLA' });
    expect(await page.evaluate(boxShownIn, { selector: REPLY, label: 'KPI' }), 'KPI is scrolled out of the field').toBe(false);

    // Nothing after the caret: the next finding is the first one, at the top, out of sight.
    await page.keys.press('KeyJ', ['Alt', 'Shift']);
    await waitFor(tooltipIs, { open: true, term: 'KPI', start: text.indexOf('KPI') });
    // Its underline follows the scroll in the overlay's next frame.
    await waitFor(boxShownIn, { selector: REPLY, label: 'KPI' });
    expect(await page.evaluate(tooltipInViewport, undefined)).toBe(true);
    expect(await page.evaluate(textareaState, REPLY)).toEqual({ text: typed, caret: typed.length, focused: true });
    await page.keys.press('Escape');
    await waitFor(tooltipIs, { open: false });
  });

  // Without a check first, the word just typed is not among the findings: the next one
  // after it would open instead (here, wrapping round, SLA).
  it('Alt+Shift+J pressed before the pause\'s check opens the word just typed (textarea and compose)', async () => {
    for (const { selector, underlined } of [
      // The page's other textarea says "Meie SLA kehtib.": the box must be in this one.
      { selector: REPLY, underlined: () => waitFor(boxShownIn, { selector: REPLY, label: 'SLA' }) },
      // The compose is the page's one rich field.
      { selector: EDITOR, underlined: () => waitFor(highlightedHas, 'SLA') },
    ]) {
      await page.evaluate(readyToType, selector);
      await typeText(page, 'The SLA is fine.');
      await underlined();
      const { text, caret } = await page.evaluate(insertThenAltShiftJ, { selector, text: ' Our CSAT.', back: 'CSAT.'.length });
      expect(text.slice(caret), 'the caret is right before the new word').toBe('CSAT.');
      await waitFor(tooltipShownInPage, true);
      expect(await page.evaluate(shownTooltipInPage, undefined), `the tooltip opened in ${selector}`).toEqual({ term: 'CSAT', start: caret, keyboard: true });
      await page.keys.press('Escape');
      await waitFor(tooltipIs, { open: false });
    }
  });

  it('real-editor Gmail page: Explain here on line 2, the caret kept mid-line, one Ctrl+Z; text from __fixture.getText()', async () => {
    const gmail = await driver.newPage();
    try {
      await gmail.goto('https://mail.google.com/editors/gmail.html');
      await waitForFixture(gmail.keys, 'gmail');
      await gmail.keys.waitFor((selector: string) => document.querySelector(selector) !== null, READY_SELECTOR, READY_TIMEOUT_MS);
      await focusEnd(gmail.keys);
      const typed = 'Hello!\nOur NPS went up, and the NPS is good.';
      await typeKeys(gmail.keys, typed);
      for (let i = 0; i < 5; i++) await pressKey(gmail.keys, 'ArrowLeft');
      await gmail.keys.waitFor(highlightedAre, ['NPS', 'NPS'], WAIT_MS);
      const before = await getText(gmail.keys);
      expect(before).toBe(typed);
      const caret = await gmail.evaluate(blockCaret, EDITOR);
      expect(caret).toEqual({ line: 1, column: 'Our NPS went up, and the NPS is good.'.length - 5 });

      await gmail.keys.press('KeyJ', ['Alt', 'Shift']);
      await gmail.keys.waitFor(tooltipIs, { open: true, term: 'NPS' }, WAIT_MS);
      await gmail.keys.press('Enter');
      const expected = withInsert(typed, 'NPS', ' (Net Promoter Score)');
      await gmail.keys.waitFor((want: string) => (window as unknown as { __fixture: { getText(): string } }).__fixture.getText() === want, expected, WAIT_MS);
      expect(await getText(gmail.keys)).toBe(expected);
      expect(await gmail.evaluate(blockCaret, EDITOR)).toEqual({ line: 1, column: caret.column + ' (Net Promoter Score)'.length });
      await gmail.keys.waitFor(highlightedAre, [], WAIT_MS);

      await undo(gmail.keys);
      await gmail.keys.waitFor((want: string) => (window as unknown as { __fixture: { getText(): string } }).__fixture.getText() === want, typed, WAIT_MS);
      expect(await getText(gmail.keys)).toBe(typed);
    } finally {
      await gmail.close();
    }
  });

  it('CKEditor 5 (Zendesk page): Explain here goes through beforeinput, becomes its own undo step', async () => {
    const zendesk = await driver.newPage();
    try {
      await zendesk.goto('https://acme.zendesk.com/editors/zendesk.html');
      await waitForFixture(zendesk.keys, 'zendesk');
      await zendesk.keys.waitFor((selector: string) => document.querySelector(selector) !== null, READY_SELECTOR, READY_TIMEOUT_MS);
      await focusEnd(zendesk.keys);
      await typeKeys(zendesk.keys, ENGLISH);
      await zendesk.keys.waitFor(highlightedAre, ['NPS', 'NPS'], WAIT_MS);
      const before = await getText(zendesk.keys);
      expect(before).toBe(ENGLISH);

      await zendesk.keys.press('KeyJ', ['Alt', 'Shift']);
      await zendesk.keys.waitFor(tooltipIs, { open: true, term: 'NPS' }, WAIT_MS);
      await zendesk.keys.press('Enter');
      const expected = withInsert(ENGLISH, 'NPS', ' (Net Promoter Score)');
      // CKEditor's own model, not only its DOM.
      await zendesk.keys.waitFor((want: string) => (window as unknown as { __fixture: { getText(): string } }).__fixture.getText() === want, expected, WAIT_MS);
      await zendesk.keys.waitFor(highlightedAre, [], WAIT_MS);
      expect(await zendesk.evaluate(readTooltip, undefined)).toMatchObject({ open: false, problem: '' });

      // Typing is cut into 20-character undo steps: one Ctrl+Z taking exactly the insert back
      // shows it was a step of its own.
      await undo(zendesk.keys);
      await zendesk.keys.waitFor((want: string) => (window as unknown as { __fixture: { getText(): string } }).__fixture.getText() === want, ENGLISH, WAIT_MS);
      expect(await getText(zendesk.keys)).toBe(ENGLISH);
    } finally {
      await zendesk.close();
    }
  });
});
