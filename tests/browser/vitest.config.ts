// Real-browser smoke tests: the production build, loaded unpacked into the system
// Chromium and Firefox ESR, on fixture pages served under the real host names.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import SummaryReporter from '../summary-reporter.ts';

export default defineConfig({
  root: fileURLToPath(new URL('../..', import.meta.url)),
  test: {
    name: 'browser',
    environment: 'node',
    include: ['tests/browser/**/*.test.ts'],
    // The extension build and the HTTPS fixture server; the editor fixture pages.
    globalSetup: ['tests/browser/global-setup.ts', 'tests/browser/editor-pages-setup.ts'],
    // One browser at a time: 2 cores, and the fixture server owns port 443.
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 90_000,
    teardownTimeout: 30_000,
    // .ci/run repeats the whole browser suite (SELGE_REPEAT times, fresh browsers each time):
    // each repetition records its counts under its own name.
    reporters: ['default', new SummaryReporter(process.env.SELGE_REPETITION ? `browser-${process.env.SELGE_REPETITION}` : 'browser')],
  },
});
