// Errors the browsers report from the extension's pages, workers and content scripts. A
// wait can be tied to the log so a script that throws fails the test at once with its own
// message instead of after a timeout.
import { READY_TIMEOUT_MS } from './env';

export class ErrorLog {
  private readonly entries: string[] = [];
  private readonly listeners = new Set<(entry: string) => void>();

  add(entry: string): void {
    this.entries.push(entry);
    for (const listener of this.listeners) listener(entry);
  }

  /** Returns and forgets what was logged so far. */
  take(): string[] {
    return this.entries.splice(0);
  }

  /**
   * Resolves with the first entry, logged before or after the call, that contains `text`;
   * rejects after `timeoutMs`. For tests of the collection itself (an error made on purpose).
   */
  seen(text: string, timeoutMs = READY_TIMEOUT_MS): Promise<string> {
    const earlier = this.entries.find((entry) => entry.includes(text));
    if (earlier !== undefined) return Promise.resolve(earlier);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.listeners.delete(listener);
        reject(new Error(`no error containing "${text}" was logged within ${timeoutMs} ms; logged: ${JSON.stringify(this.entries)}`));
      }, timeoutMs);
      const listener = (entry: string) => {
        if (!entry.includes(text)) return;
        clearTimeout(timer);
        this.listeners.delete(listener);
        resolve(entry);
      };
      this.listeners.add(listener);
    });
  }

  /**
   * Resolves like `wait`, but rejects as soon as an error is (or already was) logged, or
   * when `wait` has not settled within `timeoutMs` (some calls, such as a message to a
   * crashed service worker, never settle on their own).
   */
  async unlessError<T>(what: string, wait: Promise<T>, timeoutMs = READY_TIMEOUT_MS): Promise<T> {
    let listener: ((entry: string) => void) | undefined;
    let timer: NodeJS.Timeout | undefined;
    const failed = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${what}: no result after ${timeoutMs} ms`)), timeoutMs);
      listener = (entry) => reject(new Error(`${what}: the extension reported an error: ${entry}`));
      const first = this.entries[0];
      if (first !== undefined) listener(first);
      else this.listeners.add(listener);
    });
    try {
      return await Promise.race([wait, failed]);
    } finally {
      clearTimeout(timer);
      if (listener) this.listeners.delete(listener);
      wait.catch(() => undefined); // a wait abandoned after an error must not reject unhandled
    }
  }
}
