// What `{{…}}` can stand for in an open notebook: the answers of its named cells in this session, its front
// matter, and the session's defaults (the selected location and chain, the environment).
import * as vscode from 'vscode';
import type { Auth } from '../services/auth';
import { Disposable } from '../services/disposable';
import type { LocationStore } from '../services/location-store';
import { parseCell } from './core/cell-syntax';
import { FRONT_MATTER_KEY } from './notebook-serializer';
import { REQUEST_LANGUAGE } from './core/notebook-format';
import { parseFrontMatter, type NamedResult, type VariableScope } from './core/variables';

export class NotebookVariables extends Disposable {
  private readonly results = new Map<string, Map<string, NamedResult>>();
  private readonly changed = this.register(new vscode.EventEmitter<void>());
  /** Fires when a named cell answered, or the defaults changed: diagnostics and hovers read again. */
  readonly onDidChange = this.changed.event;

  constructor(
    private readonly auth: Pick<Auth, 'environment' | 'onDidChange'>,
    private readonly locations: Pick<LocationStore, 'current' | 'onDidChange'>,
  ) {
    super();
    this.register(auth.onDidChange(() => this.changed.fire()));
    this.register(locations.onDidChange(() => this.changed.fire()));
    this.register(
      vscode.workspace.onDidCloseNotebookDocument((notebook) => this.results.delete(notebook.uri.toString())),
    );
  }

  remember(notebook: vscode.NotebookDocument, name: string, result: NamedResult): void {
    const key = notebook.uri.toString();
    let map = this.results.get(key);
    if (!map) this.results.set(key, (map = new Map()));
    map.set(name, result);
    this.changed.fire();
  }

  defaults(): Record<string, unknown> {
    const location = this.locations.current;
    return {
      ...(location ? { location_id: location.locationId } : {}),
      ...(location?.chainId ? { chain_id: location.chainId } : {}),
      environment: this.auth.environment.id,
    };
  }

  scope(notebook: vscode.NotebookDocument | undefined, row?: unknown): VariableScope {
    const results = Object.fromEntries(this.results.get(notebook?.uri.toString() ?? '') ?? []);
    const names = notebook ? cellNames(notebook) : [];
    return {
      ...(row !== undefined ? { row } : {}),
      results,
      notebook: notebook ? frontMatterOf(notebook) : {},
      defaults: this.defaults(),
      pending: new Set(names.filter((n) => !(n in results))),
    };
  }
}

/** The `@name`s the notebook's request cells give themselves. */
export function cellNames(notebook: vscode.NotebookDocument): string[] {
  return notebook
    .getCells()
    .filter((c) => c.document.languageId === REQUEST_LANGUAGE)
    .map((c) => parseCell(c.document.getText()).name)
    .filter((n): n is string => n !== undefined);
}

/** Variables from the notebook's front matter (its first cell, when it is one). */
export function frontMatterOf(notebook: vscode.NotebookDocument): Record<string, unknown> {
  const first = notebook.cellCount > 0 ? notebook.cellAt(0) : undefined;
  if (!first || first.metadata?.[FRONT_MATTER_KEY] !== true) return {};
  return parseFrontMatter(first.document.getText()).values;
}

/** The notebook a cell's text document belongs to. */
export function notebookOf(document: vscode.TextDocument): vscode.NotebookDocument | undefined {
  return vscode.workspace.notebookDocuments.find((nb) => nb.getCells().some((c) => c.document === document));
}
