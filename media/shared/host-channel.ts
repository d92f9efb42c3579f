// The app's side of the webview protocol: posts typed messages to the host, receives the host's, and keeps
// the app's state across reloads (getState/setState; the host's serializer gets the same state back).

interface VsCodeApi<S> {
  postMessage(message: unknown): void;
  getState(): S | undefined;
  setState(state: S): void;
}

declare function acquireVsCodeApi<S>(): VsCodeApi<S>;

export class HostChannel<FromHost extends { type: string }, ToHost extends { type: string }, State> {
  private readonly api: VsCodeApi<State> = acquireVsCodeApi<State>();

  /** Starts listening, then tells the host it may post (the host posts nothing before `ready`). */
  connect(onMessage: (message: FromHost) => void): void {
    window.addEventListener('message', (event: MessageEvent) => {
      const data = event.data as unknown;
      if (data !== null && typeof data === 'object' && typeof (data as { type?: unknown }).type === 'string') onMessage(data as FromHost);
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
