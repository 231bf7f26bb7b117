// Functions the underline tests run inside the fixture page (the main world, where a
// page's own scripts live). Each is serialised by the driver, so none may use anything
// from outside its own body.

export const HIGHLIGHT_NAME = 'selge-unexplained';

export interface Clock {
  lastInput: number;
  /** Highlight ranges that existed at the last input event: a later paint has new ones. */
  seen: Set<AbstractRange>;
}

/**
 * Starts recording, in the page, when the last input happened and which highlight ranges
 * existed at that moment.
 */
export function installInputClock(name: string): void {
  const clock = { lastInput: performance.now(), seen: new Set<AbstractRange>() };
  (window as unknown as { selgeTestClock: Clock }).selgeTestClock = clock;
  document.addEventListener('input', () => {
    clock.lastInput = performance.now();
    clock.seen = new Set(CSS.highlights.get(name) ?? []);
  }, true);
}

/** Puts the caret at the start of `selector` (a contenteditable, textarea or input) and focuses it. */
export function placeCaret(selector: string): void {
  const element = document.querySelector(selector) as HTMLElement;
  element.focus();
  if (element instanceof HTMLTextAreaElement || element instanceof HTMLInputElement) {
    element.setSelectionRange(0, 0);
  } else {
    const line = element.firstElementChild ?? element;
    getSelection()!.collapse(line, 0);
  }
}

/** Resolves on the next animation frame: lets the page handle one key before the next. */
export function nextFrame(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => resolve()));
}

export interface UnderlinedRange {
  text: string;
  /** Selector of a skipped part (quote, signature, widget) the range starts or ends in. */
  inSkippedPart: string | null;
  /** Inside the given editor root. */
  inEditor: boolean;
}

export interface EditorWait {
  ok: boolean;
  /** Milliseconds from the last input event to the first poll that saw the expected underlines. */
  latencyMs: number;
  ranges: UnderlinedRange[];
  fresh: boolean;
}

/**
 * Waits, in the page, until the highlight holds exactly `expected` (in document order) and
 * was painted after the last input; gives up after `timeoutMs`. Polls every few
 * milliseconds: a condition, not a fixed sleep.
 */
export function waitForEditorUnderlines(
  args: { name: string; editor: string; expected: string[]; timeoutMs: number },
): Promise<EditorWait> {
  const clock = (window as unknown as { selgeTestClock: Clock }).selgeTestClock;
  const editor = document.querySelector(args.editor)!;
  const skipped = ['.gmail_quote', '.gmail_signature', '[contenteditable=false]'];
  const read = () => {
    const highlight = CSS.highlights.get(args.name);
    const all = highlight ? [...highlight] : [];
    let ranges: Range[];
    try {
      ranges = all.map((abstract) => {
        const range = document.createRange();
        range.setStart(abstract.startContainer, abstract.startOffset);
        range.setEnd(abstract.endContainer, abstract.endOffset);
        return range;
      });
    } catch {
      // A static range painted before the last edit, past its node's end or into a node the
      // editor moved elsewhere: not settled yet, poll again.
      return { fresh: false, ranges: [] };
    }
    ranges.sort((a, b) => a.compareBoundaryPoints(Range.START_TO_START, b));
    const elementOf = (node: Node) => (node.nodeType === 1 ? (node as Element) : node.parentElement);
    return {
      fresh: all.length > 0 && all.every((range) => !clock.seen.has(range)),
      ranges: ranges.map((range) => ({
        text: range.toString(),
        inSkippedPart:
          skipped.find((selector) =>
            elementOf(range.startContainer)?.closest(selector) || elementOf(range.endContainer)?.closest(selector),
          ) ?? null,
        inEditor: editor.contains(range.startContainer) && editor.contains(range.endContainer),
      })),
    };
  };
  const started = performance.now();
  return new Promise((resolve) => {
    const poll = () => {
      const now = performance.now();
      const state = read();
      const texts = state.ranges.map((range) => range.text);
      const matches = state.fresh && JSON.stringify(texts) === JSON.stringify(args.expected);
      if (matches || now - started > args.timeoutMs) {
        resolve({ ok: matches, latencyMs: now - clock.lastInput, ...state });
      } else {
        setTimeout(poll, 4);
      }
    };
    poll();
  });
}

export interface BoxInfo {
  label: string;
  left: number;
  top: number;
  width: number;
  height: number;
}

/** Selge's underline boxes for plain fields, as drawn on screen. */
export function readBoxes(): BoxInfo[] {
  const host = document.querySelector('selge-overlay');
  const boxes = [...(host?.shadowRoot?.querySelectorAll('[data-selge-box]') ?? [])] as HTMLElement[];
  return boxes
    .filter((box) => (box.parentElement as HTMLElement).style.display !== 'none')
    .map((box) => {
      const rect = box.getBoundingClientRect();
      return { label: box.getAttribute('data-selge-box') ?? '', left: rect.left, top: rect.top, width: rect.width, height: rect.height };
    })
    .sort((a, b) => a.top - b.top || a.left - b.left);
}

export interface BoxesWait {
  ok: boolean;
  latencyMs: number;
  boxes: BoxInfo[];
}

/**
 * Waits until the boxes' labels are exactly `expected` (top to bottom, left to right); gives
 * up after `timeoutMs`. `latencyMs` counts from the last input.
 */
export function waitForBoxes(args: { expected: string[]; timeoutMs: number }): Promise<BoxesWait> {
  const clock = (window as unknown as { selgeTestClock: Clock }).selgeTestClock;
  const started = performance.now();
  return new Promise((resolve) => {
    const poll = () => {
      const now = performance.now();
      const host = document.querySelector('selge-overlay');
      const boxes = ([...(host?.shadowRoot?.querySelectorAll('[data-selge-box]') ?? [])] as HTMLElement[])
        .filter((box) => (box.parentElement as HTMLElement).style.display !== 'none')
        .map((box) => {
          const rect = box.getBoundingClientRect();
          return { label: box.getAttribute('data-selge-box') ?? '', left: rect.left, top: rect.top, width: rect.width, height: rect.height };
        })
        .sort((a, b) => a.top - b.top || a.left - b.left);
      const matches = JSON.stringify(boxes.map((box) => box.label)) === JSON.stringify(args.expected);
      if (matches || now - started > args.timeoutMs) resolve({ ok: matches, latencyMs: now - clock.lastInput, boxes });
      else setTimeout(poll, 4);
    };
    poll();
  });
}

export interface WordGeometry {
  word: string;
  left: number;
  width: number;
  /** The first text line's top and bottom. */
  lineTop: number;
  lineBottom: number;
}

/**
 * Where `words` sit in a one-line textarea, measured without Selge's mirror and without
 * ranges: canvas text metrics of the text before each word, from the textarea's content
 * edge.
 */
export function measureWords(args: { selector: string; words: string[] }): WordGeometry[] {
  const field = document.querySelector(args.selector) as HTMLTextAreaElement;
  const style = getComputedStyle(field);
  const context = document.createElement('canvas').getContext('2d')!;
  context.font = `${style.fontStyle} ${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
  const rect = field.getBoundingClientRect();
  const contentLeft = rect.left + field.clientLeft + parseFloat(style.paddingLeft) - field.scrollLeft;
  const contentTop = rect.top + field.clientTop + parseFloat(style.paddingTop) - field.scrollTop;
  const lineHeight = style.lineHeight === 'normal' ? parseFloat(style.fontSize) * 1.25 : parseFloat(style.lineHeight);
  return args.words.map((word) => {
    const index = field.value.indexOf(word);
    return {
      word,
      left: contentLeft + context.measureText(field.value.slice(0, index)).width,
      width: context.measureText(word).width,
      lineTop: contentTop,
      lineBottom: contentTop + lineHeight,
    };
  });
}

/** What the tests compare with a run without the extension. */
export function fieldState(args: { editor: string; textarea: string }): { editorHtml: string; textareaValue: string } {
  return {
    editorHtml: document.querySelector(args.editor)!.innerHTML,
    textareaValue: (document.querySelector(args.textarea) as HTMLTextAreaElement).value,
  };
}

export interface Leftovers {
  /** Our highlight is registered. */
  highlight: boolean;
  /** Overlay hosts in the page, and how many are shown. */
  overlays: number;
  shownOverlays: number;
  /** The page marker of alive.ts. */
  marker: string | null;
}

/** Waits until `done(leftovers)` holds, or `timeoutMs`; returns the last state seen. */
export function waitForLeftovers(args: { name: string; want: Leftovers; timeoutMs: number }): Promise<Leftovers> {
  const started = performance.now();
  const read = (): Leftovers => {
    const hosts = [...document.querySelectorAll('selge-overlay')];
    return {
      highlight: CSS.highlights.has(args.name),
      overlays: hosts.length,
      shownOverlays: hosts.filter((host) => getComputedStyle(host).display !== 'none').length,
      marker: document.documentElement.getAttribute('data-selge-state'),
    };
  };
  return new Promise((resolve) => {
    const poll = () => {
      const state = read();
      if (JSON.stringify(state) === JSON.stringify(args.want) || performance.now() - started > args.timeoutMs) resolve(state);
      else setTimeout(poll, 10);
    };
    poll();
  });
}
