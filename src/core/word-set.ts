// A small fixed set of lowercase words (explanation markers: "ehk", "that", "või") that can
// be asked about a stretch of text. Almost every stretch checked is an ordinary word next
// to a term, so a table of (first letter, length) pairs turns most of them away before any
// string is sliced or lowercased; the rest get the exact test.
//
// The callers find the stretch by walking the letters from one end of the word, which costs
// more than the test itself. Tables of the words' first two and last two ASCII letters rule
// out most words next to a term from those two letters alone, before any walk: "kliendi"
// starts with no marker's "kl", "tasemele" ends with no marker's "le".

/** Longest word the length bits can hold. */
const MAX_LENGTH = 31;

const A = 97;

/** Is c an ASCII letter (either case)? */
function isAsciiLetter(c: number): boolean {
  const lower = c | 32;
  return lower >= A && lower <= 122;
}

export class WordSet {
  private readonly words: ReadonlySet<string>;
  /** For each ASCII lowercase letter, bit L is set when a word of length L starts with it. */
  private readonly lengthsByFirst = new Uint32Array(128);
  /** For each ASCII lowercase letter, bit k set when a word starts with it and letter A + k. */
  private readonly secondsByFirst = new Uint32Array(128);
  /** For each ASCII lowercase letter, bit k set when a word ends with letter A + k and it. */
  private readonly secondLastsByLast = new Uint32Array(128);
  /** Bit k set when a word ends with letter A + k. */
  private lasts = 0;

  constructor(words: Iterable<string>) {
    this.words = new Set(words);
    for (const word of this.words) {
      // The quick rejection below relies on this: a lowercased stretch that is longer than
      // the stretch (İ → i + U+0307) holds a combining mark, so it can never be a word here.
      if (!/^\p{Ll}+$/u.test(word) || word.length > MAX_LENGTH) {
        throw new Error(`Selge: marker word "${word}" must be 1–${MAX_LENGTH} lowercase letters.`);
      }
      const first = word.charCodeAt(0);
      const second = word.charCodeAt(1); // NaN for a one-letter word: in no table
      const last = word.charCodeAt(word.length - 1);
      const secondLast = word.charCodeAt(word.length - 2);
      if (first < 128) {
        this.lengthsByFirst[first]! |= 1 << word.length;
        if (isAsciiLetter(second)) this.secondsByFirst[first]! |= 1 << (second - A);
      }
      if (isAsciiLetter(last)) {
        this.lasts |= 1 << (last - A);
        if (isAsciiLetter(secondLast)) this.secondLastsByLast[last]! |= 1 << (secondLast - A);
      }
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

  /**
   * True when the word (run of letters) that starts at `start` is certainly none of the
   * set's, as its first two code units tell when they are ASCII; false means "maybe".
   * The caller's run may be capped at two letters or more.
   */
  rulesOutStart(text: string, start: number): boolean {
    const a = text.charCodeAt(start);
    if (a >= 128) return false;
    if (!isAsciiLetter(a)) return true; // the run is empty
    const b = text.charCodeAt(start + 1); // NaN past the end: not a letter
    if (b >= 128) return this.lengthsByFirst[a | 32] === 0;
    // One ASCII letter lowercases to one; ruled out when no word starts with those two (or
    // with that one, when the run is one letter long).
    if (!isAsciiLetter(b)) return (this.lengthsByFirst[a | 32]! & (1 << 1)) === 0;
    return (this.secondsByFirst[a | 32]! & (1 << ((b | 32) - A))) === 0;
  }

  /**
   * True when the word (run of letters) that ends at `end` (exclusive) is certainly none of
   * the set's, as its last two code units tell when they are ASCII; false means "maybe".
   * The caller's run may be capped at two letters or more.
   */
  rulesOutEnd(text: string, end: number): boolean {
    if (end <= 0) return true; // the run is empty
    const z = text.charCodeAt(end - 1);
    if (z >= 128) return false;
    if (!isAsciiLetter(z)) return true; // the run is empty
    const y = end >= 2 ? text.charCodeAt(end - 2) : 32;
    if (y >= 128) return (this.lasts & (1 << ((z | 32) - A))) === 0;
    if (!isAsciiLetter(y)) return (this.lengthsByFirst[z | 32]! & (1 << 1)) === 0;
    return (this.secondLastsByLast[z | 32]! & (1 << ((y | 32) - A))) === 0;
  }
}
