// Turns the JSON-shaped CompiledDictionary into the structures the scanner reads, once per
// dictionary object (remembered in a WeakMap), so `check()` can run on every keystroke:
// string-keyed Maps for acronyms, hash-keyed tables plus a bit filter for words and
// phrases (so ordinary words cost one bit test). What only a finding needs (an entry's
// meanings in one language, its expansions re-split) is built on first use and kept, so
// loading the index stays cheap.

import { equalsFolded, foldedHash, HashFilter, pairHash } from './fold.ts';
import type { CompiledDictionary, CompiledEntry, Language, Meaning } from './types.ts';
import { words } from './words.ts';

export interface HashedKey {
  key: string;
  entry: number;
  /** Only with a full stop after it: "No." is the abbreviation, "no" the English word. */
  needsDot?: boolean;
}

export interface Phrase {
  /** All words, lowercase; the first one is what the phrase is filed under. */
  words: string[];
  /** What stands between word k and word k+1 in the dictionary's form (" ", "-", "/"). */
  gaps: string[];
  /** Folded hash of each word: tokens whose hashes differ cannot spell the phrase. */
  hashes: number[];
  entry: number;
}

export interface PreparedDictionary {
  entries: CompiledEntry[];
  /** Expansions re-split with the checker's own word rule, so both sides split alike. */
  expansions(entry: number): string[][];
  acronyms: Map<string, number>;
  /** Folded hashes of the acronym keys: a token whose hash misses is no key as written. */
  acronymFilter: HashFilter;
  /** pairHash of the two sides of each joined acronym key ("C-SAT": "c", "sat"). */
  joinedFilter: HashFilter;
  dotted: Map<string, number>;
  /** Folded hash of a one-word surface form → the forms with that hash. */
  words: Map<number, HashedKey[]>;
  /** pairHash of a phrase's first two words → candidate phrases, longest first. */
  phrases: Map<number, Phrase[]>;
  /** The keys of `phrases`: two tokens in a row whose pair misses start no phrase. */
  phraseFilter: HashFilter;
  /** Hashes of every one-word form: a miss needs no further look. */
  filter: HashFilter;
  capitals: Set<string>;
  /** The entry's meanings in one language; frozen, because every finding shares them. */
  meanings(entry: number, language: Language): Meaning[];
}

const prepared = new WeakMap<CompiledDictionary, PreparedDictionary>();

export function prepareDictionary(dictionary: CompiledDictionary): PreparedDictionary {
  const cached = prepared.get(dictionary);
  if (cached) return cached;
  if (dictionary?.format !== 'selge-compiled/1') {
    throw new TypeError('Selge: options.dictionary is not a compiled Selge dictionary (expected format "selge-compiled/1").');
  }
  // 2^18 bits (32 KB) each: with a few thousand forms, about one ordinary word in a hundred
  // gets past the filter to a table look-up.
  const filter = new HashFilter(18);
  const phraseFilter = new HashFilter(18);
  const acronymFilter = new HashFilter(18);
  const wordTable = new Map<number, HashedKey[]>();
  const phrases = new Map<number, Phrase[]>();
  const addPhrase = (surface: string, entry: number): void => {
    const split = splitPhrase(surface.toLowerCase());
    if (split === null) return;
    const hashes = split.words.map((w) => foldedHash(w));
    const hash = pairHash(hashes[0]!, hashes[1]!);
    phraseFilter.add(hash);
    const list = phrases.get(hash) ?? [];
    list.push({ ...split, hashes, entry });
    phrases.set(hash, list);
  };
  for (const [surface, entry] of Object.entries(dictionary.words)) {
    const key = surface.toLowerCase();
    // "e-arve", "Wi-Fi" are one word to a reader but two tokens to the scanner.
    if (NOT_WORD_CHAR.test(key)) {
      addPhrase(key, entry);
      continue;
    }
    const hash = foldedHash(key);
    filter.add(hash);
    const list = wordTable.get(hash) ?? [];
    list.push({ key, entry });
    wordTable.set(hash, list);
  }
  for (const [surface, entry] of Object.entries(dictionary.phrases)) addPhrase(surface, entry);
  // A dotted form with one dot at the end ("etc.") is a word followed by a full stop.
  for (const [surface, entry] of Object.entries(dictionary.dotted)) {
    if (surface.includes('.')) continue;
    const hash = foldedHash(surface);
    filter.add(hash);
    wordTable.set(hash, [...(wordTable.get(hash) ?? []), { key: surface, entry, needsDot: true }]);
  }
  for (const list of phrases.values()) list.sort((a, b) => b.words.length - a.words.length);
  const joinedFilter = new HashFilter(16);
  for (const key of Object.keys(dictionary.acronyms)) {
    acronymFilter.add(foldedHash(key));
    for (let p = 1; p < key.length - 1; p++) {
      if (key[p] === '-' || key[p] === '&') joinedFilter.add(pairHash(foldedHash(key.slice(0, p)), foldedHash(key.slice(p + 1))));
    }
  }
  const result: PreparedDictionary = {
    entries: dictionary.entries,
    expansions: lazy(dictionary.entries.length, (entry) =>
      dictionary.entries[entry]!.expansions.map((x) => words(x.join(' ').toLowerCase())).filter((x) => x.length > 0),
    ),
    acronyms: new Map(Object.entries(dictionary.acronyms)),
    acronymFilter,
    joinedFilter,
    dotted: new Map(Object.entries(dictionary.dotted)),
    words: wordTable,
    phrases,
    phraseFilter,
    filter,
    capitals: new Set(dictionary.capitals),
    meanings: meaningsOf(dictionary.entries),
  };
  prepared.set(dictionary, result);
  return result;
}

const WORD_RUN = /[\p{L}\p{N}\p{M}]+/gu;
const NOT_WORD_CHAR = /[^\p{L}\p{N}\p{M}]/u;

/** Words of a multi-word form and the separators between them, or null for one word. */
function splitPhrase(surface: string): { words: string[]; gaps: string[] } | null {
  const found = [...surface.matchAll(WORD_RUN)];
  if (found.length < 2) return null;
  const gaps: string[] = [];
  for (let k = 1; k < found.length; k++) {
    const prev = found[k - 1]!;
    gaps.push(surface.slice(prev.index + prev[0].length, found[k]!.index));
  }
  return { words: found.map((m) => m[0]), gaps };
}

/** A per-index cache: `make(k)` runs on the first request for k only. */
function lazy<T>(size: number, make: (k: number) => T): (k: number) => T {
  const cache: (T | undefined)[] = new Array<T | undefined>(size);
  return (k) => (cache[k] ??= make(k));
}

function meaningsOf(entries: CompiledEntry[]): (entry: number, language: Language) => Meaning[] {
  const inLanguage = (language: Language) =>
    lazy(entries.length, (entry) =>
      Object.freeze(
        entries[entry]!.senses.map((sense) =>
          Object.freeze({ expansion: sense[language].expansion, explanation: sense[language].explanation }),
        ),
      ) as Meaning[],
    );
  const et = inLanguage('et');
  const en = inLanguage('en');
  return (entry, language) => (language === 'et' ? et(entry) : en(entry));
}

/** The entry of the one-word form text[start, end), or -1. */
export function lookupWord(dict: PreparedDictionary, text: string, start: number, end: number, hash: number): number {
  if (!dict.filter.has(hash)) return -1;
  const candidates = dict.words.get(hash);
  if (candidates === undefined) return -1;
  for (const { key, entry, needsDot } of candidates) {
    if (needsDot === true && text.charCodeAt(end) !== 46) continue;
    if (equalsFolded(text, start, end, key)) return entry;
  }
  return -1;
}
