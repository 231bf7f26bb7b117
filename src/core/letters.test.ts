import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lastWordsBefore } from './sentence-words.ts';
import { lettersSpell, lettersSpellWords } from './letters.ts';

/** The rule as first written, with a trimmed copy, split and replace: the in-place counts must agree. */
function reference(shortForm: string, candidate: string): boolean {
  const sf = shortForm.toLowerCase();
  const lf = candidate.toLowerCase();
  let s = sf.length - 1;
  let l = lf.length - 1;
  if (!/[\p{L}]/u.test(sf[0] ?? '')) return false;
  const wordUnit = (t: string, i: number) => /^[\p{L}\p{N}]$/u.test(t[i] ?? '');
  while (s >= 0) {
    if (!wordUnit(sf, s)) {
      s--;
      continue;
    }
    while (l >= 0 && (lf[l] !== sf[s] || (s === 0 && wordUnit(lf, l - 1)))) l--;
    if (l < 0) return false;
    l--;
    s--;
  }
  const longForm = lf.slice(l + 1).trim();
  const words = longForm.split(/\s+/).filter(Boolean).length;
  const letters = sf.replace(/[^\p{L}\p{N}]/gu, '').length;
  return longForm.length > sf.length && words <= Math.min(letters + 5, letters * 2);
}

const piece = fc.constantFrom(
  'Quarterly', 'Business', 'Review', 'customer', 'effort', 'score', 'Net', 'Promoter', 'q', 'b', 'r', '2', 'İ', 'ß',
  ' ', ' ', '\u00a0', '\u2003', '\n', '\ufeff', '-', 'é', 'e\u0301', '\u{1D400}', '\uD800', 'Σ', 'ς', 'õ',
);
const text = (maxLength: number) => fc.array(fc.oneof(piece, fc.string({ unit: 'binary', maxLength: 2 })), { maxLength }).map((p) => p.join(''));

describe('lettersSpell', () => {
  it('agrees with the rule written with trim, split and replace', () => {
    fc.assert(
      fc.property(fc.constantFrom('QBR', 'CES', 'NPS', 'T2', 'Q2', 'İB', 'ÕR', '\u{1D400}B', 'ΣB', 'B-R'), text(12), (sf, candidate) => {
        expect(lettersSpell(sf, candidate)).toBe(reference(sf, candidate));
      }),
      { numRuns: 5000 },
    );
    fc.assert(
      fc.property(text(3), text(10), (sf, candidate) => {
        expect(lettersSpell(sf, candidate)).toBe(reference(sf, candidate));
      }),
      { numRuns: 5000 },
    );
  });

  it('reads words in place as it reads them joined by spaces', () => {
    fc.assert(
      fc.property(fc.constantFrom('QBR', 'CES', 'T2', 'İB', 'ÕR', 'B-R'), text(12), fc.integer({ min: 0, max: 8 }), (sf, s, take) => {
        const { count, starts, ends } = lastWordsBefore(s, 0, s.length, 12);
        const first = take === 0 ? 0 : Math.max(0, count - take);
        const words = Array.from({ length: count - first }, (_, k) => s.slice(starts[first + k], ends[first + k]));
        expect(lettersSpellWords(sf, s, starts, ends, first, count)).toBe(lettersSpell(sf, words.join(' ')));
      }),
      { numRuns: 5000 },
    );
  });

  it('finds a long form whose words start with the letters', () => {
    expect(lettersSpell('QBR', 'our Quarterly\u00a0Business  Review ')).toBe(true);
    expect(lettersSpell('QBR', 'Quarterly')).toBe(false);
  });
});
