// Marks the page as checked by Selge without touching anything a user (or an editor) sees:
// one data attribute on <html>. Tests wait on `html[data-selge-state=ready]`. It is not
// `data-selge`: that one belongs to the page, whose `data-selge=off` (on <html> or any
// ancestor of a field) switches Selge off there, and must never be overwritten.

export const ALIVE_ATTRIBUTE = 'data-selge-state';
export const ALIVE_VALUE = 'ready';

/** Sets the marker and returns a function that removes it (only if it is still ours). */
export function markAlive(root: HTMLElement): () => void {
  root.setAttribute(ALIVE_ATTRIBUTE, ALIVE_VALUE);
  return () => {
    if (root.getAttribute(ALIVE_ATTRIBUTE) === ALIVE_VALUE) root.removeAttribute(ALIVE_ATTRIBUTE);
  };
}
