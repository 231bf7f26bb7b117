// Word tokens: maximal runs of letters, numbers and combining marks (\p{L}\p{N}\p{M}),
// outside skip zones. One pass over the UTF-16 code units that also computes, per token, a
// case-folded hash and a few shape flags, so the scanner can drop ordinary words by a bit
// test without slicing or lowercasing them. This loop is the per-keystroke hot path.

import { fold, FNV_OFFSET, FNV_PRIME, type HashFilter } from './fold.ts';
import type { Zones } from './skip-zones.ts';

/** Token flags (a const enum for this file's loop, see Cls below; exported as plain numbers). */
const enum Flag {
  HAS_DIGIT = 1, // an ASCII digit 0-9
  HAS_UPPER = 2, // at least one capital
  MULTI_UPPER = 4, // two or more capitals
  FIRST_UPPER = 8, // the first character is a capital
  ESTONIAN_LETTER = 16, // õ ä ö ü (either case): a vote for Estonian
}
export const HAS_DIGIT: number = Flag.HAS_DIGIT;
export const HAS_UPPER: number = Flag.HAS_UPPER;
export const MULTI_UPPER: number = Flag.MULTI_UPPER;
export const FIRST_UPPER: number = Flag.FIRST_UPPER;
export const ESTONIAN_LETTER: number = Flag.ESTONIAN_LETTER;

// Character classes, as a const enum: TypeScript writes its members into the code as number
// literals. Module-level constants (and imported ones) are a memory load each time the hot
// loop names them, several per character, which cost a fifth of tokenizing.
const enum Cls {
  LETTER = 1,
  UPPER = 2,
  NUMBER = 4,
  MARK = 8,
  ET = 16, // õ ä ö ü Õ Ä Ö Ü
  DIGIT = 32, // 0-9
  /** A surrogate pair: the character takes two code units. */
  WIDE = 64,
  /** Never in an entry: set in a token's OR of classes by its second capital. */
  SECOND_UPPER = 128,
  WORD = LETTER | NUMBER | MARK,
  /** Code units in the LATIN table. */
  TABLE_SIZE = 0x250,
}
/** FNV-1a as in fold.ts (checked below), as literals for the same reason. */
const enum Fnv {
  OFFSET = 0x811c9dc5 | 0,
  PRIME = 0x01000193,
}
// The flag arithmetic in tokenize() relies on these bit positions, and the hashes on fold.ts.
if (
  FIRST_UPPER !== Cls.UPPER << 2 || HAS_DIGIT !== Cls.DIGIT >> 5 || ESTONIAN_LETTER !== Cls.ET || HAS_UPPER !== Cls.UPPER ||
  MULTI_UPPER !== Cls.SECOND_UPPER >> 5 || Cls.SECOND_UPPER !== Cls.UPPER << 6 || Fnv.OFFSET !== FNV_OFFSET || Fnv.PRIME !== FNV_PRIME
) {
  throw new Error('Selge: token flag bits or hash constants out of step.');
}

// For the Latin blocks, where almost all customer-message text lives, one table read gives
// both a code unit's class (low 8 bits) and its folded form (the bits above), so the hot
// loop does a single look-up per character. Beyond the table the same layout is built on
// the fly, with the code unit itself above the class (fold.ts folds only the table's range).
const LATIN = new Int32Array(Cls.TABLE_SIZE);
for (let c = 0; c < Cls.TABLE_SIZE; c++) {
  let cls = classify(String.fromCharCode(c));
  if ('õäöüÕÄÖÜ'.includes(String.fromCharCode(c))) cls |= Cls.ET;
  if (c >= 48 && c <= 57) cls |= Cls.DIGIT;
  LATIN[c] = (fold(c) << 8) | cls;
}

function classify(ch: string): number {
  let cls = 0;
  if (/\p{L}/u.test(ch)) cls |= Cls.LETTER;
  if (/\p{Lu}/u.test(ch)) cls |= Cls.UPPER;
  if (/\p{N}/u.test(ch)) cls |= Cls.NUMBER;
  if (/\p{M}/u.test(ch)) cls |= Cls.MARK;
  return cls;
}

// Everything beyond the table (combining marks, other scripts, emoji) is classified once per
// code point and remembered; a message rarely holds more than a few dozen distinct ones.
const wideClass = new Map<number, number>();
function classOfCodePoint(cp: number): number {
  let cls = wideClass.get(cp);
  if (cls === undefined) {
    cls = classify(String.fromCodePoint(cp));
    if (wideClass.size < 65_536) wideClass.set(cp, cls);
  }
  return cls;
}

/**
 * Code unit and class (the LATIN layout) of a character beyond the table at i, whose first
 * code unit is c. A pair of surrogates is one character (emoji, rare letters), marked WIDE;
 * a lone surrogate belongs to no word.
 */
function entryBeyondLatin(text: string, i: number, c: number): number {
  if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
    const low = text.charCodeAt(i + 1);
    if (low < 0xdc00 || low > 0xdfff) return c << 8;
    return (c << 8) | classOfCodePoint(((c - 0xd800) << 10) + (low - 0xdc00) + 0x10000) | Cls.WIDE;
  }
  return c >= 0xd800 && c <= 0xdfff ? c << 8 : (c << 8) | classOfCodePoint(c);
}

/**
 * Length in code units (1, or 2 for a surrogate pair) of the word character at i, or 0 when
 * the character there belongs to no word: the tokenizer's rule, for splitting dictionary
 * forms the way texts are split.
 */
export function wordCharLength(text: string, i: number): number {
  const c = text.charCodeAt(i);
  const entry = c < Cls.TABLE_SIZE ? LATIN[c]! : entryBeyondLatin(text, i, c);
  if ((entry & Cls.WORD) === 0) return 0;
  return (entry & Cls.WIDE) !== 0 ? 2 : 1;
}

export interface Tokens {
  count: number;
  starts: Int32Array;
  ends: Int32Array;
  /** Case-folded FNV-1a hash of the token's code units (see fold.ts). */
  hashes: Int32Array;
  flags: Int32Array;
  /**
   * Indices of the tokens the scanner has to look at, in order (see tokenize's `terms`);
   * none when tokenize was given no filter.
   */
  candidates: Int32Array;
  candidateCount: number;
}

// One set of buffers, grown as needed and reused by every call: check() is synchronous and
// keeps nothing from them after it returns, so a keystroke allocates no token arrays.
let capacity = 0;
let buffers = allocate(1024);

function allocate(size: number): Omit<Tokens, 'count' | 'candidateCount'> {
  capacity = size;
  return {
    starts: new Int32Array(size), ends: new Int32Array(size), hashes: new Int32Array(size), flags: new Int32Array(size),
    candidates: new Int32Array(size),
  };
}

/** Past the end of any text: where the zone after the last one starts (a literal, as above). */
const enum Zone {
  NONE = 0x7fffffff,
}

/**
 * The word tokens of `text` outside `zones`. With `terms` (the dictionary's one-word forms
 * and phrase starts), also the candidates: tokens whose hash `terms` may hold, with an
 * acronym's capitals, or that may begin a dotted or joined form ("a.m.", "C-SAT"). Any
 * other token is a plain word the scanner would pass over; testing it here, while its hash
 * and flags are still in registers, spares the scanner a visit to it.
 */
export function tokenize(text: string, zones: Zones, terms?: HashFilter): Tokens {
  // A token is at least one code unit and is followed by a non-word one (or the end).
  const most = (text.length >> 1) + 1;
  if (most > capacity) buffers = allocate(Math.max(most, capacity * 2));
  const { starts, ends, hashes, flags, candidates } = buffers;
  let count = 0;
  let candidateCount = 0;
  const n = text.length;
  // The first zone not wholly before the current token, kept in locals: most tokens end
  // before it, which one compare tells. As 32-bit integers (| 0, and a literal for none):
  // i may take a zone's end, and a tagged number there made the compiler keep i tagged, and
  // untag and retag it at every character.
  let zone = 0;
  let zoneStart = zones.length > 0 ? zones[0]! | 0 : Zone.NONE;
  let zoneEnd = zones.length > 0 ? zones[1]! | 0 : Zone.NONE;
  // The table in a local too: a module-level binding is read from memory at each use.
  const latin = LATIN;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    let entry = c < Cls.TABLE_SIZE ? latin[c]! : entryBeyondLatin(text, i, c);
    if ((entry & Cls.WORD) === 0) {
      i += (entry & Cls.WIDE) !== 0 ? 2 : 1;
      continue;
    }

    const start = i;
    const first = entry;
    let hash = Fnv.OFFSET;
    if ((entry & Cls.WIDE) !== 0) {
      hash = Math.imul(hash ^ c, Fnv.PRIME);
      entry = lowHalf(entry, text.charCodeAt(++i));
    }
    // Class bits of all characters OR-ed together, with SECOND_UPPER set by a capital that
    // comes when one has been seen: no branch per character on its case, which the CPU would
    // mispredict at every capital, and one variable carried through the loop (a separate
    // count of capitals, an add with an overflow check per character, cost 4 %).
    let classes = 0;
    word: for (;;) {
      // The loop over the Latin table's characters holds only their work: the rare character
      // beyond the table leaves it to be classified below, which keeps the classification
      // call and the surrogate-pair steps out of the loop's code (3–4 % faster).
      let unit = 0;
      for (;;) {
        classes |= ((classes & entry & Cls.UPPER) << 6) | entry; // UPPER << 6 is SECOND_UPPER
        hash = Math.imul(hash ^ (entry >>> 8), Fnv.PRIME);
        if (++i >= n) break word;
        unit = text.charCodeAt(i);
        if (unit >= Cls.TABLE_SIZE) break;
        entry = latin[unit]!;
        if ((entry & Cls.WORD) === 0) break word;
      }
      entry = entryBeyondLatin(text, i, unit);
      if ((entry & Cls.WORD) === 0) break;
      if ((entry & Cls.WIDE) !== 0) {
        hash = Math.imul(hash ^ unit, Fnv.PRIME);
        entry = lowHalf(entry, text.charCodeAt(++i));
      }
    }
    const end = i;

    if (end > zoneStart) {
      while (zoneEnd <= start) {
        zone += 2;
        zoneStart = zone < zones.length ? zones[zone]! | 0 : Zone.NONE;
        zoneEnd = zone < zones.length ? zones[zone + 1]! | 0 : Zone.NONE;
      }
      if (zoneStart < end) {
        // Inside (or touching) a URL, e-mail or quoted line: resume after the zone.
        if (zoneEnd > i) i = zoneEnd;
        continue;
      }
    }
    // Bits moved into place rather than chosen by conditions, which would branch per token.
    const flag =
      ((first & Cls.UPPER) << 2) | // FIRST_UPPER
      ((classes & Cls.DIGIT) >> 5) | // HAS_DIGIT
      (classes & Cls.ET) | // ESTONIAN_LETTER
      (classes & Cls.UPPER) | // HAS_UPPER: some character was a capital
      ((classes & Cls.SECOND_UPPER) >> 5); // MULTI_UPPER
    flags[count] = flag;
    starts[count] = start;
    ends[count] = end;
    hashes[count] = hash;
    if (terms !== undefined) {
      // The character after the token (when there is one), from its entry: its fold, which
      // is itself for any character that is not a letter. Not kept from the loop in c: one
      // variable fewer carried through the character loop (2–4 % faster).
      const after = end < n ? entry >>> 8 : 32;
      // scan.ts's first test of a token, so the scanner visits no token it would pass over:
      // capitals enough for an acronym, the start of a dotted or joined form, or a hash
      // `terms` may hold. A loose test of the flags and the next character goes first, so
      // a plain word costs no more than that.
      if (
        ((flag & (Flag.MULTI_UPPER | Flag.HAS_DIGIT)) !== 0 && isAcronymShaped(flag)) ||
        ((after === 46 /* . */ || after === 45 /* - */ || after === 38) /* & */ && mayJoin(after, end - start, flag)) ||
        terms.has(hash)
      ) {
        candidates[candidateCount++] = count;
      }
    }
    count++;
    // The character that ended the token belongs to no word, and its entry says how wide it
    // is: stepped over here rather than read and looked up again at the top of the loop
    // (once per token). At the end of the text the step only takes i past n.
    i += (entry & Cls.WIDE) !== 0 ? 2 : 1;
  }
  return { count, starts, ends, hashes, flags, candidates, candidateCount };
}

/** Capitals enough for an acronym: two, or one with a digit (scan.ts's isPlain, negated). */
function isAcronymShaped(flag: number): boolean {
  return (flag & Flag.MULTI_UPPER) !== 0 || (flag & (Flag.HAS_UPPER | Flag.HAS_DIGIT)) === (Flag.HAS_UPPER | Flag.HAS_DIGIT);
}

/**
 * Could a token of `length` units followed by `after` begin a dotted abbreviation ("a.m.",
 * "U.S.") or a joined acronym ("C-SAT", "R&D")? scan.ts's mayJoin on the token's flags.
 */
function mayJoin(after: number, length: number, flag: number): boolean {
  if (after === 46 /* . */) return length <= 2;
  return (after === 45 /* - */ || after === 38) /* & */ && (flag & Flag.HAS_UPPER) !== 0;
}

/**
 * A surrogate pair's entry once its first half is hashed: the second half as the code unit
 * to hash next, with the pair's class bits, so the loop treats it like any other character.
 */
function lowHalf(pairEntry: number, low: number): number {
  return (low << 8) | (pairEntry & 0xff);
}
