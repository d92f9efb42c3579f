// Proves the e2e helpers themselves against a fixture extension (fixtures/helpers-fixture) that has one of each
// kind of UI: tree rows with a context menu and inline action, toasts with buttons, a modal dialog, a quick pick
// followed by a validated input box, and a webview form. Screenshots: test-results/e2e/helpers/.
import * as assert from 'assert';
import * as path from 'path';
import {
  acceptQuickInput,
  cancelQuickInput,
  clearAllNotifications,
  clickDialogButton,
  clickNotificationButton,
  clickTreeRow,
  clickTreeRowAction,
  collapseTreeRow,
  expandTreeRow,
  expandView,
  notificationMessage,
  openTreeRowContextMenu,
  openWorkbench,
  pickQuickItem,
  reloadWindow,
  quickInputMessage,
  quickPickLabels,
  runCommand,
  runTreeRowContextMenu,
  treeRow,
  treeRowLabels,
  typeInQuickInput,
  waitForDialog,
  waitForNotification,
  waitForQuickInputPrompt,
  waitForTreeRow,
  waitForWebviewText,
  webviewContent,
  type Workbench,
  dependentSteps,
} from './helpers';

describe('E2E helpers (on a fixture extension)', function () {
  dependentSteps(this); // each step builds on the previous ones
  let wb: Workbench;

  before(async () => {
    wb = await openWorkbench('helpers', {
      installExtension: false,
      developmentExtensions: [path.join(__dirname, 'fixtures', 'helpers-fixture')],
      readyWhenActivityBarShows: 'Explorer',
    });
  });

  after(async () => {
    await wb?.close();
  });

  it('expands and collapses tree rows, clicks a row and runs an inline action', async () => {
    await wb.step('tree-rows', async () => {
      await expandView(wb.page, 'Fixture Tree'); // views added to the Explorer start collapsed
      await expandTreeRow(wb.page, 'Fixture Tree', 'Parent');
      await waitForTreeRow(wb.page, 'Fixture Tree', 'Second child');
      assert.deepStrictEqual(await treeRowLabels(wb.page, 'Fixture Tree'), [
        'Parent',
        'First child',
        'Second child',
        'Leaf',
      ]);
      await collapseTreeRow(wb.page, 'Fixture Tree', 'Parent');
      await treeRow(wb.page, 'Fixture Tree', 'First child').waitFor({ state: 'detached' });
      assert.deepStrictEqual(await treeRowLabels(wb.page, 'Fixture Tree'), ['Parent', 'Leaf']);
      await clickTreeRow(wb.page, 'Fixture Tree', 'Leaf');
      await waitForNotification(wb.page, 'Fixture clicked: Leaf');
      await clickTreeRowAction(wb.page, 'Fixture Tree', 'Leaf', 'Describe Item');
      await waitForNotification(wb.page, 'Fixture item: Leaf');
    });
  });

  it('runs an entry of a row context menu', async () => {
    await wb.step('tree-context-menu', async () => {
      await clearAllNotifications(wb.page);
      const entries = await openTreeRowContextMenu(wb.page, 'Fixture Tree', 'Parent');
      assert.ok(entries.includes('Describe Item'), `context menu entries: ${entries.join(', ')}`);
      await wb.screenshot('02a-context-menu-open');
      await wb.page.keyboard.press('Escape');
      await runTreeRowContextMenu(wb.page, 'Fixture Tree', 'Parent', 'Describe Item');
      await waitForNotification(wb.page, 'Fixture item: Parent');
    });
  });

  it('clicks a button of a toast', async () => {
    await wb.step('notification-button', async () => {
      await clearAllNotifications(wb.page);
      await runCommand(wb.page, 'Fixture: Notify');
      assert.strictEqual(
        await notificationMessage(await waitForNotification(wb.page, 'Fixture says hello')),
        'Fixture says hello',
      );
      await clickNotificationButton(wb.page, 'Fixture says hello', 'Reply');
      await waitForNotification(wb.page, 'Fixture got: Reply');
    });
  });

  it('reads a modal dialog and clicks its button', async () => {
    await wb.step('modal-dialog', async () => {
      await clearAllNotifications(wb.page);
      await runCommand(wb.page, 'Fixture: Confirm');
      const content = await waitForDialog(wb.page);
      assert.strictEqual(content.message, 'Remove the fixture card?');
      assert.strictEqual(content.detail, 'Card 42 at Location 7');
      assert.ok(
        content.buttons.includes('Remove') && content.buttons.includes('Cancel'),
        `buttons: ${content.buttons.join(', ')}`,
      );
      await wb.screenshot('04a-dialog-open');
      await clickDialogButton(wb.page, 'Remove');
      await waitForNotification(wb.page, 'Fixture confirm: Remove');
    });
  });

  it('picks a quick-pick item and types into a validated input box', async () => {
    await wb.step('quick-input', async () => {
      await clearAllNotifications(wb.page);
      await runCommand(wb.page, 'Fixture: Ask');
      await waitForQuickInputPrompt(wb.page, 'Pick a letter');
      assert.deepStrictEqual(await quickPickLabels(wb.page), ['Alpha', 'Beta', 'Gamma']);
      await pickQuickItem(wb.page, 'Beta');
      await waitForQuickInputPrompt(wb.page, 'Your name');
      await typeInQuickInput(wb.page, 'A');
      await wb.page.locator('.quick-input-widget .quick-input-message', { hasText: 'At least 2 characters' }).waitFor();
      assert.strictEqual(await quickInputMessage(wb.page), 'At least 2 characters');
      await wb.screenshot('05a-input-box-validation');
      await typeInQuickInput(wb.page, 'Ann');
      await acceptQuickInput(wb.page);
      await waitForNotification(wb.page, 'Fixture asked: Beta / Ann');
    });
  });

  it('cancels a quick pick', async () => {
    await wb.step('quick-input-cancel', async () => {
      await clearAllNotifications(wb.page);
      await runCommand(wb.page, 'Fixture: Ask');
      await waitForQuickInputPrompt(wb.page, 'Pick a letter');
      await cancelQuickInput(wb.page);
      await waitForNotification(wb.page, 'Fixture asked: cancelled');
    });
  });

  it('types and clicks inside a webview and reads its answer', async () => {
    await wb.step('webview-form', async () => {
      await clearAllNotifications(wb.page);
      await runCommand(wb.page, 'Fixture: Open Form');
      const form = await webviewContent(wb.page, { editorTitle: 'Fixture Form' });
      await form.locator('#name').fill('Playwright');
      await form.locator('#send').click();
      await waitForWebviewText(wb.page, 'Hello, Playwright', { editorTitle: 'Fixture Form' });
    });
  });

  it('reloads the window and returns only once the new workbench is drawn', async () => {
    await wb.step('reload-window', async () => {
      // A mark on the old window: it is gone only if the page really navigated before reloadWindow returned.
      await wb.page.evaluate(() => Object.assign(window, { altegioBeforeReload: true }));
      await reloadWindow(wb.page, 'Explorer');
      assert.strictEqual(await wb.page.evaluate(() => 'altegioBeforeReload' in window), false);
      await wb.page.locator('.activitybar .action-item a[aria-label^="Explorer"]').waitFor();
    });
  });
});
