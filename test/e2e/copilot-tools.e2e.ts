// The write confirmation of the Copilot tools in the real workbench. code-server has no Copilot and no language
// model, so no chat can call the tools here; instead a fixture extension (fixtures/tool-caller) invokes
// altegio_call through vscode.lm.invokeTool without a chat token, as any extension may. VS Code then shows its own
// dialog from the tool's prepareInvocation confirmation, and the tool asks with its own modal before sending:
// declined, nothing reaches the sandbox; allowed, the card is issued once. The chat's inline confirmation is not
// shown here (it needs a chat session). Screenshots: test-results/e2e/copilot-tools/.
import * as assert from 'assert';
import * as path from 'path';
import { startSandboxProcess } from '../harness/sandbox';
import {
  clearAllNotifications,
  clickDialogButton,
  openViewContainer,
  runCommand,
  waitForDialog,
  waitForNotification,
  waitForTreeRow,
  waitForViews,
  type DialogContent,
  type Workbench,
  openWorkbench,
  dependentSteps,
} from './helpers';

const COMMAND = 'Tool Caller: Issue a Loyalty Card through altegio_call';

describe('Copilot tools: a write invoked through vscode.lm.invokeTool', function () {
  dependentSteps(this); // each step builds on the previous ones
  let wb: Workbench;
  let sandbox: Awaited<ReturnType<typeof startSandboxProcess>>;

  async function cardsIssued(): Promise<number> {
    const res = await fetch(`${new URL(sandbox!.baseUrl).origin}/__sandbox/stats`);
    const stats = (await res.json()) as { operations: Record<string, number> };
    return stats.operations.issue_loyalty_card ?? 0;
  }

  /** VS Code's own dialog, made of the confirmation prepareInvocation returned. */
  async function vscodeDialog(): Promise<DialogContent> {
    const shown = await waitForDialog(wb.page);
    assert.match(shown.message, /^Allow the assistant to send POST /, shown.message);
    return shown;
  }

  before(async () => {
    sandbox = await startSandboxProcess({ args: ['--quiet'] });
    assert.ok(sandbox, 'this checkout has no sandbox CLI');
    wb = await openWorkbench('copilot-tools', {
      settings: { 'altegio.environment': 'sandbox', 'altegio.sandbox.url': sandbox.baseUrl },
      developmentExtensions: [path.join(__dirname, 'fixtures', 'tool-caller')],
    });
  });

  after(async () => {
    await wb?.close();
    await sandbox?.stop();
  });

  it('is signed in to the sandbox', async () => {
    await wb.step('signed-in', async () => {
      await openViewContainer(wb.page, 'Altegio');
      await waitForViews(wb.page, ['API', 'Business', 'History']);
      await waitForTreeRow(wb.page, 'Business', /Bloom Beauty - Manhattan/);
    });
  });

  it("shows VS Code's dialog with the operation, the location, the environment and the body", async () => {
    await wb.step('vscode-confirmation', async () => {
      await runCommand(wb.page, COMMAND);
      const shown = await vscodeDialog();
      for (const part of ['issue_loyalty_card', '/loyalty/cards/720441', 'Local sandbox', 'loyalty_card_number'])
        assert.ok(shown.detail.includes(part), `VS Code's dialog names ${part}: ${shown.detail}`);
      assert.match(shown.detail, /TC-\d+/, 'the body is shown');
      assert.deepStrictEqual(shown.buttons, ['Cancel', 'Yes']);
      assert.match(shown.detail, /This request changes data in Altegio/);
    });
  });

  it("declined in VS Code's dialog, sends nothing and the caller's call is cancelled", async () => {
    await wb.step('vscode-dialog-declined', async () => {
      const before = await cardsIssued();
      await clickDialogButton(wb.page, 'Cancel');
      await waitForNotification(wb.page, /Tool failed: Canceled/);
      assert.strictEqual(await cardsIssued(), before, 'nothing reached the sandbox');
    });
  });

  it("allowed in VS Code's dialog, asks with its own modal; declined, nothing is sent and the caller is told", async () => {
    await wb.step('altegio-modal-declined', async () => {
      await clearAllNotifications(wb.page);
      const before = await cardsIssued();
      await runCommand(wb.page, COMMAND);
      await vscodeDialog();
      await clickDialogButton(wb.page, 'Yes');
      const ours = await waitForDialog(wb.page);
      assert.match(ours.message, /^Allow the assistant to send POST /);
      assert.ok(ours.buttons.includes('Send'), `buttons: ${ours.buttons.join(', ')}`);
      assert.match(ours.detail, /Environment: Local sandbox/);
      assert.match(ours.detail, /TC-\d+/);
      await wb.screenshot('03a-altegio-modal');
      await clickDialogButton(wb.page, 'Cancel');
      await waitForNotification(
        wb.page,
        /Tool result: The user declined POST \/loyalty\/cards\/720441; nothing was sent/,
      );
      assert.strictEqual(await cardsIssued(), before, 'nothing reached the sandbox');
    });
  });

  it('allowed in both, issues the card once and answers the caller', async () => {
    await wb.step('card-issued', async () => {
      await clearAllNotifications(wb.page);
      const before = await cardsIssued();
      await runCommand(wb.page, COMMAND);
      await vscodeDialog();
      await clickDialogButton(wb.page, 'Yes');
      await waitForDialog(wb.page);
      await clickDialogButton(wb.page, 'Send');
      await waitForNotification(wb.page, /Tool result: POST \/loyalty\/cards\/720441 answered 200/);
      assert.strictEqual(await cardsIssued(), before + 1, 'sent exactly once');
    });
  });
});
