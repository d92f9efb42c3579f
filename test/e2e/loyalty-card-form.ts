// What the scenarios on the Issue Loyalty Card form share: a field by its name, the Send button, a card Altegio
// refuses (an unknown card type, answered 422), and an issued card found under its client in the Business tree.
import type { FrameLocator, Locator, Page } from 'playwright-core';
import { expandTreeRow, waitForTreeRow } from './helpers';
import { escapeRegExp } from './helpers/text';

/** The field whose label names exactly `name`. */
export function formField(form: FrameLocator, name: string): Locator {
  return form
    .locator('altegio-field')
    .filter({ has: form.locator('.name', { hasText: new RegExp(`^${escapeRegExp(name)}$`) }) })
    .first();
}

/** Send, the first button of the send bar. */
export function sendButton(form: FrameLocator): Locator {
  return form.locator('.sendbar vscode-button').first();
}

/** Types a card with an unknown card type in the JSON tab, sends it, and waits for Altegio's 422 in the form. */
export async function sendRefusedCard(form: FrameLocator, cardNumber: string, phone: string): Promise<void> {
  await form.getByRole('tab', { name: 'JSON' }).click();
  await form
    .locator('altegio-json-editor textarea')
    .first()
    .fill(JSON.stringify({ loyalty_card_number: cardNumber, loyalty_card_type_id: '999999', phone: Number(phone) }));
  await form.getByText('Ready to send').waitFor();
  await sendButton(form).click();
  await form.locator('altegio-result-card h2', { hasText: /422 Unprocessable/ }).waitFor();
}

/** Opens Manhattan → Clients → the client → Loyalty cards in the Business tree and waits for the card there. */
export async function waitForClientCard(page: Page, clientName: string, cardNumber: string): Promise<void> {
  await expandTreeRow(page, 'Business', /Bloom Beauty Group/);
  await expandTreeRow(page, 'Business', /Bloom Beauty - Manhattan/);
  await expandTreeRow(page, 'Business', /^Clients/);
  await expandTreeRow(page, 'Business', new RegExp(escapeRegExp(clientName)));
  await expandTreeRow(page, 'Business', /^Loyalty cards/);
  await waitForTreeRow(page, 'Business', new RegExp(escapeRegExp(cardNumber)));
}
