// The runtime index ships inside the extension: all packs together must stay small.
// Size is deterministic (the compiler's output is byte-identical for the same packs), so
// it can be asserted; load time is measured by `npm run bench` instead.
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { loadBuiltinDictionary } from '../../src/dictionary/load-node.ts';

const LIMIT_GZIPPED = 150 * 1024;

describe('the compiled runtime index', () => {
  it(`is at most ${LIMIT_GZIPPED / 1024} KB gzipped for all packs`, async () => {
    const json = JSON.stringify(await loadBuiltinDictionary());
    const gzipped = gzipSync(json, { level: 9 }).length;
    console.log(`runtime index: ${json.length} bytes, ${gzipped} bytes gzipped`);
    expect(gzipped).toBeLessThanOrEqual(LIMIT_GZIPPED);
  });
});
