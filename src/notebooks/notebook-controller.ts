// Runs request cells. Every request goes through the same pipeline as the forms (rate limiter, read-only
// production, confirmation of destructive operations, history, redacted log, cancel); this file only turns cells
// into requests and answers into outputs. `# @each` runs once per row with the run journal; `# @dry-run` sends
// nothing and shows each request.
import * as path from 'path';
import * as vscode from 'vscode';
import type { Catalog, OperationSpec } from '../api/catalog';
import { toHttpFile } from '../api/export';
import type { RequestInput } from '../api/http-types';
import { maskRequest } from '../api/request-builder';
import type { Auth } from '../services/auth';
import { ReadOnlyError, UserCancelledError } from '../services/refusals';
import type { Exchange, RequestPipeline } from '../services/request-pipeline';
import type { JsonDocumentProvider } from '../views/json-documents';
import { largeResponseThresholdBytes } from '../webviews/response/response-settings';
import { analyzeCell, resolveCell, type CellAnalysis, type CellProblem } from './core/cell-request';
import { CsvError, parseCsv } from './core/csv';
import { FileJournalStore } from './core/journal-file';
import { REQUEST_LANGUAGE } from './core/notebook-format';
import { runRows, type RowResult } from './core/row-runner';
import { journalFileName, RunJournal, type JournalStore, type RowRecord } from './core/run-journal';
import { findVariables } from './core/variable-refs';
import { resolveVariable } from './core/variables';
import type { SummaryRow } from '../protocol/notebook-output';
import { failureText } from '../services/error-text';
import type { Prompter } from '../services/prompter';
import { errorOutput, responseOutput, summaryOutput } from './notebook-outputs';
import type { NotebookVariables } from './notebook-variables';
import { csvErrorText, problemText } from './problem-text';

export interface ControllerDeps {
  catalog: () => Catalog;
  pipeline: Pick<RequestPipeline, 'execute' | 'prepare' | 'confirmIfDestructive'>;
  auth: Pick<Auth, 'environment' | 'whenReady'>;
  variables: NotebookVariables;
  prompter: Prompter;
  documents: Pick<JsonDocumentProvider, 'open'>;
}

/** Executes the cells VS Code's notebook controller is asked to run (see notebooks.ts, which creates it). */
export class NotebookRunner {
  private order = 0;
  private readonly memoryJournals = new Map<string, JournalStore>();

  constructor(private readonly deps: ControllerDeps) {}

  async execute(
    cells: vscode.NotebookCell[],
    notebook: vscode.NotebookDocument,
    controller: vscode.NotebookController,
  ): Promise<void> {
    for (const cell of cells) {
      if (cell.document.languageId !== REQUEST_LANGUAGE) continue;
      const ok = await this.executeCell(controller, cell, notebook);
      // A failed cell stops "Run All": later cells usually read its answer.
      if (!ok && cells.length > 1) break;
    }
  }

  private async executeCell(
    controller: vscode.NotebookController,
    cell: vscode.NotebookCell,
    notebook: vscode.NotebookDocument,
  ): Promise<boolean> {
    const execution = controller.createNotebookCellExecution(cell);
    execution.executionOrder = ++this.order;
    execution.start(Date.now());
    await execution.clearOutput();
    try {
      await this.deps.auth.whenReady();
      const analysis = analyzeCell(this.deps.catalog(), cell.document.getText());
      const ok = analysis.parsed.each
        ? await this.runEach(execution, notebook, analysis)
        : await this.runOnce(execution, notebook, analysis);
      execution.end(ok, Date.now());
      return ok;
    } catch (e) {
      const message = e instanceof ReadOnlyError || e instanceof UserCancelledError ? e.message : failureText(e);
      await execution.replaceOutput(errorOutput(message));
      execution.end(false, Date.now());
      return false;
    }
  }

  private async runOnce(
    execution: vscode.NotebookCellExecution,
    notebook: vscode.NotebookDocument,
    analysis: CellAnalysis,
  ): Promise<boolean> {
    const resolved = resolveCell(analysis, this.deps.variables.scope(notebook));
    if (!resolved.input) {
      await execution.replaceOutput(errorOutput(problemsText(resolved.problems)));
      return false;
    }
    if (analysis.parsed.dryRun) {
      await execution.replaceOutput(await this.dryRunOutput(resolved.input));
      return true;
    }
    const abort = new AbortController();
    execution.token.onCancellationRequested(() => abort.abort());
    const exchange = await this.deps.pipeline.execute(
      { ...resolved.input, signal: abort.signal },
      { source: 'notebook' },
    );
    const name = analysis.parsed.name;
    if (name && exchange.response && !exchange.error) {
      const r = exchange.response;
      this.deps.variables.remember(notebook, name, { status: r.status, data: r.data, meta: r.meta, body: r.body });
    }
    await execution.replaceOutput(await this.exchangeOutput(exchange));
    return !exchange.error;
  }

  private async runEach(
    execution: vscode.NotebookCellExecution,
    notebook: vscode.NotebookDocument,
    analysis: CellAnalysis,
  ): Promise<boolean> {
    const op = analysis.operation;
    const line = analysis.parsed.request;
    const staticProblems = analysis.problems.filter((p) => p.severity === 'error');
    if (!op || !line || staticProblems.length) {
      await execution.replaceOutput(errorOutput(problemsText(staticProblems)));
      return false;
    }
    const rows = await this.rowsOf(notebook, analysis);
    if (typeof rows === 'string') {
      await execution.replaceOutput(errorOutput(rows));
      return false;
    }
    const dryRun = analysis.parsed.dryRun;
    const header = { method: op.method, path: line.target, dryRun };
    if (dryRun) {
      const summary: SummaryRow[] = [];
      for (const [index, row] of rows.entries()) {
        const resolved = resolveCell(analysis, this.deps.variables.scope(notebook, row));
        if (!resolved.input)
          summary.push({ row: index + 1, outcome: 'failed', error: problemsText(resolved.problems) });
        else summary.push({ row: index + 1, outcome: 'dryRun', request: await this.requestText(resolved.input) });
      }
      await execution.replaceOutput(summaryOutput({ ...header, cancelled: false, rows: summary }));
      return summary.every((r) => r.outcome === 'dryRun');
    }
    const isWrite = !op.readOnly;
    if (this.deps.auth.environment.readOnly && isWrite) throw new ReadOnlyError(op);
    // One confirmation for the whole run of a destructive operation, naming how many requests it sends.
    const first = rows.length ? resolveCell(analysis, this.deps.variables.scope(notebook, rows[0])).input : undefined;
    if (first && op.destructive)
      await this.deps.pipeline.confirmIfDestructive(first, {
        message: vscode.l10n.t('Send {0} {1} requests?', rows.length, `${op.method} ${op.summary}`),
        detail: vscode.l10n.t(
          '{0} {1}, once per row ({2} rows)\nEnvironment: {3}\nThis operation changes or removes data and cannot be undone from here.',
          op.method,
          op.path,
          rows.length,
          this.deps.auth.environment.label,
        ),
        button: op.method === 'DELETE' ? vscode.l10n.t('Delete') : vscode.l10n.t('Send'),
      });
    const journal = await RunJournal.open(this.journalStore(notebook));
    const cellKey = analysis.parsed.name ?? `${op.method} ${line.path}`;
    const results: RowResult[] = [];
    /** Reads: every row's answer, joined into one table. */
    const combined: unknown[] = [];
    const withData = () =>
      !isWrite && JSON.stringify(combined).length <= largeResponseThresholdBytes() ? { data: combined } : {};
    let updates: Promise<void> = Promise.resolve();
    const show = () =>
      execution.replaceOutput(
        summaryOutput({ ...header, cancelled: false, rows: results.map(toSummaryRow), ...withData() }),
      );
    const summary = await runRows({
      journal,
      cell: cellKey,
      rows,
      isWrite,
      isCancelled: () => execution.token.isCancellationRequested,
      askAboutUnknown: (asked) => this.askAboutUnknown(asked.length),
      send: async (row) => {
        const resolved = resolveCell(analysis, this.deps.variables.scope(notebook, row));
        if (!resolved.input) return { state: 'failed', error: problemsText(resolved.problems) };
        // A read may be stopped mid-way; a write in flight is let finish so that its outcome is known.
        const abort = new AbortController();
        const stop = isWrite ? undefined : execution.token.onCancellationRequested(() => abort.abort());
        try {
          const exchange = await this.deps.pipeline.execute(
            { ...resolved.input, ...(isWrite ? {} : { signal: abort.signal }) },
            { source: 'notebook', alreadyConfirmed: true },
          );
          if (!isWrite && exchange.response && !exchange.error) {
            const data = exchange.response.data;
            if (Array.isArray(data)) combined.push(...data);
            else if (data !== undefined) combined.push(data);
          }
          return outcomeOf(exchange, isWrite);
        } finally {
          stop?.dispose();
        }
      },
      onRow: (result) => {
        results[result.index] = result;
        // One update at a time, all done before the execution ends.
        updates = updates.then(show, show).then(() => undefined);
      },
    });
    await updates.catch(() => undefined);
    const final = summary.results.map(toSummaryRow);
    await execution.replaceOutput(
      summaryOutput({ ...header, cancelled: summary.cancelled, rows: final, ...withData() }),
    );
    if (analysis.parsed.name)
      this.deps.variables.remember(notebook, analysis.parsed.name, {
        data: summary.results.map((r) => ({ row: r.index + 1, state: r.state, status: r.status, id: r.id })),
      });
    return !summary.cancelled && summary.results.every((r) => r.state === 'done' || r.state === 'skipped');
  }

  /** The rows of `# @each`: a CSV file beside the notebook, or a list a variable holds. */
  private async rowsOf(notebook: vscode.NotebookDocument, analysis: CellAnalysis): Promise<unknown[] | string> {
    const each = analysis.parsed.each!;
    const variable = /^\{\{\s*([^{}]+?)\s*\}\}$/.exec(each.value);
    if (variable) {
      const [ref] = findVariables(each.value);
      const r = resolveVariable(this.deps.variables.scope(notebook), ref);
      if (!r.found) return vscode.l10n.t('{{{0}}} has no value yet: run the cell it comes from first', variable[1]);
      if (!Array.isArray(r.value)) return vscode.l10n.t('@each needs a list; {{{0}}} is not one', variable[1]);
      return r.value;
    }
    if (notebook.uri.scheme === 'untitled')
      return vscode.l10n.t('Save the notebook first: {0} is read from the notebook’s folder', each.value);
    const file = vscode.Uri.joinPath(notebook.uri, '..', each.value);
    let text: string;
    try {
      text = new TextDecoder().decode(await vscode.workspace.fs.readFile(file));
    } catch {
      return vscode.l10n.t('{0} is not next to the notebook', each.value);
    }
    try {
      return parseCsv(text).rows;
    } catch (e) {
      if (e instanceof CsvError) return csvErrorText(each.value, e);
      throw e;
    }
  }

  private journalStore(notebook: vscode.NotebookDocument): JournalStore {
    if (notebook.uri.scheme === 'file')
      return new FileJournalStore(
        path.join(path.dirname(notebook.uri.fsPath), journalFileName(path.basename(notebook.uri.fsPath))),
      );
    // An untitled notebook keeps its journal for the session only.
    const key = notebook.uri.toString();
    let store = this.memoryJournals.get(key);
    if (!store) {
      let text = '';
      store = { read: async () => text, append: async (line) => void (text += line) };
      this.memoryJournals.set(key, store);
    }
    return store;
  }

  private async askAboutUnknown(count: number): Promise<'skip' | 'resend' | 'cancel'> {
    const choice = await this.deps.prompter.pick(
      [
        {
          label: vscode.l10n.t('Skip Them'),
          detail: vscode.l10n.t('Check in Altegio whether they took effect; nothing is sent for them'),
          value: 'skip' as const,
        },
        {
          label: vscode.l10n.t('Send Them Again'),
          detail: vscode.l10n.t('Only if you checked that they did not take effect'),
          value: 'resend' as const,
        },
      ],
      {
        title: vscode.l10n.t(
          '{0} rows were sent in an earlier run without a known outcome (the connection dropped or the editor closed)',
          count,
        ),
      },
    );
    return choice ?? 'cancel';
  }

  private async requestText(input: Omit<RequestInput, 'signal'>): Promise<string> {
    const prepared = maskRequest(await this.deps.pipeline.prepare(input as RequestInput));
    return toHttpFile(prepared)
      .replace(/^(#.*\n|@.*\n)*\n?/, '')
      .replace(/^###.*\n/, '');
  }

  private async dryRunOutput(input: Omit<RequestInput, 'signal'>): Promise<vscode.NotebookCellOutput> {
    const text = await this.requestText(input);
    return new vscode.NotebookCellOutput([
      vscode.NotebookCellOutputItem.text(
        `**${vscode.l10n.t('Dry run: nothing was sent')}**\n\n\`\`\`http\n${text}\`\`\``,
        'text/markdown',
      ),
    ]);
  }

  private async exchangeOutput(exchange: Exchange): Promise<vscode.NotebookCellOutput> {
    const op: OperationSpec = exchange.operation;
    const response = exchange.response;
    const error = exchange.error;
    const threshold = largeResponseThresholdBytes();
    const tooLarge = (response?.sizeBytes ?? 0) > threshold;
    if (tooLarge && response)
      await this.deps.documents.open(`${op.id}-${exchange.historyId ?? Date.now()}`, response.body, { preview: true });
    return responseOutput({
      method: op.method,
      path: exchange.request?.path ?? op.path,
      ...(response ? { status: response.status, durationMs: response.durationMs, sizeBytes: response.sizeBytes } : {}),
      ...(response && !tooLarge ? { data: response.data } : {}),
      ...(tooLarge ? { tooLarge: true, thresholdBytes: threshold } : {}),
      ...(error
        ? {
            error: {
              message: failureText(error),
              kind: error.kind,
              ...(Object.keys(error.fieldErrors).length ? { fieldErrors: error.fieldErrors } : {}),
            },
          }
        : {}),
    });
  }
}

/** What a row's exchange means for the journal: acknowledged, certainly not applied, or unknown. */
function outcomeOf(exchange: Exchange, isWrite: boolean): RowRecord {
  const { response, error } = exchange;
  if (!error && response) {
    const data = response.data as { id?: unknown } | undefined;
    const id =
      data && typeof data === 'object' && (typeof data.id === 'number' || typeof data.id === 'string')
        ? data.id
        : undefined;
    return { state: 'done', status: response.status, ...(id !== undefined ? { id } : {}) };
  }
  const status = error?.status ?? response?.status;
  const message = error ? failureText(error) : '';
  // Nothing reached the server, or the server refused it (4xx): it did not take effect.
  if (error && (!error.sent || (status !== undefined && status < 500)))
    return { state: 'failed', ...(status !== undefined ? { status } : {}), error: message };
  // A 5xx, a timeout or a dropped connection after sending: a write may have taken effect.
  return isWrite
    ? { state: 'unknown', ...(status !== undefined ? { status } : {}), error: message }
    : { state: 'failed', ...(status !== undefined ? { status } : {}), error: message };
}

function toSummaryRow(r: RowResult): SummaryRow {
  const outcome = r.state === 'notRun' ? 'notRun' : r.state;
  return {
    row: r.index + 1,
    outcome,
    ...(r.status !== undefined ? { status: r.status } : {}),
    ...(r.id !== undefined ? { id: r.id } : {}),
    ...(r.error ? { error: r.error } : {}),
  };
}

function problemsText(problems: CellProblem[]): string {
  const errors = problems.filter((p) => p.severity === 'error');
  return (errors.length ? errors : problems).map(problemText).join('\n');
}
