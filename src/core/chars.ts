// Character classes for the scanner. The Latin blocks (where every Estonian and English
// letter lives) are decided by one table read, built once from the same Unicode property
// regexes; anything beyond them by the regex on a single character, which is rare enough in
// acronyms and explanations to stay off the hot path.

const UPPER = /^\p{Lu}$/u;
const LOWER = /^\p{Ll}$/u;
const LETTER = /^\p{L}$/u;
const LETTER_OR_NUMBER = /^[\p{L}\p{N}]$/u;

// Bits of the table, as a const enum: number literals in the emitted code rather than a
// memory load per use of a module-level constant (these tests run for every term).
const enum Bit {
  TABLE_SIZE = 0x250,
  IS_UPPER = 1,
  IS_LOWER = 2,
  IS_LETTER = 4,
  IS_LETTER_OR_NUMBER = 8,
}
const LATIN = new Uint8Array(Bit.TABLE_SIZE);
for (let c = 0; c < Bit.TABLE_SIZE; c++) {
  const ch = String.fromCharCode(c);
  LATIN[c] =
    (UPPER.test(ch) ? Bit.IS_UPPER : 0) | (LOWER.test(ch) ? Bit.IS_LOWER : 0) | (LETTER.test(ch) ? Bit.IS_LETTER : 0) |
    (LETTER_OR_NUMBER.test(ch) ? Bit.IS_LETTER_OR_NUMBER : 0);
}

export function isUpperAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < Bit.TABLE_SIZE) return (LATIN[c]! & Bit.IS_UPPER) !== 0;
  return UPPER.test(text[i] ?? '');
}

export function isLowerAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < Bit.TABLE_SIZE) return (LATIN[c]! & Bit.IS_LOWER) !== 0;
  return LOWER.test(text[i] ?? '');
}

export function isLetterAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < Bit.TABLE_SIZE) return (LATIN[c]! & Bit.IS_LETTER) !== 0;
  return LETTER.test(text[i] ?? '');
}

/** A letter or a number (\p{L} or \p{N}); false past either end of the text. */
export function isLetterOrNumberAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < Bit.TABLE_SIZE) return (LATIN[c]! & Bit.IS_LETTER_OR_NUMBER) !== 0;
  return LETTER_OR_NUMBER.test(text[i] ?? '');
}

/** isLetterOrNumberAt for one code unit (a lone surrogate is neither). */
export function isLetterOrNumberUnit(c: number): boolean {
  if (c < Bit.TABLE_SIZE) return (LATIN[c]! & Bit.IS_LETTER_OR_NUMBER) !== 0;
  return LETTER_OR_NUMBER.test(String.fromCharCode(c));
}

export function isDigitAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return c >= 48 && c <= 57;
}

/** Space or tab: what may sit between words on one line. */
export function isBlankAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return c === 32 || c === 9 || c === 0xa0 || c === 0x202f;
}

/** Hyphen-like joiners that attach an Estonian case ending or a compound to an acronym. */
export function isHyphenAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return c === 45 /* - */ || c === 0x2010 /* ‐ */ || c === 0x2011 /* ‑ */;
}

export function isApostropheAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return c === 39 /* ' */ || c === 0x2019 /* ’ */;
}

const VOWELS = new Set('aeiouyõäöüéáó');

export function isVowel(ch: string): boolean {
  return VOWELS.has(ch);
}
