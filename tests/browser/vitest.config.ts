// Real-browser smoke tests: the production build, loaded unpacked into the system
// Chromium and Firefox ESR, on fixture pages served under the real host names.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import SummaryReporter from '../summary-reporter.ts';

const BROWSER_WORKERS = Number(process.env.SELGE_BROWSER_WORKERS ?? '2');
if (!Number.isInteger(BROWSER_WORKERS) || BROWSER_WORKERS < 1) {
  throw new Error(`SELGE_BROWSER_WORKERS must be a positive whole number, not ${JSON.stringify(process.env.SELGE_BROWSER_WORKERS)}`);
}

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
/** Files that time what the user sees (an underline within 200 ms of the last key): alone, after the others. */
const ALONE = ['tests/browser/underline.test.ts'];
const common = {
  environment: 'node',
  testTimeout: 60_000,
  hookTimeout: 90_000,
  teardownTimeout: 30_000,
} as const;

export default defineConfig({
  root: ROOT,
  test: {
    // Once for the whole run, not per project: the extension build and the HTTPS fixture
    // server (port 443, shared by every worker); the editor fixture pages.
    globalSetup: ['tests/browser/global-setup.ts', 'tests/browser/editor-pages-setup.ts'],
    // Two groups, one after the other. First every file but those in ALONE, two at a time
    // by default (SELGE_BROWSER_WORKERS): 2 cores, and the scenarios wait on conditions
    // only, so the longest file (random-edits, ~8 min) runs beside the others. Then the
    // ALONE files, one at a time with nothing beside them.
    projects: [
      {
        root: ROOT,
        test: {
          ...common,
          name: 'browser',
          include: ['tests/browser/**/*.test.ts'],
          exclude: ALONE,
          fileParallelism: BROWSER_WORKERS > 1,
          maxWorkers: BROWSER_WORKERS,
          sequence: { groupOrder: 0 },
        },
      },
      {
        root: ROOT,
        test: {
          ...common,
          name: 'browser-alone',
          include: ALONE,
          fileParallelism: false,
          maxWorkers: 1,
          sequence: { groupOrder: 1 },
        },
      },
    ],
    // .ci/run repeats the scenarios (SELGE_REPEAT times, fresh browsers each time): each
    // repetition records its counts under its own name.
    reporters: ['default', new SummaryReporter(process.env.SELGE_REPETITION ? `browser-${process.env.SELGE_REPETITION}` : 'browser')],
  },
});
