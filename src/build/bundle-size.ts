// The content script is loaded into every frame of every page Selge works on, so its size is
// a budget: at most 60 KB gzipped, Preact included (issue 4). wxt.config.ts measures it
// after every build ('build:done'): the size is printed, and a build over budget fails, so
// `npm test` (whose browser tests build first) fails with it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export const CONTENT_SCRIPT_BUDGET_GZIPPED = 60 * 1024;

export interface ScriptSize {
  /** Relative to the build's output directory, e.g. "content-scripts/content.js". */
  file: string;
  bytes: number;
  gzipped: number;
}

const isContentScript = (file: string) => /^content-scripts\/[^/]+\.js$/.test(file);
const kb = (bytes: number) => (bytes / 1024).toFixed(1);

/** The sizes of the content scripts among a build's `files` (paths relative to `outDir`). */
export function contentScriptSizes(outDir: string, files: readonly string[]): ScriptSize[] {
  return files.filter(isContentScript).map((file) => {
    const code = readFileSync(join(outDir, file));
    return { file, bytes: code.length, gzipped: gzipSync(code, { level: 9 }).length };
  });
}

/**
 * One line to print per content script; throws, naming each script over `budget`, when any
 * is, and when there is none to measure (a build that lost its content script).
 */
export function contentScriptReport(sizes: readonly ScriptSize[], budget = CONTENT_SCRIPT_BUDGET_GZIPPED): string[] {
  if (sizes.length === 0) throw new Error('the build has no content script to measure (content-scripts/*.js)');
  const over = sizes.filter((size) => size.gzipped > budget);
  if (over.length > 0) {
    const named = over.map((size) => `${size.file} is ${size.gzipped} bytes gzipped`).join('; ');
    throw new Error(`${named}: over the content script budget of ${budget} bytes (${kb(budget)} KB) gzipped`);
  }
  return sizes.map((size) => `${size.file}: ${kb(size.bytes)} KB, ${kb(size.gzipped)} KB gzipped (budget ${kb(budget)} KB)`);
}
