// Timers and animation frames for the content script, passed into the logic so it can be
// tested with fake timers. Every callback first asks whether this script is still the
// extension's: after an update Chrome leaves the old content script running, orphaned, and
// WXT's ctx.isValid notices (runtime.id is gone) and fires ctx.onInvalidated, which
// removes our highlights, boxes and listeners. So the first tick after an update cleans up.

export interface Timers {
  setTimeout(handler: () => void, ms: number): number;
  clearTimeout(id: number): void;
}

export interface Frames {
  requestAnimationFrame(callback: () => void): number;
  cancelAnimationFrame(id: number): void;
}

export function pageClock(win: Window, isValid: () => boolean): { timers: Timers; frames: Frames } {
  const whileValid = (run: () => void) => () => {
    if (isValid()) run();
  };
  return {
    timers: {
      setTimeout: (run, ms) => win.setTimeout(whileValid(run), ms),
      clearTimeout: (id) => win.clearTimeout(id),
    },
    frames: {
      requestAnimationFrame: (run) => win.requestAnimationFrame(whileValid(run)),
      cancelAnimationFrame: (id) => win.cancelAnimationFrame(id),
    },
  };
}
