// End-to-end tests: the real host (its own process, a temporary data folder with the demo
// office) and a real SMTP server on 127.0.0.1, driven in Debian's Chromium. Screenshots of
// every screen go to test-results/screenshots/.
import { defineConfig } from '@playwright/test';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export default defineConfig({
  testDir: 'test/e2e',
  outputDir: 'test-results/e2e',
  // One host and one browser at a time: the build machines have two cores.
  workers: 1,
  fullyParallel: false,
  timeout: 120_000,
  expect: { timeout: 15_000 },
  reporter: [['list'], ['./test/e2e/support/summary-reporter.ts']],
  use: {
    browserName: 'chromium',
    // Playwright gives every launch a fresh temporary user-data folder.
    launchOptions: { executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS },
    headless: true,
    viewport: { width: 1440, height: 900 },
    locale: 'fr-CA',
    timezoneId: 'America/Toronto',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
});
