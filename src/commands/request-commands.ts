// Run Operation…, open an operation, Repeat Last Request, and the History actions (replay, open response,
// copy as cURL, clear). Exports (cURL, .http) mask tokens unless the user explicitly asks for them.
import * as vscode from 'vscode';
import { getCatalog, type OperationSpec } from '../api/catalog';
import type { RequestInput } from '../api/client';
import { toCurl, toHttpFile } from '../api/export';
import { MASK } from '../api/sensitive';
import type { HistoryEntry } from '../services/history-store';
import type { Exchange, ExecuteOptions } from '../services/session';
import type { CommandRegistry } from './command-registry';
import type { Prefill, Services } from './services';

export function registerRequestCommands(registry: CommandRegistry, s: Services): void {
  registry.register('altegio.runOperation', () => runOperation(s));
  registry.register(
    'altegio.openOperation',
    (target?: string | OperationSpec | { operation?: OperationSpec }, prefill?: Prefill) => {
      const op = resolveOperation(target);
      return op ? s.launcher.open(op, prefill) : runOperation(s);
    },
  );
  registry.register('altegio.repeatLastRequest', async () => {
    const entry = s.session.history.latest();
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
      await s.session.history.clear();
    }
  });
}

async function runOperation(s: Services): Promise<void> {
  const catalog = getCatalog();
  const op = await s.prompter.pick(
    catalog.operations.map((o) => ({
      label: `${o.method} ${o.summary}`,
      description: o.path,
      detail: `${o.section}${o.deprecated ? ` · ${vscode.l10n.t('deprecated')}` : ''}${o.destructive ? ` · ${vscode.l10n.t('destructive')}` : ''}`,
      value: o,
    })),
    {
      title: vscode.l10n.t('Run an Altegio operation'),
      placeHolder: vscode.l10n.t('Search by words in the summary, path or section'),
      matchOnDescription: true,
      matchOnDetail: true,
    },
  );
  if (op) await s.launcher.open(op);
}

function resolveOperation(target: unknown): OperationSpec | undefined {
  if (!target) return undefined;
  if (typeof target === 'string') return getCatalog().operation(target);
  const t = target as { id?: string; operation?: OperationSpec };
  if (t.operation) return t.operation;
  if (t.id) return getCatalog().operation(t.id);
  return undefined;
}

/** Rebuilds the request of a history entry; undefined when it held a secret that was never stored. */
function inputFromEntry(entry: HistoryEntry): RequestInput | undefined {
  const operation = getCatalog().operation(entry.operationId);
  if (!operation) return undefined;
  if (JSON.stringify(entry.body ?? null).includes(MASK)) return undefined;
  return { operation, pathParams: entry.pathParams, query: entry.query, body: entry.body };
}

async function replay(s: Services, entry: HistoryEntry): Promise<void> {
  const input = inputFromEntry(entry);
  if (!input) {
    void vscode.window.showWarningMessage(
      vscode.l10n.t(
        'This request carried a password or token, which is never stored, so it cannot be replayed. Run it again from its form.',
      ),
    );
    return;
  }
  if (entry.environment !== s.session.environment.id) {
    const go = vscode.l10n.t('Send to {0}', s.session.environment.label);
    const ok = await s.prompter.confirm(
      vscode.l10n.t('This request was made in another environment.'),
      vscode.l10n.t(
        'It was sent to "{0}"; the current environment is "{1}".',
        entry.environment,
        s.session.environment.label,
      ),
      go,
    );
    if (!ok) return;
  }
  const exchange = await sendWithProgress(s, input, 'history');
  if (exchange) await s.responses.show(exchange);
}

export async function sendWithProgress(
  s: Services,
  input: RequestInput,
  source: 'history' | 'palette' | 'tree',
  options: Pick<ExecuteOptions, 'confirmation'> = {},
): Promise<Exchange | undefined> {
  const op = input.operation;
  // Ask before showing progress, so a declined confirmation leaves no trace.
  await s.session.confirmIfDestructive(input, options.confirmation);
  return vscode.window.withProgress(
    {
      location: vscode.ProgressLocation.Notification,
      title: vscode.l10n.t('{0} {1}…', op.method, op.path),
      cancellable: true,
    },
    async (_p, token) => {
      const controller = new AbortController();
      token.onCancellationRequested(() => controller.abort());
      try {
        await s.session.execute({ ...input, signal: controller.signal }, { source, alreadyConfirmed: true });
      } catch (e) {
        // An answer with an error status is still worth showing (the viewer explains the envelope).
        if (s.session.lastExchange?.response && s.session.lastExchange.input.operation === op)
          return s.session.lastExchange;
        throw e;
      }
      return s.session.lastExchange;
    },
  );
}

function exchangeInput(s: Services, entry?: HistoryEntry): RequestInput | undefined {
  if (entry) return inputFromEntry(entry);
  const last = s.session.lastExchange;
  if (last) return last.input;
  const latest = s.session.history.latest();
  return latest ? inputFromEntry(latest) : undefined;
}

async function copyAs(
  s: Services,
  format: 'curl',
  entry: HistoryEntry | undefined,
  revealTokens: boolean,
): Promise<void> {
  const input = exchangeInput(s, entry);
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
  const prepared = await s.session.prepare(input);
  await vscode.env.clipboard.writeText(format === 'curl' ? toCurl(prepared, { revealTokens }) : '');
  void vscode.window.showInformationMessage(
    revealTokens
      ? vscode.l10n.t('Copied as cURL, with tokens.')
      : vscode.l10n.t('Copied as cURL. Tokens are read from $ALTEGIO_PARTNER_TOKEN and $ALTEGIO_USER_TOKEN.'),
  );
}

async function exportHttp(s: Services, entry?: HistoryEntry): Promise<void> {
  const input = exchangeInput(s, entry);
  if (!input) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Run a request first; then it can be exported as .http.'));
    return;
  }
  const prepared = await s.session.prepare(input);
  const doc = await vscode.workspace.openTextDocument({
    language: 'http',
    content: toHttpFile(prepared, { title: `${input.operation.method} ${input.operation.summary}` }),
  });
  await vscode.window.showTextDocument(doc);
}

async function openResponseJson(s: Services, entry?: HistoryEntry): Promise<void> {
  if (entry) return openHistoryResponse(s, entry);
  const last = s.session.lastExchange;
  if (last?.response) {
    await s.documents.open(`${last.operation.id}-${last.response.status}`, last.response.body ?? null);
    return;
  }
  const latest = s.session.history.latest();
  if (latest) return openHistoryResponse(s, latest);
  void vscode.window.showInformationMessage(vscode.l10n.t('There is no response to open yet.'));
}

async function openHistoryResponse(s: Services, entry: HistoryEntry): Promise<void> {
  const stored = entry.hasResponse ? await s.session.history.response(entry.id) : undefined;
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
