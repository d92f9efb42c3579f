// What a request cell's output carries to the notebook renderer (media/notebook-renderer): an answer, or the
// summary of a data-driven run, with the texts it shows already in the user's language. The renderer posts
// back only `saveCsv`, which the host validates like every webview message.
import type { ResponseStrings } from './response-strings';

export const NOTEBOOK_OUTPUT_MIME = 'application/vnd.altegio.response+json';
export const NOTEBOOK_RENDERER_ID = 'altegio.notebook-renderer';

export interface NotebookOutputStrings extends ResponseStrings {
  /** Summary table headers. */
  row: string;
  status: string;
  id: string;
  error: string;
  outcome: string;
  /** {0}: done, {1}: failed, {2}: unknown, {3}: skipped. */
  summaryLine: string;
  dryRun: string;
  /** The run was stopped before its last row. */
  cancelled: string;
  /** Row outcome words. */
  done: string;
  failed: string;
  unknown: string;
  skipped: string;
  notRun: string;
}

export interface ResponseOutput {
  kind: 'response';
  method: string;
  /** The concrete path that was sent. */
  path: string;
  status?: number;
  durationMs?: number;
  sizeBytes?: number;
  /** `data` of the envelope (or the whole body for operations without one). */
  data?: unknown;
  /** True when the answer is over `altegio.responseViewer.largeResponseThresholdMB`: `data` is left out. */
  tooLarge?: boolean;
  thresholdBytes?: number;
  error?: { message: string; kind: string; fieldErrors?: Record<string, string[]> };
  strings: NotebookOutputStrings;
}

export interface SummaryRow {
  row: number;
  outcome: 'done' | 'failed' | 'unknown' | 'skipped' | 'notRun' | 'dryRun';
  status?: number;
  id?: string | number;
  error?: string;
  /** Dry runs: the request that would be sent. */
  request?: string;
}

export interface SummaryOutput {
  kind: 'summary';
  method: string;
  path: string;
  dryRun: boolean;
  cancelled: boolean;
  rows: SummaryRow[];
  /** Reads: what every row answered, lists joined into one, shown as one table. */
  data?: unknown[];
  strings: NotebookOutputStrings;
}

export type NotebookOutput = ResponseOutput | SummaryOutput;

export interface SaveCsvMessage {
  type: 'saveCsv';
  csv: string;
  rows: number;
}
