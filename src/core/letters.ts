// Letter matching of a short form against the words before it, after Schwartz & Hearst
// (2003), "A simple algorithm for identifying abbreviation definitions in biomedical text":
// walk the short form right to left, find each character in the long form right to left,
// and require the first character to start a word. Works for acronyms no dictionary knows:
// "Quarterly Business Review (QBR)", "customer effort score (CES)".

import { isLetterAt, isLetterOrNumberAt, isLetterOrNumberUnit } from './chars.ts';
import { fold } from './fold.ts';

/** The lowercase long-form candidate as code units, reused by every call. */
let units = new Uint16Array(256);

function room(length: number): Uint16Array {
  if (units.length < length) units = new Uint16Array(Math.max(length, units.length * 2));
  return units;
}

/**
 * Returns true when the letters of `shortForm` can be found, in order, in `candidate` (the
 * text right before the short form), with the first letter at the start of a word, and the
 * matched long form has no more words than Schwartz & Hearst allow.
 */
export function lettersSpell(shortForm: string, candidate: string): boolean {
  const lf = candidate.toLowerCase();
  const buffer = room(lf.length);
  for (let i = 0; i < lf.length; i++) buffer[i] = lf.charCodeAt(i);
  return spelledIn(shortForm.toLowerCase(), buffer, lf.length);
}

/**
 * lettersSpell(shortForm, the words text[starts[k], ends[k]) for k from `first` to `count`
 * joined by single spaces). The words before a bracket are read in place: when all their
 * units are in fold.ts's table (all but U+0130 İ lowercase unit for unit there), the
 * lowercase candidate is written straight into the buffer, with no slice, join or copy.
 */
export function lettersSpellWords(
  shortForm: string, text: string, starts: Int32Array, ends: Int32Array, first: number, count: number,
): boolean {
  let length = 0;
  for (let k = first; k < count; k++) length += ends[k]! - starts[k]! + (k > first ? 1 : 0);
  const buffer = room(length);
  let p = 0;
  for (let k = first; k < count; k++) {
    if (k > first) buffer[p++] = 32;
    for (let i = starts[k]!; i < ends[k]!; i++) {
      const c = text.charCodeAt(i);
      if (c >= 0x250 || c === 0x130) return lettersSpell(shortForm, joined(text, starts, ends, first, count));
      buffer[p++] = fold(c);
    }
  }
  return spelledIn(shortForm.toLowerCase(), buffer, length);
}

function joined(text: string, starts: Int32Array, ends: Int32Array, first: number, count: number): string {
  let out = '';
  for (let k = first; k < count; k++) out += (k > first ? ' ' : '') + text.slice(starts[k]!, ends[k]!);
  return out;
}

/** The algorithm, on the lowercase short form and the first `length` units of the lowercase candidate. */
function spelledIn(sf: string, lf: Uint16Array, length: number): boolean {
  let s = sf.length - 1;
  let l = length - 1;
  if (!isLetterAt(sf, 0)) return false;
  while (s >= 0) {
    if (!isLetterOrNumberAt(sf, s)) {
      s--;
      continue;
    }
    const c = sf.charCodeAt(s);
    while (l >= 0 && (lf[l] !== c || (s === 0 && l > 0 && isLetterOrNumberUnit(lf[l - 1]!)))) l--;
    if (l < 0) return false;
    l--;
    s--;
  }
  // The long form is lf from l + 1, trimmed; its words and the short form's letters are
  // counted in place (no trimmed copy, no split or replace: each was an allocation or a
  // regex run for every bracket a term stands in).
  let from = l + 1;
  let to = length;
  while (from < to && isSpace(lf[from]!)) from++;
  while (to > from && isSpace(lf[to - 1]!)) to--;
  const letters = lettersAndNumbers(sf);
  return to - from > sf.length && wordsIn(lf, from, to) <= Math.min(letters + 5, letters * 2);
}

const SPACE = /\s/;

/** What \s and trim() count as white space (the ASCII ones decided without the regex). */
function isSpace(c: number): boolean {
  if (c < 128) return c === 32 || (c >= 9 && c <= 13);
  return SPACE.test(String.fromCharCode(c));
}

/** `lf.slice(from, to).split(/\s+/).filter(Boolean).length`: the runs of non-space units. */
function wordsIn(lf: Uint16Array, from: number, to: number): number {
  let words = 0;
  let inWord = false;
  for (let i = from; i < to; i++) {
    const space = isSpace(lf[i]!);
    if (!space && !inWord) words++;
    inWord = !space;
  }
  return words;
}

const NOT_LETTER_OR_NUMBER = /[^\p{L}\p{N}]/gu;

/** `sf.replace(/[^\p{L}\p{N}]/gu, '').length`, counted by table when every unit is in it. */
function lettersAndNumbers(sf: string): number {
  let count = 0;
  for (let i = 0; i < sf.length; i++) {
    // Beyond the Latin table a letter may be a surrogate pair: the regex reads code points.
    if (sf.charCodeAt(i) >= 0x250) return sf.replace(NOT_LETTER_OR_NUMBER, '').length;
    if (isLetterOrNumberAt(sf, i)) count++;
  }
  return count;
}
