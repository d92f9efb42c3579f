// The list behind the response viewer's table: columns found in the rows, cell text, filter, sort and CSV.
// Pure functions (no DOM), unit-tested in plain Node; they must stay fast on 10,000+ rows.
import { isRecord } from '../../src/api/is-record';

export const VALUE_COLUMN = '';
const MAX_CELL = 300;

export interface SortState {
  column: string;
  direction: 'asc' | 'desc';
}

/** Whether the data is a list the table shows (an array; objects of one array are not unwrapped here). */
export function isTableData(data: unknown): data is unknown[] {
  return Array.isArray(data);
}

/** Past this many rows the first paint reads the columns of a sample of the rows (see columnsOf). */
export const SAMPLED_COLUMNS_FROM = 5000;

/**
 * The columns of a list: object keys in the order they first appear; a list of scalars has one value column.
 * With `sampled`, only the first 1,000 rows and then about 1,000 rows spread over the list are read: enough for the
 * first paint of a long list, whose rows nearly always share their keys; the full list is read after it.
 */
export function columnsOf(rows: readonly unknown[], sampled = false): string[] {
  const seen = new Set<string>();
  let scalars = false;
  const step = sampled ? Math.max(1, Math.floor(rows.length / 1000)) : 1;
  for (let i = 0; i < rows.length; i += i < 1000 ? 1 : step) {
    const row = rows[i];
    if (isRecord(row)) {
      for (const k in row) seen.add(k);
    } else {
      scalars = true;
    }
  }
  const columns = [...seen];
  return scalars || columns.length === 0 ? [VALUE_COLUMN, ...columns] : columns;
}

export function cellValue(row: unknown, column: string): unknown {
  if (column === VALUE_COLUMN) return isRecord(row) ? undefined : row;
  return isRecord(row) ? row[column] : undefined;
}

/** A cell as one line of text: objects by their title or name, lists by their items, long text cut. */
export function cellText(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value.length > MAX_CELL ? `${value.slice(0, MAX_CELL)}…` : value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    const parts = value.slice(0, 20).map((v) => (isRecord(v) ? named(v) : cellText(v)));
    if (parts.every((p) => p !== undefined)) {
      const text = parts.join(', ') + (value.length > 20 ? `, … (${value.length})` : '');
      return text.length > MAX_CELL ? `${text.slice(0, MAX_CELL)}…` : text;
    }
    return `[${value.length}]`;
  }
  if (isRecord(value)) {
    const name = named(value);
    if (name !== undefined) return name;
    const json = JSON.stringify(value);
    return json.length > MAX_CELL ? `${json.slice(0, MAX_CELL)}…` : json;
  }
  return String(value);
}

function named(v: Record<string, unknown>): string | undefined {
  for (const k of ['title', 'name', 'label', 'number'])
    if (typeof v[k] === 'string' || typeof v[k] === 'number') return String(v[k]);
  return undefined;
}

/**
 * The row indexes in view order: rows whose visible cells contain every word of the filter (any case),
 * sorted by one column (numbers as numbers, text by the locale), ties in the original order.
 */
export function viewRows(
  rows: readonly unknown[],
  columns: readonly string[],
  filter: string,
  sort: SortState | undefined,
): number[] {
  const words = filter.toLowerCase().split(/\s+/).filter(Boolean);
  let indexes: number[] = [];
  if (words.length === 0) {
    // A plain loop: Array.from with a mapping function is ten times slower, which shows at 100,000 rows.
    indexes = new Array<number>(rows.length);
    for (let i = 0; i < rows.length; i++) indexes[i] = i;
  } else {
    for (let i = 0; i < rows.length; i++) {
      const text = columns
        .map((c) => cellText(cellValue(rows[i], c)))
        .join('\u0000')
        .toLowerCase();
      if (words.every((w) => text.includes(w))) indexes.push(i);
    }
  }
  if (!sort) return indexes;
  const keys = new Map<number, number | string>();
  let allNumbers = true;
  for (const i of indexes) {
    const v = cellValue(rows[i], sort.column);
    if (typeof v === 'number') keys.set(i, v);
    else {
      if (v !== undefined && v !== null && v !== '') allNumbers = false;
      keys.set(i, cellText(v));
    }
  }
  const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });
  const sign = sort.direction === 'asc' ? 1 : -1;
  const empty = (k: number | string) => k === '';
  return indexes.sort((a, b) => {
    const ka = keys.get(a)!;
    const kb = keys.get(b)!;
    // Empty cells go last whichever the direction.
    if (empty(ka) !== empty(kb)) return empty(ka) ? 1 : -1;
    let c: number;
    if (allNumbers && typeof ka === 'number' && typeof kb === 'number') c = ka - kb;
    else c = collator.compare(String(ka), String(kb));
    return c === 0 ? a - b : c * sign;
  });
}

function csvField(text: string): string {
  // Formula injection: a cell starting with =, +, - or @ is a formula to spreadsheet programs.
  const safe = /^[=+\-@\t\r]/.test(text) && !/^-?\d+(\.\d+)?$/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** RFC 4180 CSV of the rows in view order and the visible columns; objects and lists are written as JSON. */
export function toCsv(
  rows: readonly unknown[],
  order: readonly number[],
  columns: readonly string[],
  valueHeader: string,
): string {
  const lines = [columns.map((c) => csvField(c === VALUE_COLUMN ? valueHeader : c)).join(',')];
  for (const i of order) {
    lines.push(
      columns
        .map((c) => {
          const v = cellValue(rows[i], c);
          if (v === undefined || v === null) return '';
          return csvField(typeof v === 'object' ? JSON.stringify(v) : String(v));
        })
        .join(','),
    );
  }
  return `${lines.join('\r\n')}\r\n`;
}

/** A column's width in characters (of the table's monospaced font), from its header and cells spread over the list. */
export function columnChars(rows: readonly unknown[], column: string, header: string): number {
  let chars = header.length + 2;
  const step = Math.max(1, Math.floor(rows.length / 300));
  for (let i = 0; i < rows.length; i += step) chars = Math.max(chars, cellText(cellValue(rows[i], column)).length);
  return Math.min(48, Math.max(5, chars));
}
