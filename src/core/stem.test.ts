import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lastWordsBefore } from './sentence-words.ts';
import { sameStem, sameStemIn } from './stem.ts';
import { words } from './words.ts';

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

describe('lastWordsBefore', () => {
  it('gives the last words that words() finds after the last sentence break', () => {
    fc.assert(
      fc.property(text, fc.integer({ min: 1, max: 6 }), (s, count) => {
        const spans = lastWordsBefore(s, 0, s.length, count);
        const found = Array.from({ length: spans.count }, (_, k) => s.slice(spans.starts[k], spans.ends[k]));
        const breaks = [...s.matchAll(/\n\n|[.!?] /g)].map((m) => m.index + m[0].length);
        const sentence = s.slice(breaks.length === 0 ? 0 : breaks[breaks.length - 1]);
        expect(found).toEqual(words(sentence).slice(-count));
      }),
      { numRuns: 5000 },
    );
  });
});
