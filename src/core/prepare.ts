// Turns the JSON-shaped CompiledDictionary into the structures the scanner reads, once per
// dictionary object (remembered in a WeakMap), so `check()` can run on every keystroke:
// string-keyed Maps for acronyms, hash-keyed tables plus a bit filter for words and
// phrases (so ordinary words cost one bit test). What only a finding needs (an entry's
// meanings in one language, its expansions re-split) is built on first use and kept, so
// loading the index stays cheap.

import { equalsFolded, foldedHash, HashFilter, pairHash } from './fold.ts';
import { wordCharLength } from './tokens.ts';
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
  /** Folded hash of an acronym key → the keys with that hash, for look-ups without slicing. */
  acronymsByHash: Map<number, HashedKey[]>;
  /** pairHash of the two sides of each joined acronym key ("C-SAT": "c", "sat"). */
  joinedFilter: HashFilter;
  dotted: Map<string, number>;
  /** Folded hash of a one-word surface form → the forms with that hash. */
  words: Map<number, HashedKey[]>;
  /** pairHash of a phrase's first two words → candidate phrases, longest first. */
  phrases: Map<number, Phrase[]>;
  /** The keys of `phrases`: two tokens in a row whose pair misses start no phrase. */
  phraseFilter: HashFilter;
  /** Hashes of the phrases' first words: a word that misses starts no phrase, whatever follows. */
  phraseStarts: HashFilter;
  /** Hashes of every one-word form: a miss needs no further look. */
  filter: HashFilter;
  /**
   * `filter` and `phraseStarts` in one: the tokenizer's test for the words the scanner must
   * look at (a word that misses is neither a form nor the start of a phrase).
   */
  termStarts: HashFilter;
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
  // Sized to stay in the CPU's first-level cache together (the scanner tests every word
  // against the first two): a few thousand one-word forms in 2^17 bits (16 KB) let about
  // one ordinary word in fifty through to a table look-up; a few hundred phrase starts in
  // 2^14 bits, one in forty. A bigger filter turns away a few more words but misses the cache.
  const filter = new HashFilter(17);
  const phraseStarts = new HashFilter(14);
  const phraseFilter = new HashFilter(16);
  const acronymFilter = new HashFilter(14);
  const termStarts = new HashFilter(17);
  const wordTable = new Map<number, HashedKey[]>();
  const phrases = new Map<number, Phrase[]>();
  const addPhrase = (split: WordRuns, entry: number): void => {
    if (split.words.length < 2) return;
    const hashes = split.words.map((w) => foldedHash(w));
    const hash = pairHash(hashes[0]!, hashes[1]!);
    phraseStarts.add(hashes[0]!);
    termStarts.add(hashes[0]!);
    phraseFilter.add(hash);
    const list = phrases.get(hash) ?? [];
    list.push({ words: split.words, gaps: split.gaps, hashes, entry });
    phrases.set(hash, list);
  };
  // for…in rather than Object.entries: no [key, value] array per form (loading the index
  // is paid on every page).
  const forms = dictionary.words;
  for (const surface in forms) {
    const entry = forms[surface]!;
    const key = surface.toLowerCase();
    // "e-arve", "Wi-Fi" are one word to a reader but two tokens to the scanner.
    if (!isWordCharsOnly(key)) {
      addPhrase(wordRuns(key), entry);
      continue;
    }
    const hash = foldedHash(key);
    filter.add(hash);
    termStarts.add(hash);
    const list = wordTable.get(hash) ?? [];
    list.push({ key, entry });
    wordTable.set(hash, list);
  }
  for (const surface in dictionary.phrases) addPhrase(wordRuns(surface.toLowerCase()), dictionary.phrases[surface]!);
  // A dotted form with one dot at the end ("etc.") is a word followed by a full stop.
  for (const [surface, entry] of Object.entries(dictionary.dotted)) {
    if (surface.includes('.')) continue;
    const hash = foldedHash(surface);
    filter.add(hash);
    termStarts.add(hash);
    wordTable.set(hash, [...(wordTable.get(hash) ?? []), { key: surface, entry, needsDot: true }]);
  }
  for (const list of phrases.values()) list.sort((a, b) => b.words.length - a.words.length);
  const joinedFilter = new HashFilter(16);
  const acronymsByHash = new Map<number, HashedKey[]>();
  for (const key in dictionary.acronyms) {
    const hash = foldedHash(key);
    acronymFilter.add(hash);
    const list = acronymsByHash.get(hash) ?? [];
    list.push({ key, entry: dictionary.acronyms[key]! });
    acronymsByHash.set(hash, list);
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
    acronymsByHash,
    joinedFilter,
    dotted: new Map(Object.entries(dictionary.dotted)),
    words: wordTable,
    phrases,
    phraseFilter,
    phraseStarts,
    filter,
    termStarts,
    capitals: new Set(dictionary.capitals),
    meanings: meaningsOf(dictionary.entries),
  };
  prepared.set(dictionary, result);
  return result;
}

interface WordRuns {
  /** The runs of word characters (letters, numbers, marks), split as the tokenizer splits. */
  words: string[];
  /** What stands between word k and word k+1. */
  gaps: string[];
}

/** Is every character of `form` a word character (the form is one token, or empty)? */
function isWordCharsOnly(form: string): boolean {
  let i = 0;
  while (i < form.length) {
    const width = wordCharLength(form, i);
    if (width === 0) return false;
    i += width;
  }
  return true;
}

/** Splits a dictionary form into words and the separators between them. */
function wordRuns(surface: string): WordRuns {
  const words: string[] = [];
  const gaps: string[] = [];
  let gapStart = -1;
  let i = 0;
  while (i < surface.length) {
    let width = wordCharLength(surface, i);
    if (width === 0) {
      i++;
      continue;
    }
    const start = i;
    while (width > 0) {
      i += width;
      width = i < surface.length ? wordCharLength(surface, i) : 0;
    }
    if (gapStart >= 0) gaps.push(surface.slice(gapStart, start));
    words.push(surface.slice(start, i));
    gapStart = i;
  }
  return { words, gaps };
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

/**
 * The entry of the acronym key spelled exactly as text[start, end) (case counts: "SaaS" is
 * not "SAAS"), or undefined: acronyms.get(text.slice(start, end)) without the slice.
 * `hash` is the folded hash of text[start, end).
 */
export function acronymAt(dict: PreparedDictionary, text: string, start: number, end: number, hash: number): number | undefined {
  if (!dict.acronymFilter.has(hash)) return undefined;
  const candidates = dict.acronymsByHash.get(hash);
  if (candidates === undefined) return undefined;
  for (const { key, entry } of candidates) {
    if (key.length === end - start && text.startsWith(key, start)) return entry;
  }
  return undefined;
}
