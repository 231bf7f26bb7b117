// Character classes for the scanner. ASCII is decided by code ranges; anything else by
// Unicode property regexes on a single character, which is rare enough in acronyms
// (Õ Ä Ö Ü Š Ž) to stay off the hot path.

const UPPER = /^\p{Lu}$/u;
const LOWER = /^\p{Ll}$/u;
const LETTER = /^\p{L}$/u;

export function isUpperAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 128) return c >= 65 && c <= 90;
  return UPPER.test(text[i] ?? '');
}

export function isLowerAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 128) return c >= 97 && c <= 122;
  return LOWER.test(text[i] ?? '');
}

export function isLetterAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 128) return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  return LETTER.test(text[i] ?? '');
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
