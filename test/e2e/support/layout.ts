/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// The layout check of issue 13 (point 11): a screen looked at as a clerk's laptop shows it
// (1366×768, and 1024×768 for the small ones), saved as a screenshot, and every text-bearing
// box on it — button, column header, label, tab, status badge, menu item — checked: its text
// must not run past its box (scrollWidth past clientWidth, scrollHeight past clientHeight)
// and buttons and fields must keep a usable height (not squashed to a few pixels).
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';

export const LAYOUT_SIZES = [
  { width: 1366, height: 768 },
  { width: 1024, height: 768 },
] as const;

/** Below this height a button or a field cannot be read or clicked (Fluent's small is 24). */
export const MIN_CONTROL_HEIGHT = 20;

export interface Clipped {
  text: string;
  tag: string;
  scrollWidth: number;
  clientWidth: number;
  scrollHeight: number;
  clientHeight: number;
  height: number;
}

/** The text-bearing boxes under `scope` (a CSS selector; the whole page when absent) that cut their text. */
export async function clippedTexts(page: Page, scope = 'body'): Promise<Clipped[]> {
  return page.evaluate(
    ({ selector, minHeight }) => {
      const roots = [...document.querySelectorAll(selector)];
      const found: Clipped[] = [];
      const seen = new Set<Element>();
      const texts =
        'button, [role="button"], [role="columnheader"], th, label, [role="tab"], [role="menuitem"], [data-status], [data-state], .fui-Badge';
      for (const root of roots.length ? roots : [document.body]) {
        for (const box of root.querySelectorAll<HTMLElement>(texts)) {
          // An icon's <svg> may carry data-state too: only HTML boxes hold text.
          if (seen.has(box) || !(box instanceof HTMLElement)) continue;
          seen.add(box);
          const rect = box.getBoundingClientRect();
          // An icon alone (a row's envelope button) has no text to cut.
          const text = box.innerText.trim();
          if (rect.width === 0 || rect.height === 0 || text === '') continue;
          // Only the boxes on screen (a long list scrolls; its hidden rows are not looked at).
          if (rect.bottom <= 0 || rect.top >= window.innerHeight) continue;
          if (rect.right <= 0 || rect.left >= window.innerWidth) continue;
          // A link drawn as a button inside a sentence (a warning's « Corriger ») is a line of
          // text high, like the sentence: only real buttons and tabs have a minimum height.
          const control =
            box.matches('button, [role="button"], [role="tab"]') && !box.matches('.fui-Link');
          const cut =
            box.scrollWidth > box.clientWidth + 1 ||
            box.scrollHeight > box.clientHeight + 2 ||
            (control && rect.height < minHeight);
          if (cut)
            found.push({
              text: text.slice(0, 80),
              tag: box.tagName.toLowerCase(),
              scrollWidth: box.scrollWidth,
              clientWidth: box.clientWidth,
              scrollHeight: box.scrollHeight,
              clientHeight: box.clientHeight,
              height: Math.round(rect.height),
            });
        }
        // Fields: squashed when lower than a line of text.
        for (const field of root.querySelectorAll<HTMLElement>(
          'input:not([type=checkbox]):not([type=radio]):not([type=hidden]), select',
        )) {
          const rect = field.getBoundingClientRect();
          if (rect.width === 0 || rect.height === 0) continue;
          if (rect.bottom <= 0 || rect.top >= window.innerHeight) continue;
          // A list's chosen entry cut by its arrow (« Du dossie⌄ »): its text measured in its font.
          let textCut = false;
          if (field instanceof HTMLSelectElement && field.selectedIndex >= 0) {
            const style = getComputedStyle(field);
            const context = document.createElement('canvas').getContext('2d');
            if (context) {
              context.font = style.font;
              const wanted =
                context.measureText(field.options[field.selectedIndex]!.text).width +
                parseFloat(style.paddingLeft) +
                parseFloat(style.paddingRight);
              textCut = wanted > field.clientWidth + 1;
            }
          }
          if (rect.height < minHeight || textCut)
            found.push({
              text:
                field instanceof HTMLSelectElement && field.selectedIndex >= 0
                  ? field.options[field.selectedIndex]!.text
                  : (field.getAttribute('aria-label') ?? field.tagName),
              tag: field.tagName.toLowerCase(),
              scrollWidth: field.scrollWidth,
              clientWidth: field.clientWidth,
              scrollHeight: field.scrollHeight,
              clientHeight: field.clientHeight,
              height: Math.round(rect.height),
            });
        }
      }
      return found;
    },
    { selector: scope, minHeight: MIN_CONTROL_HEIGHT },
  );
}

/** One line per cut box, naming the screen, the size and the text. */
export function describeClipped(name: string, width: number, height: number, c: Clipped): string {
  return `${name} ${width}×${height}: <${c.tag}> « ${c.text} » ${c.scrollWidth}/${c.clientWidth} px wide, ${c.scrollHeight}/${c.clientHeight} px high (box ${c.height} px)`;
}

/**
 * Looks at the page at each size: saves `<folder>/<name>-<language>-<width>.png` and returns
 * what is cut under `scope`. The page goes back to `restore` afterwards.
 */
export async function checkLayout(
  page: Page,
  options: {
    folder: string;
    name: string;
    language: string;
    scope?: string;
    restore?: { width: number; height: number };
  },
): Promise<string[]> {
  const problems: string[] = [];
  fs.mkdirSync(options.folder, { recursive: true });
  for (const size of LAYOUT_SIZES) {
    await page.setViewportSize(size);
    // Fluent lays out again after a resize: two frames.
    await page.evaluate(
      () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => r(null)))),
    );
    await page.screenshot({
      path: path.join(options.folder, `${options.name}-${options.language}-${size.width}.png`),
    });
    for (const c of await clippedTexts(page, options.scope))
      problems.push(describeClipped(options.name, size.width, size.height, c));
  }
  if (options.restore) await page.setViewportSize(options.restore);
  return problems;
}
