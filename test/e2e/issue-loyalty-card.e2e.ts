// The showcase end to end: API tree → Loyalty Cards → Issue a loyalty card; the card-type dropdown filled from the
// sandbox; a bad phone refused inline with Send disabled; the fixed form sent; the issued card in the form, in the
// response viewer and under its client in the Business tree; then removed with the confirmation.
// Screenshots: test-results/e2e/issue-loyalty-card/.
import * as assert from 'assert';
import type { FrameLocator } from 'playwright-core';
import {
  clearAllNotifications,
  clickDialogButton,
  escapeRegExp,
  expandTreeRow,
  runTreeRowContextMenu,
  treeRow,
  view,
  waitForDialog,
  waitForNotification,
  type Workbench,
  dependentSteps,
} from './helpers';
import { formField, sendButton, sendRefusedCard, waitForClientCard } from './loyalty-card-form';
import { SandboxScenario, useManhattanByDefault } from './sandbox-scenario';
import {
  firstClient,
  sandboxDemo,
  THEMES,
  useTheme,
  webviewOfTab,
  FORM_RENDERED,
  VIEWER_RENDERED,
  type SandboxDemo,
} from './webview-support';

const FORM_TITLE = 'POST Issue a loyalty card to a client';
const CARD_NUMBER = `E2E-${Date.now().toString().slice(-6)}`;

describe('Issue a loyalty card in the request form', function () {
  dependentSteps(this); // each step builds on the previous ones
  const scenario = new SandboxScenario('issue-loyalty-card');
  let wb: Workbench;
  let demo: SandboxDemo;
  let form: FrameLocator;
  let client: { id: number; name: string; phone: string };

  before(async () => {
    demo = await sandboxDemo(await scenario.startSandbox());
    client = await firstClient(demo);
    wb = await scenario.openWorkbench();
  });

  after(() => scenario.close());

  it('selects the Manhattan location, which forms prefill', async () => {
    await wb.step('location-selected', async () => {
      await useManhattanByDefault(wb.page);
    });
  });

  it('opens API → Loyalty Cards → Issue a loyalty card as a form', async () => {
    await wb.step('form-open', async () => {
      await scrollToTreeRow(wb, 'API', 'Loyalty Cards');
      await expandTreeRow(wb.page, 'API', 'Loyalty Cards');
      await scrollToTreeRow(wb, 'API', /POST Issue a loyalty card to a client/);
      await treeRow(wb.page, 'API', /POST Issue a loyalty card to a client/).click();
      form = await webviewOfTab(wb.page, new RegExp(`^${escapeRegExp(FORM_TITLE)}$`), FORM_RENDERED);
      await form.getByText('Issue a loyalty card to a client', { exact: true }).waitFor();
      // The default location, in the dropdown of the locations these tokens see.
      const location = formField(form, 'location_id').locator('altegio-options-select');
      await location.waitFor();
      assert.strictEqual(await location.evaluate((el) => (el as HTMLSelectElement).value), '720441');
    });
  });

  it('fills the card-type dropdown from the sandbox', async () => {
    await wb.step('card-types-loaded', async () => {
      const types = formField(form, 'loyalty_card_type_id');
      await types.getByText(/options? from the API/).waitFor();
      await types.locator('altegio-options-select').click();
      await types.locator('altegio-options-select [role="option"], altegio-options-select li.option').first().waitFor();
    });
  });

  it('refuses a bad phone inline and keeps Send disabled', async () => {
    await wb.step('bad-phone', async () => {
      await formField(form, 'loyalty_card_type_id')
        .locator('altegio-options-select [role="option"], altegio-options-select li.option')
        .first()
        .click();
      await fillField(form, 'loyalty_card_number', CARD_NUMBER);
      await fillField(form, 'phone', '+1 (315) 555');
      await form.getByText(/phone must be 9 to 15 digits/).waitFor();
      assert.strictEqual(await sendButton(form).getAttribute('disabled'), '');
    });
  });

  it('shows the inline error legibly in light, dark and both high-contrast themes', async () => {
    for (const theme of [...THEMES.slice(1), THEMES[0]]) {
      await wb.step(`bad-phone-${theme.name}`, async () => {
        await useTheme(wb.page, theme, [form]);
        await form.getByText(/phone must be 9 to 15 digits/).waitFor();
      });
    }
  });

  it('sends once the phone is fixed, and shows the issued card in the form', async () => {
    await wb.step('card-issued', async () => {
      await fillField(form, 'phone', client.phone);
      await form.getByText('Ready to send').waitFor();
      await sendButton(form).click();
      await form.locator('altegio-result-card h2', { hasText: /200 OK in \d+ ms/ }).waitFor();
      for (const label of ['number', 'type', 'balance', 'points', 'programs'])
        await form.locator('dt', { hasText: new RegExp(`^${label}$`) }).waitFor();
      await form.locator('dd', { hasText: CARD_NUMBER }).waitFor();
    });
  });

  it('shows the answer in the response viewer', async () => {
    await wb.step('response-viewer', async () => {
      const viewer = await webviewOfTab(wb.page, /Issue a loyalty card.* 200$/, VIEWER_RENDERED);
      await viewer.locator('altegio-response-header .status', { hasText: '200 OK' }).waitFor();
      await viewer.locator('altegio-json-tree .string', { hasText: `"${CARD_NUMBER}"` }).waitFor();
    });
  });

  it('shows the request as cURL and .http with the tokens masked', async () => {
    await wb.step('request-tab', async () => {
      const viewer = await webviewOfTab(wb.page, /Issue a loyalty card.* 200$/, VIEWER_RENDERED);
      await viewer.getByRole('tab', { name: 'Request' }).click();
      const curl = await viewer.locator('altegio-code-block pre').first().innerText();
      assert.match(curl, /Authorization: Bearer \$ALTEGIO_PARTNER_TOKEN, User \$ALTEGIO_USER_TOKEN/);
      assert.ok(!curl.includes(demo.partnerToken) && !curl.includes(demo.userToken), 'no token in the export');
    });
  });

  it("explains an error answer: Altegio's message, the field errors and what to do", async () => {
    await wb.step('error-explained', async () => {
      await form.locator('altegio-result-card').waitFor();
      await sendRefusedCard(form, `${CARD_NUMBER}-X`, client.phone);
      const viewer = await webviewOfTab(wb.page, /Issue a loyalty card.* 4\d\d$/, VIEWER_RENDERED);
      await viewer.locator('altegio-error-panel', { hasText: 'loyalty_card_type_id' }).waitFor();
      await viewer.locator('altegio-error-panel', { hasText: 'What to do' }).waitFor();
      await form.getByRole('tab', { name: 'Fields' }).click();
    });
  });

  it('lists the card under its client in the Business tree', async () => {
    await wb.step('card-in-business-tree', async () => {
      await waitForClientCard(wb.page, client.name, CARD_NUMBER);
    });
  });

  it('removes the card after the confirmation', async () => {
    await wb.step('remove-confirmation', async () => {
      await clearAllNotifications(wb.page);
      await runTreeRowContextMenu(wb.page, 'Business', new RegExp(escapeRegExp(CARD_NUMBER)), /Remove Loyalty Card/);
      const dialog = await waitForDialog(wb.page);
      assert.match(dialog.message, new RegExp(escapeRegExp(CARD_NUMBER)));
    });
    await wb.step('card-removed', async () => {
      await clickDialogButton(wb.page, 'Remove Card');
      await waitForNotification(wb.page, `Loyalty card ${CARD_NUMBER} was removed.`);
      // The Business tree reloads the client's cards after the write; the picture shows the row gone.
      await treeRow(wb.page, 'Business', new RegExp(escapeRegExp(CARD_NUMBER))).waitFor({ state: 'detached' });
    });
  });
});

/** Scrolls a long tree (only the rows in view are rendered) until the row is there. */
async function scrollToTreeRow(wb: Workbench, viewTitle: string, label: string | RegExp): Promise<void> {
  const row = treeRow(wb.page, viewTitle, label).first();
  const list = view(wb.page, viewTitle).locator('.monaco-list').first();
  for (let i = 0; i < 40 && !(await row.isVisible()); i++) {
    await list.hover();
    await wb.page.mouse.wheel(0, 120);
    await row.waitFor({ state: 'visible', timeout: 250 }).catch(() => undefined);
  }
  await row.scrollIntoViewIfNeeded();
}

async function fillField(form: FrameLocator, name: string, value: string): Promise<void> {
  await formField(form, name).locator('vscode-textfield input').first().fill(value);
}
