// A newcomer's first minutes, end to end: open the Altegio view → start the sandbox from the welcome view →
// sign in with tokens → expand a section in the API tree → expand a location in the Business tree → run an
// operation from the palette → see it in History. Screenshots: test-results/e2e/sidebar-journey/.
import * as assert from 'assert';
import { DEMO_PARTNER_TOKEN, DEMO_USER_TOKEN } from '../../src/sandbox/credentials';
import {
  clearAllNotifications,
  clickWelcomeButton,
  expandTreeRow,
  openViewContainer,
  quickPickItemWithDescription,
  waitForQuickInput,
  runCommand,
  runTreeRowContextMenu,
  treeRowLabels,
  typeInQuickInput,
  acceptQuickInput,
  waitForNotification,
  waitForQuickInputPrompt,
  waitForTreeRow,
  waitForViews,
  webviewContent,
  welcomeContent,
  openWorkbench,
  type Workbench,
  dependentSteps,
} from './helpers';

describe('Sidebar journey: sandbox, sign-in, trees, palette and history', function () {
  dependentSteps(this); // each step builds on the previous ones
  let wb: Workbench;

  before(async () => {
    wb = await openWorkbench('sidebar-journey', {
      // A sandbox URL where nothing listens, so the extension starts signed out whatever else runs on this machine.
      settings: { 'altegio.environment': 'sandbox', 'altegio.sandbox.url': 'http://127.0.0.1:9/api/v1' },
      viewport: { width: 1500, height: 950 },
    });
  });

  after(async () => {
    await wb?.close();
  });

  it('opens the Altegio view, signed out, with the welcome actions', async () => {
    await wb.step('welcome', async () => {
      await openViewContainer(wb.page, 'Altegio');
      await waitForViews(wb.page, ['API', 'Business', 'History']);
      const welcome = welcomeContent(wb.page, 'Business');
      for (const label of ['Sign In with Tokens', 'Sign In with Login and Password', 'Try the Local Sandbox']) {
        await welcome.getByRole('button', { name: label }).waitFor({ state: 'visible' });
      }
    });
  });

  it('starts the local sandbox from the welcome view and signs in to it', async () => {
    await wb.step('sandbox-started', async () => {
      await clickWelcomeButton(wb.page, 'Business', 'Try the Local Sandbox');
      await waitForNotification(wb.page, /Local sandbox running at http:\/\/127\.0\.0\.1:\d+\/api\/v1/);
      await waitForTreeRow(wb.page, 'Business', /Alex Morgan/);
    });
  });

  it('signs out, then signs in again with a partner and a user token', async () => {
    await wb.step('signed-out', async () => {
      await clearAllNotifications(wb.page);
      await runCommand(wb.page, 'Altegio: Sign Out');
      await waitForNotification(wb.page, /Signed out of Local sandbox/);
      await welcomeContent(wb.page, 'Business')
        .getByRole('button', { name: 'Sign In with Tokens' })
        .waitFor({ state: 'visible' });
    });
    await wb.step('signed-in-with-tokens', async () => {
      await clearAllNotifications(wb.page);
      await clickWelcomeButton(wb.page, 'Business', 'Sign In with Tokens');
      await waitForQuickInputPrompt(wb.page, /Partner token/);
      await typeInQuickInput(wb.page, DEMO_PARTNER_TOKEN);
      await acceptQuickInput(wb.page);
      await waitForQuickInputPrompt(wb.page, /User token/);
      await typeInQuickInput(wb.page, DEMO_USER_TOKEN);
      await acceptQuickInput(wb.page);
      await waitForNotification(wb.page, 'Signed in to Local sandbox.');
      await waitForTreeRow(wb.page, 'Business', /Signed in/);
    });
  });

  it('expands a section of the API tree', async () => {
    await wb.step('api-section', async () => {
      await expandTreeRow(wb.page, 'API', /^Locations/);
      await waitForTreeRow(wb.page, 'API', /GET List locations/);
      const rows = await treeRowLabels(wb.page, 'API');
      assert.ok(
        rows.some((r) => /DELETE Delete a location/.test(r)),
        rows.join(' | '),
      );
    });
  });

  it('expands a location in the Business tree and makes it the default', async () => {
    await wb.step('business-location', async () => {
      await waitForTreeRow(wb.page, 'Business', /Bloom Beauty Group/);
      await expandTreeRow(wb.page, 'Business', /Bloom Beauty - Manhattan/);
      for (const list of [/^Clients/, /^Team members/, /^Loyalty card types/])
        await waitForTreeRow(wb.page, 'Business', list);
      await runTreeRowContextMenu(wb.page, 'Business', /Bloom Beauty - Manhattan/, 'Use as Default Location');
      await wb.page.locator('.statusbar-item', { hasText: 'Manhattan' }).first().waitFor({ state: 'visible' });
    });
  });

  it('runs an operation from the command palette', async () => {
    await wb.step('palette-pick', async () => {
      await runCommand(wb.page, 'Altegio: Run Operation…');
      await typeInQuickInput(wb.page, 'list team members of a location');
      await waitForQuickInput(wb.page);
      await quickPickItemWithDescription(wb.page, 'GET', 'List team members of a location').first().click();
    });
    await wb.step('palette-sent', async () => {
      const form = await webviewContent(wb.page, { editorTitle: /^GET List team members of a location/ });
      // The default location, chosen in the dropdown of the locations these tokens see.
      const location = form
        .locator('altegio-field')
        .filter({ hasText: 'location_id' })
        .locator('altegio-options-select');
      await form.getByText('Ready to send').waitFor();
      await location.waitFor();
      assert.strictEqual(
        await location.evaluate((el) => (el as HTMLSelectElement).value),
        '720441',
        'the default location is prefilled',
      );
      await form.locator('.sendbar vscode-button').first().click();
      await form.locator('altegio-result-card h2', { hasText: /200 OK in \d+ ms/ }).waitFor();
    });
  });

  it('shows the request in History with its status', async () => {
    await wb.step('history', async () => {
      const row = await waitForTreeRow(wb.page, 'History', /GET \/staff\/720441/);
      assert.match(await row.innerText(), /200/);
    });
  });
});
