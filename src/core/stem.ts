// Loose word comparison that tolerates Estonian case endings and English inflection:
// "juhtimise" ~ "juhtimine", "lepingu" ~ "leping", "Kasutajakogemuse" ~ "kasutajakogemus".
// Both arguments must already be lowercase.

import { fold } from './fold.ts';

export function sameStem(a: string, b: string): boolean {
  if (a === b) return true;
  const shorter = a.length <= b.length ? a : b;
  const longer = a.length <= b.length ? b : a;
  if (longer.length - shorter.length > 6) return false;
  let p = 0;
  // Code units, not one-character strings (which a[p] makes for characters past Latin-1).
  while (p < shorter.length && a.charCodeAt(p) === b.charCodeAt(p)) p++;
  return p >= 3 && p >= shorter.length - 3;
}

/**
 * sameStem(text.slice(start, end).toLowerCase(), b) without the lowercase copy when every
 * unit of the word is in fold.ts's table, which lowercases those unit for unit (all but
 * U+0130 İ, whose lowercase is two units): the explanation tests compare the words before
 * every bracket a term stands in with each of its expansions.
 */
export function sameStemIn(text: string, start: number, end: number, b: string): boolean {
  // Most words differ from an expansion word at the first letter, and a Latin first unit
  // (İ aside) lowercases to its fold alone: ruled out before the word is read through.
  if (start < end) {
    const first = text.charCodeAt(start);
    if (first < 0x250 && first !== 0x130 && fold(first) !== b.charCodeAt(0)) return false;
  }
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x250 || c === 0x130) return sameStem(text.slice(start, end).toLowerCase(), b);
  }
  const length = end - start;
  const shorter = Math.min(length, b.length);
  let p = 0;
  while (p < shorter && fold(text.charCodeAt(start + p)) === b.charCodeAt(p)) p++;
  if (p === length && length === b.length) return true;
  if (Math.abs(length - b.length) > 6) return false;
  return p >= 3 && p >= shorter - 3;
}
