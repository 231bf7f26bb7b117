// The AnswerSources `answer` needs, from the dictionary service and the toolbar badge.
import type { AnswerSources } from './messages.ts';
import type { DictionaryService } from './dictionary-service.ts';

export function answerSources(
  service: DictionaryService,
  version: string,
  setBadge: (tabId: number, text: string) => Promise<void>,
): AnswerSources {
  return {
    version,
    dictionary: () => service.snapshot(),
    allow: (term) => service.allow(term),
    unallow: (term) => service.unallow(term),
    addMeaning: (entry) => service.addMeaning(entry),
    ignore: (key, term) => service.ignore(key, term),
    ignored: (key) => service.ignored(key),
    forgetIgnored: (key) => service.forgetIgnored(key),
    setBadge,
    problems: () => service.problems(),
  };
}
