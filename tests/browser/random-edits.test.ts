// Scenario 4 of issue 4: 200 random edits (typing, deleting, caret moves, typing over a
// selection, pasting, undo, redo and Selge's own fix) leave every editor's text exactly as
// the same edits leave it without the extension.
//
// One seeded script (support/edit-script.ts) is played in lockstep in two browsers of the
// same binary, each with a fresh profile: one with the built extension, one without. After
// every step the editor's own model text (window.__fixture.getText()) is read in both and
// must be equal; a failure names the seed, the step and the steps before it.
// Real key events only, except the paste steps, which dispatch the paste event a clipboard
// paste sends (text/plain in a DataTransfer), and the copy-paste steps, which use the
// browser's real clipboard with Ctrl+C and Ctrl+V.
//
// A fix step: both runs type " TERM " and move the caret before TERM. With the extension,
// Alt+Shift+J opens the tooltip on TERM and Enter applies Explain here; the test checks
// that exactly " (words)" was inserted right after TERM and nothing else changed. Without
// the extension the same words are typed there and the caret is moved back, so the texts
// and carets of both runs are the same again. Undo never reaches back into a fix: a typed
// explanation and an inserted one are different undo histories by design (one Ctrl+Z
// undoes a fix: fix.test.ts); see `undoable` below.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { EditorPageName } from '../fixtures/editors/build';
import { describeStep, editScript, type Key, type Step } from './support/edit-script';
import { READY_TIMEOUT_MS } from './support/env';
import { PAGE_CLOCK_SCRIPT, setPageClockInPage } from './support/page-clock';
import { type Driver, type DriverPage, LAUNCHERS } from './support/page-driver';
import { repetitionLabel, scenarioSeed } from './support/repeat';
import { focusEnd, paste, PRIMARY, waitForFixture, type Driver as KeyDriver } from './support/typing';

const SEED = scenarioSeed();
const STEPS = 200;
const SCRIPT = editScript(SEED, STEPS);
const WAIT_MS = 5_000;
/** The page clock at the start (a Monday morning), and how far each pause moves it. */
const CLOCK_START = Date.UTC(2025, 0, 6, 9, 0, 0);
const PAUSE_MS = 100_000;

console.log(`[random edits] seed ${SEED}${repetitionLabel() ? `, ${repetitionLabel()}` : ''} (SELGE_SEED=${SEED} replays it)`);

const EDITORS: Array<{ name: EditorPageName; host: string }> = [
  { name: 'gmail', host: 'mail.google.com' },
  { name: 'zendesk', host: 'acme.zendesk.com' },
  { name: 'outlook', host: 'outlook.office.com' },
  { name: 'prosemirror', host: 'acme.zendesk.com' },
  { name: 'quill', host: 'acme.zendesk.com' },
  { name: 'lexical', host: 'acme.zendesk.com' },
  { name: 'trix', host: 'acme.zendesk.com' },
  { name: 'tinymce', host: 'outlook.live.com' },
  { name: 'textarea', host: 'acme.zendesk.com' },
  { name: 'input', host: 'acme.zendesk.com' },
];

// ---- page-side functions (self-contained) ------------------------------------------------

/** The page's document and its same-origin frames' (TinyMCE's editor lives in an iframe). */
function documentsInPage(): Document[] {
  const docs: Document[] = [document];
  for (const frame of document.querySelectorAll('iframe')) {
    try {
      if (frame.contentDocument) docs.push(frame.contentDocument);
    } catch {
      // cross-origin: not ours to read
    }
  }
  return docs;
}

/** Whether the content script has marked the editor's document (and every frame's) ready. */
function extensionReadyInPage(): boolean {
  const frame = document.querySelector('iframe') as HTMLIFrameElement | null;
  const docs = [document, ...(frame?.contentDocument ? [frame.contentDocument] : [])];
  return docs.every((doc) => doc.documentElement?.getAttribute('data-selge-state') === 'ready');
}

/** Whether `term` is underlined: a range in the highlight registry, or a textarea/input box. */
function findingShownInPage(term: string): boolean {
  const docs: Document[] = [document];
  for (const frame of document.querySelectorAll('iframe')) if (frame.contentDocument) docs.push(frame.contentDocument);
  return docs.some((doc) => {
    const registry = (doc.defaultView as (Window & typeof globalThis) | null)?.CSS.highlights;
    const ranges = [...(registry?.get('selge-unexplained') ?? [])];
    if (ranges.some((r) => {
      const range = doc.createRange();
      range.setStart(r.startContainer, r.startOffset);
      range.setEnd(r.endContainer, r.endOffset);
      return range.toString() === term;
    })) return true;
    const overlay = doc.querySelector('selge-overlay')?.shadowRoot;
    return [...(overlay?.querySelectorAll(`[data-selge-box="${term}"]`) ?? [])]
      .some((box) => (box.parentElement as HTMLElement).style.display !== 'none');
  });
}

/** Whether Selge's tooltip card is shown in the page or one of its frames. */
function tooltipShownInPage(): boolean {
  const docs: Document[] = [document];
  for (const frame of document.querySelectorAll('iframe')) if (frame.contentDocument) docs.push(frame.contentDocument);
  return docs.some((doc) => {
    const card = doc.querySelector('selge-tooltip')?.shadowRoot?.querySelector('[data-selge-tooltip]');
    return Boolean(card && card.getBoundingClientRect().width > 0);
  });
}

/** The editor's model text once it has stayed the same for two animation frames. */
function settledTextInPage(): Promise<string> {
  const read = () => (window as unknown as { __fixture: { getText(): string } }).__fixture.getText();
  return new Promise((resolve) => {
    let last = read();
    let same = 0;
    let frames = 0;
    const frame = () => requestAnimationFrame(() => {
      const now = read();
      same = now === last ? same + 1 : 0;
      last = now;
      if (same >= 2 || ++frames > 60) resolve(now);
      else frame();
    });
    frame();
  });
}

function textIsNotInPage(previous: string): boolean {
  return (window as unknown as { __fixture: { getText(): string } }).__fixture.getText() !== previous;
}

// -------------------------------------------------------------------------------------------

interface Run {
  label: string;
  driver: Driver;
  page: DriverPage;
  keys: KeyDriver;
  extension: boolean;
}

async function press(run: Run, keys: Key[]): Promise<void> {
  for (const k of keys) await run.keys.press(k.key, k.modifiers ?? []);
}

async function typeKeys(run: Run, text: string): Promise<void> {
  for (const character of text) await run.keys.press(character);
}

const left = (count: number): Key[] => Array.from({ length: count }, () => ({ key: 'ArrowLeft' }));
const right = (count: number): Key[] => Array.from({ length: count }, () => ({ key: 'ArrowRight' }));

/** The text Explain here inserted: `after` is `before` with " (…)" right after `term`, nothing else. */
function insertedAfter(term: string, before: string, after: string): string | string[] {
  const at = before.indexOf(` ${term} `);
  if (at < 0 || before.indexOf(` ${term} `, at + 1) >= 0) return [`" ${term} " is not in the text exactly once`];
  const end = at + 1 + term.length;
  const added = after.length - before.length;
  const inserted = after.slice(end, end + added);
  const problems: string[] = [];
  if (after.slice(0, end) !== before.slice(0, end) || after.slice(end + added) !== before.slice(end)) {
    problems.push(`the text changed elsewhere than right after ${term}`);
  }
  if (!/^ \([^()\n]+\)$/.test(inserted)) problems.push(`inserted ${JSON.stringify(inserted)}, not " (words)"`);
  return problems.length ? problems : inserted;
}

/** Plays one step; for a fix step with the extension, returns the words it inserted. */
async function play(run: Run, step: Step, undoCount: number, redoCount: number, explanation?: string): Promise<string | undefined> {
  const clock = CLOCK_START + (step.index + 1) * PAUSE_MS;
  if (step.pause) await run.keys.evaluate(setPageClockInPage, clock);
  await press(run, step.moves);
  const a = step.action;
  switch (a.kind) {
    case 'type':
      await typeKeys(run, a.text);
      return undefined;
    case 'delete':
      await press(run, Array.from({ length: a.count }, () => ({ key: a.key })));
      return undefined;
    case 'move':
      return undefined;
    case 'overtype':
      await press(run, a.select);
      await typeKeys(run, a.text);
      return undefined;
    case 'paste':
      await paste(run.keys, a.text);
      return undefined;
    case 'copy-paste':
      await press(run, a.select);
      await run.keys.press('c', [PRIMARY]);
      await press(run, a.then);
      await run.keys.press('v', [PRIMARY]);
      return undefined;
    case 'undo':
      await press(run, Array.from({ length: undoCount }, () => ({ key: 'z', modifiers: [PRIMARY] })));
      return undefined;
    case 'redo':
      await press(run, Array.from({ length: redoCount }, () => ({ key: 'Z', modifiers: [PRIMARY, 'Shift'] })));
      return undefined;
    case 'fix': {
      await typeKeys(run, ` ${a.term} `);
      await press(run, left(a.term.length + 1));
      const before = await run.keys.evaluate(settledTextInPage, undefined);
      // Both runs continue from the same clock: the keys below differ between them.
      await run.keys.evaluate(setPageClockInPage, clock + PAUSE_MS / 2);
      if (!run.extension) {
        if (explanation === undefined) throw new Error('a fix step without the extension needs the words to type');
        await press(run, right(a.term.length));
        await typeKeys(run, explanation);
        await press(run, left(a.term.length + explanation.length));
        return undefined;
      }
      await run.driver.errors.unlessError(`${a.term} is underlined`, run.keys.waitFor(findingShownInPage, a.term, WAIT_MS));
      await run.keys.press('KeyJ', ['Alt', 'Shift']);
      await run.driver.errors.unlessError('Alt+Shift+J opens the tooltip', run.keys.waitFor(tooltipShownInPage, undefined, WAIT_MS));
      await run.keys.press('Enter');
      await run.driver.errors.unlessError('Explain here changes the text', run.keys.waitFor(textIsNotInPage, before, WAIT_MS));
      const after = await run.keys.evaluate(settledTextInPage, undefined);
      const inserted = insertedAfter(a.term, before, after);
      if (Array.isArray(inserted)) {
        throw new Error(`Explain here on ${a.term}: ${inserted.join('; ')}\nbefore: ${JSON.stringify(before)}\nafter:  ${JSON.stringify(after)}`);
      }
      await run.keys.waitFor(() => !(function shown() {
        const card = document.querySelector('selge-tooltip')?.shadowRoot?.querySelector('[data-selge-tooltip]');
        return Boolean(card && card.getBoundingClientRect().width > 0);
      })(), undefined, WAIT_MS);
      return inserted;
    }
  }
}

describe.each(LAUNCHERS)('%s: 200 random edits, with Selge and without', (browserName, launch) => {
  let withSelge: Run;
  let without: Run;

  async function start(extension: boolean): Promise<Run> {
    const driver = extension ? await launch() : await launch({ extension: false });
    // A tab of its own: headless Firefox never gives its first tab the focus.
    const page = await driver.newPage();
    await page.addInitScript(PAGE_CLOCK_SCRIPT);
    return { label: extension ? 'with Selge' : 'without Selge', driver, page, keys: page.keys, extension };
  }

  beforeAll(async () => {
    [withSelge, without] = await Promise.all([start(true), start(false)]);
  });
  afterAll(async () => {
    await Promise.all([withSelge?.driver.close(), without?.driver.close()]);
  });
  afterEach(() => {
    expect(withSelge.driver.errors.take(), 'errors with Selge').toEqual([]);
    expect(without.driver.errors.take(), 'errors without Selge').toEqual([]);
  });

  it.each(EDITORS.map((e) => [e.name, e] as const))('%s: the same text after every step', async (name, { host }) => {
    const started = performance.now();
    const url = `https://${host}/editors/${name}.html`;
    await Promise.all([withSelge, without].map(async (run) => {
      await run.page.goto(url);
      await run.driver.errors.unlessError(`${name} page gets ready (${run.label})`, waitForFixture(run.keys, name));
      if (run.extension) {
        await run.driver.errors.unlessError('the content script marks the page', run.keys.waitFor(extensionReadyInPage, undefined, READY_TIMEOUT_MS));
      }
      expect(await run.keys.evaluate(setPageClockInPage, CLOCK_START), 'the page clock is installed').toBe(true);
      await focusEnd(run.keys);
    }));

    const history: string[] = [];
    let text = '';
    // How many Ctrl+Z are safe: edits since the last fix that certainly began a new undo
    // step in every editor (after a pause, which ends time-based groups, and a caret move,
    // which ends typing groups), and did change the text.
    let undoable = 0;
    let redoable = 0;
    let fixes = 0;
    const undoCounts: number[] = [];
    for (const step of SCRIPT) {
      const a = step.action;
      const undoCount = a.kind === 'undo' ? Math.min(a.count, undoable) : 0;
      const redoCount = a.kind === 'redo' ? Math.min(a.count, redoable) : 0;
      history.push(`${describeStep(step)}${a.kind === 'undo' ? ` → ${undoCount}` : a.kind === 'redo' ? ` → ${redoCount}` : ''}`);
      const fail = (problem: string) =>
        new Error(`seed ${SEED}, ${name} in ${browserName}, step ${step.index}: ${problem}\nsteps so far:\n  ${history.slice(-12).join('\n  ')}`);
      let explanation: string | undefined;
      try {
        if (a.kind === 'fix') {
          explanation = await play(withSelge, step, undoCount, redoCount);
          await play(without, step, undoCount, redoCount, explanation);
        } else {
          await Promise.all([withSelge, without].map((run) => play(run, step, undoCount, redoCount)));
        }
      } catch (error) {
        throw fail(error instanceof Error ? error.message : String(error));
      }
      const [textWith, textWithout] = await Promise.all(
        [withSelge, without].map((run) => run.keys.evaluate(settledTextInPage, undefined)),
      );
      if (textWith !== textWithout) {
        throw fail(`the texts differ\nwith Selge:    ${JSON.stringify(textWith)}\nwithout Selge: ${JSON.stringify(textWithout)}`);
      }
      const changed = textWith !== text;
      text = textWith;
      if (a.kind === 'fix') {
        fixes++;
        undoable = 0;
        redoable = 0;
      } else if (a.kind === 'undo') {
        undoable -= undoCount;
        redoable += undoCount;
        if (undoCount > 0) undoCounts.push(undoCount);
      } else if (a.kind === 'redo') {
        undoable += redoCount;
        redoable -= redoCount;
      } else if (changed) {
        redoable = 0;
        if (step.pause && (step.moves.length > 0 || a.kind === 'overtype')) undoable++;
      }
    }
    expect(text.trim().length, 'the script left some text').toBeGreaterThan(40);
    expect(fixes, 'fix steps were played').toBeGreaterThan(0);
    console.log(
      `[${browserName}] ${name}: ${STEPS} steps (${fixes} fixes, ${undoCounts.length} undo steps) identical with and without Selge; ` +
        `${text.length} characters; ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );
  });
});
