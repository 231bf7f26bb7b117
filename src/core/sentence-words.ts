// The last few words of the sentence that ends at a given point, read backwards. A long form
// ("Net Promoter Score (NPS)") is at most a handful of words, so reading back only that far
// costs a few dozen character reads where splitting the whole sentence would slice and match
// hundreds. The words are the same ones words() finds: runs of \p{L}\p{N} code points.

const LETTER_OR_NUMBER = /^[\p{L}\p{N}]$/u;

// Latin code units decided once; other characters by the regex, which they rarely reach.
const TABLE_SIZE = 0x250;
const IS_WORD_UNIT = new Uint8Array(TABLE_SIZE);
for (let c = 0; c < TABLE_SIZE; c++) IS_WORD_UNIT[c] = LETTER_OR_NUMBER.test(String.fromCharCode(c)) ? 1 : 0;

/**
 * The code units (1, or 2 for a surrogate pair) of the word character that ends at j, or 0
 * when text[j - 1] is not part of a word. A pair is only read as one character when both
 * halves lie at or after `from`, as they would in text.slice(from).
 */
function wordCharBefore(text: string, j: number, from: number): number {
  const c = text.charCodeAt(j - 1);
  if (c < TABLE_SIZE) return IS_WORD_UNIT[c]!;
  if (c >= 0xdc00 && c <= 0xdfff) {
    const high = j - 2 >= from ? text.charCodeAt(j - 2) : 0;
    return high >= 0xd800 && high <= 0xdbff && LETTER_OR_NUMBER.test(text.slice(j - 2, j)) ? 2 : 0;
  }
  if (c >= 0xd800 && c <= 0xdbff) return 0; // a high surrogate with no low one after it in the stretch
  return LETTER_OR_NUMBER.test(text[j - 1]!) ? 1 : 0;
}

/** Does a sentence break ("\n\n", ". ", "! ", "? ") start at p and end by `at`? */
function breakAt(text: string, p: number, at: number): boolean {
  if (p + 2 > at) return false;
  const c = text.charCodeAt(p);
  const next = text.charCodeAt(p + 1);
  if (c === 10 /* \n */) return next === 10;
  return (c === 46 /* . */ || c === 33 /* ! */ || c === 63 /* ? */) && next === 32;
}

/** Word k of `count` (in text order) is text[starts[k], ends[k]). */
export interface WordSpans {
  count: number;
  starts: Int32Array;
  ends: Int32Array;
}

/** `spans` with arrays for at least `count` words (grown once, then reused). */
function withRoom(spans: WordSpans, count: number): WordSpans {
  if (spans.starts.length < count) {
    spans.starts = new Int32Array(count);
    spans.ends = new Int32Array(count);
  }
  return spans;
}

/** lastWordsBefore's answer, reused by every call: valid until the next one. */
const spans: WordSpans = { count: 0, starts: new Int32Array(16), ends: new Int32Array(16) };

/**
 * Where the last `count` words (fewer when the sentence has fewer) of text[from, at) lie,
 * where the stretch starts after its last sentence break: the words words() gives for that
 * stretch, minus all but the last `count`. Spans, not strings: the caller compares most
 * words in place and copies few (see sameStemIn).
 */
export function lastWordsBefore(text: string, from: number, at: number, count: number): WordSpans {
  const { starts, ends } = withRoom(spans, count);
  let found = 0;
  let j = at;
  while (j > from && found < count) {
    let width = wordCharBefore(text, j, from);
    if (width === 0) {
      if (breakAt(text, j - 1, at)) break;
      j--;
      continue;
    }
    const end = j;
    do {
      j -= width;
      width = j > from ? wordCharBefore(text, j, from) : 0;
    } while (width > 0);
    starts[found] = j;
    ends[found] = end;
    found++;
  }
  // Found from the last word back: turned round into text order.
  for (let a = 0, b = found - 1; a < b; a++, b--) {
    const start = starts[a]!;
    const end = ends[a]!;
    starts[a] = starts[b]!;
    ends[a] = ends[b]!;
    starts[b] = start;
    ends[b] = end;
  }
  spans.count = found;
  return spans;
}

/**
 * The code units (1, or 2 for a surrogate pair) of the word character that starts at j, or
 * 0 when text[j] is not part of a word. A pair is only read as one character when both
 * halves lie before `to`, as they would in text.slice(from, to).
 */
function wordCharAt(text: string, j: number, to: number): number {
  const c = text.charCodeAt(j);
  if (c < TABLE_SIZE) return IS_WORD_UNIT[c]!;
  if (c >= 0xd800 && c <= 0xdbff) {
    const low = j + 1 < to ? text.charCodeAt(j + 1) : 0;
    return low >= 0xdc00 && low <= 0xdfff && LETTER_OR_NUMBER.test(text.slice(j, j + 2)) ? 2 : 0;
  }
  if (c >= 0xdc00 && c <= 0xdfff) return 0; // a low surrogate with no high one before it
  return LETTER_OR_NUMBER.test(text[j]!) ? 1 : 0;
}

/** firstWordsIn's answer, reused by every call: valid until the next one. */
const firstSpans: WordSpans = { count: 0, starts: new Int32Array(16), ends: new Int32Array(16) };

/**
 * Where the first `count` words (fewer when there are fewer) of text[from, to) lie: what
 * words() gives for that stretch, cut to its first `count`, without reading the rest.
 */
export function firstWordsIn(text: string, from: number, to: number, count: number): WordSpans {
  const { starts, ends } = withRoom(firstSpans, count);
  let found = 0;
  let j = from;
  while (j < to && found < count) {
    let width = wordCharAt(text, j, to);
    if (width === 0) {
      j++;
      continue;
    }
    const start = j;
    do {
      j += width;
      width = j < to ? wordCharAt(text, j, to) : 0;
    } while (width > 0);
    starts[found] = start;
    ends[found] = j;
    found++;
  }
  firstSpans.count = found;
  return firstSpans;
}
