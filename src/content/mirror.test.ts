import { describe, expect, it } from 'vitest';
import { spanFits } from './mirror';
import { wavePath } from './overlay';

describe('spanFits (which findings the mirror can measure)', () => {
  const text = 'Meie CRM-iga ja NPSi.';

  it('takes spans inside the text, at its very start and end', () => {
    expect(spanFits({ start: 5, end: 12 }, text.length)).toBe(true);
    expect(spanFits({ start: 0, end: 4 }, text.length)).toBe(true);
    expect(spanFits({ start: 16, end: text.length }, text.length)).toBe(true);
  });

  it('refuses empty, reversed and out-of-range spans instead of letting the range throw', () => {
    expect(spanFits({ start: 15, end: 15 }, text.length)).toBe(false);
    expect(spanFits({ start: 12, end: 5 }, text.length)).toBe(false);
    expect(spanFits({ start: 18, end: 99 }, text.length)).toBe(false);
    expect(spanFits({ start: -1, end: 3 }, text.length)).toBe(false);
  });
});

describe('wavePath', () => {
  it('spans the whole box width', () => {
    const last = Number(wavePath(40).split(' ').at(-2)!.slice(1));
    expect(last).toBeGreaterThanOrEqual(40);
    expect(last).toBeLessThan(40 + 3 + 3);
  });
});
