// The background's answer to "which dictionary, and which terms are familiar": the built-in
// dictionary with the user's pack and then the team's pack (storage.managed) layered over it
// (team > user > built-in, mergeDictionaries), computed once and kept until something changes.
// Every change raises a revision number that is written to storage.local REVISION_KEY, the one
// key content scripts watch to know that they should ask again.
import type { CompiledDictionary } from '../core/index.ts';
import { compileDictionary } from '../dictionary/compile.ts';
import { mergeDictionaries } from '../dictionary/merge.ts';
import type { Entry, Pack } from '../dictionary/schema.ts';
import { formatUserProblem, toUserProblem, validateUserEntry } from '../dictionary/user-entry.ts';
import { DictionaryError } from '../dictionary/validate.ts';
import { messageOf, type ReadableArea, type StorageArea } from '../storage/area.ts';
import { REVISION_KEY, TEAM_HASH_KEY } from '../storage/keys.ts';
import { textHash } from '../storage/sync-mirror.ts';
import type { Problem, ProblemLog } from '../storage/problems.ts';
import type { Done, EntryDone, UserStore } from '../storage/user-store.ts';
import { readTeamDictionary, TEAM_DICTIONARY_KEY } from './team-dictionary.ts';

export interface UserDictionarySnapshot {
  dictionary: CompiledDictionary;
  allowed: string[];
  revision: number;
}

export interface DictionaryService {
  /** Loads the user data, the team dictionary and the last revision; the rest wait for it. */
  start(): Promise<void>;
  snapshot(): Promise<UserDictionarySnapshot>;
  allow(term: unknown): Promise<Done>;
  unallow(term: unknown): Promise<Done>;
  /** A raw "Add meaning…" form entry: checked by validateUserEntry, then with the other user entries. */
  addMeaning(raw: unknown): Promise<EntryDone>;
  ignore(key: unknown, term: unknown): ReturnType<UserStore['ignore']>;
  ignored(key: unknown): ReturnType<UserStore['ignoredFor']>;
  forgetIgnored(key: unknown): Promise<Done>;
  problems(): Promise<Problem[]>;
  stop(): void;
}

export interface DictionaryServiceOptions {
  builtin: CompiledDictionary;
  store: UserStore;
  problems: ProblemLog;
  /** storage.local, for REVISION_KEY. */
  local: StorageArea;
  /** storage.managed; missing or refusing (Firefox without a policy) means no team dictionary. */
  managed?: ReadableArea;
}

const USER_PACK_TITLE = { et: 'Minu sõnastik', en: 'My dictionary' };
const userPack = (entries: Entry[]): Pack => ({ pack: 'user', title: USER_PACK_TITLE, entries });

/** Why `entries` cannot be one pack (two entries claiming one surface form…), for people. */
export function userPackProblems(entries: Entry[]): string[] {
  try {
    compileDictionary([userPack(entries)]);
    return [];
  } catch (error) {
    if (!(error instanceof DictionaryError)) throw error;
    return error.problems.map((p) => formatUserProblem(toUserProblem(p)));
  }
}

export function createDictionaryService({ builtin, store, problems, local, managed }: DictionaryServiceOptions): DictionaryService {
  let revision = 0;
  let team: Pack | undefined;
  let cached: Promise<CompiledDictionary> | undefined;
  let started: Promise<void> | undefined;

  async function bump(): Promise<void> {
    cached = undefined; // a merge still running for the old data is not kept either
    revision++;
    try {
      await local.set({ [REVISION_KEY]: revision });
    } catch (error) {
      await problems.record('local-write', `Selge could not tell open tabs about a change (${messageOf(error)}); reload them to see it.`);
    }
  }

  /** Reads the policy value; true when it differs from the one the last start saw. */
  async function loadTeam(): Promise<boolean> {
    let raw: unknown;
    try {
      raw = managed ? (await managed.get(TEAM_DICTIONARY_KEY))[TEAM_DICTIONARY_KEY] : undefined;
    } catch {
      raw = undefined; // Firefox rejects storage.managed.get when no policy is installed
    }
    const read = readTeamDictionary(raw);
    team = read.state === 'ok' ? read.pack : undefined;
    if (read.state === 'invalid') {
      await problems.record('team-dictionary', 'The team dictionary set by your administrator has problems and is not used.', read.problems);
    } else {
      await problems.clear('team-dictionary');
    }
    // A policy changed while a Chrome service worker slept fires no event this worker heard.
    const hash = textHash(JSON.stringify(raw ?? null));
    try {
      if ((await local.get(TEAM_HASH_KEY))[TEAM_HASH_KEY] === hash) return false;
      await local.set({ [TEAM_HASH_KEY]: hash });
    } catch {
      // Not knowing means telling the tabs once too often, which is harmless.
    }
    return true;
  }

  /** The user entries that compile together: all of them, or (if some clash) the first that do. */
  async function compilableUserEntries(entries: Entry[]): Promise<Entry[]> {
    if (userPackProblems(entries).length === 0) {
      await problems.clear('user-dictionary');
      return entries;
    }
    const kept: Entry[] = [];
    const left: string[] = [];
    for (const entry of entries) {
      if (userPackProblems([...kept, entry]).length === 0) kept.push(entry);
      else left.push(`"${entry.term}" clashes with another entry of your dictionary and is not used.`);
    }
    await problems.record('user-dictionary', 'Some entries of your dictionary clash with each other; the first of each is used.', left);
    return kept;
  }

  async function merge(): Promise<CompiledDictionary> {
    const { entries } = await store.data();
    const overlays = [userPack(await compilableUserEntries(entries)), ...(team ? [team] : [])];
    return mergeDictionaries(builtin, overlays);
  }

  const onManagedChanged = (changes: Record<string, unknown>) => {
    if (!(TEAM_DICTIONARY_KEY in changes)) return;
    void loadTeam().then(bump, () => undefined);
  };

  const start = () =>
    (started ??= (async () => {
      await problems.load();
      try {
        const stored = (await local.get(REVISION_KEY))[REVISION_KEY];
        // Kept across service-worker restarts, so a content script never sees it go back.
        if (typeof stored === 'number' && Number.isSafeInteger(stored) && stored > 0) revision = stored;
      } catch {
        // A new count from 0 is still a change for every content script that watches it.
      }
      // Subscribed before loading: data brought in from sync at load is a change for open tabs.
      store.subscribe(bump);
      await store.load();
      managed?.onChanged?.addListener(onManagedChanged);
      if (await loadTeam()) await bump();
    })());

  const after = <T>(task: () => Promise<T>): Promise<T> => start().then(task);

  return {
    start,
    snapshot: () =>
      after(async () => {
        // The revision before the data: if a change lands in between, the content script
        // sees the revision key move past this one and asks again.
        const at = revision;
        const { allowed } = await store.data();
        let pending = cached;
        if (!pending) {
          const merging = merge();
          cached = pending = merging;
          merging.catch(() => {
            if (cached === merging) cached = undefined;
          });
        }
        return { dictionary: await pending, allowed: [...allowed], revision: at };
      }),
    allow: (term) => after(() => store.allow(term)),
    unallow: (term) => after(() => store.unallow(term)),
    addMeaning: (raw) =>
      after(async () => {
        const valid = validateUserEntry(raw);
        if (!valid.ok) return { ok: false, problems: valid.problems.map(formatUserProblem) };
        return store.addEntry(valid.entry, userPackProblems);
      }),
    ignore: (key, term) => after(() => store.ignore(key, term)),
    ignored: (key) => after(() => store.ignoredFor(key)),
    forgetIgnored: (key) => after(() => store.forgetIgnored(key)),
    problems: () => after(async () => problems.list()),
    stop() {
      managed?.onChanged?.removeListener(onManagedChanged);
      store.close();
    },
  };
}
