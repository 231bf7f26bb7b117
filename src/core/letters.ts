// Letter matching of a short form against the words before it, after Schwartz & Hearst
// (2003), "A simple algorithm for identifying abbreviation definitions in biomedical text":
// walk the short form right to left, find each character in the long form right to left,
// and require the first character to start a word. Works for acronyms no dictionary knows:
// "Quarterly Business Review (QBR)", "customer effort score (CES)".

import { isLetterOrNumberAt } from './chars.ts';

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
  if (!/[\p{L}]/u.test(sf[0] ?? '')) return false;
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
  const longForm = lf.slice(l + 1).trim();
  const words = longForm.split(/\s+/).filter(Boolean).length;
  const letters = sf.replace(/[^\p{L}\p{N}]/gu, '').length;
  return longForm.length > sf.length && words <= Math.min(letters + 5, letters * 2);
}
