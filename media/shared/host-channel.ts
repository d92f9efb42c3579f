// The app's side of the webview protocol: posts typed messages to the host, receives the host's, and keeps
// the app's state across reloads (getState/setState; the host's serializer gets the same state back).
import type { CspViolationMessage } from '../../src/protocol/csp-report';

interface VsCodeApi<S> {
  postMessage(message: unknown): void;
  getState(): S | undefined;
  setState(state: S): void;
}

declare function acquireVsCodeApi<S>(): VsCodeApi<S>;

/**
 * Counts what the CSP refused (in the document's data-csp-violations, for the end-to-end tests) and tells the
 * host, which logs it.
 */
function reportCspViolations(post: (message: CspViolationMessage) => void): void {
  let count = 0;
  document.documentElement.dataset.cspViolations = '0';
  document.addEventListener('securitypolicyviolation', (e) => {
    document.documentElement.dataset.cspViolations = String(++count);
    post({
      type: 'cspViolation',
      directive: e.violatedDirective.slice(0, 200),
      blocked: (e.blockedURI || e.sample || '').slice(0, 500),
    });
  });
}

export class HostChannel<FromHost extends { type: string }, ToHost extends { type: string }, State> {
  private readonly api: VsCodeApi<State> = acquireVsCodeApi<State>();
  /** When the last message from the host arrived (performance.now()), for measuring what follows it. */
  lastMessageAt = 0;

  /** Starts listening, then tells the host it may post (the host posts nothing before `ready`). */
  connect(onMessage: (message: FromHost) => void): void {
    reportCspViolations((m) => this.api.postMessage(m));
    window.addEventListener('message', (event: MessageEvent) => {
      // Before reading event.data, which deserialises it (a 10,000-row answer takes milliseconds).
      this.lastMessageAt = performance.now();
      const data = event.data as unknown;
      if (data !== null && typeof data === 'object' && typeof (data as { type?: unknown }).type === 'string')
        onMessage(data as FromHost);
    });
    this.post({ type: 'ready' } as ToHost);
  }

  post(message: ToHost): void {
    this.api.postMessage(message);
  }

  get state(): State | undefined {
    return this.api.getState();
  }

  set state(value: State) {
    this.api.setState(value);
  }
}
