// Our own layer over the page, for what cannot be painted inside a field: the underlines
// of textareas and inputs (ranges cannot reach into their text). One <selge-overlay> on
// <html>, fixed over the viewport, pointer-events:none so every click and selection goes
// to the page. An open shadow root keeps the page's CSS off our boxes. Styles are set
// through the CSSOM (element.style), which page CSP allows, and no innerHTML is used
// (Gmail enforces Trusted Types).

export interface Rect {
  left: number;
  top: number;
  width: number;
  height: number;
}

/** One field's boxes. */
export interface OverlayLayer {
  /**
   * Shows `boxes` (viewport coordinates) clipped to `clip` (the field's visible text area);
   * `labels[i]` names box i (the word as written) for debugging and tests.
   */
  draw(clip: Rect, boxes: readonly Rect[], labels: readonly string[]): void;
  hide(): void;
  remove(): void;
}

export interface Overlay {
  layer(): OverlayLayer;
  /** A hidden container inside our shadow root for measuring (the textarea mirror). */
  measuringArea(): HTMLElement;
  dispose(): void;
}

export const OVERLAY_TAG = 'selge-overlay';
export const BOX_ATTRIBUTE = 'data-selge-box';
/** Same colour as the ::highlight rule in underline.css. */
const UNDERLINE_COLOR = '#c2410c';

function setStyles(element: HTMLElement, styles: Record<string, string>): void {
  for (const [name, value] of Object.entries(styles)) element.style.setProperty(name, value, 'important');
}

function place(element: HTMLElement | SVGElement, rect: Rect): void {
  setStyles(element as HTMLElement, {
    left: `${rect.left}px`,
    top: `${rect.top}px`,
    width: `${rect.width}px`,
    height: `${rect.height}px`,
  });
}

const SVG_NS = 'http://www.w3.org/2000/svg';
/** Height of an underline box; the wave is drawn inside it. */
export const WAVE_HEIGHT = 4;

/**
 * A wavy line `width` px long, close to the browser's own wavy underline at text sizes:
 * half-waves 3 px long, quadratic curves alternating up and down (each T mirrors the
 * previous control point).
 */
export function wavePath(width: number): string {
  let path = 'M0 3 Q1.5 0.5 3 3';
  for (let x = 6; x < width + 3; x += 3) path += ` T${x} 3`;
  return path;
}

/** Inline SVG made through the DOM: no image URL, so img-src CSP cannot block it. */
function waveElement(doc: Document): SVGSVGElement {
  const svg = doc.createElementNS(SVG_NS, 'svg');
  svg.style.setProperty('position', 'absolute', 'important');
  svg.style.setProperty('overflow', 'hidden', 'important');
  svg.setAttribute('height', String(WAVE_HEIGHT));
  const path = doc.createElementNS(SVG_NS, 'path');
  path.setAttribute('fill', 'none');
  path.setAttribute('stroke', UNDERLINE_COLOR);
  path.setAttribute('stroke-width', '1.2');
  svg.append(path);
  return svg;
}

export function createOverlay(doc: Document): Overlay {
  // A previous copy of this script that could not clean up (Firefox stops a removed
  // extension's scripts outright) may have left its overlay behind.
  for (const stale of doc.querySelectorAll(OVERLAY_TAG)) stale.remove();
  let host: HTMLElement | undefined;
  let root: ShadowRoot | undefined;

  const ensureRoot = (): ShadowRoot => {
    if (root && host?.isConnected) return root;
    host = doc.createElement(OVERLAY_TAG);
    // Not !important, unlike everything inside: underline.css shows the host with
    // `display: block !important`. If the extension is removed or disabled, the browser
    // withdraws that CSS, and this inline display:none hides boxes a stopped script can no
    // longer remove.
    for (const [name, value] of Object.entries({
      all: 'initial',
      display: 'none',
      position: 'fixed',
      inset: '0',
      'pointer-events': 'none',
      'z-index': '2147483647',
      overflow: 'hidden',
      contain: 'strict',
    })) host.style.setProperty(name, value);
    root = host.attachShadow({ mode: 'open' });
    doc.documentElement.append(host);
    return root;
  };

  const layer = (): OverlayLayer => {
    let clipBox: HTMLElement | undefined;
    return {
      draw(clip, boxes, labels) {
        if (!clipBox || !clipBox.isConnected) {
          clipBox = doc.createElement('div');
          setStyles(clipBox, { position: 'absolute', overflow: 'hidden', margin: '0', padding: '0', border: '0' });
          ensureRoot().append(clipBox);
        }
        place(clipBox, clip);
        setStyles(clipBox, { display: 'block' });
        // Reuse box elements: repaints on scroll happen every frame. Boxes no longer needed
        // are hidden, never removed, while the user types: in Chromium any node leaving the
        // document ends the open typing step of the native undo (see mirror.ts).
        boxes.forEach((box, index) => {
          let element = clipBox!.children[index] as SVGSVGElement | undefined;
          if (!element) {
            element = waveElement(doc);
            clipBox!.append(element);
          }
          element.setAttribute(BOX_ATTRIBUTE, labels[index] ?? '');
          element.setAttribute('width', String(box.width));
          element.firstElementChild!.setAttribute('d', wavePath(box.width));
          element.style.setProperty('display', 'block', 'important');
          place(element, { ...box, left: box.left - clip.left, top: box.top - clip.top });
        });
        for (let index = boxes.length; index < clipBox.childElementCount; index++) {
          const spare = clipBox.children[index] as SVGSVGElement;
          spare.removeAttribute(BOX_ATTRIBUTE);
          spare.style.setProperty('display', 'none', 'important');
        }
      },
      hide() {
        if (clipBox) setStyles(clipBox, { display: 'none' });
      },
      remove() {
        clipBox?.remove();
        clipBox = undefined;
      },
    };
  };

  let area: HTMLElement | undefined;
  return {
    layer,
    measuringArea() {
      if (area?.isConnected) return area;
      area = doc.createElement('div');
      // Laid out (so it can be measured) but never seen, and out of the way of the boxes.
      setStyles(area, { position: 'absolute', left: '0', top: '0', visibility: 'hidden', width: '0', height: '0', overflow: 'visible' });
      ensureRoot().append(area);
      return area;
    },
    dispose() {
      host?.remove();
      host = undefined;
      root = undefined;
      area = undefined;
    },
  };
}
