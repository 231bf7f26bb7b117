// Messages the background answers. Kept as plain data (types and guards, no background
// code and no dictionary) so content scripts, the popup and tests can send them without
// pulling the background, or the 350 KB dictionary, into their bundles.
import type { CompiledDictionary } from '../core/index.ts';

export const PING = 'selge/ping' as const;
/** The content script asks once per page for the dictionary it checks with. */
export const DICTIONARY = 'selge/dictionary' as const;

export interface PingMessage {
  type: typeof PING;
}

export interface PingReply {
  ok: true;
  version: string;
}

export interface DictionaryMessage {
  type: typeof DICTIONARY;
}

export interface DictionaryReply {
  ok: true;
  dictionary: CompiledDictionary;
}

/** What the background knows when it answers; passed in so `answer` stays testable. */
export interface AnswerSources {
  version: string;
  /**
   * The dictionary to check with. A function, because later it merges the user's and the
   * team's dictionaries (which change) over the built-in one.
   */
  dictionary(): CompiledDictionary | Promise<CompiledDictionary>;
}

function typeOf(message: unknown): unknown {
  return typeof message === 'object' && message !== null ? (message as { type?: unknown }).type : undefined;
}

export function isPingMessage(message: unknown): message is PingMessage {
  return typeOf(message) === PING;
}

export function isDictionaryMessage(message: unknown): message is DictionaryMessage {
  return typeOf(message) === DICTIONARY;
}

/**
 * Answers a runtime message, or returns undefined when the message is not ours so other
 * listeners (and the browser) see that this one does not respond.
 */
export function answer(
  message: unknown,
  sources: AnswerSources,
): Promise<PingReply | DictionaryReply> | undefined {
  if (isPingMessage(message)) return Promise.resolve({ ok: true, version: sources.version });
  if (isDictionaryMessage(message)) {
    return Promise.resolve(sources.dictionary()).then((dictionary) => ({ ok: true, dictionary }));
  }
  return undefined;
}
