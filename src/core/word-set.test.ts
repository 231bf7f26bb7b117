import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isLetterAt } from './chars.ts';
import { WordSet } from './word-set.ts';

const set = new WordSet(['ehk', 'or', 'aka', 'e', 'as', 'lühidalt', 'või', 'tähendab', 'i', 'ie', 'that']);

/** The run of letters (at most 12) that starts at i, as explanation.ts reads it. */
function runFrom(text: string, i: number): number {
  let j = i;
  while (j < text.length && j - i < 12 && isLetterAt(text, j)) j++;
  return j;
}

/** The run of letters (at most 12) that ends at j, as explanation.ts reads it. */
function runTo(text: string, j: number): number {
  let i = j;
  while (i > 0 && j - i < 12 && isLetterAt(text, i - 1)) i--;
  return i;
}

const text = fc
  .array(fc.oneof(fc.constantFrom('ehk', 'EHK', 'Or', 'aka', 'e', 'E', 'as', 'või', 'VÕI', 'ie', 'i', 'tähendab', 'x', 'ka', ' ', '.', '2', 'é', 'İ'), fc.string({ maxLength: 3 })), { maxLength: 8 })
  .map((parts) => parts.join(''));

describe('WordSet', () => {
  it('answers has() like a Set of the lowercased stretch', () => {
    expect(set.has('NPS ehk soovitusindeks', 4, 7)).toBe(true);
    expect(set.has('NPS EHK', 4, 7)).toBe(true);
    expect(set.has('NPS ehkki', 4, 9)).toBe(false);
    expect(set.has('VÕI', 0, 3)).toBe(true);
  });

  it('rules out the ordinary words next to a term from two letters', () => {
    expect(set.rulesOutStart('kliendi', 0)).toBe(true);
    expect(set.rulesOutStart('ehkki', 0)).toBe(false); // "eh" starts "ehk": maybe
    expect(set.rulesOutStart('e.g.', 0)).toBe(false); // the one-letter word "e"
    expect(set.rulesOutStart('2024', 0)).toBe(true); // no letter: no word
    expect(set.rulesOutEnd('tasemele', 8)).toBe(true);
    expect(set.rulesOutEnd('või', 3)).toBe(false); // "õi": not decided from ASCII
    expect(set.rulesOutEnd('x E', 3)).toBe(false); // the one-letter word "e"
    expect(set.rulesOutEnd('', 0)).toBe(true);
  });

  it('never rules out a word of the set', () => {
    fc.assert(
      fc.property(text, fc.nat(), (s, at) => {
        const i = s.length === 0 ? 0 : at % (s.length + 1);
        if (set.rulesOutStart(s, i)) expect(set.has(s, i, runFrom(s, i))).toBe(false);
        if (set.rulesOutEnd(s, i)) expect(set.has(s, runTo(s, i), i)).toBe(false);
      }),
      { numRuns: 5000 },
    );
  });
});
