// The content script's copy of the dictionary. It is not bundled into the content script
// (that must stay small, and the background will merge user and team dictionaries into
// it): the background is asked once per page and the answer kept. A failed ask is
// forgotten so the next check asks again (a Chrome service worker may be starting up).
import { DICTIONARY } from '../background/messages';
import type { CompiledDictionary } from '../core/index.ts';

/** The part of `browser.runtime` used here; passed in so tests need no browser. */
export interface Messaging {
  sendMessage(message: unknown): Promise<unknown>;
}

export interface DictionaryClient {
  get(): Promise<CompiledDictionary>;
}

function dictionaryOf(reply: unknown): CompiledDictionary {
  const dictionary = (reply as { ok?: unknown; dictionary?: { format?: unknown } } | undefined)?.dictionary;
  if ((reply as { ok?: unknown })?.ok !== true || dictionary?.format !== 'selge-compiled/1') {
    throw new Error('the background sent no dictionary');
  }
  return dictionary as CompiledDictionary;
}

export function createDictionaryClient(messaging: Messaging): DictionaryClient {
  let pending: Promise<CompiledDictionary> | undefined;
  return {
    get() {
      if (!pending) {
        const asked = messaging.sendMessage({ type: DICTIONARY }).then(dictionaryOf);
        asked.catch(() => {
          if (pending === asked) pending = undefined;
        });
        pending = asked;
      }
      return pending;
    },
  };
}
