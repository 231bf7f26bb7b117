// A copy of the text laid out as one run of characters in memory.
//
// A string the checker receives is often not stored that way: text.slice() of a longer
// string is a view into it (V8's "sliced" strings, as in the bench's messages), and text
// joined with + is a tree of pieces ("cons" strings, as a content script builds a field's
// text from its nodes). Every charCodeAt on such a string first walks to the characters,
// and the checker reads each character several times (skip zones, tokens, scanner,
// explanations): on a 5 KB message that walk cost more than a sixth of check(). Joining two
// slices is the cheapest way JavaScript has to get a flat copy (one native copy, ~0.3 µs
// per 5 KB); `text + ''`, slice() or repeat(1) hand back the same string.

export function sequential(text: string): string {
  return [text.slice(0, 1), text.slice(1)].join('');
}
