// Short operation labels for narrow places (the API tree, form tabs): the summary without its parentheses and
// trailing clauses, cut at a word, and longer again wherever two operations of the same method would read the
// same. The full summary stays in tooltips and headings.
import type { OperationSummary } from './catalog';

/** What a label is made of: the catalog's operations and the compact index's alike. */
type Op = Pick<OperationSummary, 'id' | 'method' | 'summary' | 'section' | 'path' | 'deprecated'>;

/** Longer than this, a short label is cut at a word with "…". */
export const SHORT_LABEL_MAX = 44;

type Level = 0 | 1 | 2;

/** The summary at a level of detail: 0 the short form, 1 without parentheses only, 2 whole. */
function atLevel(summary: string, level: Level): string {
  if (level === 2) return summary;
  // A qualifier in parentheses tells two operations apart: "(by client ID)" stays, unwrapped.
  let text = level === 0 ? summary.replace(/\((by [^()]+)\)/g, '$1') : summary;
  // Innermost parentheses first: "(title gets a ' (2)' suffix)" goes as a whole.
  for (let before = ''; before !== text;) {
    before = text;
    text = text.replace(/\s*\([^()]*\)/g, '');
  }
  text = text.trim();
  if (level === 0) {
    // The first clause that leaves a label of a few words: "Edit a visit: attendance, services…" → "Edit a visit".
    for (const cut of text.matchAll(/ - | — |; |, |: |\. /g)) {
      if (cut.index < 12) continue;
      text = text.slice(0, cut.index).replace(/ (or|and|with)$/, '');
      break;
    }
  }
  return text;
}

function ellipsis(text: string, max: number): string {
  if (text.length <= max) return text;
  const space = text.lastIndexOf(' ', max - 1);
  return `${text.slice(0, space > max / 2 ? space : max - 1).replace(/[\s,;:/-]+$/, '')}…`;
}

/** The short label of every operation: unique per method across the catalog. */
export function shortSummaries(operations: readonly Op[]): Map<string, string> {
  const level = new Map<string, Level>(operations.map((o) => [o.id, 0]));
  const label = (o: Op) => atLevel(o.summary, level.get(o.id)!);
  for (let round = 0; round < 3; round++) {
    const groups = new Map<string, Op[]>();
    for (const o of operations) {
      const key = `${o.method} ${label(o).toLowerCase()}`;
      groups.set(key, [...(groups.get(key) ?? []), o]);
    }
    let raised = false;
    for (const group of groups.values()) {
      if (group.length < 2) continue;
      for (const o of group) {
        const current = level.get(o.id)!;
        if (current < 2) {
          level.set(o.id, (current + 1) as Level);
          raised = true;
        }
      }
    }
    if (!raised) break;
  }
  const out = new Map<string, string>();
  const seen = new Map<string, number>();
  for (const o of operations) {
    const text = label(o);
    const key = `${o.method} ${text.toLowerCase()}`;
    // Identical whole summaries (none in the document today): the path tells them apart.
    out.set(o.id, seen.has(key) ? `${text} · ${o.path}` : text);
    seen.set(key, (seen.get(key) ?? 0) + 1);
  }
  for (const group of sameAtFirstSight(operations, out)) shortenShared(group, out);
  for (const [id, text] of out) out.set(id, ellipsis(text, SHORT_LABEL_MAX));
  return out;
}

/** How many characters of "METHOD label" a sidebar of the default width shows. */
export const VISIBLE_LABEL_CHARS = 34;

/** Operations of one section whose labels begin alike for longer than the sidebar shows. */
function sameAtFirstSight(operations: readonly Op[], labels: Map<string, string>): Op[][] {
  const groups = new Map<string, Op[]>();
  for (const o of operations) {
    const key = `${o.section}|${`${o.method} ${labels.get(o.id)}`.slice(0, VISIBLE_LABEL_CHARS).toLowerCase()}`;
    groups.set(key, [...(groups.get(key) ?? []), o]);
  }
  return [...groups.values()].filter((g) => g.length > 1);
}

/**
 * The words the labels share (after the first) become "…", so that what differs is seen: "List a client's loyalty
 * cards by phone" and "… by client ID" read "List … by phone" and "List … by client ID". When one label is all
 * shared words (a deprecated twin), they stay as they are; the icon and the path tell them apart.
 */
function shortenShared(group: Op[], labels: Map<string, string>): void {
  const words = group.map((o) => labels.get(o.id)!.split(' '));
  let shared = 0;
  while (words.every((w) => w.length > shared && w[shared] === words[0][shared])) shared++;
  if (shared < 3 || words.some((w) => w.length <= shared)) return;
  group.forEach((o, i) => labels.set(o.id, `${words[i][0]} … ${words[i].slice(shared - 1).join(' ')}`));
}

const cache = new WeakMap<object, Map<string, string>>();

/** The short label of an operation of this catalog (the full one, or the compact index). */
export function shortSummary(catalog: { operations: readonly Op[] }, op: Pick<Op, 'id' | 'summary'>): string {
  let labels = cache.get(catalog);
  if (!labels) {
    labels = shortSummaries(catalog.operations);
    cache.set(catalog, labels);
  }
  return labels.get(op.id) ?? op.summary;
}
