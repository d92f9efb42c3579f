// First scenario: the Altegio activity-bar icon opens the sidebar with its three views, and a command runs from
// the command palette. Screenshots: test-results/e2e/sidebar-and-palette/.
import * as assert from 'assert';
import {
  activityBarItem,
  clickWelcomeButton,
  findCommand,
  openWorkbench,
  openViewContainer,
  quickPickItem,
  quickPickItemWithDescription,
  runCommand,
  typeInQuickInput,
  view,
  waitForOutputChannel,
  waitForQuickInput,
  waitForQuickInputClosed,
  waitForTreeRow,
  waitForViews,
  welcomeContent,
  type Workbench,
  dependentSteps,
} from './helpers';

describe('Altegio sidebar and command palette', function () {
  dependentSteps(this); // each step builds on the previous ones
  let wb: Workbench;

  before(async () => {
    wb = await openWorkbench('sidebar-and-palette');
  });

  after(async () => {
    await wb?.close();
  });

  it('shows the Altegio icon in the activity bar once the extension is installed', async () => {
    await wb.step('workbench-ready', async () => {
      await activityBarItem(wb.page, 'Altegio').waitFor({ state: 'visible' });
    });
  });

  it('opens the Altegio sidebar with the API, Business and History views', async () => {
    await wb.step('altegio-sidebar-open', async () => {
      await openViewContainer(wb.page, 'Altegio');
      await waitForViews(wb.page, ['API', 'Business', 'History']);
      for (const title of ['API', 'Business', 'History']) {
        assert.ok(await view(wb.page, title).isVisible(), `the ${title} view is not visible`);
      }
    });
  });

  it('finds "Altegio: Show Log" in the command palette', async () => {
    await wb.step('palette-show-log', async () => {
      await findCommand(wb.page, 'Altegio: Show Log');
    });
  });

  it('runs it and shows the "Altegio" output channel', async () => {
    await wb.step('altegio-output-channel', async () => {
      await quickPickItem(wb.page, 'Altegio: Show Log').click();
      await waitForQuickInputClosed(wb.page);
      await waitForOutputChannel(wb.page, 'Altegio');
    });
  });

  it('finds "Search/list clients" first when "clients search" is typed into Run Operation…', async () => {
    await wb.step('run-operation-clients-search', async () => {
      await runCommand(wb.page, 'Altegio: Run Operation…');
      await typeInQuickInput(wb.page, 'clients search');
      const first = wb.page.locator('.quick-input-widget .quick-input-list .monaco-list-row').first();
      await first.locator('.label-description', { hasText: /^Search\/list clients/ }).waitFor();
      await quickPickItemWithDescription(wb.page, 'POST', /^Search\/list clients/)
        .first()
        .waitFor();
    });
  });

  it('offers the API tree filtered by the words when nothing matches, and the tree says so', async () => {
    await wb.step('run-operation-no-match', async () => {
      await typeInQuickInput(wb.page, 'xyzzy frobnicate');
      await waitForQuickInput(wb.page);
      await quickPickItem(wb.page, 'No operation matches "xyzzy frobnicate"').waitFor();
    });
    await wb.step('api-tree-filtered-no-match', async () => {
      await quickPickItem(wb.page, 'No operation matches "xyzzy frobnicate"').click();
      await waitForQuickInputClosed(wb.page);
      await welcomeContent(wb.page, 'API').getByText('No operation matches the filter.').waitFor();
    });
    await wb.step('api-tree-filter-cleared', async () => {
      await clickWelcomeButton(wb.page, 'API', 'Clear Filter');
      await welcomeContent(wb.page, 'API').waitFor({ state: 'hidden' });
      await waitForTreeRow(wb.page, 'API', 'Authentication B2B');
    });
  });
});
