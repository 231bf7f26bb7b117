// A scope owns listeners, observers and timers and releases them all at once. The page-level
// scope is disposed through WXT's `ctx.onInvalidated` (extension updated or reloaded); each
// field gets a child scope disposed when the field leaves the page. WXT's own
// `ctx.addEventListener` ties a listener to the whole script, so per-field listeners need
// their own signal.
import { guard } from './guard';

export interface Scope {
  readonly signal: AbortSignal;
  /** addEventListener with the scope's signal; the handler is guarded. */
  listen(target: EventTarget, type: string, handler: (event: Event) => unknown, options?: AddEventListenerOptions): void;
  /** Runs `cleanup` when the scope is disposed (at once if it already is); returns an undo. */
  onDispose(cleanup: () => void): () => void;
  /** A scope disposed with this one, or on its own. */
  child(): Scope;
  dispose(): void;
}

export function createScope(): Scope {
  const controller = new AbortController();
  const cleanups: Array<() => void> = [];
  const scope: Scope = {
    signal: controller.signal,
    listen(target, type, handler, options) {
      if (controller.signal.aborted) return;
      target.addEventListener(type, guard(`${type} listener`, handler), { ...options, signal: controller.signal });
    },
    onDispose(cleanup) {
      if (controller.signal.aborted) {
        guard('cleanup', cleanup)();
        return () => undefined;
      }
      cleanups.push(cleanup);
      return () => {
        const index = cleanups.indexOf(cleanup);
        if (index >= 0) cleanups.splice(index, 1);
      };
    },
    child() {
      const inner = createScope();
      // A field's scope ends with the page's, or earlier on its own; then it lets go of it.
      const forget = scope.onDispose(inner.dispose);
      inner.onDispose(forget);
      return inner;
    },
    dispose() {
      if (controller.signal.aborted) return;
      controller.abort();
      // Last in, first out: things are torn down in the reverse order they were set up.
      for (const cleanup of cleanups.splice(0).reverse()) guard('cleanup', cleanup)();
    },
  };
  return scope;
}
