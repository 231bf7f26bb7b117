// Messages the background answers. Kept as plain data (types, guards and `answer`, which
// only checks shapes and hands over to the sources) so content scripts, the popup and tests
// can send them without pulling the background, the store or the 350 KB dictionary into
// their bundles.
//
// Every reply is `{ ok: true, … }` or, for input that is wrong, `{ ok: false, error }` with
// what is wrong (an "Add meaning…" entry gets `{ ok: false, problems }`, one line per
// problem). `answer` never throws and never rejects.
import type { CompiledDictionary } from '../core/index.ts';
import type { Problem } from '../storage/problems.ts';

export const PING = 'selge/ping' as const;
/** The dictionary to check with (built-in + user + team) and the familiar list. */
export const DICTIONARY = 'selge/dictionary' as const;
/** "Always allow": add a term to the familiar list. */
export const ALLOW = 'selge/allow' as const;
/** Take a term off the familiar list (the popup's list, an undo). */
export const UNALLOW = 'selge/unallow' as const;
/** "Add meaning…": a form entry for the user dictionary. */
export const ADD_MEANING = 'selge/add-meaning' as const;
/** "Ignore in this message": remember `term` as ignored in the message `key`. */
export const IGNORE = 'selge/ignore' as const;
/** The terms ignored in the message `key`. */
export const IGNORED = 'selge/ignored' as const;
/** Forget the terms ignored in the message `key`: its field was emptied, a new message starts there. */
export const FORGET_IGNORED = 'selge/forget-ignored' as const;
/** A content script's finding count for the toolbar badge of its tab. */
export const COUNT = 'selge/count' as const;
/** Problems for the popup to show (stored data set aside, sync refused, bad team dictionary). */
export const PROBLEMS = 'selge/problems' as const;

export interface PingMessage { type: typeof PING }
export interface DictionaryMessage { type: typeof DICTIONARY }
export interface AllowMessage { type: typeof ALLOW; term: string }
export interface UnallowMessage { type: typeof UNALLOW; term: string }
/** `entry`: `{ term, kind?, senses: [{ et?: { expansion, explanation, plain? }, en?: … }], … }`, see user-entry.ts. */
export interface AddMeaningMessage { type: typeof ADD_MEANING; entry: unknown }
/** `key`: the content script's name for one message (a Gmail draft id, a ticket), ≤ 300 characters. */
export interface IgnoreMessage { type: typeof IGNORE; key: string; term: string }
export interface IgnoredMessage { type: typeof IGNORED; key: string }
export interface ForgetIgnoredMessage { type: typeof FORGET_IGNORED; key: string }
/** `null` or 0 clears the badge. */
export interface CountMessage { type: typeof COUNT; count: number | null }
export interface ProblemsMessage { type: typeof PROBLEMS }

export type SelgeMessage =
  | PingMessage | DictionaryMessage | AllowMessage | UnallowMessage | AddMeaningMessage
  | IgnoreMessage | IgnoredMessage | ForgetIgnoredMessage | CountMessage | ProblemsMessage;

export interface Failure { ok: false; error: string }
export interface Done { ok: true }
export interface PingReply { ok: true; version: string }
export interface DictionaryReply {
  ok: true;
  dictionary: CompiledDictionary;
  /** Terms the user marked "Always allow": never flag them (compare case-insensitively). */
  allowed: string[];
  /** Equals storage.local `selge:revision` when the reply was made; raised by every change. */
  revision: number;
}
export type AddMeaningReply = Done | { ok: false; problems: string[] };
export interface TermsReply { ok: true; terms: string[] }
export interface ProblemsReply { ok: true; problems: Problem[] }

/** The reply type for each message type. */
export interface Replies {
  [PING]: PingReply;
  [DICTIONARY]: DictionaryReply | Failure;
  [ALLOW]: Done | Failure;
  [UNALLOW]: Done | Failure;
  [ADD_MEANING]: AddMeaningReply | Failure;
  [IGNORE]: TermsReply | Failure;
  [IGNORED]: TermsReply | Failure;
  [FORGET_IGNORED]: Done | Failure;
  [COUNT]: Done | Failure;
  [PROBLEMS]: ProblemsReply | Failure;
}

export type Reply = Replies[keyof Replies];

type Outcome<T> = Promise<T | Failure>;

/** What the background knows and does when it answers; passed in so `answer` stays testable. */
export interface AnswerSources {
  version: string;
  dictionary(): Promise<{ dictionary: CompiledDictionary; allowed: string[]; revision: number }>;
  allow(term: string): Outcome<Done>;
  unallow(term: string): Outcome<Done>;
  addMeaning(entry: unknown): Promise<AddMeaningReply>;
  ignore(key: string, term: string): Outcome<TermsReply>;
  ignored(key: string): Outcome<TermsReply>;
  forgetIgnored(key: string): Outcome<Done>;
  /** browser.action (MV3) or browser.browserAction (Firefox MV2) setBadgeText for one tab. */
  setBadge(tabId: number, text: string): Promise<void>;
  problems(): Promise<Problem[]>;
}

/** The part of runtime.MessageSender used: which tab a content script runs in. */
export interface Sender {
  tab?: { id?: number };
}

const SELGE_TYPES = new Set<string>([PING, DICTIONARY, ALLOW, UNALLOW, ADD_MEANING, IGNORE, IGNORED, FORGET_IGNORED, COUNT, PROBLEMS]);

function typeOf(message: unknown): unknown {
  return typeof message === 'object' && message !== null ? (message as { type?: unknown }).type : undefined;
}

export function isSelgeMessage(message: unknown): message is { type: SelgeMessage['type'] } & Record<string, unknown> {
  const type = typeOf(message);
  return typeof type === 'string' && SELGE_TYPES.has(type);
}

export function isPingMessage(message: unknown): message is PingMessage {
  return typeOf(message) === PING;
}

export function isDictionaryMessage(message: unknown): message is DictionaryMessage {
  return typeOf(message) === DICTIONARY;
}

/** The badge text for a count: "" for none, "99+" past two digits. */
export function badgeText(count: number | null): string {
  if (!count) return '';
  return count > 99 ? '99+' : String(count);
}

const fail = (type: string, error: string): Failure => ({ ok: false, error: `${type}: ${error}` });

function text(message: Record<string, unknown>, field: string): string | undefined {
  const value = message[field];
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

async function answerSelge(message: { type: SelgeMessage['type'] } & Record<string, unknown>, sources: AnswerSources, sender: Sender): Promise<Reply> {
  const { type } = message;
  const needs = (field: string) => fail(type, `needs "${field}" as non-empty text`);
  const named = <T extends { ok: boolean }>(reply: T | Failure): T | Failure =>
    reply.ok === false && 'error' in reply ? fail(type, reply.error) : reply;
  switch (type) {
    case PING:
      return { ok: true, version: sources.version };
    case DICTIONARY:
      return { ok: true, ...(await sources.dictionary()) };
    case ALLOW:
    case UNALLOW: {
      const term = text(message, 'term');
      if (term === undefined) return needs('term');
      return named(await (type === ALLOW ? sources.allow(term) : sources.unallow(term)));
    }
    case ADD_MEANING: {
      const entry = message.entry;
      if (entry === null || typeof entry !== 'object' || Array.isArray(entry)) {
        return fail(type, 'needs "entry": an object such as { "term": "TKP", "senses": [{ "en": { "expansion": …, "explanation": … } }] }');
      }
      return sources.addMeaning(entry);
    }
    case IGNORE: {
      const key = text(message, 'key');
      if (key === undefined) return needs('key');
      const term = text(message, 'term');
      if (term === undefined) return needs('term');
      return named(await sources.ignore(key, term));
    }
    case IGNORED:
    case FORGET_IGNORED: {
      const key = text(message, 'key');
      if (key === undefined) return needs('key');
      return named(await (type === IGNORED ? sources.ignored(key) : sources.forgetIgnored(key)));
    }
    case COUNT: {
      const count = message.count;
      if (count !== null && !(typeof count === 'number' && Number.isSafeInteger(count) && count >= 0)) {
        return fail(type, 'needs "count" as a whole number ≥ 0, or null');
      }
      const tabId = sender.tab?.id;
      if (typeof tabId !== 'number' || tabId < 0) return fail(type, 'comes from a content script in a tab; this sender has no tab');
      await sources.setBadge(tabId, badgeText(count));
      return { ok: true };
    }
    case PROBLEMS:
      return { ok: true, problems: await sources.problems() };
  }
}

/**
 * Answers a runtime message, or returns undefined when the message is not ours so other
 * listeners (and the browser) see that this one does not respond. A source that throws
 * becomes `{ ok: false, error }`.
 */
export function answer(message: unknown, sources: AnswerSources, sender: Sender = {}): Promise<Reply> | undefined {
  if (!isSelgeMessage(message)) return undefined;
  return answerSelge(message, sources, sender).catch((error: unknown) =>
    fail(message.type, error instanceof Error ? error.message : String(error)),
  );
}
