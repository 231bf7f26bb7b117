// Scenario 3 of issue 4 and the tooltip's other actions, in both browsers with the production
// build: Replace with plain words, Always allow, Add meaning… and Ignore in this message take
// effect at once, in other tabs too, and are still in effect after a reload. The user's data
// lives in the background's storage, so a reload of the page is the real test of it.
// Every wait is on a condition in the page, never a fixed sleep.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { READY_SELECTOR, READY_TIMEOUT_MS } from './support/env';
import { type Driver, type DriverPage, LAUNCHERS } from './support/page-driver';
import { boxLabelsAre, boxPoint, highlightedAre, readTooltip, textareaIs, textareaState, tooltipIs } from './support/tooltip-page';
import { nextFrame, placeCaret } from './support/underline-page';

const PAGE = 'https://mail.google.com/gmail-live.html';
const REPLY = '#reply';
const COMPOSE = 'div[g_editable=true][role=textbox]';
const WAIT_MS = 5_000;
const UNDO = [process.platform === 'darwin' ? 'Meta' : 'Control'] as const;

/** The page's second textarea (#control) holds "Meie SLA kehtib.": its box comes after the reply's. */
const reply = (...labels: string[]) => [...labels, 'SLA'];

async function typeText(page: DriverPage, text: string): Promise<void> {
  for (const character of text) {
    await page.typeCharacter(character);
    await page.evaluate(nextFrame, undefined);
  }
}

async function open(driver: Driver): Promise<DriverPage> {
  const page = await driver.newPage();
  await page.goto(PAGE);
  await page.keys.waitFor((selector: string) => document.querySelector(selector) !== null, READY_SELECTOR, READY_TIMEOUT_MS);
  return page;
}

/** Types `text` into an emptied reply box and waits until its boxes are `boxes`. */
async function typeReply(page: DriverPage, text: string, boxes: string[]): Promise<void> {
  await page.evaluate((selector: string) => {
    const field = document.querySelector(selector) as HTMLTextAreaElement;
    field.focus();
    field.select();
  }, REPLY);
  if ((await page.evaluate(textareaState, REPLY)).text !== '') await page.keys.press('Backspace');
  await page.evaluate(placeCaret, REPLY);
  await typeText(page, text);
  await page.keys.waitFor(boxLabelsAre, boxes, WAIT_MS);
}

/** Whether the verdict badge over the field `selector` shows `count` (null: no badge shows there). */
function badgeOverFieldIs(args: { selector: string; count: number | null }): boolean {
  const field = document.querySelector(args.selector)!.getBoundingClientRect();
  const badges = [...(document.querySelector('selge-badges')?.shadowRoot?.querySelectorAll('[data-selge-badge]') ?? [])];
  const over = badges.find((badge) => {
    const box = badge.getBoundingClientRect();
    const x = box.left + box.width / 2;
    const y = box.top + box.height / 2;
    return box.width > 0 && x >= field.left && x <= field.right && y >= field.top && y <= field.bottom;
  });
  return (over ? Number(over.getAttribute('data-count')) : null) === args.count;
}

/**
 * Empties the reply box as a user does (select all, Backspace: real keys) and waits until a
 * check has seen it blank: its badge, still counting the old text's questions until then,
 * goes away (an empty field shows none).
 */
async function emptyReply(page: DriverPage): Promise<void> {
  await page.evaluate((selector: string) => (document.querySelector(selector) as HTMLTextAreaElement).focus(), REPLY);
  if ((await page.evaluate(textareaState, REPLY)).text === '') return;
  await page.keys.press('a', [...UNDO]); // select all: the same modifier as undo
  await page.keys.press('Backspace');
  await page.keys.waitFor(textareaIs, { selector: REPLY, text: '' }, WAIT_MS);
  await page.keys.waitFor(badgeOverFieldIs, { selector: REPLY, count: null }, WAIT_MS);
}

/** Hovers the box of `term` and presses the tooltip button `action` with the mouse. */
async function press(page: DriverPage, term: string, action: string): Promise<void> {
  // From off the field: a tooltip closed with Escape stays closed until the pointer leaves its word.
  await page.mouse(0, 0);
  const point = await page.evaluate(boxPoint, term);
  await page.mouse(point.x, point.y);
  await page.keys.waitFor(tooltipIs, { open: true, term }, WAIT_MS);
  const button = (await page.evaluate(readTooltip, undefined)).actions.find((a) => a.action === action);
  if (!button) throw new Error(`the tooltip of ${term} has no "${action}" button`);
  await page.mouse(button.x, button.y);
  await page.mouse(button.x, button.y, true);
}

describe.each(LAUNCHERS)('%s: the user\'s choices', (_name, launch) => {
  let driver: Driver;
  let page: DriverPage;

  beforeAll(async () => {
    driver = await launch();
    page = await open(driver);
  });
  afterAll(async () => {
    await driver?.close();
  });
  afterEach(() => {
    expect(driver.errors.take()).toEqual([]);
  });

  it('Replace with plain words types them over the word; one Ctrl+Z brings the word back', async () => {
    const text = 'See the FAQ for the details.';
    await typeReply(page, text, reply('FAQ'));
    const point = await page.evaluate(boxPoint, 'FAQ');
    await page.mouse(point.x, point.y);
    await page.keys.waitFor(tooltipIs, { open: true, term: 'FAQ' }, WAIT_MS);
    const replace = (await page.evaluate(readTooltip, undefined)).actions.find((a) => a.action === 'replace')!;
    expect(replace.label).toContain('common questions');
    await page.mouse(replace.x, replace.y);
    await page.mouse(replace.x, replace.y, true);
    const replaced = 'See the common questions for the details.';
    await page.keys.waitFor(textareaIs, { selector: REPLY, text: replaced }, WAIT_MS);
    await page.keys.waitFor(boxLabelsAre, reply(), WAIT_MS);
    expect(await page.evaluate(textareaState, REPLY)).toMatchObject({ text: replaced, focused: true });

    await page.keys.press('z', [...UNDO]);
    await page.keys.waitFor(textareaIs, { selector: REPLY, text }, WAIT_MS);
    await page.keys.waitFor(boxLabelsAre, reply('FAQ'), WAIT_MS);
  });

  it('Always allow: the term is no longer underlined, in this tab and another, and after a reload', async () => {
    await typeReply(page, 'Our KPI and CRM.', reply('KPI', 'CRM'));
    // Allowed from another tab; this one, now in the background, learns it from the stored data.
    const other = await open(driver);
    try {
      await typeReply(other, 'The KPI went up, and the CRM too.', reply('KPI', 'CRM'));
      await press(other, 'KPI', 'allow');
      await other.keys.waitFor(boxLabelsAre, reply('CRM'), WAIT_MS);
      await other.keys.waitFor(tooltipIs, { open: false }, WAIT_MS);
      // The compose on the same page agrees at once.
      await other.evaluate(placeCaret, COMPOSE);
      await typeText(other, 'KPI ja CRM');
      await other.keys.waitFor(highlightedAre, ['CRM'], WAIT_MS);
    } finally {
      await other.close();
    }
    await page.keys.waitFor(boxLabelsAre, reply('CRM'), WAIT_MS);

    await page.goto(PAGE);
    await page.keys.waitFor((selector: string) => document.querySelector(selector) !== null, READY_SELECTOR, READY_TIMEOUT_MS);
    await typeReply(page, 'kpi and KPI, then SLA.', reply('SLA'));
  });

  it('Add meaning…: an unknown acronym gets the user\'s meaning, which Explain here then uses, also after a reload', async () => {
    await typeReply(page, 'Your TKP is late.', reply('TKP'));
    await press(page, 'TKP', 'add');
    await page.keys.waitFor(() => {
      const card = document.querySelector('selge-tooltip')?.shadowRoot;
      return card?.activeElement?.getAttribute('name') === 'expansion';
    }, undefined, WAIT_MS);
    // Saving with nothing written says what is missing and keeps the form.
    await page.keys.press('Enter');
    await page.keys.waitFor(tooltipIs, { open: true, term: 'TKP', problem: true }, WAIT_MS);
    await typeText(page, 'order confirmation');
    await page.keys.press('Enter');
    await page.keys.waitFor(tooltipIs, { open: false }, WAIT_MS);
    // Back in the reply box, where the user was; the text untouched.
    expect(await page.evaluate(textareaState, REPLY)).toMatchObject({ text: 'Your TKP is late.', focused: true });

    await page.mouse(0, 0);
    const point = await page.evaluate(boxPoint, 'TKP');
    await page.mouse(point.x, point.y);
    await page.keys.waitFor(tooltipIs, { open: true, term: 'TKP', meaning: 'order confirmation' }, WAIT_MS);
    await press(page, 'TKP', 'explain');
    await page.keys.waitFor(textareaIs, { selector: REPLY, text: 'Your TKP (order confirmation) is late.' }, WAIT_MS);
    await page.keys.waitFor(boxLabelsAre, reply(), WAIT_MS);

    await page.goto(PAGE);
    await page.keys.waitFor((selector: string) => document.querySelector(selector) !== null, READY_SELECTOR, READY_TIMEOUT_MS);
    await typeReply(page, 'The TKP again.', reply('TKP'));
    const again = await page.evaluate(boxPoint, 'TKP');
    await page.mouse(again.x, again.y);
    await page.keys.waitFor(tooltipIs, { open: true, term: 'TKP', meaning: 'order confirmation' }, WAIT_MS);
    await page.keys.press('Escape');
  });

  it('Ignore in this message: remembered for the message after a reload, not for other fields', async () => {
    await typeReply(page, 'Our NPS and CRM.', reply('NPS', 'CRM'));
    await press(page, 'NPS', 'ignore');
    await page.keys.waitFor(boxLabelsAre, reply('CRM'), WAIT_MS);

    await page.goto(PAGE);
    await page.keys.waitFor((selector: string) => document.querySelector(selector) !== null, READY_SELECTOR, READY_TIMEOUT_MS);
    await typeReply(page, 'Our NPS and CRM.', reply('CRM'));
    // The compose is another message: its NPS is underlined.
    await page.evaluate(placeCaret, COMPOSE);
    await typeText(page, 'NPS');
    await page.keys.waitFor(highlightedAre, ['NPS'], WAIT_MS);
  });

  it('Ignore in this message ends with the message: emptying the field forgets it, also after a reload', async () => {
    await emptyReply(page);
    // Not KPI: an earlier test made it familiar.
    await typeReply(page, 'Our NPS, FAQ and CRM.', reply('NPS', 'FAQ', 'CRM'));
    await press(page, 'NPS', 'ignore');
    await page.keys.waitFor(boxLabelsAre, reply('FAQ', 'CRM'), WAIT_MS);
    await page.keys.waitFor(badgeOverFieldIs, { selector: REPLY, count: 2 }, WAIT_MS);

    // Sent (or deleted): the next message starts in the same field, on the same page.
    await emptyReply(page);
    await typeReply(page, 'Our NPS and CRM.', reply('NPS', 'CRM'));
    // Something ignored in the new message, so the reload below shows that the stored ignores
    // arrived (CRM goes) and that NPS was no longer among them (it stays).
    await press(page, 'CRM', 'ignore');
    await page.keys.waitFor(boxLabelsAre, reply('NPS'), WAIT_MS);

    await page.goto(PAGE);
    await page.keys.waitFor((selector: string) => document.querySelector(selector) !== null, READY_SELECTOR, READY_TIMEOUT_MS);
    await typeReply(page, 'Our NPS and CRM.', reply('NPS'));
  });
});
