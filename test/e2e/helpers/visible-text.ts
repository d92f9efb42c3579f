// The text a user sees in a part of the window or inside a webview: every visible text node (open shadow roots
// included), grouped by the block it sits in, plus the placeholder, title and aria-label attributes of visible
// elements. Parts that show API data as it came (a JSON tree, a table's cells, code) can be left out.
import type { Locator } from 'playwright-core';

/** What webviews show of the API as it came: the JSON tree, the rows of a table, code and answer values. */
export const API_DATA_SELECTORS = [
  'altegio-json-tree',
  'altegio-data-table [role="gridcell"]',
  'altegio-data-table [role="columnheader"]',
  'altegio-code-block',
  'pre',
  'code',
  'dd',
];

/** The visible text of every element `where` matches (for a webview: `frame.locator('body')`). */
export async function visibleText(where: Locator, exclude: string[] = []): Promise<string[]> {
  const lines = await where.evaluateAll(
    inPage<(elements: Element[], excluded: string[]) => string[]>(COLLECT_VISIBLE_TEXT),
    exclude,
  );
  if (!Array.isArray(lines)) throw new Error('the page script returned no list of texts');
  return [...new Set(lines)];
}

/**
 * A page function from its source. Written as a string because tsx wraps named inner functions in a `__name()`
 * helper that the page does not have; made a function because Playwright evaluates a string as an expression and
 * would return the function itself instead of calling it.
 */
export function inPage<F>(source: string): F {
  // eslint-disable-next-line @typescript-eslint/no-implied-eval -- test code; the source is a constant of ours
  return new Function(`return (${source});`)() as F;
}

/** Runs in the page on the matched elements. */
const COLLECT_VISIBLE_TEXT = `(elements, excluded) => {
  const out = [];
  const blocks = new Map();
  const shown = (el) => {
    const style = getComputedStyle(el);
    if (style.display === 'none' || style.visibility === 'hidden' || style.opacity === '0') return false;
    const r = el.getBoundingClientRect();
    return r.width > 0 && r.height > 0;
  };
  const isBlock = (el) => !/^(inline|contents)$/.test(getComputedStyle(el).display) || el.shadowRoot !== null;
  const walk = (node, block) => {
    if (node.nodeType === Node.TEXT_NODE) {
      const text = node.textContent?.trim();
      if (text) blocks.set(block, [...(blocks.get(block) ?? []), text]);
      return;
    }
    if (!(node instanceof Element) && !(node instanceof ShadowRoot)) return;
    if (node instanceof Element) {
      if (excluded.some((s) => node.matches(s))) return;
      if (['SCRIPT', 'STYLE', 'TEMPLATE'].includes(node.tagName)) return;
      if (!shown(node) && getComputedStyle(node).display !== 'contents') return;
      for (const attribute of ['placeholder', 'title', 'aria-label']) {
        const value = node.getAttribute(attribute)?.trim();
        if (value) out.push(value);
      }
      if (isBlock(node)) block = node;
      if (node.shadowRoot) walk(node.shadowRoot, block);
    }
    // Slotted light-DOM children are drawn inside the shadow root; they are walked here, once.
    for (const child of node.childNodes) walk(child, block);
  };
  for (const el of elements) walk(el, el);
  for (const texts of blocks.values()) out.push(texts.join(' '));
  return out;
}`;
