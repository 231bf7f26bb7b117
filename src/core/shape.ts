// Decides whether a word token is shaped like an acronym, and splits off an attached
// case ending: "CRMiga" → CRM + iga, "KPIs" → KPI + s, "SaaSi" → SaaS + i.

import { isDigitAt, isLowerAt, isUpperAt, isVowel } from './chars.ts';
import { isCaseEnding } from './endings.ts';

export interface AcronymSplit {
  /** The acronym itself ("CRM"). */
  head: string;
  /** Length of the attached ending in UTF-16 units (0 when none). */
  tailLength: number;
  /** True when the head has no lowercase letters and no digits: could be a word in capitals. */
  allCaps: boolean;
}

// Valid roman numerals up to 89 written with I, V, X, L (II, IV, XI, XL). Tokens are short,
// so this anchored, alternation-only pattern cannot backtrack badly.
const ROMAN = /^(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})$/;

export function isRomanNumeral(token: string): boolean {
  return token.length > 0 && ROMAN.test(token);
}

/** acronymHead() answer for a token that is not acronym-shaped. */
export const NOT_AN_ACRONYM = -1;
/** Bit set in an acronymHead() answer when the head could be a word in capitals. */
export const ALL_CAPS = 1 << 30; // above any string length V8 allows
/** The head's length in an acronymHead() answer. */
export const HEAD_LENGTH = ALL_CAPS - 1;

/**
 * Splits `token` (letters and digits only) into an acronym head and a case ending, or
 * returns null when the token is not acronym-shaped. Roman numerals are not acronyms.
 */
export function splitAcronym(token: string): AcronymSplit | null {
  const shape = acronymHead(token);
  if (shape === NOT_AN_ACRONYM) return null;
  const headLength = shape & HEAD_LENGTH;
  return { head: token.slice(0, headLength), tailLength: token.length - headLength, allCaps: (shape & ALL_CAPS) !== 0 };
}

/**
 * splitAcronym() as one number, for the scanner, which asks for every acronym-shaped token
 * and needs no object per answer: NOT_AN_ACRONYM, or the head's length with ALL_CAPS set
 * when the head has no lowercase letters and no digits.
 */
export function acronymHead(token: string): number {
  // The head ends after the last capital or digit; anything after must be a case ending.
  let lastStrong = -1;
  let upper = 0;
  let digits = 0;
  for (let i = 0; i < token.length; i++) {
    if (isUpperAt(token, i)) {
      upper++;
      lastStrong = i;
    } else if (isDigitAt(token, i)) {
      digits++;
      lastStrong = i;
    }
  }
  if (upper === 0 || lastStrong < 0) return NOT_AN_ACRONYM;
  const headEnd = lastStrong + 1;
  if (headEnd < token.length && !isCaseEnding(token.slice(headEnd))) return NOT_AN_ACRONYM;
  if (headEnd < 2) return NOT_AN_ACRONYM;

  let lower = 0;
  let lowerRun = 0;
  let maxLowerRun = 0;
  for (let i = 0; i < headEnd; i++) {
    if (isLowerAt(token, i)) {
      lower++;
      lowerRun++;
      if (lowerRun > maxLowerRun) maxLowerRun = lowerRun;
    } else {
      lowerRun = 0;
    }
  }
  if (lower === 0) {
    // CX, CSAT, T2, B2B, 2FA — but not a lone capital with many digits (order codes).
    if (upper < 2 && digits === 0) return NOT_AN_ACRONYM;
    if (digits > 2) return NOT_AN_ACRONYM;
    if (digits === 0 && isRomanHead(token, headEnd)) return NOT_AN_ACRONYM;
  } else {
    // Mixed case: SaaS, PhD, iOS, mRNA — not CamelCase names (HubSpot, OpenAI, LinkedIn).
    if (upper < 2) return NOT_AN_ACRONYM;
    if (maxLowerRun > 1 && headEnd > 4) return NOT_AN_ACRONYM;
    if (digits > 2) return NOT_AN_ACRONYM;
  }
  return headEnd | (lower === 0 && digits === 0 ? ALL_CAPS : 0);
}

/** Is token[0, headEnd) a roman numeral? Most heads hold a letter no numeral has: no regex run. */
function isRomanHead(token: string, headEnd: number): boolean {
  for (let i = 0; i < headEnd; i++) {
    const c = token.charCodeAt(i);
    if (c !== 67 /* C */ && c !== 73 /* I */ && c !== 76 /* L */ && c !== 86 /* V */ && c !== 88 /* X */) return false;
  }
  return isRomanNumeral(headEnd === token.length ? token : token.slice(0, headEnd));
}

/**
 * Heuristic for a word written in capitals that is pronounced as a word (URGENT, PALUN,
 * KOHE) rather than spelled out. Used only for tokens the dictionary does not know.
 */
export function looksLikeWord(lower: string): boolean {
  const n = lower.length;
  let vowels = 0;
  let consonantRun = 0;
  let maxConsonantRun = 0;
  for (let i = 0; i < n; i++) {
    if (isVowel(lower[i]!)) {
      vowels++;
      consonantRun = 0;
    } else {
      consonantRun++;
      if (consonantRun > maxConsonantRun) maxConsonantRun = consonantRun;
    }
  }
  if (n >= 5) return vowels >= 2 && vowels * 4 >= n && maxConsonantRun <= 3;
  if (n === 4) {
    // CVCV: KOHE, TERE, SAMA. Acronyms of four letters rarely alternate like that.
    return !isVowel(lower[0]!) && isVowel(lower[1]!) && !isVowel(lower[2]!) && isVowel(lower[3]!);
  }
  return false;
}
