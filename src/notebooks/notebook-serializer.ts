// Reads and writes `*.altegio.md` notebooks for VS Code: a thin adapter over the format in core/notebook-format.
// Outputs are saved only when `altegio.notebooks.saveOutputs` is on, and then redacted; a file never holds a token.
import * as vscode from 'vscode';
import { redactSecrets } from '../api/redact';
import {
  parseNotebook,
  REQUEST_LANGUAGE,
  serializeNotebook,
  type CellLayout,
  type NotebookCellModel,
} from './core/notebook-format';
import { maskCellSecrets } from './core/cell-secrets';
import { parseCell } from './core/cell-syntax';
import { outputFromSaved, savedOutputOf } from './notebook-outputs';

export const NOTEBOOK_TYPE = 'altegio-notebook';
const LAYOUT = 'altegioLayout';
export const FRONT_MATTER_KEY = 'altegioFrontMatter';
const EOL = 'altegioEol';

export interface SerializerOptions {
  /** Secrets the session knows (tokens of every environment signed in), removed from saved outputs. */
  knownSecrets(): string[];
}

export class AltegioNotebookSerializer implements vscode.NotebookSerializer {
  constructor(private readonly options: SerializerOptions) {}

  deserializeNotebook(content: Uint8Array): vscode.NotebookData {
    const model = parseNotebook(new TextDecoder().decode(content));
    const cells = model.cells.map((cell) => toCellData(cell));
    const data = new vscode.NotebookData(cells);
    data.metadata = { [EOL]: model.eol };
    return data;
  }

  serializeNotebook(data: vscode.NotebookData): Uint8Array {
    const secrets = this.options.knownSecrets();
    const cells: NotebookCellModel[] = data.cells.map((cell) => toModel(cell, secrets));
    const eol = typeof data.metadata?.[EOL] === 'string' ? (data.metadata[EOL] as string) : '\n';
    const saveOutputs = vscode.workspace.getConfiguration('altegio').get<boolean>('notebooks.saveOutputs', false);
    const text = serializeNotebook({ cells, eol }, { saveOutputs, redact: (t) => redactSecrets(t, secrets) });
    return new TextEncoder().encode(text);
  }
}

function toCellData(cell: NotebookCellModel): vscode.NotebookCellData {
  const metadata: Record<string, unknown> = {};
  if (cell.layout) metadata[LAYOUT] = cell.layout;
  if (cell.kind === 'markdown') {
    const data = new vscode.NotebookCellData(vscode.NotebookCellKind.Markup, cell.value, 'markdown');
    data.metadata = metadata;
    return data;
  }
  const language = cell.kind === 'frontMatter' ? 'yaml' : REQUEST_LANGUAGE;
  const data = new vscode.NotebookCellData(vscode.NotebookCellKind.Code, cell.value, language);
  if (cell.kind === 'frontMatter') metadata[FRONT_MATTER_KEY] = true;
  data.metadata = metadata;
  if (cell.output) {
    const request = parseCell(cell.value).request;
    data.outputs = [outputFromSaved(cell.output, { method: request?.method ?? '', path: request?.target ?? '' })];
  }
  return data;
}

function toModel(cell: vscode.NotebookCellData, secrets: string[]): NotebookCellModel {
  const layout = cell.metadata?.[LAYOUT] as CellLayout | undefined;
  const text = cell.value.replace(/\r\n|\r/g, '\n');
  // A token or password typed into a request cell (an error the cell is never sent with) never reaches the file.
  const value = cell.languageId === REQUEST_LANGUAGE ? maskCellSecrets(text, secrets) : text;
  let kind: NotebookCellModel['kind'];
  if (cell.kind === vscode.NotebookCellKind.Markup) kind = 'markdown';
  else if (cell.metadata?.[FRONT_MATTER_KEY] === true) kind = 'frontMatter';
  else if (cell.languageId === REQUEST_LANGUAGE) kind = 'request';
  // A code cell of another language is kept as a fenced block of that language, inside Markdown.
  else return { kind: 'markdown', value: `\`\`\`${cell.languageId}\n${value}\n\`\`\`` };
  const output = kind === 'request' ? savedOutputOf(cell.outputs ?? []) : undefined;
  return { kind, value, ...(layout ? { layout } : {}), ...(output ? { output } : {}) };
}
