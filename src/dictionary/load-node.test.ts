// Loading packs from disk and the compiled-dictionary cache.

import { copyFileSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { compileDictionary } from './compile.ts';
import { DICTIONARY_DIR, dictionaryHash, loadBuiltinDictionary, loadCapitals, loadPacks } from './load-node.ts';
import { DictionaryError } from './validate.ts';

const temps: string[] = [];
function tempCopy(): string {
  const dir = mkdtempSync(join(tmpdir(), 'selge-dict-'));
  temps.push(dir);
  for (const name of readdirSync(DICTIONARY_DIR)) if (name.endsWith('.json')) copyFileSync(join(DICTIONARY_DIR, name), join(dir, name));
  return dir;
}
afterEach(() => {
  for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('loadPacks', () => {
  it('reads every pack except capitals.json, sorted by file name', () => {
    expect(loadPacks().map((p) => p.pack)).toEqual(['business', 'cx', 'familiar', 'it', 'support']);
  });

  it('throws one error listing the problems of every broken file', () => {
    const dir = tempCopy();
    writeFileSync(join(dir, 'broken.json'), '{ "pack": "broken", ');
    writeFileSync(join(dir, 'wrong.json'), JSON.stringify({ pack: 'wrong', title: { et: 'x', en: 'y' }, entries: [{ term: 'Churn' }] }));
    writeFileSync(join(dir, 'huge.json'), ' '.repeat(2_000_001));
    writeFileSync(join(dir, 'renamed.json'), JSON.stringify({ pack: 'other', title: { et: 'x', en: 'y' }, entries: [] }));
    let error: unknown;
    try {
      loadPacks(dir);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DictionaryError);
    const message = (error as Error).message;
    expect(message).toMatch(/broken\.json: is not valid JSON/u);
    expect(message).toMatch(/wrong\.json, entry 0 "Churn", field kind: is missing\./u);
    expect(message).toMatch(/huge\.json: is 2000001 bytes; the limit for a dictionary file is 2000000\./u);
    expect(message).toMatch(/renamed\.json, field pack: is "other" but the file is named "renamed\.json"/u);
  });
});

describe('loadBuiltinDictionary', () => {
  it('compiles, caches by content hash, and reuses the cache', async () => {
    const dir = tempCopy();
    const cacheDir = join(dir, 'cache');
    const first = await loadBuiltinDictionary({ dir, cacheDir });
    const capitals = loadCapitals(dir);
    expect(JSON.stringify(first)).toBe(JSON.stringify(compileDictionary(loadPacks(dir), capitals ? { capitals } : {})));
    const cacheFile = join(cacheDir, `dictionary-${dictionaryHash(dir)}.json`);
    expect(existsSync(cacheFile)).toBe(true);

    // A cache hit returns the file's content: prove it by planting a marker.
    writeFileSync(cacheFile, JSON.stringify({ ...first, capitals: ['marker'] }));
    expect((await loadBuiltinDictionary({ dir, cacheDir })).capitals).toEqual(['marker']);

    // Changing a pack changes the hash: recompiled, and the stale cache file is removed.
    writeFileSync(join(dir, 'capitals.json'), JSON.stringify({ words: ['KOHE'], source: 'Rationale: a tiny test list.' }));
    const third = await loadBuiltinDictionary({ dir, cacheDir });
    expect(third.capitals).toEqual(['kohe']);
    expect(readdirSync(cacheDir)).toEqual([`dictionary-${dictionaryHash(dir)}.json`]);
  });

  it('works without a cache and reports invalid packs', async () => {
    const dir = tempCopy();
    expect((await loadBuiltinDictionary({ dir, cacheDir: false })).entries.length).toBeGreaterThan(60);
    writeFileSync(join(dir, 'team.json'), JSON.stringify({ pack: 'team', title: { et: 'x', en: 'y' }, entries: [{ term: '<b>' }] }));
    await expect(loadBuiltinDictionary({ dir, cacheDir: false })).rejects.toThrow(/team\.json, entry 0 "<b>", field term/u);
  });
});
