// The badge test page's script (bundled by tests/browser/badge.test.ts with esbuild): the
// real badge module on a page of plain fields, fed real reports from the checker and the
// built-in dictionary. `window.__badge` lets the test check a field and read what is shown;
// clicks and keys come from the test as real input events.
import { createBadges } from '../../../src/content/badge/index.ts';
import { BADGES_TAG } from '../../../src/content/badge/host.ts';
import { translator } from '../../../src/content/badge/testing/translate.ts';
import { createScope } from '../../../src/content/scope.ts';
import { check, type CompiledDictionary } from '../../../src/core/index.ts';
import compiled from '../../../src/generated/dictionary.json';

const dictionary = compiled as unknown as CompiledDictionary;

export interface Box { left: number; top: number; right: number; bottom: number }
export interface ShownBadge { field: string | null; text: string; tone: string; box: Box; expanded: boolean }
export interface ShownPanel {
  rows: Array<{ term: string; meaning: string }>;
  explainAllDisabled: boolean;
  box: Box;
  /** The focused button inside the panel, or null. */
  focused: string | null;
}
export interface FieldState { active: string | null; start: number | null; end: number | null; caret: string | null }

const scope = createScope();
const calls: string[] = [];
const focusedCounts: Array<number | null> = [];
const badges = createBadges({
  doc: document,
  t: translator('en'),
  scope,
  frames: { requestAnimationFrame: (run) => requestAnimationFrame(run), cancelAnimationFrame: (id) => cancelAnimationFrame(id) },
  onExplainAll: (field) => calls.push(`explain-all ${field.id}`),
  onChoose: (field, finding) => calls.push(`choose ${field.id} ${finding.text}@${finding.start}`),
});
badges.onFocusedCountChange((count) => focusedCounts.push(count));

const field = (id: string): HTMLElement => {
  const element = document.getElementById(id);
  if (!element) throw new Error(`no field #${id}`);
  return element;
};
const textOf = (element: HTMLElement) =>
  element instanceof HTMLTextAreaElement || element instanceof HTMLInputElement ? element.value : element.innerText;
const boxOf = (rect: DOMRect): Box => ({ left: rect.left, top: rect.top, right: rect.right, bottom: rect.bottom });
const root = () => document.querySelector(BADGES_TAG)?.shadowRoot ?? null;

const api = {
  /** Checks the field's text now, as live checking does after the idle wait. */
  check(id: string): number {
    const element = field(id);
    const report = check(textOf(element), { dictionary });
    badges.update(element, report);
    return report.questions;
  },
  remove(id: string): void {
    badges.remove(field(id));
  },
  /** The field's padding box: where its text is. */
  fieldBox(id: string): Box {
    const element = field(id);
    const rect = element.getBoundingClientRect();
    const left = rect.left + element.clientLeft;
    const top = rect.top + element.clientTop;
    return { left, top, right: left + element.clientWidth, bottom: top + element.clientHeight };
  },
  badges(): ShownBadge[] {
    const shown = [...(root()?.querySelectorAll<HTMLElement>('[data-selge-badge]') ?? [])];
    return shown.map((badge) => {
      const box = boxOf(badge.getBoundingClientRect());
      const x = (box.left + box.right) / 2;
      const y = (box.top + box.bottom) / 2;
      const owner = [...document.querySelectorAll<HTMLElement>('[data-field]')].find((element) => {
        const r = element.getBoundingClientRect();
        return x >= r.left && x <= r.right && y >= r.top && y <= r.bottom;
      });
      return {
        field: owner?.id ?? null, text: badge.textContent ?? '', tone: badge.dataset.tone ?? '', box,
        expanded: badge.getAttribute('aria-expanded') === 'true',
      };
    });
  },
  panel(): ShownPanel | null {
    const panel = root()?.querySelector<HTMLElement>('[data-selge-panel]');
    if (!panel) return null;
    const focused = root()!.activeElement as HTMLElement | null;
    return {
      rows: [...panel.querySelectorAll<HTMLElement>('[data-action=choose]')].map((row) => ({
        term: row.dataset.term ?? '', meaning: row.querySelector('[data-part=meaning]')?.firstChild?.textContent ?? '',
      })),
      explainAllDisabled: panel.querySelector('[data-action=explain-all]')!.hasAttribute('disabled'),
      box: boxOf(panel.getBoundingClientRect()),
      focused: focused && panel.contains(focused) ? (focused.dataset.term ?? focused.dataset.action ?? '?') : null,
    };
  },
  /** Where the focus and caret are. */
  state(id: string): FieldState {
    const element = field(id);
    const active = document.activeElement;
    const badgeFocused = active?.tagName.toLowerCase() === BADGES_TAG ? 'badge' : null;
    const selection = document.getSelection();
    const caret = selection && selection.anchorNode && element.contains(selection.anchorNode)
      ? `${selection.anchorNode.textContent?.slice(0, 12)}|${selection.anchorOffset}|${selection.focusOffset}`
      : null;
    const plain = element instanceof HTMLTextAreaElement || element instanceof HTMLInputElement ? element : null;
    return {
      active: badgeFocused ?? (active as HTMLElement | null)?.id ?? null,
      start: plain ? plain.selectionStart : null,
      end: plain ? plain.selectionEnd : null,
      caret,
    };
  },
  /** Focuses the badge of the field whose badge is `index`-th, as Tab would. */
  focusBadge(index: number): void {
    root()?.querySelectorAll<HTMLElement>('[data-selge-badge]')[index]?.focus();
  },
  calls,
  focusedCounts,
  dispose: () => scope.dispose(),
};

declare global {
  interface Window {
    __badge: typeof api;
  }
}
window.__badge = api;
document.documentElement.dataset.badgePage = 'ready';
