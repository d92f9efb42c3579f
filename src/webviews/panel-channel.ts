// The host's side of a webview protocol: nothing is posted before the app says `ready`, and every message
// from the app is checked (shape, types, sizes) before anything acts on it; a malformed one is logged and
// dropped. A webview is untrusted input.
import * as vscode from 'vscode';
import type { Parsed } from '../protocol/guard';
import { Disposable } from '../services/disposable';
import type { Logger } from '../services/log';
import type { PanelObserver, PanelTap } from './panel-observer';

export interface ChannelHandlers<FromApp> {
  /** The app (re)started: answer with the whole state. */
  onReady(): void | Promise<void>;
  onMessage(message: FromApp): void | Promise<void>;
}

export class PanelChannel<FromApp extends { type: string }, ToApp extends { type: string }> extends Disposable {
  private isReady = false;
  private readonly tap: PanelTap | undefined;

  constructor(
    private readonly panel: vscode.WebviewPanel,
    private readonly name: string,
    private readonly parse: (raw: unknown) => Parsed<FromApp>,
    private readonly log: Logger,
    private readonly handlers: ChannelHandlers<FromApp>,
    observer?: PanelObserver,
  ) {
    super();
    this.register(panel.webview.onDidReceiveMessage((raw: unknown) => this.receive(raw)));
    // A closed panel's webview throws on access; a lookup or a send that finishes after the close posts nothing.
    this.register(panel.onDidDispose(() => (this.isReady = false)));
    this.tap = observer?.opened({ name, panel, deliver: (raw) => this.receive(raw) });
  }

  override dispose(): void {
    this.isReady = false;
    super.dispose();
  }

  get ready(): boolean {
    return this.isReady;
  }

  /**
   * Posts when the app is ready; before that the message is dropped, because the app's `ready` is answered
   * with the whole state (`init`, `show`) anyway.
   */
  post(message: ToApp): void {
    if (!this.isReady) return;
    this.tap?.posted(message);
    void this.panel.webview.postMessage(message);
  }

  /** Checks and dispatches one message from the app. */
  private receive(raw: unknown): void {
    const parsed = this.parse(raw);
    if (!parsed.ok) {
      this.refuse(raw, parsed.error, `ignored a malformed message from the ${this.name} webview: ${parsed.error}`);
      return;
    }
    const message = parsed.message;
    if (message.type !== 'ready' && !this.isReady) {
      this.refuse(
        raw,
        'before ready',
        `ignored "${message.type}" from the ${this.name} webview before its ready message`,
      );
      return;
    }
    // A reloaded app says ready again and gets a fresh `init`/`show` with the whole state.
    if (message.type === 'ready') this.isReady = true;
    this.tap?.received(message);
    void Promise.resolve()
      .then(() => (message.type === 'ready' ? this.handlers.onReady() : this.handlers.onMessage(message)))
      .catch((e: unknown) =>
        this.log.error(
          `the ${this.name} webview's "${message.type}" failed: ${e instanceof Error ? e.message : String(e)}`,
        ),
      );
  }

  private refuse(raw: unknown, reason: string, line: string): void {
    this.tap?.refused(raw, reason);
    this.log.warn(line);
  }
}
