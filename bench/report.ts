// The figures `npm run bench` prints: one row per figure of issue 11's table, each beside its goal.

export interface Figure {
  /** What is measured, as the table names it. */
  name: string;
  /** The measured value, formatted with its unit. */
  value: string;
  /** The goal, formatted the same way ("≤ 10 ms"); empty when the row is for information only. */
  goal: string;
  /** Whether the value meets the goal; undefined when there is none. */
  met?: boolean;
  /** How it was measured (runs, median…). */
  note?: string;
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export function round(value: number, digits = 1): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

export function kb(bytes: number): string {
  return `${round(bytes / 1024, 1)} KB`;
}

/** Prints the rows as a Markdown table (it reads well in a terminal and pastes into notes as it is). */
export function printTable(figures: Figure[]): void {
  const rows = figures.map((f) => [
    f.name,
    f.value,
    f.goal,
    f.met === undefined ? '' : f.met ? 'met' : 'NOT MET',
    f.note ?? '',
  ]);
  const header = ['figure', 'now', 'goal', '', 'how'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
  console.log(line(header));
  console.log(line(widths.map((w) => '-'.repeat(w))));
  for (const r of rows) console.log(line(r));
}
