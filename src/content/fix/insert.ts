// Applying a fix "as typing would": a collapsed caret right after the first use, then
// execCommand('insertText') (or, in CKEditor 5, which ignores execCommand, a cancelable
// beforeinput), then the user's caret put back, then the field read again. The DOM is never
// written directly: direct writes duplicated or lost text in Gmail and Outlook for other
// checkers (harper #1978, #2039). See /work/shared/notes/editors.md.
import type { PlainField } from '../mirror';
import { firstSegmentFrom, lastSegmentBefore, readTextMap, type TextMap } from '../text-map';

export type FixOutcome =
  /** The text now reads exactly as intended. */
  | 'done'
  /** Nothing changed (the editor refused, the word moved, IME composition running). */
  | 'unchanged'
  /** The editor changed the text, but not as intended, and undoing it did not restore it. */
  | 'changed';

export interface Insertion {
  /** Where the insert goes, as a text offset (the end of the first use). */
  at: number;
  /** What must stand just before `at`: the first use as written. */
  expect: string;
  text: string;
}

/** Where the caret goes when `insertion` lands: after it when it stood at or after the point. */
export function shiftOffset(offset: number, insertion: Insertion): number {
  return offset >= insertion.at ? offset + insertion.text.length : offset;
}

/** The text after the insertion, or undefined when the word is no longer where it was. */
export function intended(before: string, insertion: Insertion): string | undefined {
  const { at, expect, text } = insertion;
  if (before.slice(at - expect.length, at) !== expect) return undefined;
  return before.slice(0, at) + text + before.slice(at);
}

/** Editors may store a typed space as a no-break space next to another space. */
const same = (a: string, b: string): boolean => a.replace(/\u00a0/g, ' ') === b.replace(/\u00a0/g, ' ');

// ---------------------------------------------------------------------------------------
// textarea / input

export function insertInPlain(field: PlainField, insertion: Insertion, composing: boolean): FixOutcome {
  const before = field.value;
  const after = intended(before, insertion);
  if (composing || after === undefined) return 'unchanged';
  const doc = field.ownerDocument;
  const start = field.selectionStart ?? before.length;
  const end = field.selectionEnd ?? start;
  const direction = field.selectionDirection ?? 'none';
  const { scrollTop, scrollLeft } = field;
  if (doc.activeElement !== field) field.focus({ preventScroll: true });
  field.setSelectionRange(insertion.at, insertion.at);
  doc.execCommand('insertText', false, insertion.text);
  const now = field.value;
  const outcome = now === after ? 'done' : undoIfChanged(doc, before, () => field.value);
  if (outcome === 'done') {
    field.setSelectionRange(shiftOffset(start, insertion), shiftOffset(end, insertion), direction);
  } else {
    field.setSelectionRange(start, end, direction);
  }
  field.scrollTop = scrollTop;
  field.scrollLeft = scrollLeft;
  return outcome;
}

/** A wrong change is taken back with the editor's own undo, never by writing the DOM. */
function undoIfChanged(doc: Document, before: string, read: () => string): FixOutcome {
  if (same(read(), before)) return 'unchanged';
  doc.execCommand('undo');
  return same(read(), before) ? 'unchanged' : 'changed';
}

// ---------------------------------------------------------------------------------------
// contenteditable

/** The text offset of a DOM point inside the map's root; undefined outside mapped text. */
export function textOffsetOf(map: TextMap<Text>, node: Node, offset: number): number | undefined {
  if (node.nodeType === 3) {
    const segment = map.segments.find((s) => s.node === node);
    if (segment) return segment.start + Math.min(offset, segment.length);
  }
  // An element point (or an unmapped text node): the first mapped text at or after it.
  const child = node.nodeType === 3 ? node : node.childNodes[offset];
  const FOLLOWING = 4;
  const CONTAINED_BY = 16;
  const next = map.segments.find((s) => {
    if (!child) {
      // After the last child of `node`: the first text after `node`'s subtree.
      const position = node.compareDocumentPosition(s.node);
      return (position & FOLLOWING) !== 0 && (position & CONTAINED_BY) === 0;
    }
    if (child === s.node) return node.nodeType !== 3;
    const position = child.compareDocumentPosition(s.node);
    return (position & FOLLOWING) !== 0 || (position & CONTAINED_BY) !== 0;
  });
  return next ? next.start : map.text.length;
}

/** The DOM point for a text offset: inside the text node before it, else the one after. */
export function pointAt<N>(map: TextMap<N>, offset: number): { node: N; offset: number } | undefined {
  const before = lastSegmentBefore(map.segments, offset);
  const segment = map.segments[before];
  if (segment && offset <= segment.start + segment.length) return { node: segment.node, offset: offset - segment.start };
  const after = map.segments[firstSegmentFrom(map.segments, offset)];
  if (after) return { node: after.node, offset: Math.max(0, offset - after.start) };
  return segment ? { node: segment.node, offset: segment.length } : undefined;
}

/** CKEditor 5 ignores execCommand but handles a beforeinput with target ranges. */
function isCkEditor(root: HTMLElement): boolean {
  return root.matches('.ck-editor__editable') || root.closest('.ck-editor__editable') !== null;
}

/** Resolves after the next animation frame; passed in so the timing stays the caller's. */
export type NextFrame = () => Promise<void>;

/** How many frames CKEditor may take to render an insert into the DOM. */
const SETTLE_FRAMES = 20;

/**
 * Inserts into a contenteditable editor and puts the user's caret back. Synchronous for
 * editors that take execCommand (the common case: nothing can come between the insert and
 * the check). CKEditor 5 takes a beforeinput instead, and is given two frames to pick up
 * the caret first: its selection observer reads the DOM selection on `selectionchange`,
 * which also ends its typing batch, so the insert becomes an undo step of its own.
 */
export async function insertInRich(
  root: HTMLElement, skipInside: string, insertion: Insertion, composing: () => boolean, nextFrame: NextFrame,
): Promise<FixOutcome> {
  const doc = root.ownerDocument;
  const selection = doc.getSelection();
  let map = readTextMap(root, skipInside);
  const before = map.text;
  const after = intended(before, insertion);
  if (composing() || !selection || after === undefined || !pointAt(map, insertion.at)) return 'unchanged';

  // The user's caret (or selection) as text offsets, to put back afterwards.
  const inside = selection.rangeCount > 0 && root.contains(selection.anchorNode) && root.contains(selection.focusNode);
  const anchor = inside ? textOffsetOf(map, selection.anchorNode!, selection.anchorOffset) : undefined;
  const focus = inside ? textOffsetOf(map, selection.focusNode!, selection.focusOffset) : undefined;
  const restore = (outcome: FixOutcome) => {
    const now = readTextMap(root, skipInside);
    const put = (offset: number | undefined) =>
      offset === undefined ? undefined : pointAt(now, outcome === 'done' ? shiftOffset(offset, insertion) : offset);
    const a = put(anchor);
    const f = put(focus);
    if (a && f) selection.setBaseAndExtent(a.node, a.offset, f.node, f.offset);
    return outcome;
  };
  const read = () => readTextMap(root, skipInside).text;

  if (!root.contains(doc.activeElement) && doc.activeElement !== root) root.focus({ preventScroll: true });
  let target = pointAt(map, insertion.at)!;
  selection.collapse(target.node, target.offset);
  if (!isCkEditor(root)) {
    doc.execCommand('insertText', false, insertion.text);
    return restore(same(read(), after) ? 'done' : undoIfChanged(doc, before, read));
  }

  await nextFrame();
  await nextFrame();
  // The user may have typed meanwhile, or the editor re-rendered its nodes.
  map = readTextMap(root, skipInside);
  if (map.text !== before || composing()) return restore('unchanged');
  target = pointAt(map, insertion.at)!;
  const range = new StaticRange({ startContainer: target.node, startOffset: target.offset, endContainer: target.node, endOffset: target.offset });
  root.dispatchEvent(new InputEvent('beforeinput', {
    inputType: 'insertText', data: insertion.text, targetRanges: [range], bubbles: true, cancelable: true, composed: true,
  }));
  for (let frame = 0; frame < SETTLE_FRAMES && !same(read(), after); frame++) await nextFrame();
  const now = read();
  // CKEditor ignores execCommand('undo') too: a wrong change is left for the user to see.
  return restore(same(now, after) ? 'done' : same(now, before) ? 'unchanged' : 'changed');
}
