import { describe, expect, it } from 'vitest';
import { scrollDelta } from './reveal';

describe('scrollDelta: the least scroll that shows [start, end] in a box [min, max]', () => {
  it.each([
    // start, end, min, max, delta, what
    [20, 30, 0, 100, 0, 'already in view'],
    [0, 100, 0, 100, 0, 'exactly fills the box'],
    [150, 160, 0, 100, 68, 'below: its end lands the margin above the bottom'],
    [-50, -40, 0, 100, -58, 'above: its start lands the margin below the top'],
    [95, 105, 0, 100, 13, 'partly below'],
    [-5, 5, 0, 100, -13, 'partly above'],
    [150, 300, 0, 100, 150, 'taller than the box: its start at the top, no margin'],
    [-300, -150, 0, 100, -300, 'taller and above: its start at the top'],
    [150, 195, 100, 200, 0, 'in a box that does not start at 0'],
    [210, 220, 100, 200, 28, 'below such a box'],
  ])('%d–%d in %d–%d → %d (%s)', (start, end, min, max, delta) => {
    expect(scrollDelta(start, end, min, max)).toBe(delta);
  });

  it('afterwards the word is inside the box, whatever the margin allows', () => {
    for (const [start, end] of [[150, 160], [-50, -40], [95, 105], [-5, 5], [0, 97], [3, 100], [-2, 96]] as const) {
      const delta = scrollDelta(start, end, 0, 100);
      expect(start - delta).toBeGreaterThanOrEqual(0);
      expect(end - delta).toBeLessThanOrEqual(100);
    }
  });
});
