// The activity bar, the side bar and the views inside it (including welcome views), and the panel's Output view.
import type { Locator, Page } from 'playwright-core';
import { cssString, escapeRegExp, exactly, type TextMatch } from './text';

const SIDEBAR = '#workbench\\.parts\\.sidebar';

/** The activity-bar entry of a view container, by its title ("Altegio", "Explorer"…). */
export function activityBarItem(page: Page, containerTitle: string): Locator {
  // aria-label is the title, sometimes followed by a keybinding ("Explorer (Ctrl+Shift+E)").
  return page.locator(`.activitybar .action-item a[aria-label^=${cssString(containerTitle)}]`);
}

/**
 * Opens a view container from the activity bar and waits until the side bar shows it.
 * Clicking the entry of the container that is already showing would *close* the side bar: this checks first.
 */
export async function openViewContainer(page: Page, containerTitle: string): Promise<Locator> {
  const item = activityBarItem(page, containerTitle);
  await item.waitFor({ state: 'visible' });
  const sidebarTitle = page.locator(`${SIDEBAR} .composite.title .title-label`);
  const showing =
    (await page.locator(SIDEBAR).isVisible()) &&
    (await item.locator('xpath=..').getAttribute('class'))?.split(/\s+/).includes('checked');
  if (!showing) await item.click();
  // The title is the container's (upper-cased by CSS only), or "CONTAINER: VIEW" when it holds a single view.
  await sidebarTitle
    .filter({ hasText: new RegExp(`^\\s*${escapeRegExp(containerTitle)}`, 'i') })
    .waitFor({ state: 'visible' });
  // Leave the mouse somewhere neutral, so no hover covers what the next screenshot shows.
  await page.mouse.move(1, 1);
  return page.locator(SIDEBAR);
}

/**
 * A view in the side bar or panel, by its title ("API", "Business"…). With several views in a container each has
 * a header; with one, VS Code hides the header but keeps it in the DOM, so this works either way.
 */
export function view(page: Page, viewTitle: string): Locator {
  return page
    .locator('.pane')
    .filter({ has: page.locator(`.pane-header[aria-label=${cssString(`${viewTitle} Section`)}]`) });
}

/** The header of a view (its title bar, with the collapse twistie and the title actions). */
export function viewHeader(page: Page, viewTitle: string): Locator {
  return page.locator(`.pane-header[aria-label=${cssString(`${viewTitle} Section`)}]`);
}

/**
 * Waits until each view's header is visible (the view is rendered in the open container) and none of them shows
 * its progress bar any more (a tree loading its first rows), so that a screenshot shows the views' content.
 */
export async function waitForViews(page: Page, viewTitles: string[]): Promise<void> {
  for (const title of viewTitles) await viewHeader(page, title).waitFor({ state: 'visible' });
  await waitForViewsIdle(page, viewTitles);
}

/** Waits until none of these views shows its (busy) progress bar. */
export async function waitForViewsIdle(page: Page, viewTitles: string[]): Promise<void> {
  for (const title of viewTitles) {
    await view(page, title).locator('.monaco-progress-container.active').first().waitFor({ state: 'hidden' });
  }
}

/** Expands a collapsed view (clicking its header toggles it). */
export async function expandView(page: Page, viewTitle: string): Promise<void> {
  const header = viewHeader(page, viewTitle);
  if ((await header.getAttribute('aria-expanded')) !== 'true') await header.click();
  await page.locator(`.pane-header[aria-label=${cssString(`${viewTitle} Section`)}][aria-expanded="true"]`).waitFor();
}

/** Clicks one of a view's title-bar actions by its tooltip (aria-label), e.g. "Refresh"; "…" menus are not handled. */
export async function clickViewAction(page: Page, viewTitle: string, actionLabel: string): Promise<void> {
  const header = viewHeader(page, viewTitle);
  await header.hover(); // title actions only show on hover/focus
  await header.locator(`.actions .action-label[aria-label^=${cssString(actionLabel)}]`).click();
}

/** The welcome content of a view (contributes.viewsWelcome), shown while the view has nothing else to show. */
export function welcomeContent(page: Page, viewTitle: string): Locator {
  return view(page, viewTitle).locator('.welcome-view-content');
}

/** Clicks a button of a view's welcome content by its text (e.g. "Try the Local Sandbox"). */
export async function clickWelcomeButton(page: Page, viewTitle: string, button: TextMatch): Promise<void> {
  await welcomeContent(page, viewTitle)
    .locator('.monaco-button', { hasText: exactly(button) })
    .click();
}

/**
 * Waits until the panel shows the Output view with the given channel selected, and returns the output's text
 * editor (its text is in `.view-lines`).
 */
export async function waitForOutputChannel(page: Page, channel: string): Promise<Locator> {
  const output = page.locator(
    `#workbench\\.parts\\.panel .pane-body.output-view[aria-label=${cssString(`${channel} - Output`)}]`,
  );
  await output.waitFor({ state: 'visible' });
  return output;
}

/** An editor tab by its title; `.active` is the one shown in its group. */
export function editorTab(page: Page, title: TextMatch): Locator {
  return page.locator('.tabs-container .tab').filter({ has: page.locator('.label-name', { hasText: exactly(title) }) });
}

/** Waits until an editor with this title is open and active (e.g. a webview panel or a JSON document). */
export async function waitForActiveEditor(page: Page, title: TextMatch): Promise<Locator> {
  const tab = editorTab(page, title).and(page.locator('.tab.active'));
  await tab.first().waitFor({ state: 'visible' });
  return tab.first();
}
