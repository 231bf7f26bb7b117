// Marks the page as checked by Selge without touching anything a user (or an editor) sees:
// one data attribute on <html>. Tests wait on `html[data-selge=ready]`; later the same
// attribute can let our own CSS scope itself.

export const ALIVE_ATTRIBUTE = 'data-selge';
export const ALIVE_VALUE = 'ready';

/** Sets the marker and returns a function that removes it (only if it is still ours). */
export function markAlive(root: HTMLElement): () => void {
  root.setAttribute(ALIVE_ATTRIBUTE, ALIVE_VALUE);
  return () => {
    if (root.getAttribute(ALIVE_ATTRIBUTE) === ALIVE_VALUE) root.removeAttribute(ALIVE_ATTRIBUTE);
  };
}
