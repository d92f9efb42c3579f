// Shows a response as a read-only JSON document: status line first, then the body.
import * as vscode from 'vscode';
import type { Exchange } from '../services/session';
import type { JsonDocumentProvider } from '../views/json-documents';
import type { ResponsePresenter } from './services';

export class JsonResponsePresenter implements ResponsePresenter {
  constructor(private readonly documents: JsonDocumentProvider) {}

  async show(exchange: Exchange): Promise<void> {
    const r = exchange.response;
    if (!r) {
      if (exchange.error) void vscode.window.showErrorMessage(exchange.error.message);
      return;
    }
    await this.documents.open(`${exchange.operation.id}-${r.status}`, r.body ?? { status: r.status, note: vscode.l10n.t('No content') });
  }
}
