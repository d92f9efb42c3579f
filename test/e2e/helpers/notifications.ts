// Notification toasts (showInformationMessage / showWarningMessage / showErrorMessage without `modal`).
import type { Locator, Page } from 'playwright-core';
import { containing, exactly, type TextMatch } from './text';
import { runCommand } from './quick-input';

/** A toast whose message contains `text` (a string is a substring here; messages often end with details). */
export function notification(page: Page, text: TextMatch): Locator {
  return page
    .locator('.notifications-toasts .notification-toast')
    .filter({ has: page.locator('.notification-list-item-message', { hasText: containing(text) }) });
}

/** Waits until a toast with this text is visible; returns it. */
export async function waitForNotification(page: Page, text: TextMatch): Promise<Locator> {
  const toast = notification(page, text).first();
  await toast.waitFor({ state: 'visible' });
  return toast;
}

/** The full message text of a toast. */
export async function notificationMessage(toast: Locator): Promise<string> {
  return (await toast.locator('.notification-list-item-message').innerText()).trim();
}

/** Clicks a button of the toast with this text (e.g. "Sign In") and waits until the toast is gone. */
export async function clickNotificationButton(page: Page, text: TextMatch, button: TextMatch): Promise<void> {
  const toast = await waitForNotification(page, text);
  await toast.locator('.notification-list-item-buttons-container .monaco-button', { hasText: exactly(button) }).click();
  await notification(page, text).first().waitFor({ state: 'hidden' });
}

/** Removes every notification, so that the next step's toasts are the only ones (and none covers a screenshot). */
export async function clearAllNotifications(page: Page): Promise<void> {
  await runCommand(page, 'Notifications: Clear All Notifications');
  await page.locator('.notifications-toasts .notification-toast').first().waitFor({ state: 'detached' });
}
