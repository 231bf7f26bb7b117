// Bringing a word into view before its tooltip opens from the keyboard (Alt+Shift+J): the
// next finding may be scrolled out of the field (a long textarea, a tall compose box) or out
// of the page. Scrolling is no edit: the text, the caret and the selection stay as they are.
//
// There is no scrollIntoView for a piece of text (a Range has none, and text inside a
// textarea is not in the DOM at all), so this scrolls each scrollable box from the field
// outwards, then the window, by the least that shows the word's rect, as the browser does
// for the caret. Instant, whatever the page's `scroll-behavior`: the tooltip is placed
// right after.
import type { Rect } from '../overlay';

/** Space kept between the word and the edge of a box it is scrolled into. */
const MARGIN_PX = 8;

/**
 * How far to scroll so that [start, end] fits in [min, max]: 0 when it does; else the
 * least that shows it, its start first when it is larger than the box.
 */
export function scrollDelta(start: number, end: number, min: number, max: number, margin = MARGIN_PX): number {
  if (start >= min && end <= max) return 0;
  if (start < min || end - start > max - min) return start - min - Math.min(margin, Math.max(0, (max - min) - (end - start)));
  return end - max + Math.min(margin, Math.max(0, start - min - (end - max)));
}

const SCROLLING = new Set(['auto', 'scroll', 'overlay']);

function scrollsItself(element: Element): boolean {
  const view = element.ownerDocument.defaultView;
  if (!view) return false;
  // A text field scrolls its text whatever its overflow says (Firefox reports no scrolling
  // overflow for a textarea).
  if (element.localName === 'textarea' || element.localName === 'input') {
    return element.scrollHeight > element.clientHeight || element.scrollWidth > element.clientWidth;
  }
  const style = view.getComputedStyle(element);
  return (SCROLLING.has(style.overflowY) && element.scrollHeight > element.clientHeight) ||
    (SCROLLING.has(style.overflowX) && element.scrollWidth > element.clientWidth);
}

/** The element's box inside its borders and scrollbars, in viewport coordinates. */
function clientBox(element: Element): Rect {
  const box = element.getBoundingClientRect();
  return { left: box.left + element.clientLeft, top: box.top + element.clientTop, width: element.clientWidth, height: element.clientHeight };
}

/** The element a box is laid out in: its parent, or the host of its shadow root. */
function container(element: Element): Element | null {
  if (element.parentElement) return element.parentElement;
  const root = element.getRootNode();
  return 'host' in root ? (root as ShadowRoot).host : null;
}

/**
 * Scrolls `field` and the boxes around it, then its window, so that `rect` (viewport
 * coordinates, as the field shows it now) is in view. Returns whether anything moved.
 */
export function revealRect(field: Element, rect: Rect): boolean {
  const doc = field.ownerDocument;
  let top = rect.top;
  let left = rect.left;
  let moved = false;
  for (let element: Element | null = field; element; element = container(element)) {
    // The page's own scrolling is the window's, below.
    if (element === doc.documentElement || element === doc.body) break;
    if (!scrollsItself(element)) continue;
    const box = clientBox(element);
    const dy = scrollDelta(top, top + rect.height, box.top, box.top + box.height);
    const dx = scrollDelta(left, left + rect.width, box.left, box.left + box.width);
    if (dx === 0 && dy === 0) continue;
    const before = { top: element.scrollTop, left: element.scrollLeft };
    element.scrollTo({ top: before.top + dy, left: before.left + dx, behavior: 'instant' });
    top -= element.scrollTop - before.top;
    left -= element.scrollLeft - before.left;
    moved ||= element.scrollTop !== before.top || element.scrollLeft !== before.left;
  }
  const view = doc.defaultView;
  if (!view) return moved;
  const viewport = doc.documentElement;
  const dy = scrollDelta(top, top + rect.height, 0, viewport.clientHeight);
  const dx = scrollDelta(left, left + rect.width, 0, viewport.clientWidth);
  if (dx !== 0 || dy !== 0) {
    const before = { x: view.scrollX, y: view.scrollY };
    view.scrollTo({ top: before.y + dy, left: before.x + dx, behavior: 'instant' });
    moved ||= view.scrollX !== before.x || view.scrollY !== before.y;
  }
  return moved;
}
