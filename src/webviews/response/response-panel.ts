// One response viewer panel: shows an exchange, pages through lists (Next page goes through the request pipeline
// and its history; Fetch all pages through the client and its rate limiter), exports CSV, copies, opens the
// body in a real editor, and hands big answers to the editor instead of the webview.
import * as vscode from 'vscode';
import { countText, itemsPlural, pagesPlural, plural } from '../../services/plural';
import { apiTexts } from '../../services/api-texts';
import { isAltegioError } from '../../api/errors';
import { fetchAllPages, nextPageInput } from '../../api/paging';
import { maskSensitiveFields } from '../../api/sensitive';
import {
  parseResponseMessage,
  type ResponseHostMessage,
  type ResponseWebviewMessage,
} from '../../protocol/response-protocol';
import type { CatalogSource } from '../../services/catalog-source';
import type { ClientCache } from '../../services/client-cache';
import type { EnvironmentService } from '../../services/environments';
import { failureText } from '../../services/error-text';
import type { HistoryStore } from '../../services/history-store';
import type { Logger } from '../../services/log';
import { UserCancelledError } from '../../services/refusals';
import type { Exchange, RequestPipeline } from '../../services/request-pipeline';
import type { JsonDocumentProvider } from '../../views/json-documents';
import type { PanelObserver } from '../panel-observer';
import { WebviewPanelHost } from '../webview-panel-host';
import { panelColumn } from '../panel-column';
import { largeResponseThresholdBytes } from './response-settings';
import { responseStrings } from './response-strings';
import { buildView, fromExchange, fromHistory, withAllItems, type Shown } from './response-view';
import { isRecord } from '../../api/is-record';

/** What a response viewer needs from the rest of the extension. */
export interface ResponsePanelHost {
  extensionUri: vscode.Uri;
  log: Logger;
  pipeline: Pick<RequestPipeline, 'execute' | 'prepare'>;
  /** Fetch all pages reads through the client (rate-limited, not history). */
  clients: Pick<ClientCache, 'current'>;
  history: Pick<HistoryStore, 'get' | 'response'>;
  environments: Pick<EnvironmentService, 'describe'>;
  documents: Pick<JsonDocumentProvider, 'put'>;
  catalog: CatalogSource;
  observer?: PanelObserver;
}

/** Fetch all pages stops here: the viewer is for reading, not for copying a whole business. */
const MAX_ITEMS = 200_000;

export class ResponsePanel extends WebviewPanelHost<ResponseWebviewMessage, ResponseHostMessage> {
  private shown: Shown | undefined;
  private restoring: string | undefined;
  /** Reading the history entry a revived panel shows: started at once, not when the webview loads. */
  private restored: Promise<void> | undefined;
  private paging: AbortController | undefined;
  private readonly pinChanged = this.register(new vscode.EventEmitter<boolean>());
  readonly onDidChangePin = this.pinChanged.event;

  /**
   * `restoreHistoryId`: a panel revived after a reload shows this history entry ('' when it had none).
   * `replacements`: how many panels this one already replaced because they never loaded (see load-watchdog.ts).
   */
  constructor(
    panel: vscode.WebviewPanel,
    private readonly s: ResponsePanelHost,
    public pinned: boolean,
    restoreHistoryId?: string,
    replacements = 0,
  ) {
    super(panel, {
      app: 'response',
      name: 'response viewer',
      title: panel.title,
      parse: parseResponseMessage,
      extensionUri: s.extensionUri,
      log: s.log,
      ...(s.observer ? { observer: s.observer } : {}),
      replacements,
    });
    this.restoring = restoreHistoryId;
    this.updateTitle();
    // So that a revived tab gets its real title even while its webview is slow to load (code-server can take
    // tens of seconds after a reload, see load-watchdog.ts), instead of a bare "Response".
    if (this.restoring) {
      this.restored = this.restore(this.restoring);
      void this.restored.catch(() => undefined); // post() reports the failure once the webview asks for the answer
    }
  }

  protected override onClosed(): void {
    this.paging?.abort();
  }

  protected onAppReady(): Promise<void> {
    return this.post();
  }

  async show(exchange: Exchange): Promise<void> {
    this.paging?.abort();
    this.restoring = undefined;
    this.shown = fromExchange(exchange);
    this.updateTitle();
    this.openIfTooLarge();
    await this.post();
  }

  /** An answer over the threshold goes to a real editor; the app only gets its header (see buildView). */
  private openIfTooLarge(): void {
    if ((this.shown?.sizeBytes ?? 0) <= largeResponseThresholdBytes() || this.shown?.body === undefined) return;
    // After the header is on screen: pretty-printing tens of megabytes takes a moment.
    setImmediate(
      () =>
        void this.openInEditor().catch((e: unknown) =>
          this.s.log.error(`opening a large response failed: ${String(e)}`),
        ),
    );
  }

  /** What a replacement panel takes over: the exchange shown, or the history entry still to restore. */
  snapshot(): { shown?: Shown; restoring?: string } {
    return {
      ...(this.shown ? { shown: this.shown } : {}),
      ...(this.restoring !== undefined ? { restoring: this.restoring } : {}),
    };
  }

  /** Takes over what a panel that never loaded was to show. */
  adopt(from: { shown?: Shown }): void {
    if (!from.shown) return;
    this.shown = from.shown;
    this.updateTitle();
  }

  setPinned(pinned: boolean): void {
    this.pinned = pinned;
    this.updateTitle();
    this.channel.post({ type: 'pinned', pinned });
    this.pinChanged.fire(pinned);
  }

  private updateTitle(): void {
    const op = this.shown?.operation;
    const status = this.shown?.status ? ` ${this.shown.status}` : '';
    const summary = op ? apiTexts().summary(op) : '';
    const base = op
      ? `${op.method} ${summary.length > 30 ? `${summary.slice(0, 29)}…` : summary}${status}`
      : vscode.l10n.t('Response');
    this.panel.title = this.pinned ? vscode.l10n.t('{0} (pinned)', base) : base;
  }

  /** Sends the whole view to the app; an answer over the threshold goes to an editor, the app gets the rest. */
  private async post(): Promise<void> {
    if (!this.shown && this.restoring !== undefined) await (this.restored ??= this.restore(this.restoring));
    const shown = this.shown;
    if (!shown) {
      // Restored after a reload with nothing to show (the history entry is gone): an empty viewer helps no one.
      if (this.restoring !== undefined) this.panel.dispose();
      return;
    }
    const threshold = largeResponseThresholdBytes();
    const prepared =
      shown.request || !shown.input ? undefined : await this.s.pipeline.prepare(shown.input).catch(() => undefined);
    const view = buildView(shown, {
      title: `${shown.operation.method} ${apiTexts().summary(shown.operation)}`,
      thresholdBytes: threshold,
      ...(prepared ? { prepared } : {}),
    });
    this.channel.post({ type: 'show', view, strings: responseStrings(), pinned: this.pinned });
  }

  private async restore(historyId: string): Promise<void> {
    if (!historyId) return;
    const history = this.s.history;
    const entry = history.get(historyId);
    const operation = entry ? this.s.catalog().operation(entry.operationId) : undefined;
    if (!entry || !operation) return;
    const stored = entry.hasResponse ? await history.response(historyId) : undefined;
    if (this.restoring !== historyId) return; // a new answer came meanwhile (show())
    const env = this.s.environments.describe(entry.environment);
    this.shown = fromHistory(entry, stored, operation, env.label);
    this.updateTitle();
  }

  protected async onAppMessage(m: ResponseWebviewMessage): Promise<void> {
    switch (m.type) {
      case 'openInEditor':
        return this.openInEditor();
      case 'copy':
        await vscode.env.clipboard.writeText(m.text);
        this.channel.post({ type: 'notice', message: vscode.l10n.t('Copied to the clipboard.') });
        return;
      case 'saveCsv':
        return this.saveCsv(m.csv, m.rows);
      case 'nextPage':
        return this.nextPage();
      case 'fetchAll':
        return this.fetchAll();
      case 'cancelPaging':
        this.paging?.abort();
        return;
      case 'pin':
        this.setPinned(m.pinned);
        return;
      case 'action':
        return this.action(m.action);
      case 'saveToNotebook':
      case 'copyAsCode':
        return this.exportRequest(m.type);
      case 'cspViolation':
        this.s.log.warn(`the response viewer webview's Content Security Policy refused ${m.directive}: ${m.blocked}`);
        return;
    }
  }

  /** The request behind the answer shown, handed to the notebook commands as their source. */
  private async exportRequest(command: 'saveToNotebook' | 'copyAsCode'): Promise<void> {
    const input = this.shown?.input;
    if (input) await vscode.commands.executeCommand(`altegio.${command}`, { ...input, signal: undefined });
  }

  async openInEditor(): Promise<void> {
    const shown = this.shown;
    if (!shown || shown.body === undefined) return;
    const name = `${shown.operation.id}-${shown.status ?? 'response'}${shown.combined ? '-all-pages' : ''}${shown.historyId ? `-${shown.historyId}` : ''}`;
    // Beside the viewer, so that its header (and the notice of a big answer) stays in sight.
    const uri = this.s.documents.put(name, maskSensitiveFields(shown.body));
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.languages.setTextDocumentLanguage(doc, 'json');
    // The group right of the viewer's (VS Code adds one if there is none). ViewColumn.Beside would be beside the
    // *active* group, which after a click into a form, or a reload, can be the viewer's own: the editor would hide it.
    const column = panelColumn(this.panel);
    await vscode.window.showTextDocument(doc, {
      viewColumn: column !== undefined ? column + 1 : vscode.ViewColumn.Beside,
      preview: false,
      preserveFocus: true,
    });
  }

  private async saveCsv(csv: string, rows: number): Promise<void> {
    const shown = this.shown;
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    const fileName = `${shown?.operation.id ?? 'response'}${shown?.combined ? '-all' : ''}.csv`;
    const target = await vscode.window.showSaveDialog({
      title: vscode.l10n.t('Export as CSV'),
      filters: { CSV: ['csv'] },
      ...(folder ? { defaultUri: vscode.Uri.joinPath(folder, fileName) } : {}),
    });
    if (!target) return;
    await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(csv));
    this.channel.post({
      type: 'notice',
      message: countText(
        plural(
          vscode.l10n.t({
            message: '{0} row saved to {1}.|{0} rows saved to {1}.',
            comment:
              'plural: forms split by |, one per CLDR category of the language in order (ru: one|few|many|other)',
          }),
        ),
        rows,
        vscode.workspace.asRelativePath(target),
      ),
    });
  }

  private async nextPage(): Promise<void> {
    const shown = this.shown;
    if (!shown?.input || !shown.operation.paging) return;
    const next = nextPageInput(shown.input, { data: shown.data, meta: shown.meta });
    if (!next) return;
    await this.send({ ...next, signal: undefined });
  }

  /** Sends a request on from this panel (next page, send again) and shows its answer here. */
  private async send(input: Exchange['input']): Promise<void> {
    let exchange: Exchange;
    try {
      exchange = await this.s.pipeline.execute(input, { source: 'viewer' });
    } catch (e) {
      if (e instanceof UserCancelledError) return;
      this.channel.post({ type: 'notice', message: failureText(e) });
      return;
    }
    await this.show(exchange);
  }

  private async fetchAll(): Promise<void> {
    const shown = this.shown;
    const op = shown?.operation;
    if (!shown?.input || !op?.paging || !op.readOnly || this.paging) return;
    const controller = new AbortController();
    this.paging = controller;
    const first = firstPage(shown.input);
    const pageSize = op.paging.maxSize ?? undefined;
    let progress: { page: number; items: number; total?: number } = { page: 0, items: 0 };
    const report = (phase: 'running' | 'done' | 'cancelled' | 'failed', message?: string) =>
      this.channel.post({
        type: 'paging',
        phase,
        page: progress.page,
        items: progress.items,
        ...(progress.total !== undefined ? { total: progress.total } : {}),
        ...(message ? { message } : {}),
      });
    report('running');
    try {
      const result = await fetchAllPages(this.s.clients.current(), first, {
        signal: controller.signal,
        maxItems: MAX_ITEMS,
        ...(pageSize ? { pageSize } : {}),
        onProgress: (p) => {
          progress = p;
          report('running');
        },
      });
      const text = JSON.stringify(result.items);
      this.s.log.info(`${op.method} ${op.path}: read ${result.items.length} items from ${result.pages} pages`);
      this.shown = withAllItems(
        shown,
        result.items,
        {
          pages: result.pages,
          items: result.items.length,
          ...(result.total !== undefined ? { total: result.total } : {}),
          truncated: result.truncated,
        },
        Buffer.byteLength(text),
      );
      report('done');
      this.openIfTooLarge();
      await this.post();
    } catch (e) {
      const cancelled = controller.signal.aborted || (isAltegioError(e) && e.kind === 'cancelled');
      report(
        cancelled ? 'cancelled' : 'failed',
        cancelled
          ? vscode.l10n.t(
              'Cancelled after {0} ({1}).',
              countText(pagesPlural(), progress.page),
              countText(itemsPlural(), progress.items),
            )
          : vscode.l10n.t('Reading the pages failed: {0}', failureText(e)),
      );
    } finally {
      this.paging = undefined;
    }
  }

  private async action(action: 'signIn' | 'openHistory' | 'editRequest' | 'retry'): Promise<void> {
    const shown = this.shown;
    switch (action) {
      case 'signIn':
        await vscode.commands.executeCommand('altegio.signIn');
        return;
      case 'openHistory':
        await vscode.commands.executeCommand('altegio.history.focus');
        return;
      case 'editRequest':
        if (shown) {
          const input = shown.input;
          await vscode.commands.executeCommand(
            'altegio.openOperation',
            shown.operation.id,
            input
              ? {
                  pathParams: input.pathParams ?? {},
                  query: input.query ?? {},
                  ...(isRecord(input.body) ? { body: input.body } : {}),
                }
              : {},
          );
        }
        return;
      case 'retry':
        if (shown?.input) await this.send({ ...shown.input, signal: undefined });
        return;
    }
  }
}

/** The list from its first page: page-numbered lists restart at page 1, cursor lists from where they are. */
function firstPage(input: Exchange['input']): Exchange['input'] {
  const paging = input.operation.paging;
  if (paging?.style !== 'page') return { ...input, signal: undefined };
  const pageParam = paging.pageParam ?? 'page';
  const strip = (values: unknown) =>
    isRecord(values) ? Object.fromEntries(Object.entries(values).filter(([k]) => k !== pageParam)) : values;
  return paging.in === 'query'
    ? { ...input, query: strip(input.query) as Record<string, unknown>, signal: undefined }
    : { ...input, body: strip(input.body), signal: undefined };
}
