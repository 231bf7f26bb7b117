// What a token with capitals is, as far as the token alone decides: acronym-shaped or not,
// its head and case ending, its dictionary entry, its letters. These depend only on the
// token's characters and the dictionary, and a message repeats its acronyms ("CRM", "CRM-i",
// "CRM") and is checked again on every keystroke, so each distinct token is worked out once
// per dictionary and remembered. What depends on the token's neighbours (identifiers,
// shouted lines, endings after a hyphen) is still decided by the scanner for each use.

import { acronymAt, type PreparedDictionary } from './prepare.ts';
import { acronymHead, ALL_CAPS, HEAD_LENGTH, looksLikeWord, NOT_AN_ACRONYM } from './shape.ts';
import { foldedHash } from './fold.ts';

export interface AcronymShape {
  /** The token as written; findings of the token as written reuse this string. */
  token: string;
  /** False when the capitals make no acronym ("McDonald", "XIV"). */
  isAcronym: boolean;
  /** The acronym without its case ending ("CRM" of "CRMiga"); the token when it has none. */
  head: string;
  /** The head's entry, as written or in capitals, or -1 when the dictionary does not know it. */
  entry: number;
  /** The dictionary does not know the head, and it is all capitals (could be a word). */
  unknownCapitals: boolean;
  /**
   * An unknown head in capitals that reads as a word (a listed capital word such as KOHE,
   * or pronounceable, such as URGENT): a word whatever its neighbours.
   */
  capitalWord: boolean;
  /** The letters to match a long form against ("RD" of "R&D"). */
  letters: string;
}

/** Enough for the acronyms of many messages; a paste of random capitals starts afresh. */
const MAX_REMEMBERED = 4096;
/** Twice as many slots as shapes: a look-up rarely reads more than one or two. */
const SLOT_BITS = 13;
const SLOTS = 1 << SLOT_BITS;
if (MAX_REMEMBERED * 2 > SLOTS) throw new Error('Selge: the acronym shape table is too small.');

/**
 * The shapes worked out for one dictionary, in an open-addressed table by the token's folded
 * hash (an Int32Array of hashes beside the shapes). The scanner asks once per acronym-shaped
 * token; a Map keyed by number took about twice as long per question as reading a slot.
 * Tokens whose hashes collide take a slot each, and a hit is confirmed unit by unit.
 */
export class RememberedShapes {
  private readonly hashes = new Int32Array(SLOTS);
  private readonly shapes: (AcronymShape | undefined)[] = new Array<AcronymShape | undefined>(SLOTS).fill(undefined);
  private size = 0;

  /** The shape remembered for token text[start, end) with folded hash `hash`, or undefined. */
  find(text: string, start: number, end: number, hash: number): AcronymShape | undefined {
    for (let slot = firstSlot(hash); ; slot = (slot + 1) & (SLOTS - 1)) {
      const shape = this.shapes[slot];
      if (shape === undefined) return undefined;
      if (this.hashes[slot] === hash && spells(text, start, end, shape.token)) return shape;
    }
  }

  add(hash: number, shape: AcronymShape): void {
    if (this.size >= MAX_REMEMBERED) {
      this.shapes.fill(undefined);
      this.size = 0;
    }
    let slot = firstSlot(hash);
    while (this.shapes[slot] !== undefined) slot = (slot + 1) & (SLOTS - 1);
    this.hashes[slot] = hash;
    this.shapes[slot] = shape;
    this.size++;
  }
}

function firstSlot(hash: number): number {
  return Math.imul(hash, 0x9e3779b1) >>> (32 - SLOT_BITS);
}

/** Is text[start, end) exactly `token`? A token is a few units: read, not startsWith. */
function spells(text: string, start: number, end: number, token: string): boolean {
  if (token.length !== end - start) return false;
  for (let k = 0; k < token.length; k++) if (text.charCodeAt(start + k) !== token.charCodeAt(k)) return false;
  return true;
}

/** Remembered shapes per dictionary. */
const remembered = new WeakMap<PreparedDictionary, RememberedShapes>();

/** The shapes remembered for one dictionary (one look-up per check, not per token). */
export function shapesOf(dict: PreparedDictionary): RememberedShapes {
  let shapes = remembered.get(dict);
  if (shapes === undefined) {
    shapes = new RememberedShapes();
    remembered.set(dict, shapes);
  }
  return shapes;
}

/** The shape of token text[start, end), whose folded hash is `hash`. */
export function acronymShape(
  shapes: RememberedShapes, dict: PreparedDictionary, text: string, start: number, end: number, hash: number,
): AcronymShape {
  let shape = shapes.find(text, start, end, hash);
  if (shape === undefined) {
    shape = workOut(dict, text.slice(start, end), hash);
    shapes.add(hash, shape);
  }
  return shape;
}

function workOut(dict: PreparedDictionary, token: string, hash: number): AcronymShape {
  // The dictionary's own spelling wins over splitting off an ending: "WiFi" is not WiF + i.
  const asWritten = acronymAt(dict, token, 0, token.length, hash);
  const head = asWritten === undefined ? acronymHead(token) : token.length;
  if (head === NOT_AN_ACRONYM) {
    return { token, isAcronym: false, head: token, entry: -1, unknownCapitals: false, capitalWord: false, letters: token };
  }
  const headText = (head & HEAD_LENGTH) === token.length ? token : token.slice(0, head & HEAD_LENGTH);
  const entry = asWritten ?? lookupAcronym(dict, headText) ?? -1;
  const unknownCapitals = entry === -1 && (head & ALL_CAPS) !== 0;
  let capitalWord = false;
  if (unknownCapitals) {
    const lower = headText.toLowerCase();
    capitalWord = dict.capitals.has(lower) || looksLikeWord(lower);
  }
  return { token, isAcronym: true, head: headText, entry, unknownCapitals, capitalWord, letters: lettersOf(headText) };
}

/** The entry of an acronym as written or in capitals ("Kpi" → KPI), or undefined. */
function lookupAcronym(dict: PreparedDictionary, head: string): number | undefined {
  if (!isAscii(head)) return dict.acronyms.get(head) ?? dict.acronyms.get(head.toUpperCase());
  // An ASCII head and its capitals fold alike: one hash finds the keys for both forms.
  const hash = foldedHash(head);
  const known = acronymAt(dict, head, 0, head.length, hash);
  if (known !== undefined || !dict.acronymFilter.has(hash)) return known;
  const upper = head.toUpperCase();
  return upper === head ? undefined : acronymAt(dict, upper, 0, upper.length, hash);
}

const NOT_LETTER_OR_DIGIT = /[^\p{L}\p{N}]/gu;

/** The letters and digits of an acronym head ("R&D" → "RD"); a plain ASCII head is its own. */
export function lettersOf(head: string): string {
  for (let i = 0; i < head.length; i++) {
    const c = head.charCodeAt(i);
    const alnum = (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
    if (!alnum) return head.replace(NOT_LETTER_OR_DIGIT, '');
  }
  return head;
}

function isAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 127) return false;
  return true;
}
