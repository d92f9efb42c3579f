// Runs a cell once per row of its `@each` source, with the run journal: acknowledged rows are skipped, rows whose
// outcome is unknown are sent again only when the user says so, and cancelling stops between rows (a write in
// flight is let finish, so its outcome is known and recorded).
import type { RowPlan, RowRecord, RunJournal } from './run-journal';

export type RowResultState = 'done' | 'failed' | 'unknown' | 'skipped' | 'notRun';

export interface RowResult {
  index: number;
  state: RowResultState;
  status?: number;
  id?: string | number;
  error?: string;
  /** True when the journal's record from an earlier run is shown instead of a new request. */
  fromJournal?: boolean;
}

export type UnknownRowsChoice = 'resend' | 'skip' | 'cancel';

export interface RunRowsOptions {
  journal: RunJournal;
  cell: string;
  rows: readonly unknown[];
  /** Reads are sent again freely; only writes are protected. */
  isWrite: boolean;
  /** Sends one row and says what happened; throws only when it cannot tell (recorded as unknown). */
  send(row: unknown, index: number): Promise<RowRecord>;
  /** Asked once per run when writes of earlier runs have no known outcome. */
  askAboutUnknown(rows: RowPlan[]): Promise<UnknownRowsChoice>;
  isCancelled?(): boolean;
  onRow?(result: RowResult, finished: number, total: number): void;
}

export interface RunRowsSummary {
  results: RowResult[];
  cancelled: boolean;
  sent: number;
}

export async function runRows(options: RunRowsOptions): Promise<RunRowsSummary> {
  const { journal, cell, rows } = options;
  const plan = journal.plan(cell, rows, options.isWrite);
  const results: RowResult[] = plan.map((p) => ({ index: p.index, state: 'notRun' }));
  const asked = plan.filter((p) => p.action === 'ask');
  let choice: UnknownRowsChoice = 'skip';
  if (asked.length) {
    choice = await options.askAboutUnknown(asked);
    if (choice === 'cancel') return { results, cancelled: true, sent: 0 };
  }
  let finished = 0;
  let sent = 0;
  const report = (result: RowResult) => {
    results[result.index] = result;
    finished++;
    options.onRow?.(result, finished, rows.length);
  };
  for (const p of plan) {
    if (p.action === 'skip' || (p.action === 'ask' && choice === 'skip')) {
      const previous = p.previous!;
      report({
        index: p.index,
        state: p.action === 'skip' ? 'skipped' : 'unknown',
        ...(previous.status !== undefined ? { status: previous.status } : {}),
        ...(previous.id !== undefined ? { id: previous.id } : {}),
        ...(previous.error ? { error: previous.error } : {}),
        fromJournal: true,
      });
      continue;
    }
    if (options.isCancelled?.()) return { results, cancelled: true, sent };
    await journal.sending(cell, p.key, p.index);
    let outcome: RowRecord;
    try {
      outcome = await options.send(rows[p.index], p.index);
    } catch (e) {
      outcome = { state: 'unknown', error: e instanceof Error ? e.message : String(e) };
      await journal.finish(cell, p.key, p.index, outcome);
      throw e;
    }
    sent++;
    await journal.finish(cell, p.key, p.index, outcome);
    report({ index: p.index, ...outcome, state: outcome.state === 'sending' ? 'unknown' : outcome.state });
  }
  return { results, cancelled: false, sent };
}
