// Request notebooks, registered with VS Code: the `*.altegio.md` serializer, the controller that runs cells, the
// request cells' editor features, the renderer's messages and the commands. Registration is cheap: what parses
// cells, validates or runs them is loaded on first use.
import * as vscode from 'vscode';
import type { Altegio } from '../altegio';
import type { CommandRegistry } from '../commands/command-registry';
import { failureText } from '../services/error-text';
import { lazy } from '../services/lazy';
import { NOTEBOOK_RENDERER_ID, type SaveCsvMessage } from '../protocol/notebook-output';
import type * as CellFeatures from './cell-features';
import type * as Commands from './notebook-commands';
import type * as Runtime from './runtime';
import { AltegioNotebookSerializer, NOTEBOOK_TYPE } from './notebook-serializer';
import { NotebookVariables } from './notebook-variables';

export const CONTROLLER_ID = 'altegio-notebook-controller';

export function contributeNotebooks(a: Altegio, registry: CommandRegistry): vscode.Disposable[] {
  const variables = new NotebookVariables(a.auth, a.locations);
  const runtime = lazy(() => require('./runtime') as typeof Runtime);
  const lookups = lazy(() => new (runtime.get().LookupLoader)(a.pipeline, a.catalog, failureText));
  const runner = lazy(() => new (runtime.get().NotebookRunner)({ ...a, variables }));
  const controller = vscode.notebooks.createNotebookController(CONTROLLER_ID, NOTEBOOK_TYPE, 'Altegio');
  controller.supportedLanguages = ['altegio'];
  controller.supportsExecutionOrder = true;
  controller.description = vscode.l10n.t('Sends requests to the current Altegio environment');
  controller.executeHandler = (cells, notebook, c) => runner.get().execute(cells, notebook, c);
  // The only controller for these notebooks: preferred, so that running a cell never asks which kernel to use.
  const prefer = (notebook: vscode.NotebookDocument) => {
    if (notebook.notebookType === NOTEBOOK_TYPE)
      controller.updateNotebookAffinity(notebook, vscode.NotebookControllerAffinity.Preferred);
  };
  vscode.workspace.notebookDocuments.forEach(prefer);

  const deps = (): Commands.NotebookCommandDeps => ({ ...a, variables });
  for (const id of NOTEBOOK_COMMANDS)
    registry.register(id, (...args: unknown[]) => runtime.get().runNotebookCommand(id, deps(), args));

  const renderer = vscode.notebooks.createRendererMessaging(NOTEBOOK_RENDERER_ID);
  const serializer = new AltegioNotebookSerializer({
    knownSecrets: () => {
      const c = a.auth.credentials();
      return [c.partnerToken, c.userToken].filter((t): t is string => !!t);
    },
  });
  // Whether outputs make a notebook dirty follows the setting that saves them.
  const register = () =>
    // The cells' layout metadata is not transient: VS Code leaves transient metadata out of what it saves.
    vscode.workspace.registerNotebookSerializer(NOTEBOOK_TYPE, serializer, { transientOutputs: !saveOutputs() });
  let registration = register();
  return [
    variables,
    controller,
    vscode.workspace.onDidOpenNotebookDocument(prefer),
    { dispose: () => registration.dispose() },
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (!e.affectsConfiguration('altegio.notebooks.saveOutputs')) return;
      registration.dispose();
      registration = register();
    }),
    ...lazyCellFeatures(() => runtime.get(), {
      catalog: a.catalog,
      variables,
      locations: a.locations,
      lookups: () => lookups.get(),
    }),
    renderer.onDidReceiveMessage((e) => void saveCsv(e.message)),
  ];
}

export const NOTEBOOK_COMMANDS = [
  'altegio.notebook.sendCell',
  'altegio.notebook.openAsForm',
  'altegio.notebook.copyAsCode',
  'altegio.copyAsCode',
  'altegio.history.copyAsCode',
  'altegio.saveToNotebook',
  'altegio.history.saveToNotebook',
  'altegio.openHttpAsNotebook',
  'altegio.newNotebook',
  'altegio.openSampleNotebook',
] as const;

function saveOutputs(): boolean {
  return vscode.workspace.getConfiguration('altegio').get<boolean>('notebooks.saveOutputs', false);
}

/** The editor features, registered now and loaded when a request cell first needs them. */
function lazyCellFeatures(runtime: () => typeof Runtime, deps: CellFeatures.CellFeatureDeps): vscode.Disposable[] {
  let registered: vscode.Disposable[] | undefined;
  const start = () => {
    if (registered) return;
    registered = runtime().registerCellFeatures(deps);
  };
  const isCell = (d: vscode.TextDocument) => d.languageId === 'altegio';
  if (vscode.workspace.textDocuments.some(isCell)) start();
  const opened = vscode.workspace.onDidOpenTextDocument((d) => {
    if (isCell(d)) {
      start();
      opened.dispose();
    }
  });
  return [opened, { dispose: () => registered?.forEach((d) => d.dispose()) }];
}

/** The renderer's only message: a table exported as CSV, saved where the user says. */
async function saveCsv(message: unknown): Promise<void> {
  const m = message as Partial<SaveCsvMessage> | null;
  if (!m || m.type !== 'saveCsv' || typeof m.csv !== 'string' || m.csv.length > 50 * 1024 * 1024) return;
  const uri = await vscode.window.showSaveDialog({
    filters: { CSV: ['csv'] },
    saveLabel: vscode.l10n.t('Export CSV'),
  });
  if (uri) await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(m.csv));
}
