// Where the badge and its panel go, from measured boxes (viewport coordinates), without
// touching the DOM. The badge sits inside the bottom-right corner of the part of the field
// the user can see — like Grammarly's — so it follows a long editor that runs past the
// bottom of the window, and disappears with a field scrolled out of sight.

export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** The badge's fixed height; its width follows its words. */
export const BADGE_HEIGHT = 20;
/** Space between the badge and the field's edges. */
export const INSET = 4;
/** Below this the field gets the number only ("2" rather than "2 questions"). */
export const COMPACT_BELOW = { width: 180, height: 36 };
/** Below this there is no room for even the compact badge. */
export const HIDDEN_BELOW = { width: BADGE_HEIGHT + 2 * INSET, height: BADGE_HEIGHT };
export const PANEL_WIDTH = 320;
/** Gap between the badge and the panel, and the panel's margin to the window edges. */
export const PANEL_GAP = 6;
export const PANEL_MARGIN = 8;

/** The overlap of two boxes, or undefined when they do not overlap. */
export function intersect(a: Box, b: Box): Box | undefined {
  const box = { left: Math.max(a.left, b.left), top: Math.max(a.top, b.top), right: Math.min(a.right, b.right), bottom: Math.min(a.bottom, b.bottom) };
  return box.right > box.left && box.bottom > box.top ? box : undefined;
}

/** The part of `field` inside every clipping box (scrolling ancestors, the viewport). */
export function visiblePart(field: Box, clips: readonly Box[]): Box | undefined {
  let box: Box | undefined = field;
  for (const clip of clips) {
    box = intersect(box, clip);
    if (!box) return undefined;
  }
  return box;
}

/** The badge's bottom-right corner (it is drawn up and to the left of it). */
export interface BadgeSpot {
  right: number;
  bottom: number;
  compact: boolean;
}

/** Room left free for a textarea's resize grip in its bottom-right corner. */
export const GRIP = 14;

/**
 * `grip`: the field has a resize grip in its bottom-right corner (a resizable textarea whose
 * corner is in sight); the badge keeps left of it so the user can still drag it.
 */
export function badgeSpot(visible: Box | undefined, grip = false): BadgeSpot | undefined {
  if (!visible) return undefined;
  const width = visible.right - visible.left;
  const height = visible.bottom - visible.top;
  if (width < HIDDEN_BELOW.width + (grip ? GRIP : 0) || height < HIDDEN_BELOW.height) return undefined;
  // A one-line input: the badge is centred on the line rather than tucked into a corner.
  const below = height < COMPACT_BELOW.height ? (height - BADGE_HEIGHT) / 2 : INSET;
  return {
    right: visible.right - INSET - (grip ? GRIP : 0),
    bottom: visible.bottom - below,
    compact: width < COMPACT_BELOW.width || height < COMPACT_BELOW.height,
  };
}

export interface PanelSpot {
  left: number;
  /** The panel's top edge, or its bottom edge when it opens upwards. */
  y: number;
  up: boolean;
  width: number;
  maxHeight: number;
}

/**
 * The panel opens above the badge (the badge is at the bottom of the field, so the panel
 * covers the text already written rather than the line being typed), below it when there is
 * more room there; right-aligned with the badge and kept inside the window.
 */
export function panelSpot(badge: BadgeSpot, viewport: { width: number; height: number }): PanelSpot {
  const badgeTop = badge.bottom - BADGE_HEIGHT;
  const above = badgeTop - PANEL_GAP - PANEL_MARGIN;
  const below = viewport.height - badge.bottom - PANEL_GAP - PANEL_MARGIN;
  const up = above >= below || above >= 240;
  const width = Math.max(0, Math.min(PANEL_WIDTH, viewport.width - 2 * PANEL_MARGIN));
  const left = Math.max(PANEL_MARGIN, Math.min(badge.right - width, viewport.width - PANEL_MARGIN - width));
  return {
    left,
    y: up ? badgeTop - PANEL_GAP : badge.bottom + PANEL_GAP,
    up,
    width,
    maxHeight: Math.max(0, up ? above : below),
  };
}
