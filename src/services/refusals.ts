// Requests the extension refuses before anything is sent: the user declined a confirmation, or production is
// read-only. Host errors, worded in the user's language.
import * as vscode from 'vscode';
import type { OperationSpec } from '../api/catalog';

const USER_CANCELLED = Symbol.for('altegio.UserCancelledError');
const READ_ONLY = Symbol.for('altegio.ReadOnlyError');

/** `instanceof` by a brand, so that it holds for an error from another copy of this module (a lazy bundle's). */
function branded(value: unknown, brand: symbol): boolean {
  return typeof value === 'object' && value !== null && brand in value;
}

/** Thrown when the user declines a confirmation: nothing was sent, and nothing needs to be shown. */
export class UserCancelledError extends Error {
  readonly [USER_CANCELLED] = true;

  static override [Symbol.hasInstance](value: unknown): boolean {
    return branded(value, USER_CANCELLED);
  }

  constructor() {
    super(vscode.l10n.t('Cancelled; nothing was sent.'));
    this.name = 'UserCancelledError';
  }
}

/** Production is read-only: the write was refused before anything was sent. */
export class ReadOnlyError extends Error {
  readonly [READ_ONLY] = true;

  static override [Symbol.hasInstance](value: unknown): boolean {
    return branded(value, READ_ONLY);
  }

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
