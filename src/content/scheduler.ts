// When to check a field: after the writer pauses. Every change only records (uBlock's
// rule: observer callbacks do no work); the check runs once, IDLE_MS after the last change,
// and never during IME composition (an unfinished composition is not text yet, and
// touching anything then can break the input method).
import type { Timers } from './clock';
import type { Scope } from './scope';

export type { Timers } from './clock';

/** Underlines must appear within 200 ms of the last keystroke: 100 ms idle + the check. */
export const IDLE_MS = 100;

export interface IdleTrigger {
  /** Something changed: (re)start the idle wait. */
  note(): void;
  compositionStart(): void;
  /** Composition committed: the text is final, check after the idle wait. */
  compositionEnd(): void;
  cancel(): void;
}

export function createIdleTrigger(run: () => void, timers: Timers, idleMs = IDLE_MS): IdleTrigger {
  let timer: number | undefined;
  let composing = false;
  let cancelled = false;

  const stopTimer = () => {
    if (timer !== undefined) timers.clearTimeout(timer);
    timer = undefined;
  };
  const restart = () => {
    stopTimer();
    if (cancelled || composing) return;
    timer = timers.setTimeout(() => {
      timer = undefined;
      if (!composing && !cancelled) run();
    }, idleMs);
  };

  return {
    note: restart,
    compositionStart() {
      composing = true;
      stopTimer();
    },
    compositionEnd() {
      composing = false;
      restart();
    },
    cancel() {
      cancelled = true;
      stopTimer();
    },
  };
}

/**
 * Runs `run` once, `ms` after the first of a batch of notes, however many follow. For page-
 * wide changes: a page that never stops changing (a ticking clock, a live chat) would starve
 * an idle wait, but must not hold back a compose window that just opened.
 */
export function createBatchTrigger(run: () => void, timers: Timers, ms: number): Pick<IdleTrigger, 'note' | 'cancel'> {
  let timer: number | undefined;
  let cancelled = false;
  return {
    note() {
      if (timer !== undefined || cancelled) return;
      timer = timers.setTimeout(() => {
        timer = undefined;
        if (!cancelled) run();
      }, ms);
    },
    cancel() {
      cancelled = true;
      if (timer !== undefined) timers.clearTimeout(timer);
      timer = undefined;
    },
  };
}

/**
 * Watches one field and calls `run` after each pause in its changes. Contenteditable roots:
 * one MutationObserver (typing, paste, the editor re-rendering). Textareas and inputs: the
 * `input` event (their value is not in the DOM). Both: composition events.
 */
export function watchField(field: HTMLElement, run: () => void, scope: Scope, timers: Timers, idleMs = IDLE_MS): IdleTrigger {
  const trigger = createIdleTrigger(run, timers, idleMs);
  scope.onDispose(trigger.cancel);
  if (field.localName !== 'textarea' && field.localName !== 'input') {
    const observer = new MutationObserver(() => trigger.note());
    observer.observe(field, { childList: true, characterData: true, subtree: true });
    scope.onDispose(() => observer.disconnect());
  }
  scope.listen(field, 'input', () => trigger.note());
  scope.listen(field, 'compositionstart', () => trigger.compositionStart());
  scope.listen(field, 'compositionend', () => trigger.compositionEnd());
  return trigger;
}
