// The response viewer as the rest of the extension sees it. The viewer's host (panels, paging, exports, error advice)
// is a bundle of its own (dist/responses.js, see esbuild.js), loaded when the first answer is shown or a viewer is
// restored, so that activation does not load it.
import type * as vscode from 'vscode';
import type { RequestInput } from '../../api/http-types';
import type { Exchange } from '../../services/request-pipeline';
import type { ResponsePresenter } from '../ports';
import type * as Viewer from './response-viewer';
import type { ResponseViewerHost } from './response-viewer';
import { lazy, type Lazy } from '../../services/lazy';

export class Responses implements ResponsePresenter, vscode.WebviewPanelSerializer, vscode.Disposable {
  private readonly viewer: Lazy<Viewer.ResponseViewer>;

  constructor(host: ResponseViewerHost) {
    this.viewer = lazy(() => new (require('./response-viewer') as typeof Viewer).ResponseViewer(host));
  }

  show(exchange: Exchange): Promise<void> {
    return this.viewer.get().show(exchange);
  }

  deserializeWebviewPanel(webview: vscode.WebviewPanel, state: unknown): Promise<void> {
    return this.viewer.get().deserializeWebviewPanel(webview, state);
  }

  /** The request behind the answer in the active editor tab (no viewer is open while the bundle is not loaded). */
  activeRequest(): RequestInput | undefined {
    return this.viewer.peek()?.activeRequest();
  }

  dispose(): void {
    this.viewer.peek()?.dispose();
  }
}
