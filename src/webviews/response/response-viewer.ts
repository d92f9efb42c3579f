// Shows responses: one viewer panel, reused for each new answer, unless it is pinned, in which case the next
// answer opens a new panel. Restores open viewers after a reload from the history entry their app kept. The entry of
// the lazily loaded responses bundle: the extension reaches it through responses.ts.
import * as vscode from 'vscode';
import type { RequestInput } from '../../api/http-types';
import { parseResponseState, RESPONSE_VIEW_TYPE } from '../../protocol/response-protocol';
import type { Auth } from '../../services/auth';
import type { Exchange } from '../../services/request-pipeline';
import type { ResponsePresenter } from '../ports';
import { webviewOptions } from '../webview-html';
import { replacementPanel } from '../webview-panel-host';
import { ResponsePanel, type ResponsePanelHost } from './response-panel';

export type ResponseViewerHost = ResponsePanelHost & { auth: Pick<Auth, 'whenReady'> };

export class ResponseViewer implements ResponsePresenter, vscode.WebviewPanelSerializer, vscode.Disposable {
  private readonly panels = new Set<ResponsePanel>();
  /** The panel the next answer goes to; undefined when every open panel is pinned. */
  private current: ResponsePanel | undefined;

  constructor(private readonly s: ResponseViewerHost) {}

  async show(exchange: Exchange): Promise<void> {
    let panel = this.current && !this.current.pinned ? this.current : undefined;
    if (!panel) {
      const webview = vscode.window.createWebviewPanel(
        RESPONSE_VIEW_TYPE,
        vscode.l10n.t('Response'),
        { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
        webviewOptions(this.s.extensionUri),
      );
      panel = this.track(new ResponsePanel(webview, this.s, false));
      this.current = panel;
    } else {
      panel.panel.reveal(undefined, true);
    }
    await panel.show(exchange);
  }

  /** The request behind the answer in the active editor tab, if a response viewer is there. */
  activeRequest(): RequestInput | undefined {
    for (const panel of this.panels) if (panel.panel.active) return panel.snapshot().shown?.input;
    return undefined;
  }

  async deserializeWebviewPanel(webview: vscode.WebviewPanel, state: unknown): Promise<void> {
    const restored = parseResponseState(state);
    if (state !== undefined && !restored)
      this.s.log.warn('a response viewer was restored without its state: its saved state was not valid');
    webview.webview.options = webviewOptions(this.s.extensionUri);
    await this.s.auth.whenReady();
    const panel = this.track(new ResponsePanel(webview, this.s, restored?.pinned ?? false, restored?.historyId ?? ''));
    if (!panel.pinned && !this.current) this.current = panel;
  }

  /** A panel whose webview never loaded gives way to a new one showing the same (see load-watchdog.ts). */
  private replace(old: ResponsePanel, replacements: number): void {
    const { shown, restoring } = old.snapshot();
    const wasCurrent = this.current === old;
    const webview = replacementPanel(old.panel, vscode.ViewColumn.Beside, webviewOptions(this.s.extensionUri));
    const panel = this.track(
      new ResponsePanel(webview, this.s, old.pinned, shown ? undefined : restoring, replacements),
    );
    panel.adopt({ ...(shown ? { shown } : {}) });
    old.panel.dispose();
    if (wasCurrent) this.current = panel;
  }

  dispose(): void {
    for (const p of this.panels) p.panel.dispose();
    this.panels.clear();
  }

  private track(panel: ResponsePanel): ResponsePanel {
    this.panels.add(panel);
    panel.onDidStall((replacements) => this.replace(panel, replacements));
    panel.onDidChangePin((pinned) => {
      if (pinned && this.current === panel) this.current = undefined;
      if (!pinned && (!this.current || this.current.pinned)) this.current = panel;
    });
    panel.onDidDispose(() => {
      this.panels.delete(panel);
      if (this.current === panel) this.current = undefined;
    });
    return panel;
  }
}
