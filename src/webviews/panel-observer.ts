// What a test-mode observer sees of a webview panel: the messages the host posts to its app, the ones it takes
// from the app and the ones it refuses. The observer may also deliver a message as if the app had posted it
// (it goes through the same checks). The composition root receives an observer only in test mode.
import type * as vscode from 'vscode';

export interface ObservedPanel {
  /** "request form" or "response viewer". */
  readonly name: string;
  readonly panel: vscode.WebviewPanel;
  deliver(raw: unknown): void;
}

export interface PanelTap {
  posted(message: { type: string }): void;
  received(message: { type: string }): void;
  refused(raw: unknown, reason: string): void;
}

export interface PanelObserver {
  /** A panel's channel opened; what it returns is told of every message from then on. */
  opened(panel: ObservedPanel): PanelTap;
}
