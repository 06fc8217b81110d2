// Helpers of issue 13's screen tests: a paste as the clipboard makes it, and screenshots at
// 1366×768 and 1024×768 under test-results/screens-13/ (the window is left at 1024×768).
import fs from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';

export const SCREENS = path.resolve('test-results', 'screens-13');

export /** Pastes text as the clipboard would: a paste event carrying it. */
async function paste(target: Locator, text: string): Promise<void> {
  await target.focus();
  await target.evaluate((element, pasted) => {
    // Run in the page: its DataTransfer and ClipboardEvent (this file is typed for Node).
    const page = globalThis as unknown as {
      DataTransfer: new () => { setData(type: string, value: string): void };
      ClipboardEvent: new (type: string, init: object) => object;
    };
    const data = new page.DataTransfer();
    data.setData('text/plain', pasted);
    (element as unknown as { dispatchEvent(event: object): boolean }).dispatchEvent(
      new page.ClipboardEvent('paste', { clipboardData: data, bubbles: true }),
    );
  }, text);
}

export async function screens(page: Page, name: string): Promise<void> {
  fs.mkdirSync(SCREENS, { recursive: true });
  for (const [width, height] of [
    [1366, 768],
    [1024, 768],
  ] as const) {
    await page.setViewportSize({ width, height });
    await page.waitForTimeout(300);
    await page.screenshot({ path: path.join(SCREENS, `${name}-${width}x${height}.png`) });
  }
}
