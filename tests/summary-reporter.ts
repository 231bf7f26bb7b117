// Prints one plain closing line, "<suite>: N passed, N failed, N skipped", after vitest's own
// summary, and records the counts in tests/.tmp/ so .ci/run can print the grand total.
// Unhandled errors count as failures: a run that crashed must not look green.

import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Reporter, SerializedError, TestModule } from 'vitest/node';

export default class SummaryReporter implements Reporter {
  constructor(private readonly suite = 'unit') {}

  onTestRunEnd(modules: ReadonlyArray<TestModule>, errors: ReadonlyArray<SerializedError>): void {
    let passed = 0;
    let failed = errors.length;
    let skipped = 0;
    for (const module of modules) {
      if (module.state() === 'failed' && [...module.children.allTests()].length === 0) failed++;
      for (const test of module.children.allTests()) {
        const state = test.result().state;
        if (state === 'passed') passed++;
        else if (state === 'failed') failed++;
        else skipped++;
      }
    }
    const dir = resolve(import.meta.dirname, '.tmp');
    mkdirSync(dir, { recursive: true });
    writeFileSync(resolve(dir, `summary-${this.suite}.json`), JSON.stringify({ passed, failed, skipped }));
    console.log(`\n${this.suite}: ${passed} passed, ${failed} failed, ${skipped} skipped`);
  }
}
