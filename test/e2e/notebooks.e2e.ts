// Request notebooks end to end: a notebook with Markdown and three request cells (look up the location, issue cards
// to the clients of a 5-row CSV with @each, list the cards). Completion while typing a body field; the location as
// a tree; the run cancelled in the middle and run again (rows already done are skipped: 5 cards, none twice); the
// cards as the renderer's table. A notebook from elsewhere whose saved outputs hold markup and script is drawn as
// text (VS Code 1.100 gives the output webview no CSP of its own). Screenshots: test-results/e2e/notebooks/.
import * as assert from 'assert';
import type { FrameLocator, Locator, Page } from 'playwright-core';
import { startSandboxProcess } from '../harness/sandbox';
import {
  acceptQuickInput,
  dependentSteps,
  openViewContainer,
  openWorkbench,
  runCommand,
  typeInQuickInput,
  waitForTreeRow,
  type Workbench,
} from './helpers';
import { api, MANHATTAN, sandboxDemo, type SandboxDemo } from './webview-support';

const CHAIN_ID = 706028;
const STAMP = Date.now().toString().slice(-5);
/** Clients of the sandbox's Manhattan location; card numbers unique to this run. */
const CLIENTS = [
  ['Lucas Lopez', '13325550195'],
  ['Penelope Harris', '12125550170'],
  ['Maya Scott', '19175550124'],
  ['Benjamin Anderson', '13325550166'],
  ['Emma Young', '13325550150'],
].map(([name, phone], i) => ({ name, phone, number: `NB${STAMP}${i + 1}` }));

const CSV = `name,phone,number\n${CLIENTS.map((c) => `${c.name},${c.phone},${c.number}`).join('\n')}\n`;

const NOTEBOOK = `---
location_id: ${MANHATTAN}
chain_id: ${CHAIN_ID}
---

# Loyalty cards for a list of clients

First check the location, then issue a card to every client of \`clients.csv\`, then list their cards.

\`\`\`altegio
# @name location
GET /company/{{location_id}}
\`\`\`

\`\`\`altegio
# @each clients.csv
POST /loyalty/cards/{{location_id}}

{
  "loyalty_card_number": "{{row.number}}",
  "phone": {{row.phone}}
}
\`\`\`

\`\`\`altegio
# @each clients.csv
GET /loyalty/cards/{{row.phone}}/{{chain_id}}/{{location_id}}
\`\`\`
`;

/** Markup that would run script if an output were drawn as HTML rather than as text. */
const HOSTILE = {
  img: `<img src=x onerror="document.body.dataset.injected='img'">`,
  script: `<script>document.body.dataset.injected='script'</script>`,
  link: `<a href="javascript:document.body.dataset.injected='link'">open</a>`,
};

/** A notebook as someone else might commit it: saved outputs (an object and a list) full of markup. */
const HOSTILE_NOTEBOOK = `# Outputs from elsewhere

\`\`\`altegio
GET /company/{{location_id}}
\`\`\`

\`\`\`json altegio-output status=200
${JSON.stringify({ title: HOSTILE.img, description: HOSTILE.script, site: HOSTILE.link }, null, 2)}
\`\`\`

\`\`\`altegio
GET /clients/{{location_id}}
\`\`\`

\`\`\`json altegio-output status=200
${JSON.stringify([{ id: 1, name: HOSTILE.img, comment: HOSTILE.script }], null, 2)}
\`\`\`
`;

/**
 * The notebook on screen. A notebook in a tab behind keeps its editor (cells, outputs webview) in the page, hidden
 * and moved far off screen, so `.notebookOverlay` alone may find the earlier notebook.
 */
const SHOWN_NOTEBOOK = '.notebookOverlay:visible';

/** A cell's row in the notebook's list (cell 0 is the front matter). The list only draws the rows near the view. */
function cellRow(page: Page, index: number): Locator {
  return page.locator(`${SHOWN_NOTEBOOK} .cell-list-container .monaco-list-row[data-index="${index}"]`);
}

/** Scrolls the notebook until the cell's row is drawn, and brings it into view. */
async function revealCell(page: Page, index: number): Promise<Locator> {
  const row = cellRow(page, index);
  const list = page.locator(`${SHOWN_NOTEBOOK} .cell-list-container`).first();
  for (let attempt = 0; attempt < 30 && (await row.count()) === 0; attempt++) {
    const indexes = await page
      .locator(`${SHOWN_NOTEBOOK} .cell-list-container .monaco-list-row[data-index]`)
      .evaluateAll((rows) => rows.map((r) => Number(r.getAttribute('data-index'))));
    const below = indexes.length === 0 || Math.max(...indexes) < index;
    await list.hover();
    await page.mouse.wheel(0, below ? 500 : -500);
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => resolve(undefined))));
  }
  await row.scrollIntoViewIfNeeded();
  return row;
}

/** Scrolls the notebook so that the cell starts just under the notebook toolbar (its output below it, in view). */
async function showCellAtTop(page: Page, index: number): Promise<void> {
  const row = await revealCell(page, index);
  const toolbar = await page.locator(`${SHOWN_NOTEBOOK} .notebook-toolbar-container`).first().boundingBox();
  const top = (toolbar?.y ?? 100) + (toolbar?.height ?? 30) + 8;
  for (let attempt = 0; attempt < 10; attempt++) {
    const box = await row.boundingBox();
    if (!box || Math.abs(box.y - top) < 12) break;
    await page.locator(`${SHOWN_NOTEBOOK} .cell-list-container`).first().hover();
    await page.mouse.wheel(0, box.y - top);
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => resolve(undefined))));
  }
}

/** The output layer of the notebook: a webview holding every cell's output. */
async function outputs(page: Page): Promise<FrameLocator> {
  const host = page.locator(`${SHOWN_NOTEBOOK} iframe.webview.ready`).first();
  await host.waitFor({ state: 'attached' });
  return host.contentFrame().locator('iframe#active-frame').contentFrame();
}

/** Runs a cell with its "Send" CodeLens. */
async function runCell(page: Page, index: number): Promise<void> {
  const row = await revealCell(page, index);
  await row.locator('.codelens-decoration a', { hasText: 'Send' }).first().click();
}

/** Waits for the cell's execution to end: its status bar shows success or failure. */
async function waitForCellEnd(page: Page, index: number, success: boolean): Promise<void> {
  const icon = success ? '.codicon-notebook-state-success' : '.codicon-notebook-state-error';
  await (await revealCell(page, index)).locator(icon).first().waitFor({ state: 'visible', timeout: 60_000 });
}

async function cardsOf(demo: SandboxDemo, phone: string): Promise<string[]> {
  const { data } = await api(demo, 'GET', `/loyalty/cards/${phone}/${CHAIN_ID}/${MANHATTAN}`);
  return (data as { number: string }[]).map((c) => c.number);
}

describe('Request notebooks', function () {
  dependentSteps(this); // each step builds on the previous ones
  let wb: Workbench;
  let sandbox: Awaited<ReturnType<typeof startSandboxProcess>>;
  let demo: SandboxDemo;

  before(async () => {
    // Some latency, so that a run of five rows can be cancelled in the middle.
    sandbox = await startSandboxProcess({ args: ['--quiet', '--latency', '700'] });
    assert.ok(sandbox, 'this checkout has no sandbox CLI');
    demo = await sandboxDemo(sandbox.baseUrl);
    wb = await openWorkbench('notebooks', {
      settings: {
        'altegio.environment': 'sandbox',
        'altegio.sandbox.url': sandbox.baseUrl,
        'notebook.output.textLineLimit': 30,
      },
      files: { 'cards.altegio.md': NOTEBOOK, 'clients.csv': CSV, 'from-elsewhere.altegio.md': HOSTILE_NOTEBOOK },
      viewport: { width: 1500, height: 1000 },
    });
  });

  after(async () => {
    await wb?.close();
    await sandbox?.stop();
  });

  it('opens cards.altegio.md as a notebook of Markdown and request cells', async () => {
    await wb.step('notebook-open', async () => {
      // Signed in to the sandbox once the Business view shows its locations.
      await openViewContainer(wb.page, 'Altegio');
      await waitForTreeRow(wb.page, 'Business', /Bloom Beauty - Manhattan/);
      await runCommand(wb.page, 'Go to File...');
      await typeInQuickInput(wb.page, 'cards.altegio.md');
      await wb.page.locator('.quick-input-list .monaco-list-row', { hasText: 'cards.altegio.md' }).first().waitFor();
      await acceptQuickInput(wb.page);
      await wb.page.locator(SHOWN_NOTEBOOK).first().waitFor();
      // Markdown cells are drawn in the notebook's webview, with the outputs.
      await (await outputs(wb.page)).getByText('Loyalty cards for a list of clients').first().waitFor();
      await cellRow(wb.page, 2).locator('.view-line', { hasText: 'GET /company/{{location_id}}' }).waitFor();
    });
  });

  it('looks up the location: the answer is drawn as a tree under the cell', async () => {
    await wb.step('location-lookup', async () => {
      await runCell(wb.page, 2);
      await waitForCellEnd(wb.page, 2, true);
      const out = await outputs(wb.page);
      await out.locator('altegio-notebook-output').filter({ hasText: 'Bloom Beauty - Manhattan' }).first().waitFor();
      await out.getByText('200', { exact: true }).first().waitFor();
      await showCellAtTop(wb.page, 2);
    });
  });

  it('completes a body field from the API schema while it is typed', async () => {
    await wb.step('completion', async () => {
      await showCellAtTop(wb.page, 3);
      const row = await revealCell(wb.page, 3);
      await row.locator('.view-line', { hasText: '"phone": {{row.phone}}' }).click();
      await wb.page.keyboard.press('End');
      await wb.page.keyboard.type(',');
      await wb.page.keyboard.press('Enter');
      await wb.page.keyboard.type('"loy');
      const suggest = wb.page.locator('.editor-widget.suggest-widget.visible');
      if (!(await suggest.isVisible())) await wb.page.keyboard.press('Control+Space');
      await suggest.locator('.monaco-list-row', { hasText: 'loyalty_card_type_id' }).first().waitFor();
      await wb.screenshot('03a-completion-popup');
      await suggest.locator('.monaco-list-row', { hasText: 'loyalty_card_type_id' }).first().click();
      await wb.page.keyboard.type('8230');
      await wb.page.keyboard.press('Escape');
      await row.locator('.view-line', { hasText: '"loyalty_card_type_id": "8230"' }).waitFor();
    });
  });

  it('issues cards row by row and is cancelled in the middle of the run', async () => {
    await wb.step('run-cancelled', async () => {
      await runCell(wb.page, 3);
      const out = await outputs(wb.page);
      // Two rows acknowledged, then Stop: the request in flight finishes, the rest are not sent.
      await out
        .getByText(/^[2-4] done, 0 failed/)
        .first()
        .waitFor({ timeout: 60_000 });
      await cellRow(wb.page, 3)
        .getByRole('button', { name: /Stop Cell Execution|Interrupt/ })
        .first()
        .click();
      await waitForCellEnd(wb.page, 3, false);
      await out
        .getByText(/^[2-4] done, 0 failed/)
        .first()
        .waitFor();
      // One request at a time: the sandbox holds this test to Altegio's 5 requests per second too.
      let issued = 0;
      for (const client of CLIENTS) if ((await cardsOf(demo, client.phone)).includes(client.number)) issued++;
      assert.ok(issued >= 2 && issued < 5, `${issued} cards issued before the cancel took effect`);
      await showCellAtTop(wb.page, 3);
    });
  });

  it('runs again: the rows done before are skipped, the rest are issued — 5 cards, none twice', async () => {
    await wb.step('run-summary', async () => {
      await runCell(wb.page, 3);
      await waitForCellEnd(wb.page, 3, true);
      const out = await outputs(wb.page);
      await out
        .getByText(/^[1-3] done, 0 failed, 0 unknown, [2-4] skipped$/)
        .first()
        .waitFor();
      await out.getByText('skipped (done before)').first().waitFor();
      for (const client of CLIENTS) {
        const numbers = await cardsOf(demo, client.phone);
        assert.strictEqual(
          numbers.filter((n) => n === client.number).length,
          1,
          `${client.name} has card ${client.number} once`,
        );
      }
      await showCellAtTop(wb.page, 3);
    });
  });

  it('lists the cards of every client as one table', async () => {
    await wb.step('cards-table', async () => {
      await runCell(wb.page, 4);
      await waitForCellEnd(wb.page, 4, true);
      const out = await outputs(wb.page);
      const table = out.locator('altegio-data-table').last();
      for (const client of CLIENTS) await table.getByText(client.number, { exact: true }).first().waitFor();
      await showCellAtTop(wb.page, 4);
    });
  });

  it('draws saved outputs full of markup as text: nothing from the file runs', async () => {
    await wb.step('hostile-outputs', async () => {
      await runCommand(wb.page, 'Go to File...');
      await typeInQuickInput(wb.page, 'from-elsewhere.altegio.md');
      await wb.page
        .locator('.quick-input-list .monaco-list-row', { hasText: 'from-elsewhere.altegio.md' })
        .first()
        .waitFor();
      await acceptQuickInput(wb.page);
      const out = await outputs(wb.page);
      await out.getByText('Outputs from elsewhere').first().waitFor();
      // The object as the tree (strings in quotes), the list as the table: each value shown as the text it is.
      for (const text of [HOSTILE.img, HOSTILE.script, HOSTILE.link])
        await out.locator('altegio-json-tree').getByText(`"${text}"`, { exact: true }).first().waitFor();
      await out.locator('altegio-data-table').getByText(HOSTILE.img, { exact: true }).first().waitFor();
      await showCellAtTop(wb.page, 1);
      const rendered = out.locator('altegio-notebook-output');
      assert.strictEqual(await rendered.locator('img, script, a[href^="javascript"]').count(), 0, 'no element made');
      assert.strictEqual(await out.locator('body').evaluate((b) => b.dataset.injected ?? ''), '', 'no script ran');
    });
  });
});
