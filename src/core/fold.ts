// Case folding and hashing shared by the tokenizer (over the text) and the dictionary
// preparation (over lowercase keys), so a token's hash can be compared with a key's hash
// without building the token's lowercase string. Folding covers the Latin blocks (where
// every Estonian and English letter lives); other code units hash as they are.

const TABLE_SIZE = 0x250;
const FOLD = new Uint16Array(TABLE_SIZE);
for (let c = 0; c < TABLE_SIZE; c++) {
  const lower = String.fromCharCode(c).toLowerCase();
  // Keep one code unit per code unit, so lengths and offsets never change (İ → i̇ does not).
  FOLD[c] = lower.length === 1 ? lower.charCodeAt(0) : c;
}

export const FNV_OFFSET = 0x811c9dc5 | 0;
export const FNV_PRIME = 0x01000193;

export function fold(c: number): number {
  return c < TABLE_SIZE ? FOLD[c]! : c;
}

export function foldedHash(s: string): number {
  let h = FNV_OFFSET;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ fold(s.charCodeAt(i)), FNV_PRIME);
  return h;
}

/** Does text[start, end) equal `key` (already lowercase) after folding? */
export function equalsFolded(text: string, start: number, end: number, key: string): boolean {
  if (end - start !== key.length) return false;
  for (let i = start; i < end; i++) {
    if (fold(text.charCodeAt(i)) !== key.charCodeAt(i - start)) return false;
  }
  return true;
}

/** The folded form of text[start, end): what `toLowerCase` gives, one unit per unit. */
export function foldedSlice(text: string, start: number, end: number): string {
  let out = '';
  for (let i = start; i < end; i++) out += String.fromCharCode(fold(text.charCodeAt(i)));
  return out;
}

/**
 * A set of hashes as 2^sizeBits bits: a hit means "maybe", a miss means "certainly not".
 * Sized so that a few thousand keys leave most bits clear: few false hits.
 */
export class HashFilter {
  private readonly bits: Uint32Array;
  private readonly shift: number;

  constructor(sizeBits = 16) {
    this.bits = new Uint32Array(1 << (sizeBits - 5));
    this.shift = 32 - sizeBits;
  }

  /**
   * The bit of a hash: the top bits of its product with 2^32/φ (Fibonacci hashing), which
   * depend on every bit of the hash. The hash's own low bits let common short words ("the")
   * land on a key's bit often enough to cost a table look-up per use.
   */
  private bitOf(hash: number): number {
    return Math.imul(hash, 0x9e3779b1) >>> this.shift;
  }

  add(hash: number): void {
    const b = this.bitOf(hash);
    this.bits[b >>> 5] = (this.bits[b >>> 5] ?? 0) | (1 << (b & 31));
  }

  has(hash: number): boolean {
    const b = this.bitOf(hash);
    return (this.bits[b >>> 5]! & (1 << (b & 31))) !== 0;
  }
}

/** One hash for two words in a row: phrases are filed under their first two words. */
export function pairHash(first: number, second: number): number {
  return Math.imul(first ^ Math.imul(second, 0x9e3779b1), FNV_PRIME);
}
