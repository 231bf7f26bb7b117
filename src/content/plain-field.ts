// Live checking of one textarea or text input: after each pause, check its value, measure
// the findings in a mirror and draw boxes over the field. Boxes follow the text on every
// scroll (of the field or any ancestor), resize and focus, coalesced into one frame;
// measuring again only when the text or the field's size changed.
import type { Finding } from '../core/index.ts';
import type { Frames, Timers } from './clock';
import { followEdit, unexplained, type Check } from './findings';
import { guard } from './guard';
import { clipRect, measureSpans, underlineBoxes, type PlainField } from './mirror';
import type { Overlay, Rect } from './overlay';
import type { Scope } from './scope';
import { watchField } from './scheduler';

export interface PlainFieldDeps {
  check: Check;
  overlay: Overlay;
  scope: Scope;
  timers: Timers;
  frames: Frames;
}

/** Returns a function that checks the field again at once (after a fix, an ignore). */
export function startPlainField(field: PlainField, deps: PlainFieldDeps): () => void {
  const { scope, overlay } = deps;
  const layer = overlay.layer();
  scope.onDispose(() => layer.remove());
  let findings: Finding[] = [];
  /** The value `findings` belong to. */
  let checked = field.value;
  let measured: Rect[][] = [];

  const measure = () => {
    // A hidden field has no layout to copy; the ResizeObserver calls again when it shows.
    const measurable = findings.length > 0 && field.isConnected && field.clientWidth > 0;
    measured = measurable ? measureSpans(field, findings, overlay.measuringArea()) : [];
  };
  const paint = () => {
    if (!field.isConnected || field.clientWidth === 0 || measured.length === 0) {
      layer.hide();
      return;
    }
    const boxes: Rect[] = [];
    const labels: string[] = [];
    measured.forEach((rects, index) => {
      for (const box of underlineBoxes(field, rects)) {
        boxes.push(box);
        labels.push(findings[index]!.text);
      }
    });
    layer.draw(clipRect(field), boxes, labels);
  };

  let frame: number | undefined;
  let remeasure = false;
  const repaint = (withMeasure: boolean) => {
    remeasure ||= withMeasure;
    if (frame !== undefined) return;
    frame = deps.frames.requestAnimationFrame(guard('paint field', () => {
      frame = undefined;
      if (remeasure) measure();
      remeasure = false;
      paint();
    }));
  };
  scope.onDispose(() => {
    if (frame !== undefined) deps.frames.cancelAnimationFrame(frame);
  });

  const run = guard('check field', () => {
    checked = field.value;
    findings = unexplained(deps.check(checked));
    measure();
    paint();
  });
  const trigger = watchField(field, run, scope, deps.timers);

  // Until the check after the pause, underlines move with the text typed before them (and
  // vanish from words being edited) rather than stay where the words were.
  scope.listen(field, 'input', (event) => {
    if ((event as InputEvent).isComposing) return; // not even our own layer during IME input
    const value = field.value;
    findings = followEdit(checked, value, findings);
    checked = value;
    repaint(true);
  });
  const doc = field.ownerDocument;
  // Scroll events do not bubble, but a capturing listener on the document sees them all:
  // the field's own and every scrollable ancestor's.
  scope.listen(doc, 'scroll', () => repaint(false), { capture: true, passive: true });
  scope.listen(doc.defaultView ?? doc, 'resize', () => repaint(true), { passive: true });
  // A script may have set the value without an input event (macros, drafts): check again.
  scope.listen(field, 'focus', () => trigger.note());
  const resizes = new ResizeObserver(() => repaint(true));
  resizes.observe(field);
  scope.onDispose(() => resizes.disconnect());
  run();
  return run;
}
