// What storage.local holds under USER_KEY, and how a stored value is read back: every piece
// that is valid is kept, and whatever is not is reported (the caller keeps the raw value
// under a backup key before it writes anything). Validated with valibot for the record's
// shape and with validateUserEntry for each dictionary entry, the same rules as an import.
import * as v from 'valibot';
import type { Entry } from '../dictionary/schema.ts';
import { LIMITS, unsafeTextReason } from '../dictionary/text.ts';
import { formatUserProblem, validateUserEntry } from '../dictionary/user-entry.ts';

/** Raise when the stored shape changes; an older extension then keeps a newer record in a backup. */
export const USER_RECORD_VERSION = 1;

export const USER_LIMITS_STORE = {
  /** Terms in the familiar list. */
  allowed: 2000,
  /** Entries in the user dictionary (the import limit). */
  entries: LIMITS.entriesPerPack,
  /** An allowed term: a surface form of an acronym or a jargon phrase. */
  term: LIMITS.form,
} as const;

/** The user's own data that follows them to another computer (mirrored to storage.sync). */
export interface UserData {
  /** Terms never flagged again, as the user clicked them; compared case-insensitively. */
  allowed: string[];
  /** The user dictionary: entries with defaults filled in (validateUserEntry). */
  entries: Entry[];
}

export interface UserRecord extends UserData {
  version: number;
  /** When the data last changed (ms since epoch), to order it against the sync mirror. */
  savedAt: number;
  /** The mirror hash of this data when it was last mirrored to sync; absent when never. */
  mirrored?: string;
}

export const AllowedTermSchema = v.pipe(
  v.string('must be text'),
  v.trim(),
  v.minLength(1, 'is empty'),
  v.maxLength(USER_LIMITS_STORE.term, `is longer than ${USER_LIMITS_STORE.term} characters`),
  v.rawCheck(({ dataset, addIssue }) => {
    if (!dataset.typed) return;
    const why = unsafeTextReason(dataset.value);
    if (why) addIssue({ message: why });
  }),
);

const RecordShape = v.looseObject({
  version: v.pipe(v.number(), v.integer(), v.minValue(1)),
  allowed: v.optional(v.array(v.unknown())),
  entries: v.optional(v.array(v.unknown())),
  savedAt: v.optional(v.number()),
  mirrored: v.optional(v.string()),
});

export const EMPTY_USER_DATA: UserData = { allowed: [], entries: [] };

/** The trimmed term, or why it cannot be a familiar term. */
export function readAllowedTerm(raw: unknown): { ok: true; term: string } | { ok: false; error: string } {
  const parsed = v.safeParse(AllowedTermSchema, raw);
  if (parsed.success) return { ok: true, term: parsed.output };
  return { ok: false, error: `the term ${parsed.issues[0]?.message ?? 'is not valid'}` };
}

const fold = (term: string) => term.toLowerCase();

/** `terms` without case-insensitive repeats (the first spelling stays), at most the limit. */
export function uniqueTerms(terms: readonly string[]): string[] {
  const seen = new Set<string>();
  return terms.filter((term) => !seen.has(fold(term)) && seen.add(fold(term))).slice(0, USER_LIMITS_STORE.allowed);
}

export function sameTerm(a: string, b: string): boolean {
  return fold(a) === fold(b);
}

export interface ReadResult<T> {
  value: T;
  /** What could not be kept, for people; empty when the stored value was read whole. */
  problems: string[];
  /** The stored value was written by a newer Selge. */
  future: boolean;
}

/** Valid allowed terms and entries of `raw`, each list salvaged item by item. */
export function readUserData(raw: { allowed?: unknown; entries?: unknown }, where: string): ReadResult<UserData> {
  const problems: string[] = [];
  const allowed: string[] = [];
  if (raw.allowed !== undefined && !Array.isArray(raw.allowed)) problems.push(`${where}: "allowed" is not a list; it was set aside.`);
  for (const [index, item] of (Array.isArray(raw.allowed) ? raw.allowed : []).entries()) {
    const term = readAllowedTerm(item);
    if (term.ok) allowed.push(term.term);
    else problems.push(`${where}: allowed[${index}]: ${term.error}; it was set aside.`);
  }
  const entries: Entry[] = [];
  if (raw.entries !== undefined && !Array.isArray(raw.entries)) problems.push(`${where}: "entries" is not a list; it was set aside.`);
  for (const [index, item] of (Array.isArray(raw.entries) ? raw.entries : []).entries()) {
    const result = validateUserEntry(item);
    if (result.ok) {
      if (entries.some((e) => sameTerm(e.term, result.entry.term))) {
        problems.push(`${where}: entries[${index}]: "${result.entry.term}" is a second entry for the same term; it was set aside.`);
      } else entries.push(result.entry);
    } else {
      problems.push(`${where}: entries[${index}]: ${result.problems.map(formatUserProblem).join(' ')} It was set aside.`);
    }
  }
  if (allowed.length > USER_LIMITS_STORE.allowed) problems.push(`${where}: more than ${USER_LIMITS_STORE.allowed} familiar terms; the rest were set aside.`);
  if (entries.length > USER_LIMITS_STORE.entries) problems.push(`${where}: more than ${USER_LIMITS_STORE.entries} entries; the rest were set aside.`);
  return {
    value: { allowed: uniqueTerms(allowed), entries: entries.slice(0, USER_LIMITS_STORE.entries) },
    problems,
    future: false,
  };
}

/** The stored USER_KEY value read back. `raw` undefined means nothing was stored. */
export function readUserRecord(raw: unknown): ReadResult<UserRecord> {
  const where = 'Stored user data';
  const shape = v.safeParse(RecordShape, raw);
  if (!shape.success) {
    // Not our shape at all: keep whatever lists it has that still read.
    const loose = raw !== null && typeof raw === 'object' && !Array.isArray(raw) ? (raw as Record<string, unknown>) : {};
    const data = readUserData(loose, where);
    return {
      value: { version: USER_RECORD_VERSION, savedAt: 0, ...data.value },
      problems: [`${where} is not in the expected shape (${shape.issues[0]?.message ?? 'unknown'}); it was kept in a backup.`, ...data.problems],
      future: false,
    };
  }
  const future = shape.output.version > USER_RECORD_VERSION;
  const data = readUserData(shape.output, where);
  const problems = [...data.problems];
  if (future) {
    problems.unshift(`${where} was written by a newer version of Selge (format ${shape.output.version}); it was kept in a backup and what this version understands was loaded.`);
  }
  return {
    value: {
      version: USER_RECORD_VERSION,
      savedAt: shape.output.savedAt ?? 0,
      ...(shape.output.mirrored !== undefined && !future ? { mirrored: shape.output.mirrored } : {}),
      ...data.value,
    },
    problems,
    future,
  };
}
