// Selge runs inside other people's pages: an exception of ours must never reach the page
// (it would show in their console, and some sites report console errors to their own
// monitoring). Every callback the browser calls goes through `guard`; failures go to
// console.debug, which is hidden by default, so a broken check costs underlines, not the page.

export function report(where: string, error: unknown): void {
  console.debug(`[selge] ${where}:`, error);
}

/** Wraps a callback so it never throws; a returned promise's rejection is caught too. */
export function guard<A extends unknown[]>(where: string, fn: (...args: A) => unknown): (...args: A) => void {
  return (...args: A) => {
    try {
      const result = fn(...args);
      if (result instanceof Promise) result.catch((error: unknown) => report(where, error));
    } catch (error) {
      report(where, error);
    }
  };
}
