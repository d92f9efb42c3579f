// The figures the reliability suite measures, printed as one table when it ends (and kept in
// test-results/reliability.json), so a run shows what was tried and what broke, not only that it passed.
import * as fs from 'fs';
import * as path from 'path';

const figures = new Map<string, number | string>();

/** Adds `n` to a counter (requests tried, crashes, lost writes…). */
export function count(name: string, n = 1): void {
  figures.set(name, (Number(figures.get(name)) || 0) + n);
}

/** Keeps the largest value seen (leaked characters, RSS growth…). */
export function most(name: string, value: number): void {
  figures.set(name, Math.max(Number(figures.get(name) ?? -Infinity), value));
}

export function note(name: string, value: number | string): void {
  figures.set(name, value);
}

after(function printFigures() {
  if (!figures.size) return;
  const width = Math.max(...[...figures.keys()].map((k) => k.length));
  const lines = [...figures].map(([name, value]) => `  ${name.padEnd(width)}  ${format(value)}`);
  console.log(`\nReliability figures\n${lines.join('\n')}\n`);
  const out = path.resolve(__dirname, '..', '..', 'test-results', 'reliability.json');
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, `${JSON.stringify(Object.fromEntries(figures), null, 2)}\n`);
});

function format(value: number | string): string {
  return typeof value === 'number' ? value.toLocaleString('en-US', { maximumFractionDigits: 1 }) : value;
}
