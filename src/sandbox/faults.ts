// Fault injection for reliability tests: added latency, error statuses with Retry-After, connection resets before
// and after the request body is read, malformed JSON and slow bodies. Faults come from sandbox options (rules
// that can apply to the first N matching requests, so tests are deterministic) or from the test-only request
// header `X-Sandbox-Fault`, e.g. `status=503;retry-after=2`, `latency=200`, `reset=after-body`, `malformed-json`,
// `slow-body=1500`.

export const FAULT_HEADER = 'x-sandbox-fault';

export interface Fault {
  /** Answer with this status and Altegio's error envelope instead of handling the request (e.g. 500, 503, 429). */
  status?: number;
  /** Seconds, sent as `Retry-After` with `status` (429 and 503 default to 1). */
  retryAfter?: number;
  /** Wait this long before handling the request. */
  latencyMs?: number;
  /**
   * Reset the TCP connection `before-body` (as soon as the headers arrive: nothing was processed) or
   * `after-body` (after the request was read and carried out: the change happened but no answer comes).
   */
  reset?: 'before-body' | 'after-body';
  /** Carry the request out, then answer with its status and a truncated JSON body. */
  malformedJson?: boolean;
  /** Send the answer's headers and first half at once and the rest this many milliseconds later. */
  slowBodyMs?: number;
}

export interface FaultRule extends Fault {
  /** Which requests the rule applies to (all of them when omitted). `path` is relative to /api/v1. */
  match?: { method?: string; path?: string | RegExp; operationId?: string };
  /** Apply only to the first N matching requests, then let requests through untouched. */
  failFirst?: number;
}

export type FaultOptions = FaultRule | FaultRule[];

export interface FaultTarget {
  method: string;
  /** Concrete path relative to /api/v1. */
  path: string;
  /** The operation's template path, e.g. `/loyalty/cards/{location_id}`. */
  templatePath?: string;
  operationId?: string;
}

export class FaultHeaderError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FaultHeaderError';
  }
}

/** Parses `X-Sandbox-Fault`; unknown directives are an error so a typo cannot silently disable a test's fault. */
export function parseFaultHeader(value: string): Fault {
  const fault: Fault = {};
  for (const directive of value
    .split(';')
    .map((d) => d.trim())
    .filter(Boolean)) {
    const [rawName, ...rest] = directive.split('=');
    const name = rawName.trim().toLowerCase();
    const arg = rest.join('=').trim();
    const number = () => {
      const n = Number(arg);
      if (arg === '' || !Number.isFinite(n) || n < 0)
        throw new FaultHeaderError(`X-Sandbox-Fault: "${name}" needs a non-negative number, got "${arg}"`);
      return n;
    };
    switch (name) {
      case 'status': {
        const status = number();
        if (!Number.isInteger(status) || status < 400 || status > 599)
          throw new FaultHeaderError(`X-Sandbox-Fault: status must be 400 to 599, got "${arg}"`);
        fault.status = status;
        break;
      }
      case 'retry-after':
        fault.retryAfter = number();
        break;
      case 'latency':
        fault.latencyMs = number();
        break;
      case 'slow-body':
        fault.slowBodyMs = number();
        break;
      case 'malformed-json':
        fault.malformedJson = true;
        break;
      case 'reset':
        if (arg !== 'before-body' && arg !== 'after-body')
          throw new FaultHeaderError(`X-Sandbox-Fault: reset must be before-body or after-body, got "${arg}"`);
        fault.reset = arg;
        break;
      default:
        throw new FaultHeaderError(
          `X-Sandbox-Fault: unknown directive "${name}" (known: status, retry-after, latency, reset, malformed-json, slow-body)`,
        );
    }
  }
  return fault;
}

/** A one-line description for the sandbox log. */
export function describeFault(fault: Fault): string {
  const parts: string[] = [];
  if (fault.status) parts.push(`status=${fault.status}`);
  if (fault.retryAfter !== undefined) parts.push(`retry-after=${fault.retryAfter}`);
  if (fault.latencyMs) parts.push(`latency=${fault.latencyMs}`);
  if (fault.reset) parts.push(`reset=${fault.reset}`);
  if (fault.malformedJson) parts.push('malformed-json');
  if (fault.slowBodyMs) parts.push(`slow-body=${fault.slowBodyMs}`);
  return parts.join(';');
}

interface ArmedRule {
  rule: FaultRule;
  matched: number;
}

export class FaultInjector {
  private rules: ArmedRule[] = [];

  constructor(options?: FaultOptions) {
    this.set(options);
  }

  /** Replaces the rules; their "first N" counters start again. */
  set(options: FaultOptions | undefined): void {
    const list = options === undefined ? [] : Array.isArray(options) ? options : [options];
    this.rules = list.map((rule) => ({ rule, matched: 0 }));
  }

  /** The fault for this request: the first rule that still applies, with the request's header on top. */
  pick(target: FaultTarget, header: string | undefined): Fault | undefined {
    let fault: Fault | undefined;
    for (const armed of this.rules) {
      if (!matches(armed.rule, target)) continue;
      armed.matched++;
      if (armed.rule.failFirst !== undefined && armed.matched > armed.rule.failFirst) continue;
      const { match: _match, failFirst: _first, ...rest } = armed.rule;
      fault = rest;
      break;
    }
    if (header !== undefined && header.trim()) fault = { ...fault, ...parseFaultHeader(header) };
    return fault && Object.keys(fault).length ? fault : undefined;
  }
}

function matches(rule: FaultRule, target: FaultTarget): boolean {
  const m = rule.match;
  if (!m) return true;
  if (m.method && m.method.toUpperCase() !== target.method.toUpperCase()) return false;
  if (m.operationId && m.operationId !== target.operationId) return false;
  if (m.path instanceof RegExp) return m.path.test(target.path);
  if (typeof m.path === 'string') return m.path === target.path || m.path === target.templatePath;
  return true;
}
