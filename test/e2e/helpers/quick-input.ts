// The command palette and every quick input (showQuickPick, showInputBox, multi-step pickers): they are all the one
// `.quick-input-widget` at the top of the window.
import type { Locator, Page } from 'playwright-core';
import { escapeRegExp, exactly, type TextMatch } from './text';

export function quickInput(page: Page): Locator {
  return page.locator('.quick-input-widget');
}

/** The text box of the quick input that is showing. */
export function quickInputBox(page: Page): Locator {
  return page.locator('.quick-input-widget .quick-input-box input');
}

/** A row of the visible quick-pick list by its label (exact text unless a RegExp is given). */
export function quickPickItem(page: Page, label: TextMatch): Locator {
  return page
    .locator('.quick-input-widget .quick-input-list .monaco-list-row')
    .filter({ has: page.locator('.quick-input-list-label .label-name', { hasText: exactly(label) }) });
}

/**
 * A row of the visible quick-pick list by its label and description: Run Operation… shows the method as the label
 * and the summary as the description (so that VS Code's own label matching cannot re-sort the search's ranking).
 */
export function quickPickItemWithDescription(page: Page, label: TextMatch, description: TextMatch): Locator {
  return page
    .locator('.quick-input-widget .quick-input-list .monaco-list-row')
    .filter({ has: page.locator('.quick-input-list-label .label-name', { hasText: exactly(label) }) })
    .filter({ has: page.locator('.quick-input-list-label .label-description', { hasText: exactly(description) }) });
}

export async function waitForQuickInput(page: Page): Promise<Locator> {
  const widget = quickInput(page);
  await widget.waitFor({ state: 'visible' });
  return widget;
}

export async function waitForQuickInputClosed(page: Page): Promise<void> {
  await quickInput(page).waitFor({ state: 'hidden' });
}

/** Opens the command palette (F1) and waits until it shows the ">" command prefix. */
export async function openCommandPalette(page: Page): Promise<Locator> {
  await page.keyboard.press('F1');
  const widget = await waitForQuickInput(page);
  await quickInputBox(page).and(page.locator('[aria-label="Type the name of a command to run."]')).waitFor();
  return widget;
}

/**
 * Types a command's full title ("Altegio: Show Log") into the palette and waits until that command is listed,
 * leaving the palette open (for a screenshot of it). Follow with runHighlightedCommand() or pickQuickItem().
 */
export async function findCommand(page: Page, title: string): Promise<Locator> {
  await openCommandPalette(page);
  await quickInputBox(page).fill(`>${title}`);
  const row = quickPickItem(page, title);
  await row.waitFor({ state: 'visible' });
  return row;
}

/**
 * Runs a command from the palette by its full title, as a user would, and waits until the palette has gone.
 * "Gone" means: the widget is hidden, or it now shows something else than the palette, because the command
 * opened a quick pick or input box of its own in the same widget (waiting for "hidden" would then never end).
 */
export async function runCommand(page: Page, title: string): Promise<void> {
  const row = await findCommand(page, title);
  await row.click();
  await page.waitForFunction(() => {
    const widget = document.querySelector<HTMLElement>('.quick-input-widget');
    if (!widget || widget.style.display === 'none' || widget.offsetParent === null) return true;
    const input = widget.querySelector<HTMLInputElement>('.quick-input-box input');
    return !input || !input.value.startsWith('>');
  });
}

/** Clicks an item of the quick pick that is showing; single-select pickers close (or move on) after it. */
export async function pickQuickItem(page: Page, label: TextMatch): Promise<void> {
  await waitForQuickInput(page);
  await quickPickItem(page, label).click();
}

/** The labels of the quick-pick rows that are rendered now (a long list renders only its visible part). */
export async function quickPickLabels(page: Page): Promise<string[]> {
  await waitForQuickInput(page);
  return page
    .locator('.quick-input-widget .quick-input-list .monaco-list-row .quick-input-list-label .label-name')
    .allInnerTexts();
}

/**
 * Waits for a quick input whose title, prompt/message or placeholder contains `text` (e.g. the prompt of a
 * showInputBox step), so that a multi-step flow knows which step is showing before it types.
 */
export async function waitForQuickInputPrompt(page: Page, text: TextMatch): Promise<void> {
  await waitForQuickInput(page);
  const pattern =
    typeof text === 'string' ? { source: escapeRegExp(text), flags: '' } : { source: text.source, flags: text.flags };
  await page.waitForFunction(({ source, flags }) => {
    const widget = document.querySelector('.quick-input-widget');
    if (!widget) return false;
    const input = widget.querySelector<HTMLInputElement>('.quick-input-box input');
    const texts = [
      widget.querySelector('.quick-input-title')?.textContent ?? '',
      widget.querySelector('.quick-input-message')?.textContent ?? '',
      input?.placeholder ?? '',
      input?.getAttribute('aria-label') ?? '',
    ];
    return texts.some((t) => new RegExp(source, flags).test(t));
  }, pattern);
}

/** Replaces the text in the quick input's box (input boxes and the filter of quick picks). */
export async function typeInQuickInput(page: Page, text: string): Promise<void> {
  await waitForQuickInput(page);
  await quickInputBox(page).fill(text);
}

/** Accepts the input (Enter), as after typing a value into showInputBox. */
export async function acceptQuickInput(page: Page): Promise<void> {
  await quickInputBox(page).press('Enter');
}

/** Cancels the quick input (Escape) and waits until it is gone. */
export async function cancelQuickInput(page: Page): Promise<void> {
  await quickInputBox(page).press('Escape');
  await waitForQuickInputClosed(page);
}

/** The validation message under the input box (showInputBox's validateInput), or "" when there is none. */
export async function quickInputMessage(page: Page): Promise<string> {
  return (await page.locator('.quick-input-widget .quick-input-message').innerText()).trim();
}
