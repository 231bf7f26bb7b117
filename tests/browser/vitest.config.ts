// Real-browser smoke tests: the production build, loaded unpacked into the system
// Chromium and Firefox ESR, on fixture pages served under the real host names.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import SummaryReporter from '../summary-reporter.ts';

const BROWSER_WORKERS = Number(process.env.SELGE_BROWSER_WORKERS ?? '1');
if (!Number.isInteger(BROWSER_WORKERS) || BROWSER_WORKERS < 1) {
  throw new Error(`SELGE_BROWSER_WORKERS must be a positive whole number, not ${JSON.stringify(process.env.SELGE_BROWSER_WORKERS)}`);
}

export default defineConfig({
  root: fileURLToPath(new URL('../..', import.meta.url)),
  test: {
    name: 'browser',
    environment: 'node',
    include: ['tests/browser/**/*.test.ts'],
    // The extension build and the HTTPS fixture server; the editor fixture pages.
    globalSetup: ['tests/browser/global-setup.ts', 'tests/browser/editor-pages-setup.ts'],
    // One test file at a time by default: 2 cores, and some files time what the user sees
    // (underline.test.ts: an underline within 200 ms of the last key). SELGE_BROWSER_WORKERS=2
    // runs two files at once; .ci/run does that for its repeated scenario runs, whose waits are
    // all conditions, so the longest file (random-edits, ~5 min) runs beside the others. The
    // fixture server (global setup, port 443) is shared by the workers of one run.
    fileParallelism: BROWSER_WORKERS > 1,
    maxWorkers: BROWSER_WORKERS,
    testTimeout: 60_000,
    hookTimeout: 90_000,
    teardownTimeout: 30_000,
    // .ci/run repeats the whole browser suite (SELGE_REPEAT times, fresh browsers each time):
    // each repetition records its counts under its own name.
    reporters: ['default', new SummaryReporter(process.env.SELGE_REPETITION ? `browser-${process.env.SELGE_REPETITION}` : 'browser')],
  },
});
