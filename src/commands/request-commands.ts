// Run Operation…, open an operation, Repeat Last Request, and the History actions (replay, open response,
// copy as cURL, clear). Exports (cURL, .http) mask tokens unless the user explicitly asks for them.
import * as vscode from 'vscode';
import type { Catalog, OperationSpec, OperationSummary } from '../api/catalog';
import type { RequestInput } from '../api/client';
import { toCurl, toHttpFile } from '../api/export';
import { MASK } from '../api/sensitive';
import { apiTexts } from '../services/api-texts';
import type { Auth } from '../services/auth';
import { environmentLabel } from '../services/environments';
import type { CatalogIndexSource, CatalogSource } from '../services/catalog-source';
import type { HistoryEntry, HistoryStore } from '../services/history-store';
import type { OperationSearchSource } from '../services/operation-search-source';
import type { Prompter } from '../services/prompter';
import type { Confirmation, Exchange, ExecuteOptions, RequestPipeline } from '../services/request-pipeline';
import type { JsonDocumentProvider } from '../views/json-documents';
import type { OperationLauncher, Prefill, ResponsePresenter } from '../webviews/ports';
import type { CommandRegistry } from './command-registry';

export interface RequestCommandsHost {
  catalog: CatalogSource;
  catalogIndex: CatalogIndexSource;
  operationSearch: OperationSearchSource;
  prompter: Prompter;
  auth: Pick<Auth, 'environment'>;
  pipeline: Pick<RequestPipeline, 'execute' | 'prepare' | 'confirmIfDestructive'>;
  history: Pick<HistoryStore, 'latest' | 'response' | 'clear'>;
  documents: Pick<JsonDocumentProvider, 'open'>;
  forms: OperationLauncher;
  responses: ResponsePresenter;
}

type Host = RequestCommandsHost;

export function registerRequestCommands(registry: CommandRegistry, s: Host): void {
  registry.register('altegio.runOperation', () => runOperation(s));
  registry.register(
    'altegio.openOperation',
    (target?: string | OperationSummary | { operation?: OperationSummary }, prefill?: Prefill) => {
      const op = resolveOperation(s.catalog(), target);
      return op ? s.forms.open(op, prefill, { askForMissing: true }) : runOperation(s);
    },
  );
  registry.register('altegio.repeatLastRequest', async () => {
    const entry = s.history.latest();
    if (!entry) {
      void vscode.window.showInformationMessage(vscode.l10n.t('There is no request to repeat yet.'));
      return;
    }
    await replay(s, entry);
  });
  registry.register('altegio.copyAsCurl', (entry?: HistoryEntry) => copyAs(s, 'curl', entry, false));
  registry.register('altegio.copyAsCurlWithTokens', (entry?: HistoryEntry) => copyAs(s, 'curl', entry, true));
  registry.register('altegio.exportAsHttp', (entry?: HistoryEntry) => exportHttp(s, entry));
  registry.register('altegio.openResponseAsJson', (entry?: HistoryEntry) => openResponseJson(s, entry));
  registry.register('altegio.history.replay', (entry: HistoryEntry) => replay(s, entry));
  registry.register('altegio.history.openResponse', (entry: HistoryEntry) => openHistoryResponse(s, entry));
  registry.register('altegio.history.copyAsCurl', (entry: HistoryEntry) => copyAs(s, 'curl', entry, false));
  registry.register('altegio.history.clear', async () => {
    if (
      await s.prompter.confirm(
        vscode.l10n.t('Clear the request history?'),
        vscode.l10n.t('All entries and their stored responses are deleted.'),
        vscode.l10n.t('Clear'),
      )
    ) {
      await s.history.clear();
    }
  });
}

/** What Run Operation… offers: an operation, or, when nothing matched, the API tree filtered by the words. */
type RunChoice = { operation: OperationSummary } | { treeFilter: string };

async function runOperation(s: Host): Promise<void> {
  const search = s.operationSearch();
  const texts = apiTexts();
  const choice = await s.prompter.searchPick<RunChoice>({
    title: vscode.l10n.t('Run an Altegio operation'),
    placeHolder: vscode.l10n.t('Words of the summary, path or section, in English or Russian'),
    items: (query) => {
      const { operations } = search.search(query);
      if (operations.length === 0) {
        return [
          {
            label: `$(search) ${vscode.l10n.t('No operation matches "{0}"', query.trim())}`,
            detail: vscode.l10n.t('Open the API tree filtered by these words'),
            value: { treeFilter: query.trim() },
          },
        ];
      }
      // The method is the label, so VS Code's own matching (it re-sorts items whose label matches what is
      // typed) cannot undo our ranking; the summary is the description.
      return operations.map((o) => ({
        label: o.method,
        description: texts.summary(o),
        detail: `${o.path} · ${texts.sectionName(o.section)}${o.deprecated ? ` · ${vscode.l10n.t('deprecated')}` : ''}${o.destructive ? ` · ${vscode.l10n.t('destructive')}` : ''}`,
        value: { operation: o },
      }));
    },
  });
  if (!choice) return;
  // The search reads the compact index; only the chosen operation's schema is needed, by its form.
  if ('operation' in choice)
    return s.forms.open(s.catalog().requireOperation(choice.operation.id), {}, { askForMissing: true });
  await vscode.commands.executeCommand('altegio.api.filter', choice.treeFilter);
  await vscode.commands.executeCommand('altegio.api.focus');
}

/** An operation id, an operation (e.g. a tree node's, which holds only its summary) or a node holding one. */
function resolveOperation(catalog: Catalog, target: unknown): OperationSpec | undefined {
  if (!target) return undefined;
  if (typeof target === 'string') return catalog.operation(target);
  const t = target as { id?: string; operation?: OperationSummary };
  const id = t.operation?.id ?? t.id;
  return typeof id === 'string' ? catalog.operation(id) : undefined;
}

/** Rebuilds the request of a history entry; undefined when it held a secret that was never stored. */
export function inputFromEntry(catalog: Catalog, entry: HistoryEntry): RequestInput | undefined {
  const operation = catalog.operation(entry.operationId);
  if (!operation) return undefined;
  if (JSON.stringify(entry.body ?? null).includes(MASK)) return undefined;
  return { operation, pathParams: entry.pathParams, query: entry.query, body: entry.body };
}

async function replay(s: Host, entry: HistoryEntry): Promise<void> {
  const input = inputFromEntry(s.catalog(), entry);
  if (!input) {
    void vscode.window.showWarningMessage(
      vscode.l10n.t(
        'This request carried a password or token, which is never stored, so it cannot be replayed. Run it again from its form.',
      ),
    );
    return;
  }
  if (entry.environment !== s.auth.environment.id) {
    const go = vscode.l10n.t('Send to {0}', s.auth.environment.label);
    const ok = await s.prompter.confirm(
      vscode.l10n.t('This request was made in another environment.'),
      vscode.l10n.t(
        'It was sent to "{0}"; the current environment is "{1}".',
        environmentLabel(entry.environment),
        s.auth.environment.label,
      ),
      go,
    );
    if (!ok) return;
  }
  const exchange = await sendWithProgress(s, input, 'history');
  await s.responses.show(exchange);
}

/**
 * Sends with a progress notification that can cancel, and resolves with the exchange. An answer with an error
 * status is still worth showing (the viewer explains the envelope); a failure without one is thrown, for a
 * notification.
 */
export async function sendWithProgress(
  s: { pipeline: Pick<RequestPipeline, 'execute' | 'confirmIfDestructive'> },
  input: RequestInput,
  source: ExecuteOptions['source'],
  options: { confirmation?: Confirmation } = {},
): Promise<Exchange> {
  const op = input.operation;
  // Ask before showing progress, so a declined confirmation leaves no trace.
  await s.pipeline.confirmIfDestructive(input, options.confirmation);
  const exchange = await vscode.window.withProgress(
    {
      location: vscode.ProgressLocation.Notification,
      title: vscode.l10n.t('{0} {1}…', op.method, op.path),
      cancellable: true,
    },
    (_p, token) => {
      const controller = new AbortController();
      token.onCancellationRequested(() => controller.abort());
      return s.pipeline.execute({ ...input, signal: controller.signal }, { source, alreadyConfirmed: true });
    },
  );
  if (exchange.error && !exchange.response) throw exchange.error;
  return exchange;
}

/** The request of a history entry, or of the newest one. */
function requestOf(s: Host, entry?: HistoryEntry): RequestInput | undefined {
  const chosen = entry ?? s.history.latest();
  return chosen ? inputFromEntry(s.catalog(), chosen) : undefined;
}

async function copyAs(s: Host, format: 'curl', entry: HistoryEntry | undefined, revealTokens: boolean): Promise<void> {
  const input = requestOf(s, entry);
  if (!input) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Run a request first; then it can be copied as cURL.'));
    return;
  }
  if (revealTokens) {
    const ok = await s.prompter.confirm(
      vscode.l10n.t('Copy the command with your real tokens?'),
      vscode.l10n.t(
        'Anyone who sees the copied text can act as you in Altegio. Prefer the masked copy, which reads the tokens from $ALTEGIO_PARTNER_TOKEN and $ALTEGIO_USER_TOKEN.',
      ),
      vscode.l10n.t('Copy with Tokens'),
    );
    if (!ok) return;
  }
  const prepared = await s.pipeline.prepare(input);
  await vscode.env.clipboard.writeText(format === 'curl' ? toCurl(prepared, { revealTokens }) : '');
  void vscode.window.showInformationMessage(
    revealTokens
      ? vscode.l10n.t('Copied as cURL, with tokens.')
      : vscode.l10n.t('Copied as cURL. Tokens are read from $ALTEGIO_PARTNER_TOKEN and $ALTEGIO_USER_TOKEN.'),
  );
}

async function exportHttp(s: Host, entry?: HistoryEntry): Promise<void> {
  const input = requestOf(s, entry);
  if (!input) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Run a request first; then it can be exported as .http.'));
    return;
  }
  const prepared = await s.pipeline.prepare(input);
  const doc = await vscode.workspace.openTextDocument({
    language: 'http',
    content: toHttpFile(prepared, { title: `${input.operation.method} ${apiTexts().summary(input.operation)}` }),
  });
  await vscode.window.showTextDocument(doc);
}

async function openResponseJson(s: Host, entry?: HistoryEntry): Promise<void> {
  const chosen = entry ?? s.history.latest();
  if (chosen) return openHistoryResponse(s, chosen);
  void vscode.window.showInformationMessage(vscode.l10n.t('There is no response to open yet.'));
}

async function openHistoryResponse(s: Host, entry: HistoryEntry): Promise<void> {
  const stored = entry.hasResponse ? await s.history.response(entry.id) : undefined;
  if (!stored) {
    void vscode.window.showInformationMessage(
      entry.errorMessage
        ? vscode.l10n.t('No response body was kept: {0}', entry.errorMessage)
        : vscode.l10n.t('No response body was kept for this request.'),
    );
    return;
  }
  await s.documents.open(`${entry.operationId}-${stored.status}-${entry.id}`, stored.body ?? null);
}
