// Request counters the tests read (handle.stats() or GET /__sandbox/stats): how many requests reached the
// sandbox per method and path, and per operation, whatever happened to them afterwards (faults included).

export interface SandboxStats {
  total: number;
  /** By "METHOD /path" relative to /api/v1, without the query string, e.g. "POST /loyalty/cards/720441". */
  requests: Record<string, number>;
  /** By operation id, for requests that matched an operation. */
  operations: Record<string, number>;
}

export class RequestStats {
  private total = 0;
  private readonly requests = new Map<string, number>();
  private readonly operations = new Map<string, number>();

  record(method: string, apiPath: string): void {
    this.total++;
    const key = `${method.toUpperCase()} ${apiPath}`;
    this.requests.set(key, (this.requests.get(key) ?? 0) + 1);
  }

  recordOperation(operationId: string): void {
    this.operations.set(operationId, (this.operations.get(operationId) ?? 0) + 1);
  }

  snapshot(): SandboxStats {
    return {
      total: this.total,
      requests: Object.fromEntries(this.requests),
      operations: Object.fromEntries(this.operations),
    };
  }

  reset(): void {
    this.total = 0;
    this.requests.clear();
    this.operations.clear();
  }
}
