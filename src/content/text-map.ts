// The text of a contenteditable editor, read in ONE TreeWalker pass, with a map back to the
// DOM. The checker reads `text`; its offsets are mapped back through `segments` into
// ranges. Checking and mapping the same string is what keeps underlines on the right words
// (mixing innerText with text-node offsets put another checker's underlines lines off:
// harper #1978).
//
// The string has one character per character of each text node (1:1, so offsets inside a
// node are plain arithmetic) plus synthetic "\n" for <br> and block boundaries and " " for
// skipped inline widgets. Synthetic characters belong to no segment. The one exception to
// 1:1: zero-width characters editors leave at the caret (CKEditor's inline filler U+2060 x7,
// TinyMCE's and Quill's caret placeholders U+FEFF, U+200B) are left out, so a placeholder
// inside "CRM|-iga" does not hide the word; a node is then several segments.

export interface Segment<N = Text> {
  node: N;
  /** Offset of the node's first character in the text. */
  start: number;
  /** How many characters the segment holds (UTF-16 units); never 0. */
  length: number;
  /** Offset of the segment's first character in the node, when not 0 (after a left-out character). */
  offset?: number;
}

export interface TextMap<N = Text> {
  text: string;
  /** Sorted by start, non-overlapping. */
  segments: Segment<N>[];
}

export interface Endpoints<N = Text> {
  startNode: N;
  startOffset: number;
  endNode: N;
  endOffset: number;
}

/**
 * Index of the segment holding the character at `offset` or, when `offset` falls on a
 * synthetic character, the first segment after it. `segments.length` when there is none.
 */
export function firstSegmentFrom<N>(segments: readonly Segment<N>[], offset: number): number {
  let low = 0;
  let high = segments.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    const segment = segments[mid]!;
    if (segment.start + segment.length <= offset) low = mid + 1;
    else high = mid;
  }
  return low;
}

/**
 * Index of the segment holding the character just before `offset` or, on a synthetic
 * character, the last segment before it. -1 when there is none.
 */
export function lastSegmentBefore<N>(segments: readonly Segment<N>[], offset: number): number {
  let low = 0;
  let high = segments.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (segments[mid]!.start < offset) low = mid + 1;
    else high = mid;
  }
  return low - 1;
}

/**
 * DOM endpoints for the text [start, end): from the first mapped character to the last.
 * Undefined when the span holds no mapped character (only synthetic ones) or is empty.
 */
export function endpointsFor<N>(map: TextMap<N>, start: number, end: number): Endpoints<N> | undefined {
  if (!(start < end)) return undefined;
  const first = firstSegmentFrom(map.segments, start);
  const last = lastSegmentBefore(map.segments, end);
  if (first > last) return undefined;
  const from = map.segments[first]!;
  const to = map.segments[last]!;
  return {
    startNode: from.node,
    startOffset: (from.offset ?? 0) + Math.max(start, from.start) - from.start,
    endNode: to.node,
    endOffset: (to.offset ?? 0) + Math.min(end, to.start + to.length) - to.start,
  };
}

/**
 * Invisible characters editors put at the caret, not typed by anyone: ZERO WIDTH SPACE
 * (TinyMCE's older caret containers), WORD JOINER (CKEditor 5's inline filler), ZERO WIDTH
 * NO-BREAK SPACE (TinyMCE's and Quill's caret placeholders). Not U+200C/U+200D: joiners that
 * change how letters and emoji are written.
 */
const ZERO_WIDTH = /[\u200b\u2060\ufeff]/;
const ZERO_WIDTH_RUNS = /[\u200b\u2060\ufeff]+/g;

/** Builds a TextMap by appending; keeps the synthetic-character rules in one place. */
export class TextMapBuilder<N> {
  private text = '';
  private readonly segments: Segment<N>[] = [];

  /** Appends a node's text, one character per character, leaving out zero-width placeholders. */
  node(node: N, data: string): void {
    if (!ZERO_WIDTH.test(data)) {
      this.run(node, data, 0);
      return;
    }
    let from = 0;
    for (const match of data.matchAll(ZERO_WIDTH_RUNS)) {
      this.run(node, data.slice(from, match.index), from);
      from = match.index + match[0].length;
    }
    this.run(node, data.slice(from), from);
  }

  private run(node: N, data: string, offset: number): void {
    if (data.length === 0) return;
    const segment: Segment<N> = { node, start: this.text.length, length: data.length };
    if (offset > 0) segment.offset = offset;
    this.segments.push(segment);
    this.text += data;
  }

  /** A <br>: always a line break. */
  lineBreak(): void {
    this.text += '\n';
  }

  /** A block boundary: a line break unless the text is empty or already at a line start. */
  boundary(): void {
    if (this.text.length > 0 && !this.text.endsWith('\n')) this.text += '\n';
  }

  /** A skipped inline part: keeps the words on either side apart. */
  gap(): void {
    if (this.text.length > 0 && !/\s$/.test(this.text)) this.text += ' ';
  }

  /** Whether whitespace here would only repeat what is already there. */
  atWhitespace(): boolean {
    return this.text.length === 0 || /\s$/.test(this.text);
  }

  build(): TextMap<N> {
    return { text: this.text, segments: this.segments };
  }
}

/** How the text map sees one element; from computed style, cached for one pass. */
interface ElementInfo {
  hidden: boolean;
  block: boolean;
  /** white-space keeps newlines (pre, pre-wrap, pre-line, break-spaces). */
  keepsNewlines: boolean;
}

function describe(element: Element): ElementInfo {
  if (element.localName === 'br') return { hidden: false, block: false, keepsNewlines: false };
  const style = element.ownerDocument.defaultView?.getComputedStyle(element);
  const display = style?.display ?? 'inline';
  const whiteSpace = style?.whiteSpace ?? 'normal';
  return {
    hidden: display === 'none',
    // Anything that is not inline-level starts a new line: block, flex, list-item, table parts.
    block: !display.startsWith('inline') && display !== 'contents' && display !== 'ruby',
    keepsNewlines: whiteSpace !== 'normal' && whiteSpace !== 'nowrap',
  };
}

const SHOW_ELEMENT = 0x1;
const SHOW_TEXT = 0x4;
const FILTER_ACCEPT = 1;
const FILTER_REJECT = 2;

/**
 * Reads `root` in one TreeWalker pass. Elements matching `skipInside`, hidden elements and
 * everything inside them are left out (with a boundary or gap in their place).
 */
export function readTextMap(root: HTMLElement, skipInside: string): TextMap<Text> {
  const builder = new TextMapBuilder<Text>();
  const info = new Map<Element, ElementInfo>([[root, describe(root)]]);
  let lastBlock: Element | undefined;

  const nearestBlock = (node: Node): Element => {
    let element = node.parentElement;
    while (element && element !== root && !info.get(element)?.block) element = element.parentElement;
    return element ?? root;
  };

  const walker = root.ownerDocument.createTreeWalker(root, SHOW_ELEMENT | SHOW_TEXT, {
    acceptNode(node) {
      if (node.nodeType !== 1) return FILTER_ACCEPT;
      const element = node as Element;
      const described = describe(element);
      if (element.matches(skipInside) || described.hidden) {
        // Rejected with its whole subtree; keep the words around it apart.
        if (described.block) builder.boundary();
        else builder.gap();
        return FILTER_REJECT;
      }
      info.set(element, described);
      return FILTER_ACCEPT;
    },
  });

  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node.nodeType === 1) {
      if ((node as Element).localName === 'br') {
        enterBlock(nearestBlock(node));
        builder.lineBreak();
      }
      continue;
    }
    const text = node as Text;
    enterBlock(nearestBlock(text));
    const keepsNewlines = text.parentElement ? info.get(text.parentElement)?.keepsNewlines : false;
    // Collapsible whitespace shows as spaces; replace 1:1 so node offsets stay valid.
    const data = keepsNewlines ? text.data : text.data.replace(/[\n\r\t\f]/g, ' ');
    // Indentation between blocks in the page source: invisible, so not part of the text.
    // (A no-break space is visible on purpose and stays.)
    if (!keepsNewlines && builder.atWhitespace() && /^ *$/.test(data)) continue;
    builder.node(text, data);
  }
  return builder.build();

  function enterBlock(block: Element): void {
    if (lastBlock !== undefined && block !== lastBlock) builder.boundary();
    lastBlock = block;
  }
}
