// "Ignore in this message": terms the user dismissed in one message (a Gmail draft, a Zendesk
// ticket reply), remembered under a message key the content script chooses, so the draft
// reopened after a reload stays quiet. Local only (a message lives on one computer) and
// capped: at most IGNORE_LIMITS.messages keys, none older than IGNORE_LIMITS.days; the
// oldest go first.
import * as v from 'valibot';
import { readAllowedTerm, sameTerm } from './user-record.ts';

export const IGNORED_RECORD_VERSION = 1;

export const IGNORE_LIMITS = {
  messages: 500,
  days: 30,
  termsPerMessage: 100,
  keyLength: 300,
} as const;

const DAY_MS = 86_400_000;

export interface IgnoredMessage {
  terms: string[];
  /** Last time a term was ignored in this message (ms since epoch). */
  at: number;
}

export type IgnoredMessages = Record<string, IgnoredMessage>;

const MessageSchema = v.strictObject({
  terms: v.pipe(v.array(v.string()), v.maxLength(IGNORE_LIMITS.termsPerMessage)),
  at: v.pipe(v.number(), v.finite()),
});

const RecordShape = v.looseObject({
  version: v.pipe(v.number(), v.integer(), v.minValue(1)),
  messages: v.record(v.string(), v.unknown()),
});

/** The key as given, or why it cannot name a message. */
export function readMessageKey(raw: unknown): { ok: true; key: string } | { ok: false; error: string } {
  if (typeof raw !== 'string' || raw.trim() === '') return { ok: false, error: 'the message key must be non-empty text' };
  if (raw.length > IGNORE_LIMITS.keyLength) return { ok: false, error: `the message key is longer than ${IGNORE_LIMITS.keyLength} characters` };
  return { ok: true, key: raw };
}

/** `messages` without expired keys and with at most the newest IGNORE_LIMITS.messages. */
export function pruneIgnored(messages: IgnoredMessages, now: number): IgnoredMessages {
  const oldest = now - IGNORE_LIMITS.days * DAY_MS;
  const kept = Object.entries(messages)
    .filter(([, message]) => message.at > oldest)
    .sort(([ka, a], [kb, b]) => b.at - a.at || (ka < kb ? -1 : ka > kb ? 1 : 0))
    .slice(0, IGNORE_LIMITS.messages);
  return Object.fromEntries(kept);
}

/** `messages` with `term` ignored in `key` at `now`, pruned. */
export function withIgnored(messages: IgnoredMessages, key: string, term: string, now: number): IgnoredMessages {
  const before = messages[key]?.terms ?? [];
  const terms = before.some((t) => sameTerm(t, term)) ? before : [...before, term].slice(-IGNORE_LIMITS.termsPerMessage);
  return pruneIgnored({ ...messages, [key]: { terms, at: now } }, now);
}

/** `messages` without the message `key` (a new message starts in its field). */
export function withoutIgnored(messages: IgnoredMessages, key: string): IgnoredMessages {
  return Object.fromEntries(Object.entries(messages).filter(([k]) => k !== key));
}

export interface IgnoredRead {
  value: IgnoredMessages;
  problems: string[];
  future: boolean;
}

/** The stored IGNORED_KEY value read back, message by message. */
export function readIgnoredRecord(raw: unknown, now: number): IgnoredRead {
  if (raw === undefined) return { value: {}, problems: [], future: false };
  const where = 'Stored "Ignore in this message" choices';
  const shape = v.safeParse(RecordShape, raw);
  if (!shape.success) {
    return { value: {}, problems: [`${where} are not in the expected shape; they were kept in a backup.`], future: false };
  }
  const future = shape.output.version > IGNORED_RECORD_VERSION;
  const problems: string[] = future ? [`${where} were written by a newer version of Selge; they were kept in a backup.`] : [];
  const value: IgnoredMessages = {};
  for (const [key, item] of Object.entries(shape.output.messages)) {
    const parsed = v.safeParse(MessageSchema, item);
    const terms = parsed.success ? parsed.output.terms.filter((t) => readAllowedTerm(t).ok) : [];
    if (!parsed.success || !readMessageKey(key).ok || terms.length !== parsed.output.terms.length) {
      problems.push(`${where}: message "${key.slice(0, 60)}" could not be read whole; it was kept in a backup.`);
    }
    if (parsed.success && readMessageKey(key).ok && terms.length > 0) value[key] = { terms, at: parsed.output.at };
  }
  return { value: pruneIgnored(value, now), problems, future };
}
