import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { firstWordsIn, lastWordsBefore, type WordSpans } from './sentence-words.ts';
import { words } from './words.ts';

const piece = fc.constantFrom(
  'Juhtimise', 'juhtimine', 'KLIENDI', 'Score', 'İD', 'ΣΟΦΙΑ', 'ÕUN', 'e\u0301', '\u{1D400}BC', '\uD800', '\uDC00',
  '2', ' ', '. ', '! ', '\n\n', '\n', '(', '\u00a0',
);
const text = fc.array(fc.oneof(piece, fc.string({ unit: 'binary', maxLength: 3 })), { maxLength: 10 }).map((p) => p.join(''));

function sliced(s: string, spans: WordSpans): string[] {
  return Array.from({ length: spans.count }, (_, k) => s.slice(spans.starts[k], spans.ends[k]));
}

describe('lastWordsBefore', () => {
  it('gives the last words that words() finds after the last sentence break', () => {
    fc.assert(
      fc.property(text, fc.integer({ min: 1, max: 6 }), (s, count) => {
        const breaks = [...s.matchAll(/\n\n|[.!?] /g)].map((m) => m.index + m[0].length);
        const sentence = s.slice(breaks.length === 0 ? 0 : breaks[breaks.length - 1]);
        expect(sliced(s, lastWordsBefore(s, 0, s.length, count))).toEqual(words(sentence).slice(-count));
      }),
      { numRuns: 5000 },
    );
  });
});

describe('firstWordsIn', () => {
  it('gives the first words that words() finds in the stretch', () => {
    fc.assert(
      fc.property(text, fc.nat(), fc.nat(), fc.integer({ min: 0, max: 6 }), (s, a, b, count) => {
        const from = s.length === 0 ? 0 : a % (s.length + 1);
        const to = from + (s.length - from === 0 ? 0 : b % (s.length - from + 1));
        expect(sliced(s, firstWordsIn(s, from, to, count))).toEqual(words(s.slice(from, to)).slice(0, count));
      }),
      { numRuns: 5000 },
    );
  });
});
