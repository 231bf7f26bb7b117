// Applying a fix "as typing would": the word (or a collapsed caret right after it) selected,
// then execCommand('insertText') (or, in CKEditor 5, which ignores execCommand, a cancelable
// beforeinput), then the user's caret put back, then the field read again. The DOM is never
// written directly: direct writes duplicated or lost text in Gmail and Outlook for other
// checkers (harper #1978, #2039). See /work/shared/notes/editors.md.
import type { Finding } from '../../core/index.ts';
import type { PlainField } from '../mirror';
import { firstSegmentFrom, lastSegmentBefore, readTextMap, type TextMap } from '../text-map';

export type FixOutcome =
  /** The text now reads exactly as intended. */
  | 'done'
  /** Nothing changed (the editor refused, the word moved, IME composition running). */
  | 'unchanged'
  /** The editor changed the text, but not as intended, and undoing it did not restore it. */
  | 'changed';

/** One fix as a text edit: what replaces [start, end) of the field's text. */
export interface Edit {
  /** The word the fix is for, as written, and where it starts: it must still be there. */
  word: string;
  wordStart: number;
  /** The range replaced; start === end inserts. */
  start: number;
  end: number;
  text: string;
}

/** Explain here: the words typed right after the word. */
export const insertAfter = (finding: Finding, text: string): Edit => ({
  word: finding.text, wordStart: finding.start, start: finding.end, end: finding.end, text,
});

/** Replace with plain words: the word typed over. */
export const replaceWord = (finding: Finding, text: string): Edit => ({
  word: finding.text, wordStart: finding.start, start: finding.start, end: finding.end, text,
});

/**
 * Where a caret offset goes when `edit` lands: past an insert when it stood at the insert
 * point or after it; to the end of a replacement when it stood inside the replaced word.
 */
export function shiftOffset(offset: number, edit: Edit): number {
  const delta = edit.text.length - (edit.end - edit.start);
  if (edit.start === edit.end) return offset >= edit.start ? offset + delta : offset;
  if (offset >= edit.end) return offset + delta;
  return offset > edit.start ? edit.start + edit.text.length : offset;
}

/** The text after the edit, or undefined when the word is no longer where it was. */
export function intended(before: string, edit: Edit): string | undefined {
  if (before.slice(edit.wordStart, edit.wordStart + edit.word.length) !== edit.word) return undefined;
  return before.slice(0, edit.start) + edit.text + before.slice(edit.end);
}

/** Editors may store a typed space as a no-break space next to another space. */
const same = (a: string, b: string): boolean => a.replace(/\u00a0/g, ' ') === b.replace(/\u00a0/g, ' ');

// ---------------------------------------------------------------------------------------
// textarea / input

export function applyInPlain(field: PlainField, edit: Edit, composing: boolean): FixOutcome {
  const before = field.value;
  const after = intended(before, edit);
  if (composing || after === undefined) return 'unchanged';
  const doc = field.ownerDocument;
  const start = field.selectionStart ?? before.length;
  const end = field.selectionEnd ?? start;
  const direction = field.selectionDirection ?? 'none';
  const { scrollTop, scrollLeft } = field;
  if (doc.activeElement !== field) field.focus({ preventScroll: true });
  field.setSelectionRange(edit.start, edit.end);
  doc.execCommand('insertText', false, edit.text);
  const now = field.value;
  const outcome = now === after ? 'done' : undoIfChanged(doc, before, () => field.value);
  if (outcome === 'done') {
    field.setSelectionRange(shiftOffset(start, edit), shiftOffset(end, edit), direction);
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

/** Selects what the edit replaces (a collapsed caret for an insert), as the user would. */
function select(selection: Selection, map: TextMap<Text>, edit: Edit): void {
  const from = pointAt(map, edit.start)!;
  if (edit.start === edit.end) {
    selection.collapse(from.node, from.offset);
    return;
  }
  // The end of a word is the end of its own text node, not the start of the next one.
  const to = pointAt(map, edit.end)!;
  selection.setBaseAndExtent(from.node, from.offset, to.node, to.offset);
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
 * Applies an edit in a contenteditable editor and puts the user's caret back. Synchronous for
 * editors that take execCommand (the common case: nothing can come between the edit and
 * the check). CKEditor 5 takes a beforeinput instead, and is given two frames to pick up
 * the selection first: its selection observer reads the DOM selection on `selectionchange`,
 * which also ends its typing batch, so the edit becomes an undo step of its own.
 */
export async function applyInRich(
  root: HTMLElement, skipInside: string, edit: Edit, composing: () => boolean, nextFrame: NextFrame,
): Promise<FixOutcome> {
  const doc = root.ownerDocument;
  const selection = doc.getSelection();
  let map = readTextMap(root, skipInside);
  const before = map.text;
  const after = intended(before, edit);
  if (composing() || !selection || after === undefined || !pointAt(map, edit.start) || !pointAt(map, edit.end)) return 'unchanged';

  // The user's caret (or selection) as text offsets, to put back afterwards.
  const inside = selection.rangeCount > 0 && root.contains(selection.anchorNode) && root.contains(selection.focusNode);
  const anchor = inside ? textOffsetOf(map, selection.anchorNode!, selection.anchorOffset) : undefined;
  const focus = inside ? textOffsetOf(map, selection.focusNode!, selection.focusOffset) : undefined;
  const restore = (outcome: FixOutcome) => {
    const now = readTextMap(root, skipInside);
    const put = (offset: number | undefined) =>
      offset === undefined ? undefined : pointAt(now, outcome === 'done' ? shiftOffset(offset, edit) : offset);
    const a = put(anchor);
    const f = put(focus);
    if (a && f) selection.setBaseAndExtent(a.node, a.offset, f.node, f.offset);
    return outcome;
  };
  const read = () => readTextMap(root, skipInside).text;

  if (!root.contains(doc.activeElement) && doc.activeElement !== root) root.focus({ preventScroll: true });
  select(selection, map, edit);
  if (!isCkEditor(root)) {
    doc.execCommand('insertText', false, edit.text);
    return restore(same(read(), after) ? 'done' : undoIfChanged(doc, before, read));
  }

  await nextFrame();
  await nextFrame();
  // The user may have typed meanwhile, or the editor re-rendered its nodes.
  map = readTextMap(root, skipInside);
  if (map.text !== before || composing()) return restore('unchanged');
  const from = pointAt(map, edit.start)!;
  const to = pointAt(map, edit.end)!;
  const range = new StaticRange({ startContainer: from.node, startOffset: from.offset, endContainer: to.node, endOffset: to.offset });
  root.dispatchEvent(new InputEvent('beforeinput', {
    inputType: 'insertText', data: edit.text, targetRanges: [range], bubbles: true, cancelable: true, composed: true,
  }));
  for (let frame = 0; frame < SETTLE_FRAMES && !same(read(), after); frame++) await nextFrame();
  const now = read();
  // CKEditor ignores execCommand('undo') too: a wrong change is left for the user to see.
  return restore(same(now, after) ? 'done' : same(now, before) ? 'unchanged' : 'changed');
}
