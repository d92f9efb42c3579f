// Context everywhere, end to end from the command palette with no tree item and no default location: Issue Loyalty
// Card asks for the location with a quick pick, the card types of its chain load, a client is found by name and
// their phone filled as digits (shown as Altegio keeps it), the card is sent and appears under that client in the
// Business tree. Then Altegio's 422 is said once in the form, and at 1024×700 "N problems to fix" moves the focus
// to the first problem and the send bar hides no field. Last, Run Operation… finds "Search/list clients" for
// "clients search" and asks for its location. Screenshots: test-results/e2e/form-context/.
import * as assert from 'assert';
import type { FrameLocator } from 'playwright-core';
import {
  pickQuickItem,
  quickPickLabels,
  runCommand,
  typeInQuickInput,
  waitForQuickInput,
  waitForQuickInputClosed,
  type Workbench,
} from './helpers';
import { formField, sendButton, sendRefusedCard, waitForClientCard } from './loyalty-card-form';
import { SandboxScenario, showSignedInSidebar } from './sandbox-scenario';
import { firstClient, sandboxDemo, webviewOfTab, FORM_RENDERED } from './webview-support';

const FORM_TITLE = /^POST Issue a loyalty card to a client$/;
const CARD_NUMBER = `CTX-${Date.now().toString().slice(-6)}`;

describe('A form from the palette knows where it is', function () {
  this.bail(true);
  const scenario = new SandboxScenario('form-context');
  let wb: Workbench;
  let form: FrameLocator;
  let client: { id: number; name: string; phone: string };

  before(async () => {
    client = await firstClient(await sandboxDemo(await scenario.startSandbox()));
    wb = await scenario.openWorkbench();
  });

  after(() => scenario.close());

  it('asks for the location of Issue Loyalty Card run from the palette, with the live list', async () => {
    await wb.step('location-asked', async () => {
      await showSignedInSidebar(wb.page);
      await runCommand(wb.page, 'Altegio: Issue Loyalty Card');
      const widget = await waitForQuickInput(wb.page);
      await widget.getByText('Location for "Issue a loyalty card to a client"').waitFor();
      assert.deepStrictEqual(await quickPickLabels(wb.page), ['Bloom Beauty - Manhattan', 'Bloom Beauty - Brooklyn']);
    });
  });

  it('opens the form at the picked location and loads the card types of its chain', async () => {
    await wb.step('card-types-loaded', async () => {
      await pickQuickItem(wb.page, 'Bloom Beauty - Manhattan');
      await waitForQuickInputClosed(wb.page);
      form = await webviewOfTab(wb.page, FORM_TITLE, FORM_RENDERED);
      const location = formField(form, 'location_id').locator('altegio-options-select');
      await location.waitFor();
      assert.strictEqual(await location.evaluate((el) => (el as HTMLSelectElement).value), '720441');
      const types = formField(form, 'loyalty_card_type_id');
      await types.getByText(/options from the API/).waitFor();
      // The label names the control: a choice, not "text".
      await types.locator('.kind', { hasText: /^choice$/ }).waitFor();
      // A documented example cannot be mistaken for a value: it reads "e.g. …".
      const number = formField(form, 'loyalty_card_number').locator('vscode-textfield').first();
      assert.match((await number.getAttribute('placeholder')) ?? '', /^e\.g\. \S/);
    });
  });

  it('finds the client by name and fills their phone as digits, showing it as Altegio keeps it', async () => {
    await wb.step('client-picked', async () => {
      const types = formField(form, 'loyalty_card_type_id').locator('altegio-options-select');
      await types.click();
      await types.locator('[role="option"], li.option').first().click();
      await formField(form, 'loyalty_card_number').locator('vscode-textfield input').first().fill(CARD_NUMBER);
      const phone = formField(form, 'phone');
      await phone.locator('altegio-lookup-input vscode-textfield input').fill(client.name);
      await phone.locator('li[role="option"]', { hasText: client.name }).first().click();
      await phone.getByText(`Chosen: ${client.name}`, { exact: false }).waitFor();
      await phone.getByText(`Sent as ${client.phone}`, { exact: false }).waitFor();
      const shown = await phone
        .locator('vscode-textfield[type="tel"]')
        .evaluate((el) => (el as HTMLInputElement).value);
      assert.strictEqual(shown.replace(/\D/g, ''), client.phone);
      await form.getByText('Ready to send').waitFor();
    });
  });

  it('sends the card and shows it under that client in the Business tree', async () => {
    await wb.step('card-issued', async () => {
      await sendButton(form).click();
      await form.locator('altegio-result-card h2', { hasText: /200 OK in \d+ ms/ }).waitFor();
      await form.locator('dd', { hasText: CARD_NUMBER }).waitFor();
    });
    await wb.step('card-under-client', async () => {
      await waitForClientCard(wb.page, client.name, CARD_NUMBER);
    });
  });

  it("says Altegio's 422 once in the form: at the field, the banner only counting it", async () => {
    await wb.step('422-said-once', async () => {
      await sendRefusedCard(form, `${CARD_NUMBER}-X`, client.phone);
      await form.getByRole('tab', { name: 'Fields' }).click();
      await form
        .locator('altegio-result-card', { hasText: 'Altegio refused 1 value; it is marked at its field.' })
        .waitFor();
      const refusal = formField(form, 'loyalty_card_type_id').locator('.issues li');
      await refusal.waitFor();
      const text = (await refusal.innerText()).replace(/^Altegio:\s*/, '').trim();
      assert.match(text, /999999/);
      // The sentence is in the form once: next to the field, and nowhere else.
      const whole = await form.locator('altegio-form-app').evaluate(deepText);
      assert.strictEqual(whole.split(text).length - 1, 1, `"${text}" appears once`);
    });
  });

  it('at 1024×700 keeps the send bar on one line and moves the focus to the first problem when asked', async () => {
    await wb.page.setViewportSize({ width: 1024, height: 700 });
    await wb.step('first-problem-focused', async () => {
      form = await webviewOfTab(wb.page, FORM_TITLE, FORM_RENDERED);
      await form.locator('.sendbar vscode-button', { hasText: 'Clear' }).click();
      await form.locator('.problems button', { hasText: /problems? to fix before sending/ }).click();
      const focused = await form.locator('altegio-form-app').evaluate(() => {
        let el: Element | null = document.activeElement;
        const path: string[] = [];
        while (el) {
          if (el instanceof HTMLElement && el.dataset.key) path.push(el.dataset.key);
          el = el.shadowRoot?.activeElement ?? null;
        }
        return path;
      });
      assert.deepStrictEqual(focused.slice(0, 1), ['body:loyalty_card_number']);
    });
    await wb.step('send-bar-1024x700', async () => {
      const buttons = form.locator('.sendbar vscode-button');
      const heights = await buttons.evaluateAll((els) => els.map((e) => Math.round(e.getBoundingClientRect().height)));
      assert.ok(new Set(heights).size === 1, `every button is one line high: ${heights.join(', ')}`);
      // Scrolled to the end, the last field is above the send bar, not under it.
      await form.locator('altegio-form-app').evaluate(() => window.scrollTo(0, document.body.scrollHeight));
      const last = await lastFieldBottom(form);
      const bar = await form.locator('.sendbar').evaluate((el) => el.getBoundingClientRect().top);
      assert.ok(last <= bar, `the last field ends at ${last}, the send bar starts at ${bar}`);
    });
  });

  it('picks "Search/list clients" for "clients search" in Run Operation…, and asks for its location', async () => {
    await wb.step('run-operation-clients-search', async () => {
      await runCommand(wb.page, 'Altegio: Run Operation…');
      await typeInQuickInput(wb.page, 'clients search');
      const first = wb.page.locator('.quick-input-widget .quick-input-list .monaco-list-row').first();
      await first.locator('.label-description', { hasText: /^Search\/list clients/ }).waitFor();
      await first.click();
      const widget = await waitForQuickInput(wb.page);
      await widget.getByText(/^Location for "Search\/list clients/).waitFor();
    });
    await wb.step('clients-search-form', async () => {
      await pickQuickItem(wb.page, 'Bloom Beauty - Manhattan');
      await waitForQuickInputClosed(wb.page);
      const search = await webviewOfTab(wb.page, /^POST Search\/list clients/, FORM_RENDERED);
      const location = formField(search, 'location_id').locator('altegio-options-select');
      await location.waitFor();
      assert.strictEqual(await location.evaluate((el) => (el as HTMLSelectElement).value), '720441');
      // Values the sources list only in prose are a dropdown here: the sort direction.
      await formField(search, 'order_by_direction').locator('vscode-single-select').waitFor();
    });
  });
});

async function lastFieldBottom(form: FrameLocator): Promise<number> {
  const boxes = await form
    .locator('altegio-field')
    .evaluateAll((els) => els.map((e) => e.getBoundingClientRect().bottom).filter((b) => b > 0));
  return Math.max(...boxes);
}

/**
 * The text of the form and of every shadow root under it (each field has its own). A loop, not a named inner
 * function: tsx would wrap that in a naming helper the page lacks.
 */
function deepText(app: Element): string {
  const parts: string[] = [];
  const stack: Node[] = [app];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.nodeType === Node.TEXT_NODE) parts.push(node.textContent ?? '');
    const children = [...((node as Element).shadowRoot?.childNodes ?? []), ...node.childNodes];
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
  }
  return parts.join(' ');
}
