// What every Altegio webview panel does the same way: the strict-CSP HTML shell with its app, the checked
// message channel, the watchdog that replaces a panel whose app never starts, and closing. A form and the
// response viewer add only what they show and how they answer their app's messages.
import * as vscode from 'vscode';
import type { Parsed } from '../protocol/guard';
import { Disposable } from '../services/disposable';
import type { Logger } from '../services/log';
import { watchFirstLoad } from './load-watchdog';
import { PanelChannel } from './panel-channel';
import { panelColumn } from './panel-column';
import type { PanelObserver } from './panel-observer';
import { renderWebviewHtml, type WebviewApp } from './webview-html';

export interface PanelHostOptions<FromApp> {
  app: WebviewApp;
  /** For log lines: "request form", "response viewer". */
  name: string;
  title: string;
  parse: (raw: unknown) => Parsed<FromApp>;
  extensionUri: vscode.Uri;
  log: Logger;
  observer?: PanelObserver;
  /** How many panels this one already replaced because they never loaded (see load-watchdog.ts). */
  replacements?: number;
}

export abstract class WebviewPanelHost<
  FromApp extends { type: string },
  ToApp extends { type: string },
> extends Disposable {
  protected readonly channel: PanelChannel<FromApp, ToApp>;
  private readonly closed = this.register(new vscode.EventEmitter<void>());
  readonly onDidDispose = this.closed.event;
  private readonly stalled = this.register(new vscode.EventEmitter<number>());
  /** The webview never loaded: its owner replaces the panel (the number of replacements so far). */
  readonly onDidStall = this.stalled.event;

  constructor(
    readonly panel: vscode.WebviewPanel,
    options: PanelHostOptions<FromApp>,
  ) {
    super();
    this.channel = this.register(
      new PanelChannel<FromApp, ToApp>(
        panel,
        options.name,
        options.parse,
        options.log,
        { onReady: () => this.onAppReady(), onMessage: (m) => this.onAppMessage(m) },
        options.observer,
      ),
    );
    panel.title = options.title;
    panel.iconPath = vscode.Uri.joinPath(options.extensionUri, 'media', 'icons', 'altegio.svg');
    panel.webview.html = renderWebviewHtml(panel.webview, options.extensionUri, options.app, options.title);
    this.register(
      watchFirstLoad(
        panel,
        () => this.channel.ready,
        (attempt) => this.stalled.fire(attempt),
        (m) => options.log.info(m),
        options.replacements,
      ),
    );
    this.register(
      panel.onDidDispose(() => {
        this.onClosed();
        this.closed.fire();
        this.dispose();
      }),
    );
  }

  /** The app (re)started: send it the whole state. */
  protected abstract onAppReady(): void | Promise<void>;
  protected abstract onAppMessage(message: FromApp): void | Promise<void>;
  /** The user closed the panel: stop what it started. */
  protected onClosed(): void {}
}

/** A new panel in the place of one whose webview never loaded, with the same type and title. */
export function replacementPanel(
  old: vscode.WebviewPanel,
  fallback: vscode.ViewColumn,
  options: vscode.WebviewOptions & vscode.WebviewPanelOptions,
): vscode.WebviewPanel {
  return vscode.window.createWebviewPanel(
    old.viewType,
    old.title,
    { viewColumn: panelColumn(old) ?? fallback, preserveFocus: true },
    options,
  );
}
