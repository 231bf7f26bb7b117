// Word tokens: maximal runs of letters, numbers and combining marks (\p{L}\p{N}\p{M}),
// outside skip zones. One pass over the UTF-16 code units that also computes, per token, a
// case-folded hash and a few shape flags, so the scanner can drop ordinary words by a bit
// test without slicing or lowercasing them. This loop is the per-keystroke hot path.

import { fold, FNV_OFFSET, FNV_PRIME } from './fold.ts';
import type { Zones } from './skip-zones.ts';

/** Token flags. */
export const HAS_DIGIT = 1; // an ASCII digit 0-9
export const HAS_UPPER = 2; // at least one capital
export const MULTI_UPPER = 4; // two or more capitals
export const FIRST_UPPER = 8; // the first character is a capital
export const ESTONIAN_LETTER = 16; // õ ä ö ü (either case): a vote for Estonian

const LETTER = 1;
const UPPER = 2;
const NUMBER = 4;
const MARK = 8;
const ET = 16; // õ ä ö ü Õ Ä Ö Ü
const DIGIT = 32; // 0-9
const WORD = LETTER | NUMBER | MARK;

// Classes for the Latin blocks, where almost all customer-message text lives.
const TABLE_SIZE = 0x250;
const CLASS = new Uint8Array(TABLE_SIZE);
for (let c = 0; c < TABLE_SIZE; c++) CLASS[c] = classify(String.fromCharCode(c));
for (const ch of 'õäöüÕÄÖÜ') CLASS[ch.charCodeAt(0)]! |= ET;
for (let c = 48; c <= 57; c++) CLASS[c]! |= DIGIT;

function classify(ch: string): number {
  let cls = 0;
  if (/\p{L}/u.test(ch)) cls |= LETTER;
  if (/\p{Lu}/u.test(ch)) cls |= UPPER;
  if (/\p{N}/u.test(ch)) cls |= NUMBER;
  if (/\p{M}/u.test(ch)) cls |= MARK;
  return cls;
}

// Everything beyond the table (combining marks, other scripts, emoji) is classified once per
// code point and remembered; a message rarely holds more than a few dozen distinct ones.
const wideClass = new Map<number, number>();
function classOfCodePoint(cp: number): number {
  let cls = wideClass.get(cp);
  if (cls === undefined) {
    cls = classify(String.fromCodePoint(cp));
    if (wideClass.size < 65_536) wideClass.set(cp, cls);
  }
  return cls;
}

/** Code units taken by the character classAt() last looked at: 2 for a surrogate pair. */
let lastWidth = 1;

/**
 * The class of the character at i (whose first code unit is c). A pair of surrogates is one
 * character (emoji, rare letters); a lone surrogate belongs to no word. Sets lastWidth
 * instead of returning a pair, so the hot loop allocates nothing.
 */
function classAt(text: string, i: number, c: number): number {
  lastWidth = 1;
  if (c < TABLE_SIZE) return CLASS[c]!;
  if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
    const low = text.charCodeAt(i + 1);
    if (low < 0xdc00 || low > 0xdfff) return 0;
    lastWidth = 2;
    return classOfCodePoint(((c - 0xd800) << 10) + (low - 0xdc00) + 0x10000);
  }
  return c >= 0xd800 && c <= 0xdfff ? 0 : classOfCodePoint(c);
}

export interface Tokens {
  count: number;
  starts: Int32Array;
  ends: Int32Array;
  /** Case-folded FNV-1a hash of the token's code units (see fold.ts). */
  hashes: Int32Array;
  flags: Int32Array;
}

// One set of buffers, grown as needed and reused by every call: check() is synchronous and
// keeps nothing from them after it returns, so a keystroke allocates no token arrays.
let capacity = 0;
let buffers: Omit<Tokens, 'count'> = allocate(1024);

function allocate(size: number): Omit<Tokens, 'count'> {
  capacity = size;
  return { starts: new Int32Array(size), ends: new Int32Array(size), hashes: new Int32Array(size), flags: new Int32Array(size) };
}

export function tokenize(text: string, zones: Zones): Tokens {
  // A token is at least one code unit and is followed by a non-word one (or the end).
  const most = (text.length >> 1) + 1;
  if (most > capacity) buffers = allocate(Math.max(most, capacity * 2));
  const { starts, ends, hashes, flags } = buffers;
  let count = 0;
  const n = text.length;
  let zone = 0;
  let i = 0;
  while (i < n) {
    let c = text.charCodeAt(i);
    let cls = classAt(text, i, c);
    let width = lastWidth;
    if ((cls & WORD) === 0) {
      i += width;
      continue;
    }

    const start = i;
    let hash = FNV_OFFSET;
    let uppers = 0;
    let f = (cls & UPPER) !== 0 ? FIRST_UPPER : 0;
    for (;;) {
      if ((cls & (UPPER | ET | DIGIT)) !== 0) {
        if ((cls & UPPER) !== 0) uppers++;
        if ((cls & DIGIT) !== 0) f |= HAS_DIGIT;
        if ((cls & ET) !== 0) f |= ESTONIAN_LETTER;
      }
      hash = Math.imul(hash ^ fold(c), FNV_PRIME);
      if (width === 2) hash = Math.imul(hash ^ text.charCodeAt(i + 1), FNV_PRIME);
      i += width;
      if (i >= n) break;
      c = text.charCodeAt(i);
      cls = classAt(text, i, c);
      width = lastWidth;
      if ((cls & WORD) === 0) break;
    }
    const end = i;

    while (zone < zones.length && zones[zone + 1]! <= start) zone += 2;
    if (zone < zones.length && zones[zone]! < end) {
      // Inside (or touching) a URL, e-mail or quoted line: resume after the zone.
      if (zones[zone + 1]! > i) i = zones[zone + 1]!;
      continue;
    }
    if (uppers > 0) f |= HAS_UPPER;
    if (uppers > 1) f |= MULTI_UPPER;
    starts[count] = start;
    ends[count] = end;
    hashes[count] = hash;
    flags[count] = f;
    count++;
  }
  return { count, starts, ends, hashes, flags };
}

