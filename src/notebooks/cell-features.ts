// Editor features of request cells: completion (live values where a lookup exists), hover, diagnostics and the
// "Send" / "Open as Form" CodeLenses. Thin adapters over the pure functions in core/.
import * as vscode from 'vscode';
import type { Catalog } from '../api/catalog';
import { lookupFor } from '../api/lookups';
import type { LocationStore } from '../services/location-store';
import type { LookupLoader } from '../webviews/form/lookup-loader';
import { completeCell, type CompletionItemModel, type CompletionKind } from './core/cell-completion';
import { diagnoseCell } from './core/cell-diagnostics';
import { hoverCell, type HoverModel } from './core/cell-hover';
import type { CellProblem } from './core/cell-request';
import { REQUEST_LANGUAGE } from './core/notebook-format';
import { cellNames, notebookOf, type NotebookVariables } from './notebook-variables';
import { problemText } from './problem-text';

export const CELL_SELECTOR: vscode.DocumentSelector = { language: REQUEST_LANGUAGE };
const DIAGNOSTIC_DELAY_MS = 150;

export interface CellFeatureDeps {
  catalog: () => Catalog;
  variables: NotebookVariables;
  locations: Pick<LocationStore, 'current'>;
  lookups: () => LookupLoader;
}

export function registerCellFeatures(deps: CellFeatureDeps): vscode.Disposable[] {
  const diagnostics = vscode.languages.createDiagnosticCollection('altegio');
  const timers = new Map<string, NodeJS.Timeout>();
  const refresh = (document: vscode.TextDocument, delay = DIAGNOSTIC_DELAY_MS) => {
    if (document.languageId !== REQUEST_LANGUAGE) return;
    const key = document.uri.toString();
    clearTimeout(timers.get(key));
    timers.set(
      key,
      setTimeout(() => {
        timers.delete(key);
        if (document.isClosed) return void diagnostics.delete(document.uri);
        void diagnose(deps, document).then((list) => diagnostics.set(document.uri, list));
      }, delay),
    );
  };
  const refreshAll = () => vscode.workspace.textDocuments.forEach((d) => refresh(d));
  refreshAll();
  return [
    diagnostics,
    vscode.workspace.onDidOpenTextDocument((d) => refresh(d, 0)),
    vscode.workspace.onDidChangeTextDocument((e) => refresh(e.document)),
    vscode.workspace.onDidCloseTextDocument((d) => diagnostics.delete(d.uri)),
    deps.variables.onDidChange(refreshAll),
    vscode.languages.registerCompletionItemProvider(
      CELL_SELECTOR,
      new CellCompletion(deps),
      '{',
      '"',
      '?',
      '&',
      '@',
      '.',
      '/',
    ),
    vscode.languages.registerHoverProvider(CELL_SELECTOR, new CellHover(deps)),
    vscode.languages.registerCodeLensProvider(CELL_SELECTOR, new CellLenses()),
    { dispose: () => timers.forEach((t) => clearTimeout(t)) },
  ];
}

async function diagnose(deps: CellFeatureDeps, document: vscode.TextDocument): Promise<vscode.Diagnostic[]> {
  const notebook = notebookOf(document);
  const text = document.getText();
  const result = diagnoseCell(deps.catalog(), text, deps.variables.scope(notebook));
  const list = result.problems.map((p) => toDiagnostic(document, p));
  const each = result.each;
  if (each?.kind === 'file' && notebook && notebook.uri.scheme !== 'untitled') {
    const file = vscode.Uri.joinPath(notebook.uri, '..', each.value);
    try {
      await vscode.workspace.fs.stat(file);
    } catch {
      const range = new vscode.Range(document.positionAt(each.span.start), document.positionAt(each.span.end));
      list.push(
        withCode(
          new vscode.Diagnostic(
            range,
            vscode.l10n.t('{0} is not next to the notebook', each.value),
            vscode.DiagnosticSeverity.Error,
          ),
          'eachFile',
        ),
      );
    }
  }
  return list;
}

function toDiagnostic(document: vscode.TextDocument, p: CellProblem): vscode.Diagnostic {
  const range = new vscode.Range(document.positionAt(p.start), document.positionAt(Math.max(p.end, p.start)));
  const severity =
    p.severity === 'error'
      ? vscode.DiagnosticSeverity.Error
      : p.severity === 'warning'
        ? vscode.DiagnosticSeverity.Warning
        : vscode.DiagnosticSeverity.Information;
  return withCode(new vscode.Diagnostic(range, problemText(p), severity), p.code);
}

function withCode(d: vscode.Diagnostic, code: string): vscode.Diagnostic {
  d.source = 'Altegio';
  d.code = code;
  return d;
}

const KINDS: Record<CompletionKind, vscode.CompletionItemKind> = {
  operation: vscode.CompletionItemKind.Function,
  parameter: vscode.CompletionItemKind.Field,
  property: vscode.CompletionItemKind.Property,
  value: vscode.CompletionItemKind.Value,
  variable: vscode.CompletionItemKind.Variable,
  directive: vscode.CompletionItemKind.Keyword,
};

class CellCompletion implements vscode.CompletionItemProvider {
  constructor(private readonly deps: CellFeatureDeps) {}

  async provideCompletionItems(
    document: vscode.TextDocument,
    position: vscode.Position,
    token: vscode.CancellationToken,
  ): Promise<vscode.CompletionItem[]> {
    const notebook = notebookOf(document);
    const result = completeCell({
      catalog: this.deps.catalog(),
      text: document.getText(),
      offset: document.offsetAt(position),
      scope: this.deps.variables.scope(notebook),
      cellNames: notebook ? cellNames(notebook) : [],
    });
    const items = result.items.map((item) => toItem(document, item));
    const lookup = result.lookup;
    if (lookup && lookupFor(lookup.field) && !token.isCancellationRequested) {
      const location = this.deps.locations.current;
      const loaded = await this.deps.lookups().load(lookup.field, {
        locationId: location?.locationId,
        chainId: location?.chainId,
      });
      const range = new vscode.Range(
        document.positionAt(lookup.replace.start),
        document.positionAt(lookup.replace.end),
      );
      loaded.options.forEach((option, i) => {
        const text = lookup.quoted ? JSON.stringify(String(option.value)) : String(option.value);
        const item = new vscode.CompletionItem(
          { label: text, description: option.label, detail: option.description ? ` ${option.description}` : undefined },
          vscode.CompletionItemKind.EnumMember,
        );
        item.insertText = text;
        item.range = range;
        item.filterText = `${text} ${option.label}`;
        item.sortText = `0${String(i).padStart(4, '0')}`;
        items.push(item);
      });
    }
    return items;
  }
}

function toItem(document: vscode.TextDocument, model: CompletionItemModel): vscode.CompletionItem {
  const item = new vscode.CompletionItem(
    model.detail ? { label: model.label, description: model.detail } : model.label,
    KINDS[model.kind],
  );
  item.insertText = model.snippet ? new vscode.SnippetString(model.insertText) : model.insertText;
  item.range = new vscode.Range(document.positionAt(model.replace.start), document.positionAt(model.replace.end));
  if (model.documentation) item.documentation = new vscode.MarkdownString(model.documentation);
  if (model.filterText) item.filterText = model.filterText;
  if (model.sortText) item.sortText = model.sortText;
  if (model.deprecated) item.tags = [vscode.CompletionItemTag.Deprecated];
  if (model.required) item.detail = vscode.l10n.t('required');
  return item;
}

class CellHover implements vscode.HoverProvider {
  constructor(private readonly deps: CellFeatureDeps) {}

  provideHover(document: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    const notebook = notebookOf(document);
    const model = hoverCell(
      this.deps.catalog(),
      document.getText(),
      document.offsetAt(position),
      this.deps.variables.scope(notebook),
    );
    if (!model) return undefined;
    const range = new vscode.Range(document.positionAt(model.span.start), document.positionAt(model.span.end));
    return new vscode.Hover(hoverMarkdown(model), range);
  }
}

function hoverMarkdown(model: HoverModel): vscode.MarkdownString {
  const md = new vscode.MarkdownString();
  if (model.kind === 'variable') {
    const r = model.resolution;
    md.appendMarkdown(`**{{${model.expression}}}** `);
    if (r.found) {
      const source = {
        row: vscode.l10n.t('the current row'),
        result: vscode.l10n.t('a named cell’s answer'),
        notebook: vscode.l10n.t('the front matter'),
        default: vscode.l10n.t('the selected location and environment'),
      }[r.source];
      md.appendMarkdown(`— ${vscode.l10n.t('from {0}', source)}\n\n`);
      const text = JSON.stringify(r.value, null, 2) ?? 'undefined';
      md.appendCodeblock(text.length > 2000 ? `${text.slice(0, 2000)}\n…` : text, 'json');
    } else {
      md.appendMarkdown(
        r.reason === 'pending'
          ? vscode.l10n.t('— no value yet: run the cell that has this name')
          : r.reason === 'rowOutsideRun'
            ? vscode.l10n.t('— a row of an @each run')
            : vscode.l10n.t('— no value'),
      );
    }
    return md;
  }
  if (model.kind === 'operation') {
    const op = model.operation;
    md.appendMarkdown(`**${op.method} ${op.path}** — ${op.summary}\n\n`);
    if (op.description) md.appendMarkdown(`${op.description}\n\n`);
    md.appendMarkdown(
      `${vscode.l10n.t('Section: {0}', op.section)} · \`${op.id}\`${op.destructive ? ` · ${vscode.l10n.t('destructive')}` : ''}${op.deprecated ? ` · ${vscode.l10n.t('deprecated')}` : ''}`,
    );
    if (op.docsUrl) md.appendMarkdown(`\n\n[${vscode.l10n.t('Documentation')}](${op.docsUrl})`);
    return md;
  }
  const f = model.field;
  md.appendMarkdown(`**${model.name}** \`${f.type}\`${f.required ? ` · ${vscode.l10n.t('required')}` : ''}\n\n`);
  if (f.description) md.appendMarkdown(`${f.description}\n\n`);
  if (f.enum) md.appendMarkdown(`${vscode.l10n.t('One of: {0}', f.enum.map((v) => JSON.stringify(v)).join(', '))}\n\n`);
  if (f.example !== undefined) md.appendMarkdown(`${vscode.l10n.t('Example: {0}', JSON.stringify(f.example))}`);
  return md;
}

class CellLenses implements vscode.CodeLensProvider {
  provideCodeLenses(document: vscode.TextDocument): vscode.CodeLens[] {
    const notebook = notebookOf(document);
    const cell = notebook?.getCells().find((c) => c.document === document);
    if (!notebook || !cell) return [];
    const text = document.getText();
    const line = text.split(/\r?\n/).findIndex((l) => l.trim() !== '' && !/^\s*(#|\/\/)/.test(l));
    const range = new vscode.Range(Math.max(line, 0), 0, Math.max(line, 0), 0);
    return [
      new vscode.CodeLens(range, {
        title: `$(play) ${vscode.l10n.t('Send')}`,
        command: 'altegio.notebook.sendCell',
        arguments: [cell],
      }),
      new vscode.CodeLens(range, {
        title: `$(preview) ${vscode.l10n.t('Open as Form')}`,
        command: 'altegio.notebook.openAsForm',
        arguments: [cell],
      }),
      new vscode.CodeLens(range, {
        title: `$(code) ${vscode.l10n.t('Copy as Code')}`,
        command: 'altegio.notebook.copyAsCode',
        arguments: [cell],
      }),
    ];
  }
}
