// Where words sit inside a textarea or input. Ranges cannot reach into a field's value, so
// a mirror div copies the field's font and text layout and holds the same text, and ranges
// over the mirror's text say where the underlines go. The technique of
// component/textarea-caret-position, written here because that package is not a
// dependency (and it builds a new mirror per call, which we must not: see below); we
// measure whole words rather than a caret.
//
// The mirror is made once per measuring area and then only changed, never removed, while
// the page lives: Chromium ends the open typing step of its native undo whenever any node
// leaves the document (FrameSelection::NodeWillBeRemoved calls
// TypingCommand::CloseTypingIfNeeded), even one inside our shadow root, so a mirror
// appended and removed per keystroke made every key its own Ctrl+Z step in a textarea.
import { WAVE_HEIGHT, type Rect } from './overlay';

export interface Span {
  start: number;
  end: number;
}

/** Whether `span` is a non-empty stretch of a text `length` code units long. */
export function spanFits(span: Span, length: number): boolean {
  return span.start >= 0 && span.end > span.start && span.end <= length;
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

const MIRROR_ATTRIBUTE = 'data-selge-mirror';

/** The area's mirror: one div holding one text node, made on first use and kept. */
function mirrorIn(area: HTMLElement): { mirror: HTMLElement; text: Text } {
  let mirror = area.querySelector<HTMLElement>(`[${MIRROR_ATTRIBUTE}]`);
  if (!mirror || !(mirror.firstChild instanceof Text)) {
    // Only ever appended: a leftover without its text node (a page script emptied it) is
    // hidden and replaced rather than removed.
    mirror?.removeAttribute(MIRROR_ATTRIBUTE);
    mirror?.style.setProperty('display', 'none');
    mirror = area.ownerDocument.createElement('div');
    mirror.setAttribute(MIRROR_ATTRIBUTE, '');
    mirror.append(area.ownerDocument.createTextNode(''));
    area.append(mirror);
  }
  return { mirror, text: mirror.firstChild as Text };
}

/**
 * Rects of each span, in the field's coordinates: relative to its padding box with the
 * text scrolled to the top left. Moving with scrolling is left to the painter, so a scroll
 * costs no new measurement. `area` is where the mirror lives (our overlay).
 */
export function measureSpans(field: PlainField, spans: readonly Span[], area: HTMLElement): Rect[][] {
  const doc = field.ownerDocument;
  const style = doc.defaultView!.getComputedStyle(field);
  const { mirror, text } = mirrorIn(area);
  for (const name of COPIED) mirror.style.setProperty(name, style.getPropertyValue(name));
  const isInput = field.localName === 'input';
  // The text area's width without borders and scrollbar (clientWidth), less the padding.
  const contentWidth = field.clientWidth - px(style.paddingLeft) - px(style.paddingRight);
  mirror.style.setProperty('display', 'block');
  mirror.style.setProperty('box-sizing', 'content-box');
  mirror.style.setProperty('width', `${Math.max(contentWidth, 0)}px`);
  mirror.style.setProperty('border', '0');
  mirror.style.setProperty('margin', '0');
  mirror.style.setProperty('position', 'absolute');
  mirror.style.setProperty('top', '0');
  mirror.style.setProperty('left', '0');
  // An input never wraps; a textarea wraps as its computed white-space says (pre-wrap).
  if (isInput) mirror.style.setProperty('white-space', 'pre');

  const value = field.value;
  text.data = value;
  try {
    const origin = mirror.getBoundingClientRect();
    // An input centres its one line vertically in its content box.
    const shiftY = isInput
      ? (field.clientHeight - px(style.paddingTop) - px(style.paddingBottom) -
          (origin.height - px(style.paddingTop) - px(style.paddingBottom))) / 2
      : 0;
    const range = doc.createRange();
    return spans.map((span) => {
      if (!spanFits(span, value.length)) return [];
      range.setStart(text, span.start);
      range.setEnd(text, span.end);
      return [...range.getClientRects()]
        .filter((rect) => rect.width > 0)
        .map((rect) => ({
          left: rect.left - origin.left,
          top: rect.top - origin.top + shiftY,
          width: rect.width,
          height: rect.height,
        }));
    });
  } finally {
    // Emptied, not removed (see the top of this file): no copy of the text stays behind.
    text.data = '';
    mirror.style.setProperty('display', 'none');
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
