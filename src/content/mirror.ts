// Where words sit inside a textarea or input. Ranges cannot reach into a field's value, so
// a mirror div copies the field's font and text layout, holds the same text with a <span>
// per finding, and the spans' rects say where the underlines go. The technique of
// component/textarea-caret-position, written here because that package is not a
// dependency; we measure whole words rather than a caret.
import { WAVE_HEIGHT, type Rect } from './overlay';

export interface Span {
  start: number;
  end: number;
}

export interface Piece {
  text: string;
  /** Index into the spans when this piece is one of them. */
  span?: number;
}

/**
 * Cuts `text` into plain pieces and span pieces. Spans must be sorted and non-overlapping
 * (the checker's findings are); an overlapping or out-of-range span is dropped.
 */
export function splitText(text: string, spans: readonly Span[]): Piece[] {
  const pieces: Piece[] = [];
  let at = 0;
  spans.forEach((span, index) => {
    if (span.start < at || span.end <= span.start || span.end > text.length) return;
    if (span.start > at) pieces.push({ text: text.slice(at, span.start) });
    pieces.push({ text: text.slice(span.start, span.end), span: index });
    at = span.end;
  });
  if (at < text.length) pieces.push({ text: text.slice(at) });
  return pieces;
}

/** Computed properties that decide where text wraps and how wide each glyph is. */
const COPIED = [
  'direction', 'font-family', 'font-size', 'font-size-adjust', 'font-stretch', 'font-style',
  'font-variant', 'font-weight', 'font-feature-settings', 'font-kerning', 'font-variation-settings',
  'letter-spacing', 'line-height', 'tab-size', 'text-align', 'text-indent', 'text-transform',
  'word-spacing', 'white-space', 'overflow-wrap', 'word-break', 'hyphens',
  'padding-top', 'padding-right', 'padding-bottom', 'padding-left',
];

export type PlainField = HTMLTextAreaElement | HTMLInputElement;

const px = (value: string): number => Number.parseFloat(value) || 0;

/**
 * Rects of each span, in the field's coordinates: relative to its padding box with the
 * text scrolled to the top left. Moving with scrolling is left to the painter, so a scroll
 * costs no new measurement. `area` is where the mirror may live (our overlay).
 */
export function measureSpans(field: PlainField, spans: readonly Span[], area: HTMLElement): Rect[][] {
  const doc = field.ownerDocument;
  const style = doc.defaultView!.getComputedStyle(field);
  const mirror = doc.createElement('div');
  for (const name of COPIED) mirror.style.setProperty(name, style.getPropertyValue(name));
  const isInput = field.localName === 'input';
  // The text area's width without borders and scrollbar (clientWidth), less the padding.
  const contentWidth = field.clientWidth - px(style.paddingLeft) - px(style.paddingRight);
  mirror.style.setProperty('box-sizing', 'content-box');
  mirror.style.setProperty('width', `${Math.max(contentWidth, 0)}px`);
  mirror.style.setProperty('border', '0');
  mirror.style.setProperty('margin', '0');
  mirror.style.setProperty('position', 'absolute');
  mirror.style.setProperty('top', '0');
  mirror.style.setProperty('left', '0');
  // An input never wraps; a textarea wraps as its computed white-space says (pre-wrap).
  if (isInput) mirror.style.setProperty('white-space', 'pre');

  const spanElements: HTMLSpanElement[] = [];
  for (const piece of splitText(field.value, spans)) {
    if (piece.span === undefined) {
      mirror.append(doc.createTextNode(piece.text));
    } else {
      const element = doc.createElement('span');
      element.textContent = piece.text;
      spanElements[piece.span] = element;
      mirror.append(element);
    }
  }
  area.append(mirror);
  try {
    const origin = mirror.getBoundingClientRect();
    // An input centres its one line vertically in its content box.
    const shiftY = isInput
      ? (field.clientHeight - px(style.paddingTop) - px(style.paddingBottom) -
          (origin.height - px(style.paddingTop) - px(style.paddingBottom))) / 2
      : 0;
    return spans.map((_, index) => {
      const element = spanElements[index];
      if (!element) return [];
      return [...element.getClientRects()]
        .filter((rect) => rect.width > 0)
        .map((rect) => ({
          left: rect.left - origin.left,
          top: rect.top - origin.top + shiftY,
          width: rect.width,
          height: rect.height,
        }));
    });
  } finally {
    mirror.remove();
  }
}

/** The field's visible text area (padding box inside borders and scrollbars), viewport coordinates. */
export function clipRect(field: PlainField): Rect {
  const box = field.getBoundingClientRect();
  return { left: box.left + field.clientLeft, top: box.top + field.clientTop, width: field.clientWidth, height: field.clientHeight };
}

/** Turns measured rects into underline boxes in viewport coordinates, following the scroll. */
export function underlineBoxes(field: PlainField, measured: readonly Rect[]): Rect[] {
  const clip = clipRect(field);
  const x = clip.left - field.scrollLeft;
  const y = clip.top - field.scrollTop;
  // A band from just above the bottom of the glyph box: where the browser's wavy underline sits.
  return measured.map((rect) => ({
    left: x + rect.left,
    top: y + rect.top + rect.height - 2,
    width: rect.width,
    height: WAVE_HEIGHT,
  }));
}
