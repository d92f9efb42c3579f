// Word search over operations, shared by the full catalog and the compact index so that both rank alike.

/** What search reads of an operation (the catalog's OperationSpec and the index's OperationSummary both have it). */
export interface Searchable {
  id: string;
  method: string;
  path: string;
  summary: string;
  section: string;
  deprecated: boolean;
}

/** The text a query's words are looked up in: method, path, summary, section and the id's words. */
export function searchTextOf(op: Searchable): string {
  return [op.method, op.path, op.summary, op.section, op.id.replace(/_/g, ' ')].join(' ').toLowerCase();
}

/**
 * Every word of the query must appear in the method, path, summary, section or id.
 * Ranked: id or path hits first, then summary, then section.
 */
export function searchOperations<T extends Searchable>(
  operations: readonly T[],
  query: string,
  limit: number,
  textOf: (op: T) => string,
): T[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return operations.slice(0, limit);
  const scored: { op: T; score: number }[] = [];
  for (const op of operations) {
    const text = textOf(op);
    if (!words.every((w) => text.includes(w))) continue;
    let score = 0;
    for (const w of words) {
      if (op.method.toLowerCase() === w) score += 1;
      if (op.path.toLowerCase().includes(w)) score += 3;
      if (op.summary.toLowerCase().includes(w)) score += 2;
      if (op.section.toLowerCase().includes(w)) score += 1;
    }
    if (op.deprecated) score -= 0.5;
    scored.push({ op, score });
  }
  scored.sort((a, b) => b.score - a.score);
  return scored.slice(0, limit).map((s) => s.op);
}
