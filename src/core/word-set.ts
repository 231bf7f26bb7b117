// A small fixed set of lowercase words (explanation markers: "ehk", "that", "või") that can
// be asked about a stretch of text. Almost every stretch checked is an ordinary word next
// to a term, so a table of (first letter, length) pairs turns most of them away before any
// string is sliced or lowercased; the rest get the exact test.

/** Longest word the length bits can hold. */
const MAX_LENGTH = 31;

export class WordSet {
  private readonly words: ReadonlySet<string>;
  /** For each ASCII lowercase letter, bit L is set when a word of length L starts with it. */
  private readonly lengthsByFirst = new Uint32Array(128);

  constructor(words: Iterable<string>) {
    this.words = new Set(words);
    for (const word of this.words) {
      // The quick rejection below relies on this: a lowercased stretch that is longer than
      // the stretch (İ → i + U+0307) holds a combining mark, so it can never be a word here.
      if (!/^\p{Ll}+$/u.test(word) || word.length > MAX_LENGTH) {
        throw new Error(`Selge: marker word "${word}" must be 1–${MAX_LENGTH} lowercase letters.`);
      }
      const first = word.charCodeAt(0);
      if (first < 128) this.lengthsByFirst[first]! |= 1 << word.length;
    }
  }

  /** Same answer as `set.has(text.slice(start, end).toLowerCase())`. */
  has(text: string, start: number, end: number): boolean {
    const length = end - start;
    if (length <= 0 || length > MAX_LENGTH) return false;
    const c = text.charCodeAt(start);
    if (c < 128) {
      // An ASCII first character lowercases to one ASCII letter, and lowercasing never
      // shortens a string: no word starting with that letter has this length → not a word.
      const lower = c >= 65 && c <= 90 ? c + 32 : c;
      if ((this.lengthsByFirst[lower]! & (1 << length)) === 0) return false;
    }
    return this.words.has(text.slice(start, end).toLowerCase());
  }
}
