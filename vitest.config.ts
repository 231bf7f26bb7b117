import { defineConfig } from 'vitest/config';
import SummaryReporter from './tests/summary-reporter.ts';

// Unit tests: the pure core and the Node-side tools. Browser tests have their own config
// (tests/browser/vitest.config.ts) because they need a build and real browsers.
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'tests/**/*.test.ts'],
    exclude: ['tests/browser/**', 'node_modules/**'],
    testTimeout: 60_000,
    reporters: ['default', new SummaryReporter('unit')],
  },
});
