import { describe, expect, it } from 'vitest';
import { BADGE_HEIGHT, badgeSpot, GRIP, INSET, intersect, PANEL_GAP, PANEL_MARGIN, PANEL_WIDTH, panelSpot, visiblePart } from './place';

const box = (left: number, top: number, right: number, bottom: number) => ({ left, top, right, bottom });
const viewport = box(0, 0, 1000, 800);

describe('visiblePart', () => {
  it('is the field inside every clip', () => {
    expect(visiblePart(box(100, 100, 500, 300), [viewport])).toEqual(box(100, 100, 500, 300));
    // A long editor running past the window's bottom: its visible part ends there.
    expect(visiblePart(box(100, 100, 500, 2000), [viewport])).toEqual(box(100, 100, 500, 800));
    // Inside a scrolled container that shows only its top half.
    expect(visiblePart(box(100, 100, 500, 300), [box(0, 0, 600, 200), viewport])).toEqual(box(100, 100, 500, 200));
  });

  it('is nothing for a field scrolled out of sight', () => {
    expect(visiblePart(box(100, -300, 500, -100), [viewport])).toBeUndefined();
    expect(visiblePart(box(100, 100, 500, 300), [box(0, 400, 600, 700)])).toBeUndefined();
    expect(intersect(box(0, 0, 10, 10), box(10, 0, 20, 10))).toBeUndefined();
  });
});

describe('badgeSpot', () => {
  it('sits inside the bottom-right corner', () => {
    expect(badgeSpot(box(100, 100, 500, 300))).toEqual({ right: 500 - INSET, bottom: 300 - INSET, compact: false });
  });

  it('keeps left of a textarea\'s resize grip', () => {
    expect(badgeSpot(box(100, 100, 500, 300), true)).toEqual({ right: 500 - INSET - GRIP, bottom: 300 - INSET, compact: false });
  });

  it('is compact in a one-line input, centred vertically', () => {
    const spot = badgeSpot(box(100, 100, 400, 124))!;
    expect(spot.compact).toBe(true);
    expect(spot.bottom).toBe(124 - (24 - BADGE_HEIGHT) / 2);
    const input = badgeSpot(box(100, 100, 400, 132))!;
    expect(input.bottom - BADGE_HEIGHT / 2).toBe(116);
    expect(badgeSpot(box(100, 100, 250, 300))!.compact).toBe(true);
    expect(badgeSpot(box(100, 100, 250, 300))!.bottom).toBe(300 - INSET);
  });

  it('is hidden where it does not fit or nothing is visible', () => {
    expect(badgeSpot(undefined)).toBeUndefined();
    expect(badgeSpot(box(100, 100, 400, 110))).toBeUndefined();
    expect(badgeSpot(box(100, 100, 120, 300))).toBeUndefined();
  });
});

describe('panelSpot', () => {
  const size = { width: 1000, height: 800 };

  it('opens above a badge low in the window, right-aligned with it', () => {
    const spot = panelSpot({ right: 700, bottom: 600, compact: false }, size);
    expect(spot).toEqual({
      left: 700 - PANEL_WIDTH, y: 600 - BADGE_HEIGHT - PANEL_GAP, up: true, width: PANEL_WIDTH,
      maxHeight: 600 - BADGE_HEIGHT - PANEL_GAP - PANEL_MARGIN,
    });
  });

  it('opens below a badge near the top of the window', () => {
    const spot = panelSpot({ right: 700, bottom: 60, compact: false }, size);
    expect(spot.up).toBe(false);
    expect(spot.y).toBe(60 + PANEL_GAP);
    expect(spot.maxHeight).toBe(800 - 60 - PANEL_GAP - PANEL_MARGIN);
  });

  it('stays inside a narrow window', () => {
    expect(panelSpot({ right: 100, bottom: 600, compact: true }, size).left).toBe(PANEL_MARGIN);
    const narrow = panelSpot({ right: 250, bottom: 600, compact: true }, { width: 260, height: 800 });
    expect(narrow.width).toBe(260 - 2 * PANEL_MARGIN);
    expect(narrow.left).toBe(PANEL_MARGIN);
  });
});
