import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sameStem, sameStemIn } from './stem.ts';

const piece = fc.constantFrom(
  'Juhtimise', 'juhtimine', 'KLIENDI', 'Score', 'scores', 'İD', 'ΣΟΦΙΑ', 'Straße', 'ÕUN', 'õun', 'e\u0301', '\u{1D400}BC',
  '2', ' ', '. ', '\n\n', '(', '\u00a0', 'ǅ', 'ɐ', 'Ⱥ', 'ABCİİİİİİ',
);
const text = fc.array(fc.oneof(piece, fc.string({ unit: 'binary', maxLength: 3 })), { maxLength: 10 }).map((p) => p.join(''));
const expansionWord = fc.constantFrom('juhtimine', 'kliendi', 'score', 'id', 'σοφια', 'straße', 'õun', '2', 'ab', 'scor', 'abc');

describe('sameStemIn', () => {
  it('answers as sameStem of the lowercased slice', () => {
    fc.assert(
      fc.property(text, fc.nat(), fc.nat(), expansionWord, (s, a, b, w) => {
        const start = s.length === 0 ? 0 : a % (s.length + 1);
        const end = start + (s.length - start === 0 ? 0 : b % (s.length - start + 1));
        expect(sameStemIn(s, start, end, w)).toBe(sameStem(s.slice(start, end).toLowerCase(), w));
      }),
      { numRuns: 5000 },
    );
  });
});
