// Requests the extension refuses before anything is sent: the user declined a confirmation, or production is
// read-only. Host errors, worded in the user's language.
import * as vscode from 'vscode';
import type { OperationSpec } from '../api/catalog';

/** Thrown when the user declines a confirmation: nothing was sent, and nothing needs to be shown. */
export class UserCancelledError extends Error {
  constructor() {
    super(vscode.l10n.t('Cancelled; nothing was sent.'));
    this.name = 'UserCancelledError';
  }
}

/** Production is read-only: the write was refused before anything was sent. */
export class ReadOnlyError extends Error {
  constructor(operation: OperationSpec) {
    super(
      vscode.l10n.t(
        '{0} {1} was not sent: production is read-only (setting "altegio.productionReadOnly"). Turn the setting off to send writes to production.',
        operation.method,
        operation.path,
      ),
    );
    this.name = 'ReadOnlyError';
  }
}
