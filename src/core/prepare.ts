// Turns the JSON-shaped CompiledDictionary into Maps and Sets once, and remembers the result
// per dictionary object, so `check()` can be called on every keystroke without rebuilding.

import type { CompiledDictionary, CompiledEntry } from './types.ts';
import { words } from './words.ts';

export interface Phrase {
  /** The words after the first one, lowercase. */
  rest: string[];
  entry: number;
}

export interface PreparedDictionary {
  entries: CompiledEntry[];
  /** Expansions re-split with the checker's own word rule, so both sides split alike. */
  expansions: string[][][];
  acronyms: Map<string, number>;
  dotted: Map<string, number>;
  words: Map<string, number>;
  /** First word of a multi-word term → candidates, longest first. */
  phrases: Map<string, Phrase[]>;
  capitals: Set<string>;
}

const prepared = new WeakMap<CompiledDictionary, PreparedDictionary>();

export function prepareDictionary(dictionary: CompiledDictionary): PreparedDictionary {
  const cached = prepared.get(dictionary);
  if (cached) return cached;
  if (dictionary?.format !== 'selge-compiled/1') {
    throw new TypeError('Selge: options.dictionary is not a compiled Selge dictionary (expected format "selge-compiled/1").');
  }
  const phrases = new Map<string, Phrase[]>();
  for (const [surface, entry] of Object.entries(dictionary.phrases)) {
    const [first, ...rest] = words(surface.toLowerCase());
    if (first === undefined || rest.length === 0) continue;
    const list = phrases.get(first) ?? [];
    list.push({ rest, entry });
    phrases.set(first, list);
  }
  for (const list of phrases.values()) list.sort((a, b) => b.rest.length - a.rest.length);
  const result: PreparedDictionary = {
    entries: dictionary.entries,
    expansions: dictionary.entries.map((e) =>
      e.expansions.map((x) => words(x.join(' ').toLowerCase())).filter((x) => x.length > 0),
    ),
    acronyms: new Map(Object.entries(dictionary.acronyms)),
    dotted: new Map(Object.entries(dictionary.dotted)),
    words: new Map(Object.entries(dictionary.words)),
    phrases,
    capitals: new Set(dictionary.capitals),
  };
  prepared.set(dictionary, result);
  return result;
}
