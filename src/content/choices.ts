// The user's choices on this page: which terms are always allowed, which are ignored in
// which message (until the message's field is emptied: a sent reply, a fresh start), and the
// dictionary with the user's own meanings. Saving goes to the
// background (which owns storage); the page takes a choice into account at once, before
// the background has answered, and again whenever the stored data changes (another tab,
// the popup).
import type { CompiledDictionary } from '../core/index.ts';
import { preferenceKey } from './preferences';
import type { Choices } from './tooltip/controller';
import type { TrackedField } from './tooltip/tracked';
import type { UserDataClient } from './user-data-client';

/** What the page needs from the background's user data. */
export type UserDataPort = Pick<
  UserDataClient, 'get' | 'allow' | 'addMeaning' | 'ignore' | 'ignoredFor' | 'forgetIgnored' | 'subscribe'
>;

export interface PageChoices extends Choices {
  dictionary(): CompiledDictionary;
  allowed(): ReadonlySet<string>;
  /**
   * Fills a field's ignored terms from what was saved for its message, then rechecks it.
   * Saved ignores are dropped by the background after 30 days (src/storage/ignored-record.ts).
   */
  restoreIgnored(state: TrackedField): void;
  /**
   * The field went from text to blank (the user deleted everything, or the page cleared it
   * after sending): the next message starts there, so the terms ignored in this one are
   * dropped, here and in storage.
   */
  forgetIgnored(state: TrackedField): void;
  /** Reads the stored data again (after a change anywhere); resolves once it is in use. */
  refresh(): Promise<void>;
}

export interface ChoicesOptions {
  port: UserDataPort;
  /** The message a field holds, as a key that survives a reload (see messageKey). */
  keyOf(field: HTMLElement): string;
  /** Checks every field again, after a choice that affects them all. */
  recheckAll(): void;
  /** Logs a failure without throwing into the page. */
  report(what: string, error: unknown): void;
  /** What the page started with; `revision` as the background sent it (see UserData). */
  initial: { dictionary: CompiledDictionary; allowed: readonly string[]; revision?: number };
}

export function createChoices(options: ChoicesOptions): PageChoices {
  const { port } = options;
  let dictionary = options.initial.dictionary;
  let allowed = new Set(options.initial.allowed.map(preferenceKey));
  let revision = options.initial.revision;
  const keys = new WeakMap<TrackedField, string>();
  /** How many times each field was emptied, so a restore that answers late can tell. */
  const emptied = new WeakMap<TrackedField, number>();
  const keyOf = (state: TrackedField) => {
    let key = keys.get(state);
    if (key === undefined) keys.set(state, (key = options.keyOf(state.field)));
    return key;
  };

  const forget = (key: string) => {
    port.forgetIgnored(key).catch((error: unknown) => options.report('forget ignored terms', error));
  };

  const refresh = async () => {
    const data = await port.get();
    // Add meaning refreshes on the background's answer, and the storage change it caused
    // refreshes again; whichever comes second finds the same revision in use and does not
    // recheck every field a second time.
    if (revision !== undefined && data.revision === revision) return;
    revision = data.revision;
    dictionary = data.dictionary;
    allowed = new Set(data.allowed.map(preferenceKey));
    options.recheckAll();
  };

  return {
    refresh,
    dictionary: () => dictionary,
    allowed: () => allowed,
    ignore(state, term) {
      state.ignored.add(preferenceKey(term));
      port.ignore(keyOf(state), term).catch((error: unknown) => options.report('ignore', error));
    },
    async allow(term) {
      await port.allow(term);
      allowed = new Set([...allowed, preferenceKey(term)]);
      options.recheckAll();
    },
    async addMeaning(entry) {
      const reply = await port.addMeaning(entry);
      if (!reply.ok) return reply.problems;
      // The new meaning is in the dictionary once the background has merged it.
      await refresh();
      return [];
    },
    restoreIgnored(state) {
      const key = keyOf(state);
      const before = emptied.get(state) ?? 0;
      port.ignoredFor(key).then((terms) => {
        if (terms.length === 0) return;
        if ((emptied.get(state) ?? 0) !== before) {
          // The draft these terms were ignored in was emptied while the answer was on its way.
          forget(key);
          return;
        }
        for (const term of terms) state.ignored.add(preferenceKey(term));
        state.recheck();
      }, (error: unknown) => options.report('ignored terms', error));
    },
    forgetIgnored(state) {
      emptied.set(state, (emptied.get(state) ?? 0) + 1);
      if (state.ignored.size === 0) return;
      state.ignored.clear();
      forget(keyOf(state));
    },
  };
}

/**
 * Which message a field holds, so "Ignore in this message" survives a reload: the page's
 * address (a Gmail draft and a Zendesk ticket have their own) and the field's place on it
 * (its id or name, else its position among the page's fields).
 */
export function messageKey(address: string, field: HTMLElement, fields: readonly HTMLElement[]): string {
  const name = field.id || field.getAttribute('name');
  const place = name ? `#${name}` : `@${Math.max(0, fields.indexOf(field))}`;
  return `${address}|${place}`;
}
