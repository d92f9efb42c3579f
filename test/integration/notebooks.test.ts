// Request notebooks in the real extension host against the local sandbox: a `*.altegio.md` file opens as a
// notebook, its cells run through the request pipeline, an @each run resumes without sending twice, a bad body
// and a token get diagnostics, and a saved notebook holds no token.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { NOTEBOOK_OUTPUT_MIME, type ResponseOutput, type SummaryOutput } from '../../src/protocol/notebook-output';
import { altegio, scriptedPrompter, useSandboxManhattan, withPrompter, CHAIN_ID, MANHATTAN } from './helpers/altegio';
import { waitFor } from './helpers/extension';

/** Clients of the sandbox's Manhattan location, and card numbers no seeded card has. */
const ROWS = [
  ['Lucas Lopez', '13325550195', '81000001'],
  ['Penelope Harris', '12125550170', '81000002'],
  ['Maya Scott', '19175550124', '81000003'],
];

const NOTEBOOK = `---
prefix: ""
---

# Cards for a list of clients

\`\`\`altegio
# @name location
GET /company/{{location_id}}
\`\`\`

\`\`\`altegio
# @each cards.csv
POST /loyalty/cards/{{location_id}}

{
  "loyalty_card_number": "{{prefix}}{{row.number}}",
  "loyalty_card_type_id": "8230",
  "phone": {{row.phone}}
}
\`\`\`

\`\`\`altegio
POST /loyalty/cards/{{location_id}}

{ "loyalty_card_number": 5.5, "phone": 13325550195 }
\`\`\`

\`\`\`altegio
GET /company/{{location_id}}
Authorization: Bearer ***
\`\`\`
`;

function folder(): string {
  const root = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
  assert.ok(root, 'the test host has a workspace folder');
  const dir = path.join(root, `notebooks-${Date.now()}`);
  fs.mkdirSync(dir, { recursive: true });
  return dir;
}

async function run(notebook: vscode.NotebookDocument, index: number): Promise<vscode.NotebookCell> {
  const cell = notebook.cellAt(index);
  const before = cell.executionSummary?.executionOrder;
  await vscode.commands.executeCommand('notebook.cell.execute', {
    ranges: [{ start: index, end: index + 1 }],
    document: notebook.uri,
  });
  await waitFor(
    `cell ${index} to finish`,
    () => cell.executionSummary?.success !== undefined && cell.executionSummary.executionOrder !== before,
    20000,
  );
  return cell;
}

function rendered<T>(cell: vscode.NotebookCell): T {
  const item = cell.outputs.flatMap((o) => o.items).find((i) => i.mime === NOTEBOOK_OUTPUT_MIME);
  assert.ok(
    item,
    `the cell has an Altegio output (has: ${cell.outputs.flatMap((o) => o.items.map((i) => i.mime)).join(', ')})`,
  );
  return JSON.parse(new TextDecoder().decode(item.data)) as T;
}

describe('Request notebooks (real extension host, local sandbox)', function () {
  this.timeout(60000);
  let dir: string;
  let file: string;
  let notebook: vscode.NotebookDocument;

  before(async () => {
    const api = await altegio();
    await useSandboxManhattan(api);
    dir = folder();
    file = path.join(dir, 'cards.altegio.md');
    fs.writeFileSync(file, NOTEBOOK);
    fs.writeFileSync(path.join(dir, 'cards.csv'), `name,phone,number\n${ROWS.map((r) => r.join(',')).join('\n')}\n`);
    notebook = await vscode.workspace.openNotebookDocument(vscode.Uri.file(file));
    await vscode.window.showNotebookDocument(notebook);
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('opens a *.altegio.md file as a notebook: front matter, Markdown and request cells', () => {
    assert.strictEqual(notebook.notebookType, 'altegio-notebook');
    assert.deepStrictEqual(
      notebook.getCells().map((c) => [c.kind, c.document.languageId]),
      [
        [vscode.NotebookCellKind.Code, 'yaml'],
        [vscode.NotebookCellKind.Markup, 'markdown'],
        [vscode.NotebookCellKind.Code, 'altegio'],
        [vscode.NotebookCellKind.Code, 'altegio'],
        [vscode.NotebookCellKind.Code, 'altegio'],
        [vscode.NotebookCellKind.Code, 'altegio'],
      ],
    );
  });

  it('runs a cell through the pipeline: the answer is its output and a History entry', async () => {
    const api = await altegio();
    const before = api.altegio.history.entries().length;
    const cell = await run(notebook, 2);
    assert.strictEqual(cell.executionSummary?.success, true);
    const output = rendered<ResponseOutput>(cell);
    assert.strictEqual(output.kind, 'response');
    assert.strictEqual(output.status, 200);
    assert.strictEqual((output.data as { id: number }).id, MANHATTAN);
    assert.ok(output.strings.dataTab, 'the renderer gets its texts');
    assert.ok(
      cell.outputs[0].items.some((i) => i.mime === 'application/json'),
      'a plain JSON output as fallback',
    );
    assert.strictEqual(api.altegio.history.entries().length, before + 1);
    assert.strictEqual(api.altegio.history.entries()[0].path, `/company/${MANHATTAN}`);
  });

  it('runs an @each cell once per CSV row, and a re-run skips every acknowledged row', async () => {
    const api = await altegio();
    const cell = await run(notebook, 3);
    const first = rendered<SummaryOutput>(cell);
    assert.deepStrictEqual(
      first.rows.map((r) => [r.row, r.outcome, r.status]),
      ROWS.map((_r, i) => [i + 1, 'done', 200]),
      JSON.stringify(first.rows),
    );
    const journal = path.join(dir, 'cards.altegio-runs.jsonl');
    assert.ok(fs.existsSync(journal), 'the run journal is beside the notebook');
    const again = rendered<SummaryOutput>(await run(notebook, 3));
    assert.deepStrictEqual(
      again.rows.map((r) => r.outcome),
      ['skipped', 'skipped', 'skipped'],
    );
    for (const [, phone, number] of ROWS) {
      const cards = await api.altegio.pipeline.fetch({
        operation: api.altegio.catalog().requireOperation('get_loyalty_card_list_by_phone'),
        pathParams: { phone, chain_id: CHAIN_ID, location_id: MANHATTAN },
      });
      const numbers = (cards.data as { number: string }[]).map((c) => c.number);
      assert.strictEqual(numbers.filter((n) => n === number).length, 1, `one card ${number} for ${phone}`);
    }
  });

  it('puts diagnostics on a bad body, and refuses to send it', async () => {
    const cell = notebook.cellAt(4);
    const diagnostics = (await waitFor('diagnostics of the bad body', () => {
      const list = vscode.languages.getDiagnostics(cell.document.uri);
      return list.length >= 2 ? list : undefined;
    }))!;
    const codes = diagnostics.map((d) => String(d.code)).sort();
    assert.deepStrictEqual(codes, ['validation', 'validation']);
    const messages = diagnostics.map((d) => d.message).join(' | ');
    assert.match(messages, /loyalty_card_type_id/);
    assert.match(messages, /loyalty_card_number/);
    const api = await altegio();
    const before = api.altegio.history.entries().length;
    const ran = await run(notebook, 4);
    assert.strictEqual(ran.executionSummary?.success, false);
    assert.strictEqual(api.altegio.history.entries().length, before, 'nothing was sent');
  });

  it('flags an Authorization header as an error and never sends the cell', async () => {
    const cell = notebook.cellAt(5);
    const diagnostic = (await waitFor('the token diagnostic', () =>
      vscode.languages.getDiagnostics(cell.document.uri).find((d) => d.code === 'authorizationHeader'),
    ))!;
    assert.strictEqual(diagnostic.severity, vscode.DiagnosticSeverity.Error);
    const api = await altegio();
    const before = api.altegio.history.entries().length;
    assert.strictEqual((await run(notebook, 5)).executionSummary?.success, false);
    assert.strictEqual(api.altegio.history.entries().length, before);
  });

  it('saves the file byte for byte, with no token even when outputs are saved', async () => {
    const api = await altegio();
    const config = vscode.workspace.getConfiguration('altegio');
    // A cell changed and changed back: the notebook is saved, and every byte is what it was.
    const markdown = notebook.cellAt(1).document;
    const original = markdown.getText();
    for (const text of ['changed', original]) {
      const edit = new vscode.WorkspaceEdit();
      edit.replace(markdown.uri, new vscode.Range(0, 0, markdown.lineCount, 0), text);
      await vscode.workspace.applyEdit(edit);
    }
    assert.ok(notebook.isDirty);
    await notebook.save();
    const secret = api.altegio.auth.credentials();
    let text = fs.readFileSync(file, 'utf8');
    assert.strictEqual(text, NOTEBOOK);
    await config.update('notebooks.saveOutputs', true, vscode.ConfigurationTarget.Workspace);
    try {
      // With outputs saved, the answer is in the file, and still no token.
      const signIn = new vscode.WorkspaceEdit();
      signIn.set(notebook.uri, [
        vscode.NotebookEdit.insertCells(notebook.cellCount, [
          new vscode.NotebookCellData(vscode.NotebookCellKind.Code, 'GET /company/{{location_id}}', 'altegio'),
        ]),
      ]);
      await vscode.workspace.applyEdit(signIn);
      await run(notebook, notebook.cellCount - 1);
      await notebook.save();
      text = fs.readFileSync(file, 'utf8');
      assert.match(text, /```json altegio-output status=200/);
      for (const token of [secret.partnerToken, secret.userToken]) if (token) assert.ok(!text.includes(token));
      // A token pasted into a cell is an error, and it is masked in the file.
      const auth = notebook.cellAt(5).document;
      const paste = new vscode.WorkspaceEdit();
      paste.replace(auth.uri, auth.lineAt(1).range, `Authorization: Bearer ${secret.partnerToken ?? 'pastedToken123'}`);
      await vscode.workspace.applyEdit(paste);
      await notebook.save();
      text = fs.readFileSync(file, 'utf8');
      assert.ok(text.includes('Authorization: Bearer ***\n'));
      assert.ok(!/Bearer\s+[^*\s]/.test(text), 'no bearer token in the file');
      for (const token of [secret.partnerToken, secret.userToken]) if (token) assert.ok(!text.includes(token));
    } finally {
      await config.update('notebooks.saveOutputs', undefined, vscode.ConfigurationTarget.Workspace);
    }
  });

  it('copies a cell as code with the tokens read from environment variables', async () => {
    const api = await altegio();
    const prompter = scriptedPrompter({ pick: ['Python (requests)'] });
    await withPrompter(api, prompter, () =>
      vscode.commands.executeCommand('altegio.notebook.copyAsCode', notebook.cellAt(2)),
    );
    const code = await vscode.env.clipboard.readText();
    assert.match(code, /requests\.request\(\s*"GET",\s*"http:\/\/127\.0\.0\.1:\d+\/api\/v1\/company\/720441"/);
    assert.match(code, /os\.environ\['ALTEGIO_PARTNER_TOKEN'\]/);
    const secret = api.altegio.auth.credentials();
    for (const token of [secret.partnerToken, secret.userToken]) if (token) assert.ok(!code.includes(token));
  });

  it('saves a History entry to the open notebook as a request cell', async () => {
    const api = await altegio();
    const count = notebook.cellCount;
    const [entry] = api.altegio.history.entries();
    await vscode.commands.executeCommand('altegio.history.saveToNotebook', entry);
    await waitFor('the new cells', () => notebook.cellCount === count + 2);
    assert.strictEqual(notebook.cellAt(count + 1).document.getText(), 'GET /company/{{location_id}}');
    assert.strictEqual(notebook.cellAt(count + 1).document.languageId, 'altegio');
  });

  it('opens a .http file as a notebook, leaving its tokens behind', async () => {
    const http = path.join(dir, 'requests.http');
    fs.writeFileSync(
      http,
      '@partnerToken = abcdefsecret\n\n### Location\nGET https://api.alteg.io/api/v1/company/720441\nAuthorization: Bearer {{partnerToken}}\n',
    );
    await vscode.commands.executeCommand('altegio.openHttpAsNotebook', vscode.Uri.file(http));
    const opened = await waitFor('the notebook of the .http file', () => {
      const nb = vscode.window.activeNotebookEditor?.notebook;
      return nb && nb.uri.scheme === 'untitled' ? nb : undefined;
    });
    assert.deepStrictEqual(
      opened!.getCells().map((c) => c.document.getText()),
      ['### Location', 'GET /company/720441'],
    );
  });

  it('keeps two Markdown cells in a row apart when the file is saved and opened again', async () => {
    const edit = new vscode.WorkspaceEdit();
    edit.set(notebook.uri, [
      vscode.NotebookEdit.insertCells(2, [
        new vscode.NotebookCellData(vscode.NotebookCellKind.Markup, 'A second Markdown cell.', 'markdown'),
      ]),
    ]);
    await vscode.workspace.applyEdit(edit);
    await notebook.save();
    const text = fs.readFileSync(file, 'utf8');
    assert.ok(
      text.includes('# Cards for a list of clients\n\n<!-- cell -->\n\nA second Markdown cell.\n\n```altegio'),
      text,
    );
    // Opened from the file anew (a copy: the open notebook would be handed back as it is).
    const copy = path.join(dir, 'reopened.altegio.md');
    fs.writeFileSync(copy, text);
    const reopened = await vscode.workspace.openNotebookDocument(vscode.Uri.file(copy));
    const markdown = (n: vscode.NotebookDocument) =>
      n
        .getCells()
        .map((c) => (c.kind === vscode.NotebookCellKind.Markup ? c.document.getText() : c.document.languageId));
    assert.deepStrictEqual(markdown(reopened), markdown(notebook));
  });
});
