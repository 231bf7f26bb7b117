// The user's data: the familiar list ("Always allow"), the user dictionary ("Add meaning…")
// and "Ignore in this message". storage.local holds the truth; allowed + entries are
// mirrored to storage.sync (sync-mirror.ts) for the user's other computers; ignores stay
// local. Every change runs through one queue, so quick clicks each see the last one's result.
//
// Nothing the user stored is thrown away:
// - a stored value that is damaged or from a newer Selge is first copied to a backup key
//   (`selge:backup:<key>:<time>`), then what is valid is loaded and a problem recorded;
// - a value that cannot even be read (storage.local.get failed) is never written over;
// - local data missing (a new computer, a reinstall) is restored from the sync mirror;
// - sync refusing (quota, rate, offline) leaves local working and records a problem, which
//   the next successful mirror clears.
import type { Entry } from '../dictionary/schema.ts';
import { isQuotaError, messageOf, type ChangeListener, type StorageArea } from './area.ts';
import {
  IGNORE_LIMITS, IGNORED_RECORD_VERSION, pruneIgnored, readIgnoredRecord, readMessageKey, withIgnored, withoutIgnored, type IgnoredMessages,
} from './ignored-record.ts';
import { BACKUP_PREFIX, IGNORED_KEY, SYNC_META_KEY, USER_KEY } from './keys.ts';
import type { ProblemLog } from './problems.ts';
import { createSerialQueue } from './serial.ts';
import { mirrorText, planMirror, readMirror, textHash, writeMirror } from './sync-mirror.ts';
import {
  readAllowedTerm, readUserRecord, sameTerm, uniqueTerms, USER_LIMITS_STORE, USER_RECORD_VERSION, type UserData, type UserRecord,
} from './user-record.ts';

export type Done = { ok: true } | { ok: false; error: string };
export type EntryDone = { ok: true } | { ok: false; problems: string[] };

export interface UserStore {
  /** Reads storage once; every other method waits for it. Safe to call again. */
  load(): Promise<void>;
  /** The current allowed terms and entries (do not change them). */
  data(): Promise<UserData>;
  allow(term: unknown): Promise<Done>;
  unallow(term: unknown): Promise<Done>;
  /**
   * Adds `entry` (already validated by validateUserEntry), replacing an entry for the same
   * term. `accept` sees the whole new list first and may refuse it with problems (the
   * service uses it to check that the list still compiles as one pack).
   */
  addEntry(entry: Entry, accept?: (entries: Entry[]) => string[]): Promise<EntryDone>;
  removeEntry(term: unknown): Promise<Done>;
  ignore(key: unknown, term: unknown): Promise<{ ok: true; terms: string[] } | { ok: false; error: string }>;
  ignoredFor(key: unknown): Promise<{ ok: true; terms: string[] } | { ok: false; error: string }>;
  /**
   * Drops what was ignored in the message `key` (its field was emptied: a new message starts
   * there). Writes only when there was something to drop.
   */
  forgetIgnored(key: unknown): Promise<Done>;
  /**
   * `listener` runs after every change to allowed or entries (from this computer or from
   * sync), before the change's promise resolves. It runs inside the store's queue, so it must
   * not wait for another store call (that call would wait for it). Returns the unsubscribe function.
   */
  subscribe(listener: () => void | Promise<void>): () => void;
  /** Stops listening to storage.sync. */
  close(): void;
}

export interface UserStoreOptions {
  local: StorageArea;
  /** storage.sync; leave out to keep everything local. */
  sync?: StorageArea;
  problems: ProblemLog;
  now?: () => number;
}

export function createUserStore({ local, sync, problems, now = Date.now }: UserStoreOptions): UserStore {
  const queue = createSerialQueue();
  const listeners = new Set<() => void | Promise<void>>();
  let record: UserRecord = { version: USER_RECORD_VERSION, savedAt: 0, allowed: [], entries: [] };
  let ignored: IgnoredMessages = {};
  /** A key whose stored value could not be read or backed up: never written over. */
  const blocked = new Set<string>();
  let mirrorChunks = 0;
  let loaded: Promise<void> | undefined;

  const hashOf = (data: UserData) => textHash(mirrorText(data));
  const isMirrored = () => record.mirrored === hashOf(record);

  async function writeLocal(key: string, value: unknown): Promise<void> {
    if (blocked.has(key)) return;
    try {
      await local.set({ [key]: value });
      await problems.clear('local-write');
    } catch (error) {
      await problems.record(
        'local-write',
        `Selge could not save your changes on this computer (${messageOf(error)}); they hold until the browser closes.`,
      );
    }
  }

  const saveUser = () => writeLocal(USER_KEY, record);
  const saveIgnored = () => writeLocal(IGNORED_KEY, { version: IGNORED_RECORD_VERSION, messages: ignored });

  /** Copies an unreadable stored value aside; false when even that failed. */
  async function backUp(key: string, raw: unknown): Promise<boolean> {
    try {
      await local.set({ [`${BACKUP_PREFIX}${key}:${now()}`]: raw });
      return true;
    } catch {
      blocked.add(key);
      return false;
    }
  }

  async function mirror(): Promise<void> {
    // savedAt 0: nothing changed here yet. Mirroring that empty record could win over the
    // user's real data still on its way from their other computer.
    if (!sync || isMirrored() || record.savedAt === 0) return;
    const plan = planMirror(record, record.savedAt);
    if (!plan.ok) {
      await problems.record(
        'sync-too-large',
        `Your familiar terms and dictionary take ${plan.bytes.toLocaleString('en-US')} bytes, more than browser sync holds; they are kept on this computer only.`,
      );
      return;
    }
    try {
      await writeMirror(sync, plan, mirrorChunks);
      mirrorChunks = plan.chunks;
      record = { ...record, mirrored: plan.hash };
      await problems.clear('sync-write');
      await problems.clear('sync-too-large');
      await saveUser();
    } catch (error) {
      const why = isQuotaError(error) ? 'browser sync refused it as over its limits' : 'browser sync is not available';
      await problems.record(
        'sync-write',
        `Your latest changes are saved on this computer but not yet copied to your other computers: ${why} (${messageOf(error)}). Selge tries again with your next change.`,
      );
    }
  }

  async function notify(): Promise<void> {
    for (const listener of [...listeners]) await listener();
  }

  async function changeUser(next: UserData): Promise<void> {
    record = { ...record, ...next, savedAt: Math.max(now(), record.savedAt + 1) };
    await saveUser();
    await mirror();
    await notify();
  }

  /** Brings in a newer copy from sync: taken as it is when local has nothing unsynced, else merged. */
  async function reconcile(): Promise<boolean> {
    if (!sync) return false;
    let read;
    try {
      read = await readMirror(sync);
    } catch {
      return false; // sync unavailable: local stays the truth
    }
    if (read.state === 'missing') return false;
    if (read.state === 'unreadable') {
      // Usually a save still arriving from another computer; the next change event retries.
      return false;
    }
    mirrorChunks = read.meta.chunks;
    if (read.meta.hash === hashOf(record)) {
      if (record.mirrored !== read.meta.hash) {
        record = { ...record, mirrored: read.meta.hash };
        await saveUser();
      }
      return false;
    }
    if (read.meta.savedAt <= record.savedAt) return false; // ours is newer; the next mirror writes it
    if (read.problems.length > 0) await problems.record('stored-data', 'Part of the synced user data could not be read and was not loaded.', read.problems);
    if (isMirrored() || (record.allowed.length === 0 && record.entries.length === 0)) {
      record = { version: USER_RECORD_VERSION, ...read.data, savedAt: read.meta.savedAt, mirrored: read.meta.hash };
      await saveUser();
    } else {
      // Changes here that never reached sync: keep them and add what the other computer has.
      const allowed = uniqueTerms([...record.allowed, ...read.data.allowed]);
      const entries = [...record.entries, ...read.data.entries.filter((e) => !record.entries.some((m) => sameTerm(m.term, e.term)))]
        .slice(0, USER_LIMITS_STORE.entries);
      record = { ...record, allowed, entries, savedAt: Math.max(now(), read.meta.savedAt + 1) };
      await saveUser();
      await mirror();
    }
    await notify();
    return true;
  }

  async function loadUser(raw: Record<string, unknown>): Promise<void> {
    if (!(USER_KEY in raw)) {
      // Nothing here: a new computer or a reinstall. reconcile() restores the sync copy.
      return;
    }
    const read = readUserRecord(raw[USER_KEY]);
    record = read.value;
    if (read.problems.length === 0) return;
    const kept = await backUp(USER_KEY, raw[USER_KEY]);
    await problems.record(
      'stored-data',
      kept
        ? 'Some stored Selge data could not be read. It was kept in a backup, and everything valid was loaded.'
        : 'Some stored Selge data could not be read, and no backup could be made, so it is left untouched and changes are not saved.',
      read.problems,
    );
    if (kept) await saveUser();
  }

  async function loadIgnored(raw: Record<string, unknown>): Promise<void> {
    const read = readIgnoredRecord(raw[IGNORED_KEY], now());
    ignored = read.value;
    if (read.problems.length === 0) return;
    const kept = await backUp(IGNORED_KEY, raw[IGNORED_KEY]);
    await problems.record('stored-data', 'Some stored "Ignore in this message" choices could not be read; they were kept in a backup.', read.problems);
    if (kept) await saveIgnored();
  }

  const onSyncChanged: ChangeListener = (changes) => {
    if (!(SYNC_META_KEY in changes)) return;
    void queue.run(reconcile).catch(() => undefined);
  };

  const load = () =>
    (loaded ??= queue.run(async () => {
      await problems.load();
      let raw: Record<string, unknown>;
      try {
        raw = await local.get([USER_KEY, IGNORED_KEY]);
      } catch (error) {
        blocked.add(USER_KEY).add(IGNORED_KEY);
        await problems.record('stored-data', `Selge could not read its stored data (${messageOf(error)}); it is left untouched and changes are not saved.`);
        raw = {};
      }
      await loadUser(raw);
      await loadIgnored(raw);
      if (!blocked.has(USER_KEY)) {
        await reconcile();
        await mirror();
      }
      sync?.onChanged?.addListener(onSyncChanged);
    }));

  /** Runs `task` after load, in the queue. */
  const run = <T>(task: () => Promise<T>): Promise<T> => load().then(() => queue.run(task));

  return {
    load,
    data: () => run(async () => ({ allowed: record.allowed, entries: record.entries })),
    allow: (raw) =>
      run(async () => {
        const term = readAllowedTerm(raw);
        if (!term.ok) return term;
        if (record.allowed.some((t) => sameTerm(t, term.term))) return { ok: true };
        if (record.allowed.length >= USER_LIMITS_STORE.allowed) {
          return { ok: false, error: `the familiar list is full (${USER_LIMITS_STORE.allowed} terms); remove some first` };
        }
        await changeUser({ allowed: [...record.allowed, term.term], entries: record.entries });
        return { ok: true };
      }),
    unallow: (raw) =>
      run(async () => {
        const term = readAllowedTerm(raw);
        if (!term.ok) return term;
        const allowed = record.allowed.filter((t) => !sameTerm(t, term.term));
        if (allowed.length !== record.allowed.length) await changeUser({ allowed, entries: record.entries });
        return { ok: true };
      }),
    addEntry: (entry, accept) =>
      run(async () => {
        const entries = [...record.entries.filter((e) => !sameTerm(e.term, entry.term)), entry];
        if (entries.length > USER_LIMITS_STORE.entries) {
          return { ok: false, problems: [`The user dictionary is full (${USER_LIMITS_STORE.entries} entries); remove some first.`] };
        }
        const refused = accept?.(entries) ?? [];
        if (refused.length > 0) return { ok: false, problems: refused };
        await changeUser({ allowed: record.allowed, entries });
        return { ok: true };
      }),
    removeEntry: (raw) =>
      run(async () => {
        const term = readAllowedTerm(raw);
        if (!term.ok) return term;
        const entries = record.entries.filter((e) => !sameTerm(e.term, term.term));
        if (entries.length !== record.entries.length) await changeUser({ allowed: record.allowed, entries });
        return { ok: true };
      }),
    ignore: (rawKey, rawTerm) =>
      run(async () => {
        const key = readMessageKey(rawKey);
        if (!key.ok) return key;
        const term = readAllowedTerm(rawTerm);
        if (!term.ok) return term;
        const before = ignored[key.key]?.terms.length ?? 0;
        if (before >= IGNORE_LIMITS.termsPerMessage && !ignored[key.key]!.terms.some((t) => sameTerm(t, term.term))) {
          return { ok: false, error: `this message already has ${IGNORE_LIMITS.termsPerMessage} ignored terms` };
        }
        ignored = withIgnored(ignored, key.key, term.term, now());
        await saveIgnored();
        return { ok: true, terms: [...(ignored[key.key]?.terms ?? [])] };
      }),
    ignoredFor: (rawKey) =>
      run(async () => {
        const key = readMessageKey(rawKey);
        if (!key.ok) return key;
        ignored = pruneIgnored(ignored, now());
        return { ok: true, terms: [...(ignored[key.key]?.terms ?? [])] };
      }),
    forgetIgnored: (rawKey) =>
      run(async () => {
        const key = readMessageKey(rawKey);
        if (!key.ok) return key;
        if (!Object.hasOwn(ignored, key.key)) return { ok: true };
        ignored = withoutIgnored(ignored, key.key);
        await saveIgnored();
        return { ok: true };
      }),
    subscribe(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    close() {
      sync?.onChanged?.removeListener(onSyncChanged);
    },
  };
}
