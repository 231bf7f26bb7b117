// The content script's side of the user's choices: the dictionary to check with and the
// familiar list (asked from the background once and kept until storage.local
// `selge:revision` changes), and "Always allow", "Add meaning…", "Ignore in this message"
// (and forgetting a message's ignores when its field is emptied).
// Subscribers hear after every change, from this tab or any other, so the page rechecks.
//
// Wiring: createUserDataClient(browser.runtime, browser.storage.local.onChanged).
import {
  ADD_MEANING, ALLOW, DICTIONARY, FORGET_IGNORED, IGNORE, IGNORED, UNALLOW, type AddMeaningReply,
} from '../background/messages';
import type { CompiledDictionary } from '../core/index.ts';
import { IGNORED_KEY, REVISION_KEY } from '../storage/keys';

/** The part of `browser.runtime` used here; passed in so tests need no browser. */
export interface Messaging {
  sendMessage(message: unknown): Promise<unknown>;
}

type Changes = Record<string, { oldValue?: unknown; newValue?: unknown }>;

/** storage.local.onChanged (changes only), or storage.onChanged (changes, area name). */
export interface ChangeEvents {
  addListener(listener: (changes: Changes, areaName?: string) => void): void;
  removeListener(listener: (changes: Changes, areaName?: string) => void): void;
}

export interface UserData {
  dictionary: CompiledDictionary;
  /** "Always allow" terms: never flag them; compare case-insensitively. */
  allowed: string[];
  revision: number;
}

export interface UserDataChange {
  /** The dictionary or the familiar list changed: `get()` asks the background again. */
  dictionary: boolean;
  /** Some message's ignored terms changed (possibly in another tab). */
  ignored: boolean;
}

export interface UserDataClient {
  get(): Promise<UserData>;
  /** Resolves when the background saved it; rejects with the background's reason. */
  allow(term: string): Promise<void>;
  unallow(term: string): Promise<void>;
  /** `{ ok: false, problems }` is for the form to show; other failures reject. */
  addMeaning(entry: unknown): Promise<AddMeaningReply>;
  /** The message's ignored terms after adding `term`. */
  ignore(key: string, term: string): Promise<string[]>;
  ignoredFor(key: string): Promise<string[]>;
  /** Resolves when the background no longer holds ignored terms for the message `key`. */
  forgetIgnored(key: string): Promise<void>;
  subscribe(listener: (change: UserDataChange) => void): () => void;
  /** Stops watching storage (the content script's context is invalidated). */
  close(): void;
}

function reply(value: unknown): Record<string, unknown> {
  if (value === null || typeof value !== 'object') throw new Error('the background did not answer');
  const answer = value as Record<string, unknown>;
  if (answer.ok !== true && typeof answer.error === 'string') throw new Error(answer.error);
  return answer;
}

function userDataOf(value: unknown): UserData {
  const answer = reply(value);
  const dictionary = answer.dictionary as { format?: unknown } | undefined;
  if (answer.ok !== true || dictionary?.format !== 'selge-compiled/1' || !Array.isArray(answer.allowed) || typeof answer.revision !== 'number') {
    throw new Error('the background sent no dictionary');
  }
  return { dictionary: dictionary as CompiledDictionary, allowed: answer.allowed as string[], revision: answer.revision };
}

function termsOf(value: unknown): string[] {
  const answer = reply(value);
  if (answer.ok !== true || !Array.isArray(answer.terms)) throw new Error('the background sent no terms');
  return answer.terms as string[];
}

export function createUserDataClient(messaging: Messaging, changes: ChangeEvents): UserDataClient {
  let pending: Promise<UserData> | undefined;
  /** The newest revision seen in storage; an answer older than it is not kept. */
  let latest = -Infinity;
  const listeners = new Set<(change: UserDataChange) => void>();

  const tell = (change: UserDataChange) => {
    for (const listener of [...listeners]) {
      try {
        listener(change);
      } catch {
        // One subscriber's failure must not keep the others from rechecking.
      }
    }
  };

  const onChanged = (changed: Changes, areaName?: string) => {
    if (areaName !== undefined && areaName !== 'local') return;
    const revision = changed[REVISION_KEY]?.newValue;
    const dictionary = REVISION_KEY in changed;
    const ignored = IGNORED_KEY in changed;
    if (dictionary) {
      if (typeof revision === 'number') latest = Math.max(latest, revision);
      pending = undefined;
    }
    if (dictionary || ignored) tell({ dictionary, ignored });
  };
  changes.addListener(onChanged);

  const send = (message: Record<string, unknown>) => messaging.sendMessage(message);

  return {
    get() {
      if (!pending) {
        const asked = send({ type: DICTIONARY }).then(userDataOf);
        pending = asked;
        asked.then(
          (data) => {
            // A change landed while the background answered: ask again next time.
            if (data.revision < latest && pending === asked) pending = undefined;
          },
          () => {
            // A failed ask is forgotten so the next check asks again (a worker starting up).
            if (pending === asked) pending = undefined;
          },
        );
      }
      return pending;
    },
    async allow(term) {
      reply(await send({ type: ALLOW, term }));
    },
    async unallow(term) {
      reply(await send({ type: UNALLOW, term }));
    },
    async addMeaning(entry) {
      const answer = reply(await send({ type: ADD_MEANING, entry }));
      if (answer.ok === true) return { ok: true };
      if (Array.isArray(answer.problems)) return { ok: false, problems: answer.problems as string[] };
      throw new Error('the background did not answer');
    },
    async ignore(key, term) {
      return termsOf(await send({ type: IGNORE, key, term }));
    },
    async ignoredFor(key) {
      return termsOf(await send({ type: IGNORED, key }));
    },
    async forgetIgnored(key) {
      reply(await send({ type: FORGET_IGNORED, key }));
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    close() {
      changes.removeListener(onChanged);
      listeners.clear();
    },
  };
}
