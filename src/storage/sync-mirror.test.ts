import { describe, expect, it } from 'vitest';
import { itemBytes } from './memory-area.ts';
import { syncChunkKey } from './keys.ts';
import { CHUNK_BYTES, chunkText, textHash } from './sync-mirror.ts';

describe('chunkText', () => {
  it('cuts text into pieces that fit the item quota as stored, without splitting a character', () => {
    // Escaped characters (quote, backslash, newline) and 2-, 3- and 4-byte UTF-8.
    const text = 'ab"c\\d\nõäöü€😀'.repeat(3000);
    const chunks = chunkText(text);
    expect(chunks.join('')).toBe(text);
    expect(chunks.length).toBeGreaterThan(5);
    chunks.forEach((chunk, i) => {
      expect(itemBytes(syncChunkKey(i), chunk)).toBeLessThanOrEqual(CHUNK_BYTES);
      if (i < chunks.length - 1) expect(itemBytes(syncChunkKey(i), chunk)).toBeGreaterThan(CHUNK_BYTES - 16);
      expect(chunk.charCodeAt(chunk.length - 1) & 0xfc00).not.toBe(0xd800); // no lone high surrogate at the end
    });
  });

  it('gives one (possibly empty) chunk for short text', () => {
    expect(chunkText('')).toEqual(['']);
    expect(chunkText('{"allowed":[]}')).toEqual(['{"allowed":[]}']);
  });

  it('hashes different saves differently', () => {
    expect(textHash('{"allowed":["SLA"]}')).not.toBe(textHash('{"allowed":["SLB"]}'));
  });
});
