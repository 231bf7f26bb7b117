// Opens the tooltip for an underlined word and runs its actions. Opening: hovering or
// clicking the word (a mousemove listener on the field, hit-tested against the findings'
// rects: our textarea boxes are pointer-events:none), or Alt+Shift+J, which opens the next
// finding after the caret (again: the one after that). Escape closes; while a tooltip
// opened from the keyboard is shown, Tab / Shift+Tab move between its buttons and Enter
// presses one. The focus never leaves the editor.
import type { CompiledDictionary, Finding } from '../../core/index.ts';
import type { Frames, Timers } from '../clock';
import { report } from '../guard';
import { bracketed, explanationFor } from '../fix/suggest';
import { insertInPlain, insertInRich, textOffsetOf, type FixOutcome } from '../fix/insert';
import type { PlainField } from '../mirror';
import type { Overlay, Rect } from '../overlay';
import type { Scope } from '../scope';
import { readTextMap } from '../text-map';
import { createTooltipHost } from './host';
import { locate, unionRect, type Located } from './locate';
import { findingsOf, type TrackedField } from './tracked';
import { actionsOf, type TooltipModel, type Translate } from './view';

/** How long the pointer may be off the word and the tooltip before a hover tooltip closes. */
const CLOSE_DELAY_MS = 300;

export interface TooltipOptions {
  doc: Document;
  dictionary: CompiledDictionary;
  skipInside: string;
  overlay: Overlay;
  scope: Scope;
  timers: Timers;
  frames: Frames;
  t: Translate;
}

export interface Tooltips {
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
  /** While our own insert runs: its input events are not the user typing. */
  let fixing = false;
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

  const modelFor = (state: TrackedField, finding: Finding, active: number): TooltipModel => {
    const language = state.report?.language ?? 'en';
    const words = explanationFor(finding, options.dictionary, language);
    const plain = finding.kind === 'jargon' ? words : undefined;
    return { term: finding.term, text: finding.text, start: finding.start, kind: finding.kind, meanings: finding.meanings, plain, canExplain: words !== undefined, active, language };
  };

  const render = () => {
    if (!current) return;
    host.show(current.model, current.anchor, (index) => act(index));
  };

  const open = (state: TrackedField, located: Located, byKeyboard: boolean) => {
    cancelClose();
    const same = current && current.state === state && current.finding.start === located.finding.start && current.finding.term === located.finding.term;
    if (same && current!.byKeyboard === byKeyboard) return;
    current = { state, finding: located.finding, model: modelFor(state, located.finding, byKeyboard ? 0 : -1), byKeyboard, anchor: unionRect(located.rects) };
    render();
  };

  const fail = (outcome: FixOutcome) => {
    if (!current) return;
    current.model = { ...current.model, problem: t(outcome === 'unchanged' ? 'tooltipFixFailed' : 'tooltipFixChanged') };
    render();
  };

  const nextFrame = () => new Promise<void>((resolve) => {
    options.frames.requestAnimationFrame(() => resolve());
  });

  const explain = async () => {
    if (!current) return;
    const { state, finding } = current;
    const words = explanationFor(finding, options.dictionary, state.report?.language ?? 'en');
    const findings = findingsOf(state, options.skipInside);
    // Into the first use of the term, wherever the tooltip was opened.
    const first = findings.find((f) => f.term === finding.term) ?? finding;
    if (!words) return;
    const insertion = { at: first.end, expect: first.text, text: bracketed(words) };
    fixing = true;
    let outcome: FixOutcome;
    try {
      outcome = state.kind === 'plain'
        ? insertInPlain(state.field as PlainField, insertion, state.composing)
        : await insertInRich(state.field, options.skipInside, insertion, () => state.composing, nextFrame);
    } finally {
      fixing = false;
    }
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
    state.ignored.add(finding.term);
    close();
    state.recheck();
  };

  const act = (index: number) => {
    if (!current) return;
    const action = actionsOf(current.model)[index];
    if (action === 'explain') explain().catch((error: unknown) => report('explain', error));
    else if (action === 'ignore') ignore();
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
    if (!current || current.byKeyboard || closeTimer !== undefined) return;
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
  const caretOffset = (state: TrackedField): number => {
    if (state.kind === 'plain') return (state.field as PlainField).selectionEnd ?? 0;
    const selection = doc.getSelection();
    if (!selection?.focusNode || !state.field.contains(selection.focusNode)) return 0;
    return textOffsetOf(readTextMap(state.field, options.skipInside), selection.focusNode, selection.focusOffset) ?? 0;
  };
  const fieldOf = (target: EventTarget | null): TrackedField | undefined => {
    for (const [field, state] of fields) if (target instanceof Node && (field === target || field.contains(target))) return state;
    return undefined;
  };
  const openNext = (state: TrackedField) => {
    const located = locate(state, options.skipInside, options.overlay).filter((l) => l.rects.length > 0);
    if (located.length === 0) return;
    let next: Located | undefined;
    if (current?.state === state && current.byKeyboard) {
      next = located.find((l) => l.finding.start > current!.finding.start);
    } else {
      const caret = caretOffset(state);
      next = located.find((l) => l.finding.start >= caret);
    }
    next ??= located[0]!;
    current = undefined;
    open(state, next, true);
  };
  const stop = (event: Event) => {
    event.preventDefault();
    event.stopImmediatePropagation();
  };
  scope.listen(doc, 'keydown', (event) => {
    const key = event as KeyboardEvent;
    if (key.isComposing) return;
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
    if (current && !host.contains(event.target)) close();
  }, { capture: true, passive: true });

  return {
    track(field, kind) {
      const state: TrackedField = { field, kind, text: '', report: undefined, ignored: new Set(), composing: false, recheck: () => undefined };
      fields.set(field, state);
      const fieldScope = scope.child();
      const forget = () => fieldScope.dispose();
      fieldScope.listen(field, 'mousemove', onPointer(state), { passive: true });
      fieldScope.listen(field, 'click', onPointer(state));
      // The text changed under the tooltip (typing, paste, the page's own script): it is stale.
      fieldScope.listen(field, 'input', () => {
        if (!fixing && current?.state === state) close();
      });
      fieldScope.listen(field, 'compositionstart', () => { state.composing = true; });
      fieldScope.listen(field, 'compositionend', () => { state.composing = false; });
      fieldScope.listen(field, 'blur', () => {
        // Clicking a tooltip button cancels its mousedown, so the field keeps the focus.
        if (current?.state === state) close();
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
