// Letter matching of a short form against the words before it, after Schwartz & Hearst
// (2003), "A simple algorithm for identifying abbreviation definitions in biomedical text":
// walk the short form right to left, find each character in the long form right to left,
// and require the first character to start a word. Works for acronyms no dictionary knows:
// "Quarterly Business Review (QBR)", "customer effort score (CES)".

import { isLetterAt, isLetterOrNumberAt } from './chars.ts';

/**
 * Returns true when the letters of `shortForm` can be found, in order, in `candidate` (the
 * text right before the short form), with the first letter at the start of a word, and the
 * matched long form has no more words than Schwartz & Hearst allow.
 */
export function lettersSpell(shortForm: string, candidate: string): boolean {
  const sf = shortForm.toLowerCase();
  const lf = candidate.toLowerCase();
  let s = sf.length - 1;
  let l = lf.length - 1;
  if (!isLetterAt(sf, 0)) return false;
  while (s >= 0) {
    if (!isLetterOrNumberAt(sf, s)) {
      s--;
      continue;
    }
    // Character codes, not one-character strings: this loop reads the whole candidate.
    const c = sf.charCodeAt(s);
    while (l >= 0 && (lf.charCodeAt(l) !== c || (s === 0 && isLetterOrNumberAt(lf, l - 1)))) l--;
    if (l < 0) return false;
    l--;
    s--;
  }
  // The long form is lf from l + 1, trimmed; its words and the short form's letters are
  // counted in place (no trimmed copy, no split or replace: each was an allocation or a
  // regex run for every bracket a term stands in).
  let from = l + 1;
  let to = lf.length;
  while (from < to && isSpace(lf.charCodeAt(from))) from++;
  while (to > from && isSpace(lf.charCodeAt(to - 1))) to--;
  const letters = lettersAndNumbers(sf);
  return to - from > sf.length && wordsIn(lf, from, to) <= Math.min(letters + 5, letters * 2);
}

const SPACE = /\s/;

/** What \s and trim() count as white space (the ASCII ones decided without the regex). */
function isSpace(c: number): boolean {
  if (c < 128) return c === 32 || (c >= 9 && c <= 13);
  return SPACE.test(String.fromCharCode(c));
}

/** `s.slice(from, to).split(/\s+/).filter(Boolean).length`: the runs of non-space characters. */
function wordsIn(s: string, from: number, to: number): number {
  let words = 0;
  let inWord = false;
  for (let i = from; i < to; i++) {
    const space = isSpace(s.charCodeAt(i));
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
