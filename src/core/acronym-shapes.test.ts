import { describe, expect, it } from 'vitest';
import { RememberedShapes, type AcronymShape } from './acronym-shapes.ts';

function shape(token: string): AcronymShape {
  return { token, isAcronym: true, head: token, entry: -1, unknownCapitals: true, capitalWord: false, letters: token };
}

describe('RememberedShapes', () => {
  it('finds a token by hash and spelling, also when two tokens share a hash', () => {
    const shapes = new RememberedShapes();
    shapes.add(7, shape('CRM'));
    shapes.add(7, shape('NPS'));
    const text = 'CRM and NPS and XYZ';
    expect(shapes.find(text, 0, 3, 7)?.token).toBe('CRM');
    expect(shapes.find(text, 8, 11, 7)?.token).toBe('NPS');
    expect(shapes.find(text, 16, 19, 7)).toBeUndefined(); // same hash, other letters
    expect(shapes.find(text, 0, 3, 8)).toBeUndefined(); // other hash
    expect(shapes.find(text, 0, 2, 7)).toBeUndefined(); // a prefix is not the token
  });

  it('starts afresh when full, and keeps finding what is added after', () => {
    const shapes = new RememberedShapes();
    const token = (k: number) => `T${k}`;
    for (let k = 0; k < 10_000; k++) shapes.add(k, shape(token(k)));
    const last = token(9_999);
    expect(shapes.find(last, 0, last.length, 9_999)?.token).toBe(last);
    const early = token(5);
    expect(shapes.find(early, 0, early.length, 5)).toBeUndefined();
  });
});
