import { describe, expect, it } from 'vitest';
import { splitText } from './mirror';
import { wavePath } from './overlay';

describe('splitText (the mirror text around each finding)', () => {
  const text = 'Meie CRM-iga ja NPSi.';

  it('cuts the text into plain pieces and one piece per span, losing nothing', () => {
    const pieces = splitText(text, [{ start: 5, end: 12 }, { start: 16, end: 20 }]);
    expect(pieces).toEqual([
      { text: 'Meie ' },
      { text: 'CRM-iga', span: 0 },
      { text: ' ja ' },
      { text: 'NPSi', span: 1 },
      { text: '.' },
    ]);
    expect(pieces.map((piece) => piece.text).join('')).toBe(text);
  });

  it('handles spans at the very start and end', () => {
    expect(splitText('NPS', [{ start: 0, end: 3 }])).toEqual([{ text: 'NPS', span: 0 }]);
  });

  it('drops overlapping, empty and out-of-range spans instead of garbling the text', () => {
    const pieces = splitText(text, [{ start: 5, end: 12 }, { start: 8, end: 14 }, { start: 15, end: 15 }, { start: 18, end: 99 }]);
    expect(pieces.filter((piece) => piece.span !== undefined)).toEqual([{ text: 'CRM-iga', span: 0 }]);
    expect(pieces.map((piece) => piece.text).join('')).toBe(text);
  });
});

describe('wavePath', () => {
  it('spans the whole box width', () => {
    const last = Number(wavePath(40).split(' ').at(-2)!.slice(1));
    expect(last).toBeGreaterThanOrEqual(40);
    expect(last).toBeLessThan(40 + 3 + 3);
  });
});
