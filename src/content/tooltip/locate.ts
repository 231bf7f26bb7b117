// Where a field's findings are on screen now: ranges' client rects in rich editors, the
// mirror's measurement in textareas (our boxes there are pointer-events:none, so the
// pointer is hit-tested against these rects).
import type { Finding } from '../../core/index.ts';
import { clipRect, measureSpans, type PlainField } from '../mirror';
import type { Overlay, Rect } from '../overlay';
import { endpointsFor, readTextMap, type TextMap } from '../text-map';
import { findingsOf, type TrackedField } from './tracked';

/** A finding and where it is on screen now. */
export interface Located {
  finding: Finding;
  rects: Rect[];
}

/** The smallest rect around `rects` (a word broken across lines). */
export function unionRect(rects: readonly Rect[]): Rect {
  const left = Math.min(...rects.map((r) => r.left));
  const top = Math.min(...rects.map((r) => r.top));
  const right = Math.max(...rects.map((r) => r.left + r.width));
  const bottom = Math.max(...rects.map((r) => r.top + r.height));
  return { left, top, width: right - left, height: bottom - top };
}

/**
 * Where each finding of the field is now. In a textarea or input, a word scrolled out of the
 * field has no rects unless `scrolledOut` asks for them too (the keyboard brings such a word
 * into view; a pointer cannot be over it). In rich editors, ranges have rects wherever they are;
 * `map` is the field's text map when the caller has just read it.
 */
export function locate(
  state: TrackedField, skipInside: string, overlay: Overlay,
  { scrolledOut = false, map }: { scrolledOut?: boolean; map?: TextMap } = {},
): Located[] {
  if (!state.report) return [];
  if (state.kind === 'plain') {
    const field = state.field as PlainField;
    const findings = findingsOf(state, skipInside, field.value);
    if (findings.length === 0) return [];
    if (field.clientWidth === 0) return [];
    const measured = measureSpans(field, findings, overlay.measuringArea());
    const clip = clipRect(field);
    const x = clip.left - field.scrollLeft;
    const y = clip.top - field.scrollTop;
    return findings.map((finding, index) => ({
      finding,
      rects: (measured[index] ?? [])
        .map((r) => ({ left: x + r.left, top: y + r.top, width: r.width, height: r.height }))
        // Scrolled out of the field's visible area: not there to point at.
        .filter((r) => scrolledOut || r.top + r.height > clip.top && r.top < clip.top + clip.height && r.left + r.width > clip.left && r.left < clip.left + clip.width),
    }));
  }
  const textMap = map ?? readTextMap(state.field, skipInside);
  return findingsOf(state, skipInside, textMap.text).map((finding) => {
    const ends = endpointsFor(textMap, finding.start, finding.end);
    if (!ends) return { finding, rects: [] };
    const range = state.field.ownerDocument.createRange();
    range.setStart(ends.startNode, ends.startOffset);
    range.setEnd(ends.endNode, ends.endOffset);
    return { finding, rects: [...range.getClientRects()].filter((r) => r.width > 0).map((r) => ({ left: r.left, top: r.top, width: r.width, height: r.height })) };
  });
}
