// The viewer's setting: answers larger than this open in an editor instead of the webview.
import * as vscode from 'vscode';

export const DEFAULT_LARGE_RESPONSE_MB = 5;

export function largeResponseThresholdBytes(): number {
  const mb = vscode.workspace
    .getConfiguration('altegio')
    .get<number>('responseViewer.largeResponseThresholdMB', DEFAULT_LARGE_RESPONSE_MB);
  const safe = typeof mb === 'number' && Number.isFinite(mb) && mb > 0 ? mb : DEFAULT_LARGE_RESPONSE_MB;
  return Math.round(safe * 1024 * 1024);
}
