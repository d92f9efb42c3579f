// The response viewer on a big list: 10,000 clients seeded into the sandbox, the client search sent from its form,
// "Fetch All Pages" through the rate-limited client, then the virtualised table scrolled to the end, sorted,
// filtered, columns chosen and exported as CSV; an answer over the size threshold opens in an editor; no CSP
// violation in the whole run. Screenshots: test-results/e2e/response-viewer/.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import type { FrameLocator } from 'playwright-core';
import {
  acceptQuickInput,
  quickPickItemWithDescription,
  runCommand,
  waitForActiveEditor,
  waitForQuickInput,
  reloadWindow,
  type Workbench,
  dependentSteps,
} from './helpers';
import {
  api,
  MANHATTAN,
  sandboxDemo,
  seedClients,
  THEMES,
  updateUserSettings,
  useTheme,
  webviewOfTab,
  FORM_RENDERED,
  VIEWER_RENDERED,
} from './webview-support';
import { SandboxScenario, useManhattanByDefault } from './sandbox-scenario';

const SEEDED = 10_000;

describe('Response viewer with 10,000 rows', function () {
  dependentSteps(this); // each step builds on the previous ones
  const scenario = new SandboxScenario('response-viewer');
  let total = 0;
  let wb: Workbench;
  let form: FrameLocator;
  let viewer: FrameLocator;
  before(async () => {
    // Seeding 20 bulk requests back to back: the sandbox's own 5/s limit is off for this scenario; the extension's
    // client keeps its default limiter (5/s, 200/min), which Fetch All Pages must obey.
    const demo = await sandboxDemo(await scenario.startSandbox(['--no-rate-limit']));
    await seedClients(demo, SEEDED);
    total = (
      (await api(demo, 'POST', `/company/${MANHATTAN}/clients/search`, { page: 1, page_size: 1 })).meta as {
        total_count: number;
      }
    ).total_count;
    assert.ok(total >= SEEDED, `only ${total} clients`);
    wb = await scenario.openWorkbench();
  });

  after(() => scenario.close());

  it('opens the client search form with the location prefilled', async () => {
    await wb.step('client-search-form', async () => {
      await useManhattanByDefault(wb.page);
      await runCommand(wb.page, 'Altegio: Run Operation…');
      await wb.page.locator('.quick-input-widget input').fill('Search/list clients');
      await waitForQuickInput(wb.page);
      await quickPickItemWithDescription(wb.page, 'POST', /^Search\/list clients/)
        .first()
        .click();
      form = await webviewOfTab(wb.page, /^POST Search\/list clients/, FORM_RENDERED);
      await form.getByText('Ready to send').waitFor();
    });
  });

  it('shows the first page with its total, and Next Page / Fetch All Pages', async () => {
    await wb.step('first-page', async () => {
      await form.locator('.sendbar vscode-button').first().click();
      viewer = await webviewOfTab(wb.page, /Search\/list clients.* 200$/, VIEWER_RENDERED);
      await viewer.locator('.count', { hasText: /^25 rows$/ }).waitFor();
      await viewer
        .getByText(`25 of ${total.toLocaleString('en-US')} items loaded; Next Page and Fetch All Pages load the rest.`)
        .waitFor();
      await viewer.locator('vscode-button', { hasText: 'Fetch All Pages' }).waitFor();
    });
  });

  it('fetches all pages with progress, through the rate limiter', async () => {
    await viewer.locator('vscode-button', { hasText: 'Fetch All Pages' }).click();
    await viewer.locator('.paging', { hasText: /Page \d+: [\d,]+ of [\d,]+ items/ }).waitFor();
    await wb.screenshot('03a-fetching-all-pages');
    const started = Date.now();
    await wb.step('all-pages', async () => {
      await viewer
        .getByText(`All pages fetched: ${total.toLocaleString('en-US')} items, ${Math.ceil(total / 200)} pages.`)
        .waitFor({ timeout: 120_000 });
      await viewer.locator('.count', { hasText: `${total.toLocaleString('en-US')} rows` }).waitFor();
    });
    // 51 pages at 5 requests a second cannot take less than ten seconds.
    assert.ok(Date.now() - started > 5000 || Math.ceil(total / 200) < 25, 'the pages were not held to the rate limit');
  });

  it('scrolls to the last of the 10,000+ rows with only a screenful in the DOM', async () => {
    await wb.step('scrolled-to-end', async () => {
      const grid = viewer.locator('[role="grid"]');
      await grid.focus();
      await wb.page.keyboard.press('End');
      await viewer.locator(`[role="row"][aria-rowindex="${total + 1}"]`).waitFor();
      const rendered = await viewer.locator('.body [role="row"]').count();
      assert.ok(rendered < 100, `${rendered} rows in the DOM`);
      await grid.evaluate((el) => {
        el.scrollTop = el.scrollHeight / 2;
      });
      await viewer.locator(`[role="row"][aria-rowindex="${Math.floor(total / 2)}"]`).waitFor();
    });
  });

  it('sorts by a column and filters the rows', async () => {
    await wb.step('sorted-and-filtered', async () => {
      const name = viewer.locator('[role="columnheader"]').filter({ hasText: /^\s*name\s*$/ });
      await name.locator('button').click();
      await name.and(viewer.locator('[aria-sort="ascending"]')).waitFor();
      await viewer.locator('altegio-data-table vscode-textfield input').fill('seeded999');
      await viewer
        .locator('.count', { hasText: new RegExp(`^11 of ${total.toLocaleString('en-US')} loaded rows match$`) })
        .waitFor();
      await viewer
        .locator('[role="row"][aria-rowindex="2"] [role="gridcell"]', { hasText: 'Seeded Client 00999' })
        .waitFor();
    });
  });

  it('hides a column and exports what is shown as CSV', async () => {
    await wb.step('csv-exported', async () => {
      await viewer.locator('vscode-button', { hasText: 'Columns' }).click();
      await viewer.locator('.columns vscode-checkbox', { hasText: 'discount' }).click();
      await viewer
        .locator('[role="columnheader"]')
        .filter({ hasText: /^\s*discount\s*$/ })
        .waitFor({ state: 'detached' });
      await viewer.locator('vscode-button', { hasText: 'Export CSV…' }).click();
      await waitForQuickInput(wb.page);
      await acceptQuickInput(wb.page);
      await viewer.getByText(/11 rows saved to get_client_list-all\.csv\./).waitFor();
      const csv = fs.readFileSync(path.join(wb.folder, 'get_client_list-all.csv'), 'utf8').split('\r\n');
      assert.ok(!csv[0].split(',').includes('discount') && csv[0].split(',').includes('email'), csv[0]);
      assert.strictEqual(csv.filter(Boolean).length, 12);
    });
  });

  it('reads well in light, dark and both high-contrast themes', async () => {
    for (const theme of THEMES) {
      await wb.step(`theme-${theme.name}`, async () => {
        await useTheme(wb.page, theme, [form, viewer]);
      });
    }
  });

  it('keeps a pinned answer and shows the next one in a new viewer', async () => {
    await wb.step('pinned', async () => {
      await viewer.locator('vscode-button', { hasText: 'Pin' }).click();
      await wb.page.locator('.tabs-container .tab', { hasText: /\(pinned\)$/ }).waitFor();
      await form.locator('.sendbar vscode-button').first().click();
      viewer = await webviewOfTab(wb.page, /Search\/list clients.* 200$/, VIEWER_RENDERED);
      // A webview opened beside others can take code-server up to ~35 s to load (see src/webviews/load-watchdog.ts).
      await viewer.locator('altegio-response-header .status', { hasText: '200 OK' }).waitFor({ timeout: 60_000 });
      assert.strictEqual(
        await wb.page.locator('.tabs-container .tab', { hasText: /Search\/list clients.* 200/ }).count(),
        2,
      );
    });
  });

  it('restores the form and the viewers after a window reload', async () => {
    await wb.step('restored-after-reload', async () => {
      // Read at the reload: answers over 1 MB now open in an editor (next step).
      updateUserSettings(wb, { 'altegio.responseViewer.largeResponseThresholdMB': 1 });
      await reloadWindow(wb.page);
      form = await webviewOfTab(wb.page, /^POST Search\/list clients/, FORM_RENDERED);
      await form.getByText('Ready to send').waitFor({ timeout: 60_000 });
      // The restored location, in the dropdown of the locations these tokens see.
      const location = form
        .locator('altegio-field')
        .filter({ hasText: 'location_id' })
        .locator('altegio-options-select');
      await location.waitFor();
      assert.strictEqual(await location.evaluate((el) => (el as HTMLSelectElement).value), '720441');
      viewer = await webviewOfTab(wb.page, /Search\/list clients.* 200$/, VIEWER_RENDERED);
      await viewer.locator('altegio-response-header .status', { hasText: /^200/ }).waitFor({ timeout: 60_000 });
      await viewer.locator('.count', { hasText: /^25 rows$/ }).waitFor();
      await wb.page.locator('.tabs-container .tab', { hasText: /200 \(pinned\)$/ }).waitFor();
    });
  });

  it('opens an answer over the size threshold in an editor instead', async () => {
    await wb.step('large-answer-in-editor', async () => {
      await viewer.locator('vscode-button', { hasText: 'Fetch All Pages' }).click();
      await waitForActiveEditor(wb.page, /^get_client_list-200-all-pages/);
      viewer = await webviewOfTab(wb.page, /Search\/list clients.* 200$/, VIEWER_RENDERED);
      await viewer.getByText(/more than the 1 MB the viewer shows/).waitFor();
    });
  });

  it('ran without a single Content Security Policy violation in either webview', async () => {
    for (const frame of [form, viewer]) {
      assert.strictEqual(await frame.locator('html').getAttribute('data-csp-violations'), '0');
      const csp = await frame.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
      assert.match(csp ?? '', /default-src 'none'; .*base-uri 'none'; form-action 'none'/);
    }
    // The detector itself works: an inline style attribute is refused and counted.
    await viewer.locator('body').evaluate((body) => body.setAttribute('style', 'outline: 1px solid red'));
    await viewer.locator('html[data-csp-violations="1"]').waitFor({ state: 'attached' });
    // And a <base> element cannot redirect the webview's relative URLs.
    await viewer.locator('head').evaluate((head) => {
      const base = document.createElement('base');
      base.href = 'https://evil.example/';
      head.prepend(base);
    });
    await viewer.locator('html[data-csp-violations="2"]').waitFor({ state: 'attached' });
  });
});
