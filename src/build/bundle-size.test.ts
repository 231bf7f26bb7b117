import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { CONTENT_SCRIPT_BUDGET_GZIPPED, contentScriptReport, contentScriptSizes } from './bundle-size';

let dir: string | undefined;
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

describe('content script size', () => {
  it('measures only the content scripts of a build, gzipped', () => {
    dir = mkdtempSync(join(tmpdir(), 'selge-size-'));
    mkdirSync(join(dir, 'content-scripts'));
    const code = 'const a = 1;\n'.repeat(500);
    writeFileSync(join(dir, 'content-scripts', 'content.js'), code);
    writeFileSync(join(dir, 'background.js'), 'x'.repeat(100_000));
    const sizes = contentScriptSizes(dir, ['background.js', 'content-scripts/content.js', 'content-scripts/content.css']);
    expect(sizes).toEqual([{ file: 'content-scripts/content.js', bytes: code.length, gzipped: gzipSync(code, { level: 9 }).length }]);
  });

  it('prints each size against the budget', () => {
    expect(contentScriptReport([{ file: 'content-scripts/content.js', bytes: 114_000, gzipped: 40_000 }]))
      .toEqual(['content-scripts/content.js: 111.3 KB, 39.1 KB gzipped (budget 60.0 KB)']);
  });

  it('fails a build over budget, or one without a content script, saying which', () => {
    const over = { file: 'content-scripts/content.js', bytes: 300_000, gzipped: CONTENT_SCRIPT_BUDGET_GZIPPED + 1 };
    expect(() => contentScriptReport([over])).toThrow('content-scripts/content.js is 61441 bytes gzipped: over the content script budget of 61440 bytes (60.0 KB) gzipped');
    expect(() => contentScriptReport([{ ...over, gzipped: CONTENT_SCRIPT_BUDGET_GZIPPED }])).not.toThrow();
    expect(() => contentScriptReport([])).toThrow('no content script');
  });
});
