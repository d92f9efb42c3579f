// Read-only JSON documents under the `altegio` URI scheme, so details and responses open in the real editor
// (search, folding, huge payloads) without touching the disk.
import * as vscode from 'vscode';
import { Disposable } from '../services/disposable';

export const JSON_SCHEME = 'altegio';
const MAX_DOCUMENTS = 50;

export class JsonDocumentProvider extends Disposable implements vscode.TextDocumentContentProvider {
  private readonly changed = this.register(new vscode.EventEmitter<vscode.Uri>());
  readonly onDidChange = this.changed.event;
  private readonly documents = new Map<string, string>();

  provideTextDocumentContent(uri: vscode.Uri): string {
    return (
      this.documents.get(uri.toString()) ??
      vscode.l10n.t('// This document is no longer available. Open it again from the Altegio view.')
    );
  }

  /** Opens `value` pretty-printed as a read-only JSON editor titled by `name` (e.g. "client-4240788"). */
  async open(name: string, value: unknown, options: { preview?: boolean } = {}): Promise<vscode.TextEditor> {
    const uri = this.put(name, value);
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.languages.setTextDocumentLanguage(doc, 'json');
    return vscode.window.showTextDocument(doc, { preview: options.preview ?? true });
  }

  put(name: string, value: unknown): vscode.Uri {
    const safe = name.replace(/[^\w.-]+/g, '-').replace(/^-+|-+$/g, '') || 'document';
    const uri = vscode.Uri.from({ scheme: JSON_SCHEME, path: `/${safe}.json` });
    const text = typeof value === 'string' ? value : JSON.stringify(value, null, 2);
    this.documents.delete(uri.toString());
    this.documents.set(uri.toString(), text);
    while (this.documents.size > MAX_DOCUMENTS) this.documents.delete(this.documents.keys().next().value!);
    this.changed.fire(uri);
    return uri;
  }
}
