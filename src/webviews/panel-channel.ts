// The host's side of a webview protocol: nothing is posted before the app says `ready`, and every message
// from the app is checked (shape, types, sizes) before anything acts on it; a malformed one is logged and
// dropped. A webview is untrusted input.
import * as vscode from 'vscode';
import type { Parsed } from '../protocol/guard';
import type { Logger } from '../services/log';
import { Disposable } from '../services/disposable';

export class PanelChannel<FromApp extends { type: string }, ToApp extends { type: string }> extends Disposable {
  private isReady = false;
  /** How many messages were refused, for the tests that prove the host refuses them. */
  rejected = 0;

  constructor(
    private readonly panel: vscode.WebviewPanel,
    private readonly name: string,
    private readonly parse: (raw: unknown) => Parsed<FromApp>,
    private readonly log: Logger,
    private readonly handlers: { onReady(): void; onMessage(message: FromApp): void | Promise<void> },
  ) {
    super();
    this.register(panel.webview.onDidReceiveMessage((raw: unknown) => this.receive(raw)));
  }

  get ready(): boolean {
    return this.isReady;
  }

  /** Checks and dispatches one message from the app; public so that tests can feed malformed ones. */
  receive(raw: unknown): void {
    const parsed = this.parse(raw);
    if (!parsed.ok) {
      this.rejected++;
      this.log.warn(`ignored a malformed message from the ${this.name} webview: ${parsed.error}`);
      return;
    }
    const message = parsed.message;
    if (message.type === 'ready') {
      // A reloaded app says ready again and gets a fresh `init`/`show` with the whole state.
      this.isReady = true;
      this.handlers.onReady();
      return;
    }
    if (!this.isReady) {
      this.rejected++;
      this.log.warn(`ignored "${message.type}" from the ${this.name} webview before its ready message`);
      return;
    }
    void Promise.resolve()
      .then(() => this.handlers.onMessage(message))
      .catch((e: unknown) =>
        this.log.error(
          `the ${this.name} webview's "${message.type}" failed: ${e instanceof Error ? e.message : String(e)}`,
        ),
      );
  }

  /**
   * Posts when the app is ready; before that the message is dropped, because the app's `ready` is answered
   * with the whole state (`init`, `show`) anyway.
   */
  post(message: ToApp): void {
    if (this.isReady) void this.panel.webview.postMessage(message);
  }
}
