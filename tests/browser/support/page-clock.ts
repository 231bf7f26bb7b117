// A deterministic wall clock for the page's own scripts, so that two runs of the same key
// presses build the same undo history. Quill (history `delay`), Lexical (merge `delay`),
// ProseMirror (`newGroupDelay`) and Trix (5-s slots of `new Date()`) decide where one undo
// step ends by the wall clock: two runs typing at slightly different speeds would undo
// different amounts and the comparison would test the clock, not the extension.
//
// Installed before the page's scripts (an init script), in the main world only: the
// extension's content script lives in its own world with its own `Date`, and its timers are
// untouched. `Date.now()` and `new Date()` read the virtual time, which advances only
// - by TICK_MS on every keydown (a real key press, in any frame of the page), and
// - when the test sets it (`setPageClock`), which it does at the same points in both runs.
// `performance.now()` and event time stamps stay real: editors use them for heuristics
// within one key press, not for undo.

export const TICK_MS = 30;

interface ClockWindow {
  __selgeClock?: { set(ms: number): void; tick(ms: number): void; now(): number };
}

/** The init script's source: replaces `Date` in the top frame, ticks it on every keydown. */
export const PAGE_CLOCK_SCRIPT = `(() => {
  const TICK = ${TICK_MS};
  let top = null;
  try { top = window.top; void top.document; } catch { top = null; }
  const tick = () => { try { top && top.__selgeClock && top.__selgeClock.tick(TICK); } catch {} };
  addEventListener('keydown', (event) => { if (event.isTrusted) tick(); }, true);
  if (window !== window.top) return;
  const RealDate = Date;
  let now = RealDate.now();
  function VirtualDate(...args) {
    if (!new.target) return new RealDate(now).toString();
    return args.length === 0 ? new RealDate(now) : new RealDate(...args);
  }
  VirtualDate.prototype = RealDate.prototype;
  VirtualDate.now = () => now;
  VirtualDate.parse = RealDate.parse;
  VirtualDate.UTC = RealDate.UTC;
  Object.defineProperty(window, 'Date', { value: VirtualDate, writable: true, configurable: true });
  Object.defineProperty(window, '__selgeClock', {
    value: { set: (ms) => { now = ms; }, tick: (ms) => { now += ms; }, now: () => now },
  });
})();`;

/** Runs in the page: sets the virtual clock to `ms` (epoch milliseconds). */
export function setPageClockInPage(ms: number): boolean {
  const clock = (window as unknown as ClockWindow).__selgeClock;
  if (!clock) return false;
  clock.set(ms);
  return true;
}
