// Waiting until an editor has taken in a caret move, before the next key.
//
// Rich editors keep their own copy of the selection and update it from the document's
// `selectionchange` event, which the browser queues as an ordinary task after a caret key.
// Chromium runs input events ahead of ordinary tasks, so a Delete sent right after an
// ArrowLeft can reach the editor before that event: the editor deletes at its stale caret
// (or not at all). A person's keys are never that close; a test's are. Two browsers playing
// the same keys then disagree even with no extension in either (seen in CKEditor 5,
// ProseMirror, Lexical, Trix and roosterjs). One animation frame is not enough to order them.
//
// So after each caret key the test waits for the condition itself: the last `selectionchange`
// the document dispatched saw the selection that is there now. The watcher is added after the
// editor's own listener, so when it has seen the event the editor has handled it too.

interface Snapshot {
  anchorNode: Node | null;
  anchorOffset: number;
  focusNode: Node | null;
  focusOffset: number;
}
interface WatchedWindow {
  __fixture?: { editable(): HTMLElement };
  __selgeSelectionSeen?: Snapshot | null;
}

/** Starts recording what each `selectionchange` of the editor's document saw. Idempotent. */
export function watchSelectionInPage(): boolean {
  const fixture = (window as unknown as WatchedWindow).__fixture;
  if (!fixture) return false;
  const doc = fixture.editable().ownerDocument;
  const view = doc.defaultView as unknown as WatchedWindow | null;
  if (!view) return false;
  if (view.__selgeSelectionSeen !== undefined) return true;
  const snapshot = (): Snapshot | null => {
    const selection = doc.getSelection();
    if (!selection) return null;
    const { anchorNode, anchorOffset, focusNode, focusOffset } = selection;
    return { anchorNode, anchorOffset, focusNode, focusOffset };
  };
  view.__selgeSelectionSeen = snapshot();
  doc.addEventListener('selectionchange', () => { view.__selgeSelectionSeen = snapshot(); });
  return true;
}

/**
 * Resolves once the editor's document has dispatched `selectionchange` for the current
 * selection; with `frame`, one animation frame later (for editors that apply the new
 * selection in their next frame, such as Trix). Plain fields keep no copy of the selection:
 * they are settled at once (one frame with `frame`).
 * Rejects after `timeoutMs` naming the state, so a hang is a clear failure.
 */
export function selectionSettledInPage({ timeoutMs, frame }: { timeoutMs: number; frame: boolean }): Promise<void> {
  const fixture = (window as unknown as WatchedWindow).__fixture;
  const editable = fixture?.editable();
  const done = () => frame ? new Promise<void>((resolve) => requestAnimationFrame(() => resolve())) : Promise.resolve();
  if (!editable || editable instanceof HTMLInputElement || editable instanceof HTMLTextAreaElement) return done();
  const doc = editable.ownerDocument;
  const view = doc.defaultView as unknown as WatchedWindow | null;
  if (!view || view.__selgeSelectionSeen === undefined) return Promise.reject(new Error('watchSelectionInPage was not called on this page'));
  const settled = () => {
    const seen = view.__selgeSelectionSeen;
    const now = doc.getSelection();
    if (!seen || !now) return seen === null && now === null;
    return seen.anchorNode === now.anchorNode && seen.anchorOffset === now.anchorOffset &&
      seen.focusNode === now.focusNode && seen.focusOffset === now.focusOffset;
  };
  const until = performance.now() + timeoutMs;
  return new Promise<void>((resolve, reject) => {
    const poll = () => {
      if (settled()) void done().then(resolve);
      else if (performance.now() > until) reject(new Error(`no selectionchange for the current selection within ${timeoutMs} ms`));
      else setTimeout(poll, 0);
    };
    poll();
  });
}
