// Counts passed / failed / skipped tests after vitest's own summary: prints them as one
// plain line, and writes them as JSON to POSTIER_TEST_SUMMARY_FILE for test/run-all.mjs.
import fs from 'node:fs';
import type { Reporter, TestModule } from 'vitest/node';

export default class SummaryReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    const counts = { passed: 0, failed: 0, skipped: 0 };
    for (const module of testModules) {
      // A file that failed to load has no tests but must count as a failure.
      if (module.state() === 'failed' && [...module.children.allTests()].length === 0)
        counts.failed++;
      for (const test of module.children.allTests()) {
        const state = test.result().state;
        if (state === 'passed') counts.passed++;
        else if (state === 'failed') counts.failed++;
        else counts.skipped++;
      }
    }
    const file = process.env.POSTIER_TEST_SUMMARY_FILE;
    if (file) fs.writeFileSync(file, JSON.stringify(counts));
    else {
      process.stdout.write(
        `\ntests: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped\n`,
      );
    }
  }
}
