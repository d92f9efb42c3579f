// Modal dialogs (showWarningMessage(…, { modal: true }) and friends). In the browser VS Code always draws its own
// dialog, `.monaco-dialog-box`, never a native one.
import type { Locator, Page } from 'playwright-core';
import { exactly, type TextMatch } from './text';

export function dialog(page: Page): Locator {
  return page.locator('.monaco-dialog-box');
}

export interface DialogContent {
  message: string;
  detail: string;
  buttons: string[];
}

/** Waits for a modal dialog and reads it: its message, its detail text and its buttons, left to right. */
export async function waitForDialog(page: Page): Promise<DialogContent> {
  const box = dialog(page);
  await box.waitFor({ state: 'visible' });
  const detail = box.locator('.dialog-message-detail');
  return {
    message: (await box.locator('.dialog-message-text').innerText()).trim(),
    detail: (await detail.count()) > 0 ? (await detail.innerText()).trim() : '',
    buttons: (await box.locator('.dialog-buttons .monaco-button').allInnerTexts()).map((t) => t.trim()),
  };
}

/**
 * Clicks a dialog button by its text (e.g. "Remove", "Cancel") and waits until that dialog is gone. The next
 * question can stand in its place at once, even with the same message (VS Code's confirmation of a tool call, then
 * ours), so neither "no dialog at all" nor "no dialog with this message" may ever be seen: what is waited for is
 * the end of this dialog's own element.
 */
export async function clickDialogButton(page: Page, button: TextMatch): Promise<void> {
  const box = dialog(page);
  await box.waitFor({ state: 'visible' });
  const shown = await box.elementHandle();
  await box.locator('.dialog-buttons .monaco-button', { hasText: exactly(button) }).click();
  await shown?.waitForElementState('hidden');
}

/** Dismisses the dialog as Escape does (the same as its Cancel). */
export async function dismissDialog(page: Page): Promise<void> {
  await dialog(page).waitFor({ state: 'visible' });
  await page.keyboard.press('Escape');
  await dialog(page).waitFor({ state: 'hidden' });
}
