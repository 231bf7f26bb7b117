// The browser's own undo, where the page has no undo of its own (textarea, input, a plain
// contenteditable like Gmail's), takes the same steps with Selge as without it.
//
// Chromium ends the open typing step of its native undo whenever any node leaves the
// document (FrameSelection::NodeWillBeRemoved → TypingCommand::CloseTypingIfNeeded), even
// a node in an extension's shadow root. A Selge that took a node out while the user typed
// (a measuring mirror per check, a surplus underline box, the tooltip or a badge) made each
// such moment a new Ctrl+Z step: one Ctrl+Z then undid a letter or a word, not the typing.
//
// The same keys go, one frame apart like a person's, to a browser with the extension and to
// one without (same binary, fresh profiles); with the extension each pause waits until
// Selge has drawn what the words before it call for (an underline added, one taken away),
// and once it opens the badge's panel with a click, which the next key typed closes.
// Then Ctrl+Z, one at a time, must leave the same text in both after every press.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { EditorPageName } from '../fixtures/editors/build';
import { READY_TIMEOUT_MS } from './support/env';
import { extensionReadyInPage, underlinedInPage } from './support/finding-page';
import { type Driver, type DriverPage, LAUNCHERS } from './support/page-driver';
import { focusEnd, getText, nextFrame, pressKey, undo, waitForFixture } from './support/typing';

const WAIT_MS = 5_000;

/** Fields whose undo is the browser's own, and the hosts the extension runs on for them. */
const FIELDS: ReadonlyArray<{ name: EditorPageName; host: string }> = [
  { name: 'textarea', host: 'acme.zendesk.com' },
  { name: 'input', host: 'acme.zendesk.com' },
  { name: 'gmail', host: 'mail.google.com' },
];

interface Run {
  driver: Driver;
  page: DriverPage;
  extension: boolean;
}

/** Waits, frame by frame, until exactly `want` is underlined (sorted), or fails saying what is. */
async function untilUnderlined(page: DriverPage, want: string[], what: string): Promise<void> {
  const deadline = Date.now() + WAIT_MS;
  for (;;) {
    const now = (await page.keys.evaluate(underlinedInPage, undefined)).map((label) => label.replace(/^box:/, '')).sort();
    if (JSON.stringify(now) === JSON.stringify(want)) return;
    if (Date.now() > deadline) throw new Error(`${what}: underlined ${JSON.stringify(now)}, not ${JSON.stringify(want)}, after ${WAIT_MS} ms`);
    await nextFrame(page.keys);
  }
}

/** The middle of the shown badge, and whether its panel is open. */
function badgeInPage(): { x: number; y: number; panel: boolean } | null {
  const root = document.querySelector('selge-badges')?.shadowRoot;
  const badge = root?.querySelector('[data-selge-badge]');
  const rect = badge?.getBoundingClientRect();
  if (!rect || rect.width === 0) return null;
  return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2, panel: root!.querySelector('[data-selge-panel]') !== null };
}

/**
 * One pause in the writing: the keys, then (with the extension) what must be underlined
 * once Selge has checked the words so far, and whether the badge's panel is then opened.
 */
const PAUSES: ReadonlyArray<{ keys: string[]; underlined: string[]; openPanel?: true }> = [
  // An underline appears: the first check, the first measure and box. Then the panel opens
  // (a click that keeps the caret, so without Selge the typing step stays open too).
  { keys: [...' Meie NPS'], underlined: ['NPS'], openPanel: true },
  // The first key closes the panel. A second underline: the mirror measures again, and a
  // second box is added.
  { keys: [...' ja CSAT'], underlined: ['CSAT', 'NPS'] },
  // One goes away again: a box is no longer needed.
  { keys: Array.from({ length: 5 }, () => 'Backspace'), underlined: ['NPS'] },
  // More typing after all that, still one typing step without Selge.
  { keys: [...' on hea, KPI'], underlined: ['KPI', 'NPS'] },
];

describe('the browser\'s own undo takes the same steps with Selge as without', () => {
  let pairs: Array<{ browserName: string; runs: Run[] }> = [];

  beforeAll(async () => {
    pairs = await Promise.all(LAUNCHERS.map(async ([browserName, launch]) => {
      const runs = await Promise.all([true, false].map(async (extension): Promise<Run> => {
        const driver = extension ? await launch() : await launch({ extension: false });
        // A tab of its own: headless Firefox never gives its first tab the focus.
        return { driver, page: await driver.newPage(), extension };
      }));
      return { browserName, runs };
    }));
  });
  afterAll(async () => {
    await Promise.all(pairs.flatMap(({ runs }) => runs.map((run) => run.driver.close())));
  });
  afterEach(() => {
    for (const { browserName, runs } of pairs) {
      for (const run of runs) expect(run.driver.errors.take(), `errors (${browserName}, extension ${run.extension})`).toEqual([]);
    }
  });

  it.each(FIELDS.map((field) => [field.name, field] as const))('%s: every Ctrl+Z leaves the same text', async (name, { host }) => {
    // Settled, not all: a failure in one browser must not leave the other typing on.
    const results = await Promise.allSettled(pairs.map(async ({ browserName, runs }) => {
      const [withSelge, without] = runs as [Run, Run];
      await Promise.all(runs.map(async ({ page, extension }) => {
        await page.goto(`https://${host}/editors/${name}.html`);
        await waitForFixture(page.keys, name);
        if (extension) await page.keys.waitFor(extensionReadyInPage, undefined, READY_TIMEOUT_MS);
        await focusEnd(page.keys);
      }));
      const start = await getText(without.page.keys);
      expect(await getText(withSelge.page.keys), `${browserName}: the same text to start with`).toBe(start);

      for (const { keys, underlined, openPanel } of PAUSES) {
        await Promise.all(runs.map(async ({ page }) => {
          for (const key of keys) await pressKey(page.keys, key);
        }));
        const what = `${browserName}, ${name}, after ${JSON.stringify(keys.join(''))}`;
        await untilUnderlined(withSelge.page, underlined, what);
        // The badge is drawn in its own frame after the check, maybe after the underline.
        if (openPanel) await withSelge.page.keys.waitFor(badgeInPage, undefined, WAIT_MS).catch(() => undefined);
        const badge = await withSelge.page.keys.evaluate(badgeInPage, undefined);
        expect(badge?.panel ?? false, `${what}: no panel open`).toBe(false);
        if (openPanel) {
          if (!badge) throw new Error(`${what}: no badge shown`);
          await withSelge.page.mouse(badge.x, badge.y);
          await withSelge.page.mouse(badge.x, badge.y, true);
          await withSelge.page.keys.waitFor(() => document.querySelector('selge-badges')?.shadowRoot?.querySelector('[data-selge-panel]') != null, undefined, WAIT_MS);
        }
      }
      const typed = await getText(without.page.keys);
      expect(await getText(withSelge.page.keys), `${browserName}: the same text after typing`).toBe(typed);
      expect(typed).not.toBe(start);

      // Ctrl+Z until the text is back where it started without Selge (3 steps: the typing,
      // the deletion, the typing after it), comparing after every press.
      const undone: string[] = [];
      for (let press = 1; press <= 3; press++) {
        const texts = await Promise.all(runs.map(async ({ page }) => {
          await undo(page.keys);
          return getText(page.keys);
        }));
        undone.push(texts[1]!);
        expect(texts[0], `${browserName}, ${name}: the text after Ctrl+Z ${press} (${JSON.stringify(undone)} without Selge)`).toBe(texts[1]);
      }
      expect(undone.at(-1), `${browserName}, ${name}: three Ctrl+Z undo all the typing`).toBe(start);
    }));
    const failures = results.flatMap((result) => (result.status === 'rejected' ? [result.reason instanceof Error ? result.reason.message : String(result.reason)] : []));
    if (failures.length > 0) throw new Error(failures.join('\n\n'));
  }, 60_000);
});
