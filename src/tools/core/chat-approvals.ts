// Which writes a chat's confirmation covers. VS Code shows the confirmation prepareInvocation returned and calls
// invoke once the user allows it, but nothing ties the two calls together: the environment can change while the
// question is open, the user can edit the input in the confirmation, a preparation can fail and return nothing.
// So a chat's approval counts only for the exact request, in the exact environment, that a preparation offered;
// any other write is asked about again by our own modal, and so is every destructive one, because VS Code lets
// the user allow a tool once for all its later calls (and `chat.tools.autoApprove` allows every tool).
// Plain data, no vscode.

/** A write as the user is asked about it: where it goes and exactly what it sends. */
export interface ApprovedWrite {
  environmentId: string;
  baseUrl: string;
  operationId: string;
  pathParams?: Record<string, unknown>;
  query?: Record<string, unknown>;
  body?: unknown;
}

/** The write as one string: the same for the same request whatever the order of its keys. */
export function writeKey(w: ApprovedWrite): string {
  return stableJson([w.environmentId, w.baseUrl, w.operationId, w.pathParams ?? {}, w.query ?? {}, w.body ?? null]);
}

/** Whether invoke must ask with our own modal before sending a write. */
export function mustAskOurselves(call: { inChat: boolean; destructive: boolean; offeredInChat: boolean }): boolean {
  return !call.inChat || call.destructive || !call.offeredInChat;
}

/** The confirmations preparations offered and no invocation has used yet. */
export class ChatApprovals {
  private readonly offers = new Map<string, number>();

  /** Preparations nobody invoked (a declined confirmation) are forgotten beyond this many. */
  constructor(private readonly max = 50) {}

  /** prepareInvocation returned a confirmation for this write. */
  offer(key: string): void {
    const count = this.offers.get(key) ?? 0;
    // Re-inserted, so that the newest offers are the last to be forgotten.
    this.offers.delete(key);
    this.offers.set(key, count + 1);
    for (const oldest of this.offers.keys()) {
      if (this.offers.size <= this.max) break;
      this.offers.delete(oldest);
    }
  }

  /** Uses one offer for this write: whether a confirmation was offered for exactly it. */
  take(key: string): boolean {
    const count = this.offers.get(key);
    if (!count) return false;
    if (count === 1) this.offers.delete(key);
    else this.offers.set(key, count - 1);
    return true;
  }
}

function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
        )
      : v,
  );
}
