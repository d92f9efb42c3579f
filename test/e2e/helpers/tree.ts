// Rows of a tree view (our API / Business / History trees, or the Explorer): find, expand, click, run inline and
// context-menu actions. Rows are found by their label, the text VS Code renders in `.label-name`.
import type { Locator, Page } from 'playwright-core';
import { cssString, exactly, type TextMatch } from './text';
import { view } from './views';

/** A row of the tree in the given view, by its label (exact unless a RegExp is given). */
export function treeRow(page: Page, viewTitle: string, label: TextMatch): Locator {
  return view(page, viewTitle)
    .locator('.monaco-list-row[role="treeitem"]')
    .filter({ has: page.locator('.monaco-tl-contents .label-name', { hasText: exactly(label) }) });
}

/** Waits until the row is rendered and returns it. */
export async function waitForTreeRow(page: Page, viewTitle: string, label: TextMatch): Promise<Locator> {
  const row = treeRow(page, viewTitle, label).first();
  await row.waitFor({ state: 'visible' });
  return row;
}

/** The labels of the rows rendered now, top to bottom (a long tree renders only what is scrolled into view). */
export async function treeRowLabels(page: Page, viewTitle: string): Promise<string[]> {
  return view(page, viewTitle)
    .locator('.monaco-list-row[role="treeitem"] .monaco-tl-contents .label-name')
    .allInnerTexts();
}

/**
 * Expands a collapsible row (clicking its twistie, which does not run the row's command) and waits until its
 * first child row is rendered, or until it is expanded and has no children.
 */
export async function expandTreeRow(page: Page, viewTitle: string, label: TextMatch): Promise<Locator> {
  const row = await waitForTreeRow(page, viewTitle, label);
  if ((await row.getAttribute('aria-expanded')) === 'false') {
    await row.locator('.monaco-tl-twistie').click();
  }
  await row.and(page.locator('[aria-expanded="true"]')).waitFor();
  // Children arrive asynchronously from the extension host; a loading row shows a spinning twistie meanwhile.
  await row.locator('.monaco-tl-twistie.codicon-tree-item-loading').waitFor({ state: 'detached' });
  return row;
}

/** Collapses an expanded row. */
export async function collapseTreeRow(page: Page, viewTitle: string, label: TextMatch): Promise<void> {
  const row = await waitForTreeRow(page, viewTitle, label);
  if ((await row.getAttribute('aria-expanded')) === 'true') await row.locator('.monaco-tl-twistie').click();
  await row.and(page.locator('[aria-expanded="false"]')).waitFor();
}

/** Clicks a row (selects it and runs its command, if it has one). */
export async function clickTreeRow(page: Page, viewTitle: string, label: TextMatch): Promise<Locator> {
  const row = await waitForTreeRow(page, viewTitle, label);
  await row.click();
  await row.and(page.locator('[aria-selected="true"]')).waitFor();
  return row;
}

/** Clicks one of a row's inline actions (the icons that show on hover), by its tooltip. */
export async function clickTreeRowAction(
  page: Page,
  viewTitle: string,
  label: TextMatch,
  actionLabel: string,
): Promise<void> {
  const row = await waitForTreeRow(page, viewTitle, label);
  await row.hover();
  await row.locator(`.actions .action-label[aria-label^=${cssString(actionLabel)}]`).click();
}

/** The context menu that is open now (right click). */
export function contextMenu(page: Page): Locator {
  return page.locator('.monaco-menu-container .monaco-menu');
}

/** A context-menu entry by its label (exact unless a RegExp is given). */
export function contextMenuItem(page: Page, label: TextMatch): Locator {
  return page
    .locator('.monaco-menu-container .monaco-menu .action-menu-item')
    .filter({ has: page.locator('.action-label', { hasText: exactly(label) }) });
}

/** Opens a row's context menu and returns the labels of its entries (separators excluded). */
export async function openTreeRowContextMenu(page: Page, viewTitle: string, label: TextMatch): Promise<string[]> {
  const row = await waitForTreeRow(page, viewTitle, label);
  await row.click({ button: 'right' });
  await contextMenu(page).first().waitFor({ state: 'visible' });
  return contextMenu(page).first().locator('.action-menu-item .action-label').allInnerTexts();
}

/** Right-clicks a row and runs one entry of its context menu. */
export async function runTreeRowContextMenu(
  page: Page,
  viewTitle: string,
  label: TextMatch,
  item: TextMatch,
): Promise<void> {
  await openTreeRowContextMenu(page, viewTitle, label);
  await clickContextMenuItem(page, item);
}

/**
 * Runs an entry of the open context menu. A plain click() is not reliable here: the workbench's menu can swallow
 * the first mouse-up after it opens. Hovering focuses the entry (the menu follows the mouse) and Enter runs it,
 * which is also what a keyboard user does.
 */
export async function clickContextMenuItem(page: Page, item: TextMatch): Promise<void> {
  const entry = contextMenuItem(page, item).first();
  await entry.hover();
  await entry.locator('xpath=..').and(page.locator('.focused')).waitFor();
  await page.keyboard.press('Enter');
  await contextMenu(page).first().waitFor({ state: 'hidden' });
}
