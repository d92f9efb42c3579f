// The outputs of request cells: the renderer's item (mime application/vnd.altegio.response+json) with a plain JSON
// item as fallback, built from an answer, a run summary or an output saved in the file.
import * as vscode from 'vscode';
import { NOTEBOOK_OUTPUT_MIME, type ResponseOutput, type SummaryOutput } from '../protocol/notebook-output';
import type { SavedOutput } from './core/notebook-format';
import { notebookOutputStrings } from './notebook-strings';

export const JSON_MIME = 'application/json';

export type ResponseFacts = Omit<ResponseOutput, 'kind' | 'strings'>;

export function responseOutput(facts: ResponseFacts): vscode.NotebookCellOutput {
  const output: ResponseOutput = { kind: 'response', ...facts, strings: notebookOutputStrings() };
  const items = [vscode.NotebookCellOutputItem.json(output, NOTEBOOK_OUTPUT_MIME)];
  if (facts.data !== undefined && !facts.tooLarge)
    items.push(vscode.NotebookCellOutputItem.json(facts.data, JSON_MIME));
  else if (facts.error) items.push(vscode.NotebookCellOutputItem.json({ error: facts.error }, JSON_MIME));
  return new vscode.NotebookCellOutput(items, { status: facts.status });
}

export function summaryOutput(summary: Omit<SummaryOutput, 'kind' | 'strings'>): vscode.NotebookCellOutput {
  const output: SummaryOutput = { kind: 'summary', ...summary, strings: notebookOutputStrings() };
  return new vscode.NotebookCellOutput([
    vscode.NotebookCellOutputItem.json(output, NOTEBOOK_OUTPUT_MIME),
    vscode.NotebookCellOutputItem.json(summary.rows, JSON_MIME),
  ]);
}

export function errorOutput(message: string): vscode.NotebookCellOutput {
  return new vscode.NotebookCellOutput([vscode.NotebookCellOutputItem.error({ name: 'Altegio', message })]);
}

/** An output read from the file: its JSON, and the status written beside it. */
export function outputFromSaved(
  saved: SavedOutput,
  request: { method: string; path: string },
): vscode.NotebookCellOutput {
  let data: unknown = saved.text;
  try {
    data = JSON.parse(saved.text);
  } catch {
    // kept as text
  }
  return responseOutput({ ...request, status: saved.status, data });
}

/** What a cell's output saves to the file: the answer's JSON (the redaction is the serializer's). */
export function savedOutputOf(outputs: readonly vscode.NotebookCellOutput[]): SavedOutput | undefined {
  for (const output of outputs) {
    const json = output.items.find((i) => i.mime === JSON_MIME);
    if (!json) continue;
    const text = JSON.stringify(JSON.parse(new TextDecoder().decode(json.data)), null, 2);
    const status = typeof output.metadata?.status === 'number' ? (output.metadata.status as number) : undefined;
    return { text, ...(status !== undefined ? { status } : {}) };
  }
  return undefined;
}
