/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// The layout check of issue 13 (point 11): a screen looked at as a clerk's laptop shows it
// (1366×768, and 1024×768 for the small ones), saved as a screenshot, and every text-bearing
// box on it — button, column header, label, tab, status badge, menu item — checked: its text
// must not run past its box (scrollWidth past clientWidth, scrollHeight past clientHeight)
// and buttons and fields must keep a usable height (not squashed to a few pixels). Lists and
// tables must show every column without scrolling sideways: no horizontal scrollbar on the
// list (scrollWidth past clientWidth on its scroll container), no header or cell past the
// edge of what the list, its pane and the window show.
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
      // Lists and tables: every column on screen without scrolling sideways. A list whose
      // scroll container is wider inside than out has a horizontal scrollbar (the last
      // columns, dates and amounts, hidden past the edge); a header or a cell whose box runs
      // past what its scrolling boxes and the window show is cut at the edge.
      const visibleArea = (element: Element) => {
        const area = { left: 0, right: window.innerWidth };
        for (let up = element.parentElement; up; up = up.parentElement) {
          const style = getComputedStyle(up);
          if (style.overflowX === 'visible') continue;
          const rect = up.getBoundingClientRect();
          area.left = Math.max(area.left, rect.left + up.clientLeft);
          area.right = Math.min(area.right, rect.left + up.clientLeft + up.clientWidth);
        }
        return area;
      };
      const gridNames = new Set<Element>();
      for (const root of roots.length ? roots : [document.body]) {
        for (const grid of root.querySelectorAll<HTMLElement>('[role="grid"], table')) {
          const rect = grid.getBoundingClientRect();
          if (gridNames.has(grid) || rect.width === 0 || rect.height === 0) continue;
          // A screen behind a modal dialog is looked at on its own, without the dialog.
          if (grid.closest('[aria-hidden="true"], [inert]')) continue;
          if (rect.bottom <= 0 || rect.top >= window.innerHeight) continue;
          gridNames.add(grid);
          const name =
            grid.getAttribute('aria-label') ??
            grid.getAttribute('data-testid') ??
            grid.querySelector('th, [role="columnheader"]')?.textContent?.trim() ??
            grid.tagName.toLowerCase();
          // The list's own scrolling boxes, and those around it up to the dialog or the page.
          const scrollers = [grid, ...grid.querySelectorAll<HTMLElement>('*')].filter((e) =>
            ['auto', 'scroll'].includes(getComputedStyle(e).overflowX),
          );
          for (let up = grid.parentElement; up && up !== document.body; up = up.parentElement) {
            if (['auto', 'scroll'].includes(getComputedStyle(up).overflowX)) scrollers.push(up);
            if (up.matches('[role="dialog"], main')) break;
          }
          for (const scroller of scrollers) {
            if (scroller.scrollWidth > scroller.clientWidth + 1)
              found.push({
                text: `${name.slice(0, 60)} — horizontal scrollbar`,
                tag: 'grid',
                scrollWidth: scroller.scrollWidth,
                clientWidth: scroller.clientWidth,
                scrollHeight: scroller.scrollHeight,
                clientHeight: scroller.clientHeight,
                height: Math.round(scroller.getBoundingClientRect().height),
              });
          }
          const cells = grid.querySelectorAll<HTMLElement>(
            '[role="columnheader"], [role="gridcell"], th, td',
          );
          for (const cell of cells) {
            const box = cell.getBoundingClientRect();
            if (box.width === 0 || box.bottom <= 0 || box.top >= window.innerHeight) continue;
            // Content wider than its cell is cut without a "…" (a badge, a date in a box).
            if (cell.scrollWidth > cell.clientWidth + 1) {
              found.push({
                text: `${name.slice(0, 40)} › ${cell.innerText.trim().slice(0, 40)} — cut by its column`,
                tag: 'cell',
                scrollWidth: cell.scrollWidth,
                clientWidth: cell.clientWidth,
                scrollHeight: cell.scrollHeight,
                clientHeight: cell.clientHeight,
                height: Math.round(box.height),
              });
            }
            const area = visibleArea(cell);
            if (box.left >= area.left - 1 && box.right <= area.right + 1) continue;
            found.push({
              text: `${name.slice(0, 40)} › ${(cell.innerText.trim() || cell.getAttribute('aria-label') || '(column)').slice(0, 40)} — outside the visible area`,
              tag: cell.matches('[role="columnheader"], th') ? 'columnheader' : 'cell',
              scrollWidth: Math.round(box.right),
              clientWidth: Math.round(area.right),
              scrollHeight: Math.round(box.left),
              clientHeight: Math.round(area.left),
              height: Math.round(box.height),
            });
            // One cut cell says it for its column: the rows below would repeat it.
            if (!cell.matches('[role="columnheader"], th')) break;
          }
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

/** The fields matching `selector` whose value runs past their box (text hidden). */
async function cutValues(page: Page, selector: string): Promise<Clipped[]> {
  return page.evaluate((fields) => {
    const found: Clipped[] = [];
    for (const field of document.querySelectorAll<HTMLInputElement>(fields)) {
      if (field.value === '' || field.scrollWidth <= field.clientWidth + 1) continue;
      const { scrollWidth, clientWidth, scrollHeight, clientHeight } = field;
      const height = field.getBoundingClientRect().height;
      found.push({
        text: field.value,
        tag: field.tagName.toLowerCase(),
        scrollWidth,
        clientWidth,
        scrollHeight,
        clientHeight,
        height,
      });
    }
    return found;
  }, selector);
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
    /** Fields (a CSS selector) whose typed value must show whole in its box: not cut. */
    wholeValues?: string;
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
    if (options.wholeValues)
      for (const c of await cutValues(page, options.wholeValues))
        problems.push(describeClipped(options.name, size.width, size.height, c));
  }
  if (options.restore) await page.setViewportSize(options.restore);
  return problems;
}
