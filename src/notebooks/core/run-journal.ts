// The journal of data-driven runs: one JSON line per event, appended (and flushed) beside the notebook. A row is
// marked `sending` before its request leaves and `done`, `failed` or `unknown` after, so a run resumed after a
// cancel, a crash or a reload skips rows already acknowledged and never re-sends a write that may have taken
// effect without asking first.
import { createHash } from 'crypto';

export type RowState = 'sending' | 'done' | 'failed' | 'unknown';

export interface JournalEvent {
  /** Which cell's run: its `@name`, or its request line. */
  cell: string;
  /** The row's identity: a hash of its content and which copy of that content it is. */
  key?: string;
  /** The row's position when the event was written (for people reading the file). */
  row?: number;
  state: RowState | 'reset';
  status?: number;
  id?: string | number;
  error?: string;
  at: string;
}

/** Where the journal lives: the host keeps it in a file; the tests in memory. */
export interface JournalStore {
  read(): Promise<string>;
  /** Resolves once the line is durable (written and flushed). */
  append(line: string): Promise<void>;
}

export interface RowRecord {
  state: RowState;
  status?: number;
  id?: string | number;
  error?: string;
}

/** What a resumed run does with a row: send it, skip it (already acknowledged), or ask (outcome unknown). */
export type RowAction = 'send' | 'skip' | 'ask';

export interface RowPlan {
  index: number;
  key: string;
  action: RowAction;
  previous?: RowRecord;
}

export class RunJournal {
  private constructor(
    private readonly store: JournalStore,
    private readonly records: Map<string, Map<string, RowRecord>>,
    /** A line torn by a crash has no end of line: the next event starts on a line of its own. */
    private tornLine: boolean,
  ) {}

  static async open(store: JournalStore): Promise<RunJournal> {
    const text = await store.read();
    const records = new Map<string, Map<string, RowRecord>>();
    for (const event of parseJournal(text)) apply(records, event);
    return new RunJournal(store, records, text !== '' && !text.endsWith('\n'));
  }

  record(cell: string, key: string): RowRecord | undefined {
    return this.records.get(cell)?.get(key);
  }

  /** Rows the journal knows for this cell. */
  known(cell: string): number {
    return this.records.get(cell)?.size ?? 0;
  }

  /**
   * The plan of a run over `rows`: acknowledged rows are skipped; a write whose outcome is unknown (or whose
   * `sending` mark has no outcome after it: a crash) is asked about; a read is simply sent again.
   */
  plan(cell: string, rows: readonly unknown[], isWrite: boolean): RowPlan[] {
    return rowKeys(rows).map((key, index) => {
      const previous = this.record(cell, key);
      let action: RowAction = 'send';
      if (previous?.state === 'done') action = 'skip';
      else if (previous && (previous.state === 'unknown' || previous.state === 'sending'))
        action = isWrite ? 'ask' : 'send';
      return { index, key, action, ...(previous ? { previous } : {}) };
    });
  }

  /** Written, and flushed, before the row's request leaves. */
  async sending(cell: string, key: string, row: number): Promise<void> {
    await this.write({ cell, key, row, state: 'sending' });
  }

  async finish(cell: string, key: string, row: number, outcome: RowRecord): Promise<void> {
    await this.write({ cell, key, row, ...outcome });
  }

  /** "Start over": forget this cell's rows (the events stay in the file, after a reset mark). */
  async reset(cell: string): Promise<void> {
    await this.write({ cell, state: 'reset' });
  }

  private async write(event: Omit<JournalEvent, 'at'>): Promise<void> {
    const full: JournalEvent = { ...event, at: new Date().toISOString() };
    await this.store.append(`${this.tornLine ? '\n' : ''}${JSON.stringify(full)}\n`);
    this.tornLine = false;
    apply(this.records, full);
  }
}

function apply(records: Map<string, Map<string, RowRecord>>, event: JournalEvent): void {
  if (event.state === 'reset') {
    records.delete(event.cell);
    return;
  }
  if (!event.key) return;
  let rows = records.get(event.cell);
  if (!rows) records.set(event.cell, (rows = new Map()));
  const { state, status, id, error } = event;
  rows.set(event.key, {
    state,
    ...(status !== undefined ? { status } : {}),
    ...(id !== undefined ? { id } : {}),
    ...(error ? { error } : {}),
  });
}

/** Every complete line that is an event; a line torn by a crash (or edited by hand into nonsense) is ignored. */
export function parseJournal(text: string): JournalEvent[] {
  const events: JournalEvent[] = [];
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    try {
      const event = JSON.parse(line) as JournalEvent;
      if (event && typeof event.cell === 'string' && typeof event.state === 'string') events.push(event);
    } catch {
      // a torn last line: its event never completed
    }
  }
  return events;
}

/** Stable keys for rows: the same content gets the same key, and its second copy a key of its own. */
export function rowKeys(rows: readonly unknown[]): string[] {
  const seen = new Map<string, number>();
  return rows.map((row) => {
    const hash = createHash('sha256').update(stableJson(row)).digest('hex').slice(0, 16);
    const copy = (seen.get(hash) ?? 0) + 1;
    seen.set(hash, copy);
    return copy === 1 ? hash : `${hash}#${copy}`;
  });
}

function stableJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'undefined';
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  const entries = Object.keys(value as object)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${stableJson((value as Record<string, unknown>)[k])}`);
  return `{${entries.join(',')}}`;
}

/** The journal's file name for a notebook: beside it, easy to git-ignore (`*.altegio-runs.jsonl`). */
export function journalFileName(notebookFileName: string): string {
  return `${notebookFileName.replace(/\.altegio\.md$/i, '')}.altegio-runs.jsonl`;
}
