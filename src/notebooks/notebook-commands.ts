// Notebook commands: Send a cell, Open a cell as a form, Copy as Code (from a cell, a form, the response viewer or
// History), Save to Notebook (from a form, History or the response viewer), Open .http File as Notebook, New Notebook
// and the sample.
import * as vscode from 'vscode';
import type { Catalog } from '../api/catalog';
import { CODE_LANGUAGES, toCode, type CodeLanguage } from '../api/code-export';
import type { RequestInput } from '../api/http-types';
import { isRecord } from '../api/is-record';
import { maskRequest } from '../api/request-builder';
import { inputFromEntry } from '../commands/request-commands';
import type { HistoryEntry } from '../services/history-store';
import type { Prompter } from '../services/prompter';
import type { RequestPipeline } from '../services/request-pipeline';
import type { OperationLauncher } from '../webviews/ports';
import { requestToCell } from './core/cell-writer';
import { analyzeCell, resolveCell } from './core/cell-request';
import { httpFileToCells } from './core/http-import';
import { REQUEST_LANGUAGE, type NotebookCellModel } from './core/notebook-format';
import { FRONT_MATTER_KEY, NOTEBOOK_TYPE } from './notebook-serializer';
import type { NotebookVariables } from './notebook-variables';
import { problemText } from './problem-text';
import { SAMPLE_CSV, SAMPLE_CSV_NAME, SAMPLE_NOTEBOOK, SAMPLE_NOTEBOOK_NAME } from './sample-notebook';

export interface NotebookCommandDeps {
  catalog: () => Catalog;
  prompter: Prompter;
  pipeline: Pick<RequestPipeline, 'prepare'>;
  variables: NotebookVariables;
  forms: OperationLauncher & { activeRequest(): Omit<RequestInput, 'signal'> | undefined };
  responses: { activeRequest(): RequestInput | undefined };
}

type Request = Omit<RequestInput, 'signal'>;
type Source = vscode.NotebookCell | HistoryEntry | Request | undefined;

/** Runs one of the notebook commands (registered in notebooks.ts, which loads this module on first use). */
export function runNotebookCommand(id: string, d: NotebookCommandDeps, args: unknown[]): Promise<void> {
  const [first] = args as [Source & vscode.Uri];
  switch (id) {
    case 'altegio.notebook.sendCell':
      return sendCell(first as vscode.NotebookCell | undefined);
    case 'altegio.notebook.openAsForm':
      return openAsForm(d, first as vscode.NotebookCell | undefined);
    case 'altegio.notebook.copyAsCode':
      return copyAsCode(d, (first as vscode.NotebookCell | undefined) ?? activeCell());
    case 'altegio.copyAsCode':
    case 'altegio.saveToNotebook': {
      // From a form's or a viewer's own button, their request; from the editor title, the active tab's.
      const source = handedRequest(d, first);
      return id === 'altegio.copyAsCode' ? copyAsCode(d, source) : saveToNotebook(d, source);
    }
    case 'altegio.history.copyAsCode':
      return copyAsCode(d, historyEntry(first));
    case 'altegio.history.saveToNotebook':
      return saveToNotebook(d, historyEntry(first));
    case 'altegio.openHttpAsNotebook':
      return openHttpAsNotebook(first instanceof vscode.Uri ? first : undefined);
    case 'altegio.newNotebook':
      return newNotebook();
    case 'altegio.openSampleNotebook':
      return openSample();
    default:
      return Promise.reject(new Error(`unknown notebook command ${id}`));
  }
}

/** A History entry passed by the tree; anything else (a URI from an editor title) means "the active tab". */
function historyEntry(value: unknown): HistoryEntry | undefined {
  return value !== null && typeof value === 'object' && 'operationId' in value ? (value as HistoryEntry) : undefined;
}

/** A request a form or a response viewer hands over, rebuilt on the catalog's operation of the same id. */
function handedRequest(d: NotebookCommandDeps, value: unknown): Request | undefined {
  if (!isRecord(value) || !isRecord(value.operation) || typeof value.operation.id !== 'string') return undefined;
  const operation = d.catalog().operation(value.operation.id);
  if (!operation) return undefined;
  return {
    operation,
    pathParams: isRecord(value.pathParams) ? (value.pathParams as Record<string, string | number>) : {},
    ...(isRecord(value.query) ? { query: value.query } : {}),
    ...(value.body !== undefined ? { body: value.body } : {}),
  };
}

function activeCell(): vscode.NotebookCell | undefined {
  const editor = vscode.window.activeNotebookEditor;
  if (editor?.notebook.notebookType !== NOTEBOOK_TYPE) return undefined;
  const index = editor.selection.start;
  return index < editor.notebook.cellCount ? editor.notebook.cellAt(index) : undefined;
}

async function sendCell(cell: vscode.NotebookCell | undefined): Promise<void> {
  const target = cell ?? activeCell();
  if (!target) return;
  await vscode.commands.executeCommand('notebook.cell.execute', {
    ranges: [{ start: target.index, end: target.index + 1 }],
    document: target.notebook.uri,
  });
}

/** The request a cell stands for now, with its variables resolved as far as they can be. */
function cellRequest(d: NotebookCommandDeps, cell: vscode.NotebookCell): Omit<RequestInput, 'signal'> {
  const analysis = analyzeCell(d.catalog(), cell.document.getText());
  if (!analysis.operation) {
    const problem = analysis.problems.find((p) => p.severity === 'error');
    throw new Error(problem ? problemText(problem) : vscode.l10n.t('This cell has no request line.'));
  }
  const resolved = resolveCell(analysis, d.variables.scope(cell.notebook), { lenient: true });
  const values = resolved.values ?? { pathParams: {}, query: {} };
  return {
    operation: analysis.operation,
    pathParams: values.pathParams,
    query: values.query,
    ...(values.body !== undefined ? { body: values.body } : {}),
  };
}

async function openAsForm(d: NotebookCommandDeps, cell: vscode.NotebookCell | undefined): Promise<void> {
  const target = cell ?? activeCell();
  if (!target) return;
  const request = cellRequest(d, target);
  const body = request.body;
  await d.forms.open(request.operation, {
    pathParams: request.pathParams as Record<string, string | number>,
    query: request.query ?? {},
    ...(body !== null && typeof body === 'object' && !Array.isArray(body)
      ? { body: body as Record<string, unknown> }
      : {}),
  });
}

/** Where a command takes its request from: a cell, a History entry, or the form or answer in the active tab. */
function requestFrom(d: NotebookCommandDeps, source: Source): Omit<RequestInput, 'signal'> | undefined {
  if (source && 'document' in source && 'notebook' in source) return cellRequest(d, source);
  if (source && 'operation' in source) return source;
  if (source && 'operationId' in source) {
    const input = inputFromEntry(d.catalog(), source);
    if (!input)
      throw new Error(vscode.l10n.t('This History entry cannot be rebuilt: it held a secret that was not kept.'));
    return input;
  }
  return d.forms.activeRequest() ?? d.responses.activeRequest() ?? (activeCell() && cellRequest(d, activeCell()!));
}

/** The command's request, or undefined once the user has been told where a request can come from. */
function requestOrHint(d: NotebookCommandDeps, source: Source, hint: string): Omit<RequestInput, 'signal'> | undefined {
  const input = requestFrom(d, source);
  if (!input) void vscode.window.showInformationMessage(hint);
  return input;
}

async function copyAsCode(d: NotebookCommandDeps, source: Source): Promise<void> {
  const input = requestOrHint(
    d,
    source,
    vscode.l10n.t('Open a request form, a response or a notebook cell, or pick a History entry, to copy it as code.'),
  );
  if (!input) return;
  const names: Record<CodeLanguage, string> = {
    typescript: 'TypeScript (fetch)',
    python: 'Python (requests)',
    php: 'PHP (Guzzle)',
    curl: 'cURL',
  };
  const language = await d.prompter.pick(
    CODE_LANGUAGES.map((l) => ({ label: names[l], value: l })),
    { title: vscode.l10n.t('Copy as Code'), placeHolder: vscode.l10n.t('Tokens are read from environment variables') },
  );
  if (!language) return;
  const prepared = maskRequest(await d.pipeline.prepare(input as RequestInput));
  await vscode.env.clipboard.writeText(toCode(prepared, language));
  void vscode.window.showInformationMessage(
    vscode.l10n.t(
      'Copied as {0}. Tokens are read from $ALTEGIO_PARTNER_TOKEN and $ALTEGIO_USER_TOKEN.',
      names[language],
    ),
  );
}

async function saveToNotebook(d: NotebookCommandDeps, source: Source): Promise<void> {
  const input = requestOrHint(
    d,
    source,
    vscode.l10n.t('Open a request form or a response, or pick a History entry, to save it to a notebook.'),
  );
  if (!input) return;
  const value = requestToCell(input.operation, input, d.variables.defaults());
  const cell = new vscode.NotebookCellData(vscode.NotebookCellKind.Code, value, REQUEST_LANGUAGE);
  const title = new vscode.NotebookCellData(
    vscode.NotebookCellKind.Markup,
    `### ${input.operation.summary}`,
    'markdown',
  );
  // The open notebook gets the request at its end; otherwise a new one is started.
  const editor = [vscode.window.activeNotebookEditor, ...vscode.window.visibleNotebookEditors].find(
    (e) => e?.notebook.notebookType === NOTEBOOK_TYPE,
  );
  if (editor) {
    const edit = new vscode.WorkspaceEdit();
    edit.set(editor.notebook.uri, [vscode.NotebookEdit.insertCells(editor.notebook.cellCount, [title, cell])]);
    await vscode.workspace.applyEdit(edit);
    await vscode.window.showNotebookDocument(editor.notebook, {
      selections: [new vscode.NotebookRange(editor.notebook.cellCount - 1, editor.notebook.cellCount)],
    });
    return;
  }
  const notebook = await vscode.workspace.openNotebookDocument(NOTEBOOK_TYPE, new vscode.NotebookData([title, cell]));
  await vscode.window.showNotebookDocument(notebook);
}

async function openHttpAsNotebook(uri: vscode.Uri | undefined): Promise<void> {
  const file =
    uri ??
    (
      await vscode.window.showOpenDialog({
        canSelectMany: false,
        filters: { [vscode.l10n.t('HTTP requests')]: ['http', 'rest'] },
        title: vscode.l10n.t('Open .http File as Notebook'),
      })
    )?.[0];
  if (!file) return;
  const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(file));
  const cells = httpFileToCells(text);
  if (!cells.some((c) => c.kind === 'request'))
    throw new Error(vscode.l10n.t('{0} holds no request.', file.path.split('/').pop() ?? ''));
  const notebook = await vscode.workspace.openNotebookDocument(NOTEBOOK_TYPE, toNotebookData(cells));
  await vscode.window.showNotebookDocument(notebook);
}

async function newNotebook(): Promise<void> {
  const cells: NotebookCellModel[] = [
    { kind: 'markdown', value: vscode.l10n.t('# Altegio requests') },
    { kind: 'request', value: 'GET /company/{{location_id}}' },
  ];
  const notebook = await vscode.workspace.openNotebookDocument(NOTEBOOK_TYPE, toNotebookData(cells));
  await vscode.window.showNotebookDocument(notebook);
}

/** Writes the sample (a notebook and its CSV of clients) into a folder the user picks, then opens it. */
async function openSample(): Promise<void> {
  const folder =
    vscode.workspace.workspaceFolders?.[0]?.uri ??
    (
      await vscode.window.showOpenDialog({
        canSelectFolders: true,
        canSelectFiles: false,
        title: vscode.l10n.t('Folder for the sample notebook'),
      })
    )?.[0];
  if (!folder) return;
  const notebookUri = vscode.Uri.joinPath(folder, SAMPLE_NOTEBOOK_NAME);
  const csvUri = vscode.Uri.joinPath(folder, SAMPLE_CSV_NAME);
  const exists = async (uri: vscode.Uri) =>
    vscode.workspace.fs.stat(uri).then(
      () => true,
      () => false,
    );
  if (!(await exists(notebookUri)))
    await vscode.workspace.fs.writeFile(notebookUri, new TextEncoder().encode(SAMPLE_NOTEBOOK));
  if (!(await exists(csvUri))) await vscode.workspace.fs.writeFile(csvUri, new TextEncoder().encode(SAMPLE_CSV));
  const notebook = await vscode.workspace.openNotebookDocument(notebookUri);
  await vscode.window.showNotebookDocument(notebook);
}

function toNotebookData(cells: NotebookCellModel[]): vscode.NotebookData {
  return new vscode.NotebookData(
    cells.map((c) => {
      if (c.kind === 'markdown')
        return new vscode.NotebookCellData(vscode.NotebookCellKind.Markup, c.value, 'markdown');
      const data = new vscode.NotebookCellData(
        vscode.NotebookCellKind.Code,
        c.value,
        c.kind === 'frontMatter' ? 'yaml' : REQUEST_LANGUAGE,
      );
      if (c.kind === 'frontMatter') data.metadata = { [FRONT_MATTER_KEY]: true };
      return data;
    }),
  );
}
