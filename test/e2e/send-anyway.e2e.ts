// Send Anyway end to end: a request form whose only problem is the schema's keeps Send disabled and offers a
// secondary "Send Anyway…"; the modal lists the problem and its default button is the safe one; sending anyway
// shows the sandbox's own answer in the form and the response viewer.
// Screenshots: test-results/e2e/send-anyway/.
import * as assert from 'assert';
import type { FrameLocator } from 'playwright-core';
import {
  clickDialogButton,
  dialog,
  pickQuickItem,
  runCommand,
  waitForDialog,
  waitForQuickInputClosed,
  type Workbench,
} from './helpers';
import { SandboxScenario, showSignedInSidebar } from './sandbox-scenario';
import { FORM_RENDERED, VIEWER_RENDERED, webviewOfTab } from './webview-support';

const FORM_TITLE = /^POST Issue a loyalty card to a client$/;

describe('Send Anyway from a request form', function () {
  this.bail(true);
  const scenario = new SandboxScenario('send-anyway');
  let wb: Workbench;
  let form: FrameLocator;

  before(async () => {
    await scenario.startSandbox();
    wb = await scenario.openWorkbench();
  });

  after(() => scenario.close());

  it('offers Send Anyway beside a disabled Send when the only problem is the schema', async () => {
    await wb.step('schema-problem', async () => {
      await showSignedInSidebar(wb.page);
      // From the palette the form asks for its location first.
      await runCommand(wb.page, 'Altegio: Issue Loyalty Card');
      await pickQuickItem(wb.page, 'Bloom Beauty - Manhattan');
      await waitForQuickInputClosed(wb.page);
      form = await webviewOfTab(wb.page, FORM_TITLE, FORM_RENDERED);
      await form.getByRole('tab', { name: 'JSON' }).click();
      await form
        .locator('altegio-json-editor textarea')
        .first()
        .fill(JSON.stringify({ loyalty_card_number: 'E2E-ANYWAY', loyalty_card_type_id: '8231', phone: 12 }));
      await form
        .getByText(/phone must be 9 to 15 digits/)
        .first()
        .waitFor();
      assert.strictEqual(await sendBar(form).first().getAttribute('disabled'), '', 'Send stays disabled');
      const anyway = form.locator('.sendbar vscode-button.send-anyway');
      await anyway.waitFor();
      assert.strictEqual(await anyway.getAttribute('secondary'), '', 'Send Anyway is a secondary button');
    });
  });

  it('lists the problem in a modal whose default button does not send', async () => {
    await wb.step('send-anyway-modal', async () => {
      await form.locator('.sendbar vscode-button.send-anyway').click();
      const shown = await waitForDialog(wb.page);
      assert.match(shown.message, /Send POST \/loyalty\/cards\/720441 anyway\?/);
      assert.match(shown.detail, /phone must be 9 to 15 digits/);
      // The platform orders the buttons (on Linux the default one is on the right): which one is primary matters.
      assert.deepStrictEqual([...shown.buttons].sort(), ['Cancel', 'Review the Form', 'Send Anyway']);
      const primary = dialog(wb.page).locator('.dialog-buttons .monaco-button:not(.secondary)');
      assert.deepStrictEqual(
        (await primary.allInnerTexts()).map((t) => t.trim()),
        ['Review the Form'],
      );
    });
  });

  it("sends the request as it is and shows the sandbox's answer", async () => {
    await wb.step('sandbox-answer', async () => {
      await clickDialogButton(wb.page, 'Send Anyway');
      await form.locator('altegio-result-card h2', { hasText: /400 Bad Request/ }).waitFor();
      const viewer = await webviewOfTab(wb.page, /Issue a loyalty card.* 400$/, VIEWER_RENDERED);
      await viewer.locator('altegio-response-header .status', { hasText: /^400/ }).waitFor();
      await viewer.locator('altegio-error-panel', { hasText: 'phone' }).first().waitFor();
    });
  });
});

function sendBar(form: FrameLocator) {
  return form.locator('.sendbar vscode-button');
}
