// Request counters the tests read (handle.stats() or GET /__sandbox/stats): how many requests reached the
// sandbox per method and path, and per operation, whatever happened to them afterwards (faults included).
// Paths come from clients, so the table is bounded: at most MAX_COUNTED_KEYS keys of at most MAX_KEY_LENGTH
// characters, the least recently counted key making room for a new one.

export interface SandboxStats {
  total: number;
  /** By "METHOD /path" relative to /api/v1, without the query string, e.g. "POST /loyalty/cards/720441". */
  requests: Record<string, number>;
  /** Requests whose key no longer fits in `requests` (counted in `total` all the same). */
  uncounted: number;
  /** By operation id, for requests that matched an operation. */
  operations: Record<string, number>;
}

export const MAX_COUNTED_KEYS = 1000;
export const MAX_KEY_LENGTH = 300;

export class RequestStats {
  private total = 0;
  private uncounted = 0;
  /** In order of last use, oldest first (a Map keeps insertion order; a counted key is re-inserted). */
  private readonly requests = new Map<string, number>();
  private readonly operations = new Map<string, number>();

  record(method: string, apiPath: string): void {
    this.total++;
    let key = `${method.toUpperCase().slice(0, 20)} ${apiPath}`;
    if (key.length > MAX_KEY_LENGTH) key = `${key.slice(0, MAX_KEY_LENGTH - 1)}…`;
    const count = (this.requests.get(key) ?? 0) + 1;
    this.requests.delete(key);
    this.requests.set(key, count);
    if (this.requests.size > MAX_COUNTED_KEYS) {
      const [oldest, dropped] = this.requests.entries().next().value as [string, number];
      this.requests.delete(oldest);
      this.uncounted += dropped;
    }
  }

  /** Operation ids come from the catalog, so this table is bounded by the document. */
  recordOperation(operationId: string): void {
    this.operations.set(operationId, (this.operations.get(operationId) ?? 0) + 1);
  }

  snapshot(): SandboxStats {
    return {
      total: this.total,
      requests: Object.fromEntries(this.requests),
      uncounted: this.uncounted,
      operations: Object.fromEntries(this.operations),
    };
  }

  reset(): void {
    this.total = 0;
    this.uncounted = 0;
    this.requests.clear();
    this.operations.clear();
  }
}
