// Requests into notebooks and code, and cells into forms, in the real extension host: Save to Notebook and Copy as
// Code from a request form and from the response viewer — from the editor title (the active tab's request) and
// from the panels' own buttons (a message the host checks, carrying nothing but its type) — and Open as Form from
// a request cell.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { FormValues } from '../../src/api/form-types';
import type { AltegioTestApi, PanelRecord } from '../../src/test-mode';
import { altegio, scriptedPrompter, succeeded, useSandboxManhattan, withPrompter, MANHATTAN } from './helpers/altegio';
import { settled, waitFor } from './helpers/extension';
import { closeAll, formOf, open, openForm, showInViewer, until, APP_START_MS, type FormInit } from './helpers/panels';

const NOTEBOOK_TYPE = 'altegio-notebook';
const CARD = { loyalty_card_number: '81000777', loyalty_card_type_id: '8230', phone: 13325550195 };

/** The request line and the JSON body of a request cell's text. */
function cellParts(text: string): { line: string; body?: unknown } {
  const [line, ...rest] = text.split('\n\n');
  const body = rest.join('\n\n').trim();
  return { line, ...(body ? { body: JSON.parse(body) as unknown } : {}) };
}

function altegioNotebooks(): vscode.NotebookDocument[] {
  return vscode.workspace.notebookDocuments.filter((n) => n.notebookType === NOTEBOOK_TYPE);
}

/** The last cell of any open Altegio notebook whose text passes the test. */
function savedCell(test: (text: string) => boolean): vscode.NotebookCell | undefined {
  for (const notebook of altegioNotebooks()) {
    const last = notebook.cellCount > 0 ? notebook.cellAt(notebook.cellCount - 1) : undefined;
    if (last && test(last.document.getText())) return last;
  }
  return undefined;
}

/** Waits until the clipboard holds something that passes the test. */
async function clipboard(what: string, test: (text: string) => boolean): Promise<string> {
  return waitFor(what, async () => {
    const text = await vscode.env.clipboard.readText();
    return test(text) ? text : undefined;
  }) as Promise<string>;
}

async function activate(record: PanelRecord): Promise<void> {
  record.panel.reveal(undefined, false);
  await until('the panel to be the active tab', () => record.panel.active || undefined);
}

/** Untitled notebooks are closed without the question whether to save them. */
async function closeUntitledNotebooks(): Promise<void> {
  for (const notebook of altegioNotebooks().filter((n) => n.isUntitled)) {
    await vscode.window.showNotebookDocument(notebook);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  }
}

function noToken(api: AltegioTestApi, text: string): void {
  const secret = api.altegio.auth.credentials();
  for (const token of [secret.partnerToken, secret.userToken]) if (token) assert.ok(!text.includes(token));
}

describe('Requests into notebooks and code, and cells into forms (real extension host)', function () {
  this.timeout(300_000);
  let form: PanelRecord;

  before(async () => {
    const api = await altegio();
    await useSandboxManhattan(api);
    await closeUntitledNotebooks();
    await closeAll();
  });

  after(async () => {
    await closeUntitledNotebooks();
    await closeAll();
  });

  it("saves a form's request to a notebook from the editor title, and the form's current values from its own button", async () => {
    const api = await altegio();
    const op = api.altegio.catalog().requireOperation('issue_loyalty_card');
    form = await openForm(api, op, { pathParams: { location_id: MANHATTAN }, body: CARD });
    await activate(form);
    await vscode.commands.executeCommand('altegio.saveToNotebook');
    const notebook = await until('a new notebook with the form in it', () => {
      const nb = vscode.window.activeNotebookEditor?.notebook;
      return nb?.notebookType === NOTEBOOK_TYPE && nb.isUntitled && nb.cellCount === 2 ? nb : undefined;
    });
    assert.strictEqual(notebook.cellAt(0).kind, vscode.NotebookCellKind.Markup);
    assert.strictEqual(notebook.cellAt(0).document.getText(), `### ${op.summary}`);
    const saved = cellParts(notebook.cellAt(1).document.getText());
    assert.strictEqual(saved.line, 'POST /loyalty/cards/{{location_id}}', 'the selected location is a variable');
    assert.deepStrictEqual(saved.body, CARD);

    // The form's own button sends only its type: the host takes the form's values as they are now, although
    // the notebook, not the form, is the active tab.
    const values = form.last<FormInit>('init')!.values;
    const changed: FormValues = { ...values, body: { ...(values.body as object), loyalty_card_number: '81000778' } };
    form.deliver({ type: 'change', seq: 1, values: changed });
    form.deliver({ type: 'saveToNotebook' });
    await until('the form appended to the open notebook', () => notebook.cellCount === 4 || undefined);
    assert.deepStrictEqual(cellParts(notebook.cellAt(3).document.getText()).body, {
      ...CARD,
      loyalty_card_number: '81000778',
    });
    assert.strictEqual(form.refusals.length, 0);
  });

  it("copies a form's request as code from the editor title and from the form's own button, with no token", async () => {
    const api = await altegio();
    await activate(form);
    const prompter = scriptedPrompter({ pick: ['cURL', 'PHP (Guzzle)'] });
    await withPrompter(api, prompter, async () => {
      await vscode.env.clipboard.writeText('');
      await vscode.commands.executeCommand('altegio.copyAsCode');
      const curl = await clipboard('the form as cURL', (t) => t.startsWith('curl'));
      assert.match(curl, /\/api\/v1\/loyalty\/cards\/720441/);
      assert.match(curl, /81000778/);
      assert.match(curl, /\$ALTEGIO_PARTNER_TOKEN/);
      noToken(api, curl);

      form.deliver({ type: 'copyAsCode' });
      const php = await clipboard('the form as PHP', (t) => t.includes('GuzzleHttp'));
      assert.match(php, /loyalty\/cards\/720441/);
      assert.match(php, /getenv\('ALTEGIO_PARTNER_TOKEN'\)/);
      noToken(api, php);
    });
    assert.deepStrictEqual(
      prompter.log.picks.map((p) => p.labels),
      [0, 1].map(() => ['TypeScript (fetch)', 'Python (requests)', 'PHP (Guzzle)', 'cURL']),
    );
  });

  it('saves and copies the request behind an answer in the response viewer', async () => {
    const api = await altegio();
    const op = api.altegio.catalog().requireOperation('get_location');
    const exchange = await succeeded(
      api.altegio.pipeline.execute({ operation: op, pathParams: { location_id: MANHATTAN } }, { source: 'viewer' }),
    );
    const viewer = await showInViewer(api, exchange);
    await activate(viewer);
    const prompter = scriptedPrompter({ pick: ['TypeScript (fetch)'] });
    await withPrompter(api, prompter, async () => {
      await vscode.commands.executeCommand('altegio.copyAsCode');
      const code = await clipboard('the answer’s request as TypeScript', (t) => t.includes('await fetch('));
      assert.match(code, /\/api\/v1\/company\/720441/);
      assert.match(code, /process\.env\.ALTEGIO_PARTNER_TOKEN/);
      noToken(api, code);
    });

    viewer.deliver({ type: 'saveToNotebook' });
    const cell = await until('the answer’s request in a notebook', () =>
      savedCell((t) => t === 'GET /company/{{location_id}}'),
    );
    assert.strictEqual(cell.document.languageId, 'altegio');
    assert.strictEqual(viewer.refusals.length, 0);

    const refused = viewer.refusals.length;
    viewer.deliver({ type: 'copyAsCode', language: 'php' });
    viewer.deliver({ type: 'saveToNotebook', request: { operation: { id: 'delete_loyalty_card' } } });
    await until('both malformed messages refused', () => viewer.refusals.length === refused + 2 || undefined);
  });

  it('opens a request cell as a form holding its path and body', async () => {
    const api = await altegio();
    for (const record of open(api, 'request form')) record.panel.dispose();
    await until('the forms to close', () => open(api, 'request form').length === 0 || undefined);
    // The cell's toolbar passes the command its cell, as this does; the notebook need not be shown for that (showing
    // it right after the forms closed is where code-server once lost track of an editor and never settled).
    const notebook = await settled(
      'openNotebookDocument',
      vscode.workspace.openNotebookDocument(
        NOTEBOOK_TYPE,
        new vscode.NotebookData([
          new vscode.NotebookCellData(
            vscode.NotebookCellKind.Code,
            `POST /loyalty/cards/{{location_id}}\n\n${JSON.stringify({ ...CARD, loyalty_card_number: '81000779' })}`,
            'altegio',
          ),
        ]),
      ),
    );
    await settled(
      'altegio.notebook.openAsForm',
      vscode.commands.executeCommand('altegio.notebook.openAsForm', notebook.cellAt(0)),
    );
    const opened = await until('the form of the cell', () => formOf(api, 'issue_loyalty_card'), APP_START_MS);
    const values = opened.last<FormInit>('init')!.values;
    assert.strictEqual(Number(values.path.location_id), MANHATTAN);
    assert.deepStrictEqual(values.body, { ...CARD, loyalty_card_number: '81000779' });
    assert.deepStrictEqual(api.altegio.forms.activeRequest()?.body, { ...CARD, loyalty_card_number: '81000779' });
  });
});
