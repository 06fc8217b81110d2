// The end-to-end run's counts, as test/run-all.mjs reads them (POSTIER_TEST_SUMMARY_FILE),
// or one closing line "tests: N passed, N failed, N skipped" when run on its own.
import fs from 'node:fs';
import type { FullResult, Reporter, TestCase, TestResult } from '@playwright/test/reporter';

export default class SummaryReporter implements Reporter {
  private readonly outcomes = new Map<string, TestResult['status']>();
  private readonly skipReasons = new Map<string, string>();
  private loadErrors = 0;

  onTestEnd(test: TestCase, result: TestResult): void {
    // Retries report each attempt: the last one counts.
    this.outcomes.set(test.id, result.status);
    const reason = test.annotations.find((a) => a.type === 'skip')?.description;
    if (result.status === 'skipped' && reason) this.skipReasons.set(test.title, reason);
  }

  onError(): void {
    this.loadErrors++;
  }

  onEnd(_result: FullResult): void {
    const counts = { passed: 0, failed: this.loadErrors, skipped: 0 };
    for (const status of this.outcomes.values()) {
      if (status === 'passed') counts.passed++;
      else if (status === 'skipped') counts.skipped++;
      else counts.failed++;
    }
    // Say why a test did not run, where everyone reads it.
    for (const [title, reason] of this.skipReasons)
      process.stdout.write(`\nskipped: ${title}\n  ${reason}\n`);
    const file = process.env.POSTIER_TEST_SUMMARY_FILE;
    if (file) fs.writeFileSync(file, JSON.stringify(counts));
    else
      process.stdout.write(
        `\ntests: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped\n`,
      );
  }
}
