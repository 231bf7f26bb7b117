// Opens the tooltip for an underlined word and runs its actions (fixes through
// fix/edit.ts, the user's choices through `choices`). Opening: hovering or
// clicking the word (a mousemove listener on the field, hit-tested against the findings'
// rects: our textarea boxes are pointer-events:none), or Alt+Shift+J, which opens the next
// finding after the caret (again: the one after that), scrolled into view first if it is
// out of sight (reveal.ts). Escape closes; while a tooltip
// opened from the keyboard is shown, Tab / Shift+Tab move between its buttons and Enter
// presses one. The focus never leaves the editor.
import type { CompiledDictionary, Finding } from '../../core/index.ts';
import type { Frames, Timers } from '../clock';
import { guard, report } from '../guard';
import { replaceWord, textOffsetOf, type Edit, type FixOutcome } from '../fix/edit';
import type { PlainField } from '../mirror';
import type { Overlay, Rect } from '../overlay';
import type { Scope } from '../scope';
import { readTextMap, type TextMap } from '../text-map';
import { createTooltipHost } from './host';
import { locate, unionRect, type Located } from './locate';
import { revealRect } from './reveal';
import { currentText, type TrackedField } from './tracked';
import { createFixer } from './fixes';
import { EMPTY_FORM, formEvent } from './meaning-form';
import { tooltipModel } from './model';
import { actionsOf, type FormEvent, type TooltipModel, type Translate } from './view';

/** How long the pointer may be off the word and the tooltip before a hover tooltip closes. */
const CLOSE_DELAY_MS = 300;

/** The user's choices, kept beyond this tooltip (see src/content/choices.ts). */
export interface Choices {
  /** Ignore in this message: left out of this field's checks and remembered for the message. */
  ignore(state: TrackedField, term: string): void;
  /** Always allow: the term counts as familiar everywhere from now on. Rejects when it could not be saved. */
  allow(term: string): Promise<void>;
  /** Add meaning…: saves a user dictionary entry; resolves to the problems with it (none: saved). */
  addMeaning(entry: unknown): Promise<string[]>;
}

export interface TooltipOptions {
  doc: Document;
  /** The dictionary checks use now: the user's own meanings are added to it while the page is open. */
  dictionary: () => CompiledDictionary;
  choices: Choices;
  skipInside: string;
  overlay: Overlay;
  scope: Scope;
  timers: Timers;
  frames: Frames;
  t: Translate;
}

export interface Tooltips {
  /** Explain all (the badge's panel); see fixes.ts. */
  explainAll(field: HTMLElement): Promise<FixOutcome>;
  /** Opens the tooltip of a finding as if reached with the keyboard (the panel's list). */
  openFinding(field: HTMLElement, finding: Finding): void;
  /** Starts following a field; the returned state is filled in by the field's checks. */
  track(field: HTMLElement, kind: 'rich' | 'plain'): TrackedField;
  untrack(field: HTMLElement): void;
}

const isAltShiftJ = (event: KeyboardEvent) =>
  event.altKey && event.shiftKey && !event.ctrlKey && !event.metaKey && (event.code === 'KeyJ' || event.key.toLowerCase() === 'j');

export function startTooltips(options: TooltipOptions): Tooltips {
  const { doc, scope, t } = options;
  const fields = new Map<HTMLElement, TrackedField>();
  const untrackers = new Map<HTMLElement, () => void>();
  const host = createTooltipHost(doc, t);
  scope.onDispose(host.dispose);

  /** What is shown now. */
  let current: { state: TrackedField; finding: Finding; model: TooltipModel; byKeyboard: boolean; anchor: Rect } | undefined;
  let closeTimer: number | undefined;
  let frame: number | undefined;
  let pointer: { x: number; y: number; state: TrackedField } | undefined;
  /** A hover tooltip closed with Escape stays closed until the pointer leaves its word. */
  let dismissed: { state: TrackedField; start: number } | undefined;

  const cancelClose = () => {
    if (closeTimer !== undefined) options.timers.clearTimeout(closeTimer);
    closeTimer = undefined;
  };
  const close = () => {
    cancelClose();
    current = undefined;
    host.hide();
  };
  scope.onDispose(close);

  const modelFor = (state: TrackedField, finding: Finding, active: number): TooltipModel =>
    tooltipModel(finding, options.dictionary(), state.report?.language ?? 'en', currentText(state, options.skipInside), active);

  const render = () => {
    if (!current) return;
    host.show(current.model, current.anchor, { onAction: (index) => act(index), onForm: (event) => form(event) });
  };
  const fixer = createFixer({ skipInside: options.skipInside, frames: options.frames, dictionary: options.dictionary });
  /** A tooltip with the Add meaning form open stays until the user saves or cancels. */
  const pinned = () => current?.model.form !== undefined;

  const open = (state: TrackedField, located: Located, byKeyboard: boolean) => {
    cancelClose();
    const same = current && current.state === state && current.finding.start === located.finding.start && current.finding.term === located.finding.term;
    if (same && current!.byKeyboard === byKeyboard) return;
    current = { state, finding: located.finding, model: modelFor(state, located.finding, byKeyboard ? 0 : -1), byKeyboard, anchor: unionRect(located.rects) };
    render();
  };

  const showProblem = (problem: string) => {
    if (!current) return;
    current.model = { ...current.model, problem };
    render();
  };
  const fail = (outcome: FixOutcome) => showProblem(t(outcome === 'unchanged' ? 'tooltipFixFailed' : 'tooltipFixChanged'));

  const fix = async (edit: Edit | undefined) => {
    if (!current || !edit) return;
    const { state, finding } = current;
    const outcome = await fixer.apply(state, edit);
    // The tooltip may have been closed or moved on while an editor took its frames.
    if (outcome !== 'done') {
      if (current?.state === state && current.finding === finding) fail(outcome);
      return;
    }
    if (current?.state === state) close();
    state.recheck();
  };

  const ignore = () => {
    if (!current) return;
    const { state, finding } = current;
    options.choices.ignore(state, finding.term);
    close();
    state.recheck();
  };

  const allow = async () => {
    if (!current) return;
    const shown = current;
    try {
      await options.choices.allow(shown.finding.term);
      if (current === shown) close();
    } catch (error) {
      report('always allow', error);
      if (current === shown) showProblem(t('tooltipSaveFailed'));
    }
  };

  const openForm = () => {
    if (!current) return;
    current.model = { ...current.model, problem: undefined, form: EMPTY_FORM };
    render();
    host.focusForm();
  };

  const form = (event: FormEvent) => {
    const shown = current;
    if (!shown) return;
    // Back to the editor, where the user was, after the form took the focus.
    const done = () => {
      if (current !== shown) return;
      close();
      shown.state.field.focus({ preventScroll: true });
    };
    const show = (model: TooltipModel) => {
      if (current !== shown) return false;
      shown.model = model;
      render();
      return true;
    };
    const next = formEvent(shown.model, event, { t, term: shown.finding.term, save: options.choices.addMeaning, show, done, report });
    if (next) show(next);
  };

  const act = (index: number) => {
    if (!current) return;
    const action = actionsOf(current.model)[index];
    const failed = (what: string) => (error: unknown) => report(what, error);
    const { state, finding, model } = current;
    if (action === 'explain') fix(fixer.explainEdit(state, finding)).catch(failed('explain'));
    else if (action === 'replace') fix(model.replaceWith ? replaceWord(finding, model.replaceWith) : undefined).catch(failed('replace'));
    else if (action === 'ignore') ignore();
    else if (action === 'allow') void allow();
    else if (action === 'add') openForm();
  };

  // ---- pointer ------------------------------------------------------------------------
  const hitTest = () => {
    frame = undefined;
    if (!pointer) return;
    const { x, y, state } = pointer;
    if (host.containsPoint(x, y)) {
      cancelClose();
      return;
    }
    const hit = locate(state, options.skipInside, options.overlay).find((l) => l.rects.some((r) => x >= r.left && x <= r.left + r.width && y >= r.top - 2 && y <= r.top + r.height + 2));
    if (hit && dismissed?.state === state && dismissed.start === hit.finding.start) return;
    dismissed = undefined;
    if (hit) open(state, hit, false);
    else scheduleClose();
  };
  const scheduleClose = () => {
    if (!current || current.byKeyboard || pinned() || closeTimer !== undefined) return;
    closeTimer = options.timers.setTimeout(() => {
      closeTimer = undefined;
      if (current && !current.byKeyboard) close();
    }, CLOSE_DELAY_MS);
  };
  const onPointer = (state: TrackedField) => (event: Event) => {
    const mouse = event as MouseEvent;
    pointer = { x: mouse.clientX, y: mouse.clientY, state };
    if (frame === undefined) frame = options.frames.requestAnimationFrame(hitTest);
  };
  scope.onDispose(() => {
    if (frame !== undefined) options.frames.cancelAnimationFrame(frame);
  });
  // Leaving the field for the tooltip keeps it open; anywhere else closes a hover tooltip.
  scope.listen(doc, 'mousemove', (event) => {
    const mouse = event as MouseEvent;
    if (dismissed && !dismissed.state.field.contains(event.target as Node)) dismissed = undefined;
    if (!current || current.byKeyboard) return;
    if (host.containsPoint(mouse.clientX, mouse.clientY)) cancelClose();
    else if (!current.state.field.contains(event.target as Node)) scheduleClose();
  }, { capture: true, passive: true });
  scope.listen(doc, 'mousedown', (event) => {
    if (!current || host.contains(event.target)) return;
    const mouse = event as MouseEvent;
    if (host.containsPoint(mouse.clientX, mouse.clientY)) return;
    // A click on another word opens that one (the click handler); anything else closes.
    close();
  }, { capture: true });

  // ---- keyboard -----------------------------------------------------------------------
  /** `map`: a rich field's text map; none for a textarea or input. */
  const caretOffset = (state: TrackedField, map: TextMap | undefined): number => {
    if (!map) return (state.field as PlainField).selectionEnd ?? 0;
    const selection = doc.getSelection();
    if (!selection?.focusNode || !state.field.contains(selection.focusNode)) return 0;
    return textOffsetOf(map, selection.focusNode, selection.focusOffset) ?? 0;
  };
  const fieldOf = (target: EventTarget | null): TrackedField | undefined => {
    for (const [field, state] of fields) if (target instanceof Node && (field === target || field.contains(target))) return state;
    return undefined;
  };
  const openNext = (state: TrackedField) => {
    // One read of a rich field's text for the check below, the findings' places and the caret
    // (a recheck changes no text, only the highlights).
    const map = state.kind === 'rich' ? readTextMap(state.field, options.skipInside) : undefined;
    // Pressed before the pause's check (IDLE_MS after the last key): check the text as it is
    // now, or a word just typed would not be among the findings and the next one would open.
    const text = map ? map.text : (state.field as PlainField).value;
    if (!state.composing && text !== state.text) state.recheck();
    const located = locate(state, options.skipInside, options.overlay, { scrolledOut: true, map }).filter((l) => l.rects.length > 0);
    if (located.length === 0) return;
    let next: Located | undefined;
    if (current?.state === state && current.byKeyboard) {
      next = located.find((l) => l.finding.start > current!.finding.start);
    } else {
      const caret = caretOffset(state, map);
      next = located.find((l) => l.finding.start >= caret);
    }
    next ??= located[0]!;
    current = undefined;
    if (!revealRect(state.field, unionRect(next.rects))) {
      open(state, next, true);
      return;
    }
    // Scrolled into view: the scroll events of that come before the next frame's callbacks
    // (none closes a tooltip, there is none now); then the word is measured where it is.
    host.hide();
    const { start, term } = next.finding;
    options.frames.requestAnimationFrame(guard('tooltip after scroll', () => {
      if (current) return;
      const there = locate(state, options.skipInside, options.overlay)
        .find((l) => l.finding.start === start && l.finding.term === term && l.rects.length > 0);
      if (there) open(state, there, true);
    }));
  };
  const stop = (event: Event) => {
    event.preventDefault();
    event.stopImmediatePropagation();
  };
  scope.listen(doc, 'keydown', (event) => {
    const key = event as KeyboardEvent;
    // Typing in our own form (it handles its keys itself).
    if (key.isComposing || host.contains(key.target)) return;
    const state = fieldOf(key.target) ?? (current && doc.activeElement === current.state.field ? current.state : undefined);
    if (isAltShiftJ(key) && state) {
      stop(key);
      openNext(state);
      return;
    }
    if (!current) return;
    if (key.key === 'Escape') {
      stop(key);
      if (!current.byKeyboard) dismissed = { state: current.state, start: current.finding.start };
      close();
      return;
    }
    if (!current.byKeyboard) return;
    const count = actionsOf(current.model).length;
    if (key.key === 'Tab') {
      stop(key);
      const step = key.shiftKey ? count - 1 : 1;
      current.model = { ...current.model, active: (current.model.active + step) % count };
      render();
    } else if (key.key === 'Enter') {
      stop(key);
      act(current.model.active);
    } else if (!['Shift', 'Alt', 'Control', 'Meta'].includes(key.key)) {
      // Typing goes on: the tooltip gets out of the way.
      close();
    }
  }, { capture: true });
  scope.listen(doc, 'scroll', (event) => {
    if (current && !pinned() && !host.contains(event.target)) close();
  }, { capture: true, passive: true });

  return {
    explainAll(field) {
      const state = fields.get(field);
      if (!state) return Promise.resolve('unchanged');
      close();
      return fixer.explainAll(state);
    },
    openFinding(field, finding) {
      const state = fields.get(field);
      const located = state && locate(state, options.skipInside, options.overlay)
        .find((l) => l.finding.start === finding.start && l.finding.term === finding.term && l.rects.length > 0);
      if (!state || !located) return;
      current = undefined;
      open(state, located, true);
    },
    track(field, kind) {
      const state: TrackedField = {
        field, kind, text: '', report: undefined, ignored: new Set(), composing: false,
        recheck: () => undefined,
      };
      fields.set(field, state);
      const fieldScope = scope.child();
      const forget = () => fieldScope.dispose();
      fieldScope.listen(field, 'mousemove', onPointer(state), { passive: true });
      fieldScope.listen(field, 'click', onPointer(state));
      // The text changed under the tooltip (typing, paste, the page's own script): it is stale.
      fieldScope.listen(field, 'input', () => {
        if (!fixer.running() && current?.state === state) close();
      });
      fieldScope.listen(field, 'compositionstart', () => { state.composing = true; });
      fieldScope.listen(field, 'compositionend', () => { state.composing = false; });
      fieldScope.listen(field, 'blur', (event) => {
        // Clicking a tooltip button cancels its mousedown, so the field keeps the focus; the
        // Add meaning form takes it on purpose.
        if (current?.state === state && !host.contains((event as FocusEvent).relatedTarget)) close();
      });
      untrackers.set(field, forget);
      return state;
    },
    untrack(field) {
      if (current?.state.field === field) close();
      fields.delete(field);
      untrackers.get(field)?.();
      untrackers.delete(field);
    },
  };
}
