// Answers cut down to what a language model can read: sensitive fields masked, long lists summarised as a count
// and their first rows, long strings and deep nesting shortened, and the whole kept under a character budget.
// Plain data, no vscode: unit tests drive it with made-up answers.
import { isRecord } from '../../api/is-record';
import { maskSensitiveFields } from '../../api/sensitive';

export interface DigestOptions {
  /** Rows of a top-level list shown at most. */
  maxRows: number;
  /** Items of a nested list shown at most. */
  maxNestedItems: number;
  /** Characters of a string value kept at most. */
  maxString: number;
  /** Nesting kept below the rows (deeper objects become a short note). */
  maxDepth: number;
  /** The digest's JSON text stays under this many characters (rows and depth give way first). */
  maxChars: number;
}

export const DEFAULT_DIGEST: DigestOptions = {
  maxRows: 10,
  maxNestedItems: 5,
  maxString: 300,
  maxDepth: 4,
  maxChars: 6000,
};

export interface DataDigest {
  kind: 'list' | 'object' | 'value' | 'empty';
  /** Rows in the answer (lists). */
  rows?: number;
  /** Rows the digest shows (lists). */
  shownRows?: number;
  /** The shortened value, safe to show. */
  value: unknown;
  /** Whether anything was left out or shortened. */
  shortened: boolean;
}

/** A note that stands for the items of a list that were left out, e.g. "… 45 more". */
export function moreItems(count: number): string {
  return `… ${count} more`;
}

/** The value with every sensitive field masked, cut to fit the options: its JSON text is at most `maxChars` long. */
export function digestData(data: unknown, options: Partial<DigestOptions> = {}): DataDigest {
  const o = { ...DEFAULT_DIGEST, ...options };
  const digest = digestWithin(data, o);
  if (fits(digest.value, o.maxChars)) return digest;
  // Nothing smaller was found (one enormous value): its JSON text, cut, as a string.
  return { ...digest, value: jsonTextWithin(JSON.stringify(digest.value), o.maxChars), shortened: true };
}

function digestWithin(data: unknown, o: DigestOptions): DataDigest {
  const value = maskSensitiveFields(data);
  if (value === undefined || value === null || value === '') return { kind: 'empty', value: null, shortened: false };
  if (Array.isArray(value)) {
    if (value.length === 0) return { kind: 'list', rows: 0, shownRows: 0, value: [], shortened: false };
    // Fewer rows, then shallower rows, until the text fits.
    for (let depth = o.maxDepth; depth >= 1; depth--) {
      for (let rows = Math.min(o.maxRows, value.length); rows >= 1; rows = rows > 4 ? Math.floor(rows / 2) : rows - 1) {
        const cut = { shortened: rows < value.length };
        const shown = value.slice(0, rows).map((row) => shrink(row, depth, o, cut));
        if (fits(shown, o.maxChars))
          return { kind: 'list', rows: value.length, shownRows: rows, value: shown, shortened: cut.shortened };
      }
    }
    // Even one shallow row is too long: its text, cut.
    const first = JSON.stringify(shrink(value[0], 1, o, { shortened: true }));
    return {
      kind: 'list',
      rows: value.length,
      shownRows: 1,
      value: [jsonTextWithin(first, o.maxChars - 2)],
      shortened: true,
    };
  }
  if (isRecord(value)) {
    for (let depth = o.maxDepth + 1; depth >= 1; depth--) {
      for (const items of [o.maxNestedItems * 2, o.maxNestedItems, 2]) {
        const cut = { shortened: false };
        const shown = shrink(value, depth, { ...o, maxNestedItems: items }, cut);
        if (fits(shown, o.maxChars)) return { kind: 'object', value: shown, shortened: cut.shortened };
      }
    }
    return { kind: 'object', value: jsonTextWithin(JSON.stringify(value), o.maxChars), shortened: true };
  }
  const cut = { shortened: false };
  return { kind: 'value', value: shrink(value, 1, o, cut), shortened: cut.shortened };
}

function fits(value: unknown, maxChars: number): boolean {
  return JSON.stringify(value).length <= maxChars;
}

function shrink(value: unknown, depth: number, o: DigestOptions, cut: { shortened: boolean }): unknown {
  if (typeof value === 'string') {
    if (value.length <= o.maxString) return value;
    cut.shortened = true;
    return truncateText(value, o.maxString);
  }
  if (value === null || typeof value !== 'object') return value;
  if (depth <= 0) {
    cut.shortened = true;
    return Array.isArray(value) ? `[${value.length} items]` : summariseObject(value as Record<string, unknown>);
  }
  if (Array.isArray(value)) {
    const shown = value.slice(0, o.maxNestedItems).map((v) => shrink(v, depth - 1, o, cut));
    if (value.length > o.maxNestedItems) {
      cut.shortened = true;
      shown.push(moreItems(value.length - o.maxNestedItems));
    }
    return shown;
  }
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) out[k] = shrink(v, depth - 1, o, cut);
  return out;
}

/** `{id, title}` of an object too deep to show, or a count of its fields. */
function summariseObject(value: Record<string, unknown>): unknown {
  const named: Record<string, unknown> = {};
  for (const key of ['id', 'title', 'name'])
    if (key in value && typeof value[key] !== 'object') named[key] = value[key];
  return Object.keys(named).length > 0 ? named : `{${Object.keys(value).length} fields}`;
}

/** The text cut so that it stays within `max` characters once written as a JSON string (quotes and escapes). */
function jsonTextWithin(text: string, max: number): string {
  let cut = truncateText(text, Math.max(1, max - 2));
  while (cut.length > 1 && JSON.stringify(cut).length > max)
    cut = truncateText(cut, Math.max(1, Math.floor(cut.length * 0.9)));
  return cut;
}

export function truncateText(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, Math.max(0, max - 1))}…`;
}
