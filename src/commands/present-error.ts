// Turns any failure into one clear message with the action that helps: sign in again on 401,
// open the setting when production is read-only, check the history when a write's outcome is unknown.
import * as vscode from 'vscode';
import { isAltegioError } from '../api/errors';
import { KEYRING_HELP_URL, KeyringUnavailableError } from '../services/token-store';
import { ReadOnlyError, UserCancelledError } from '../services/refusals';
import { errorNotification } from '../services/error-text';
import type { AltegioLog } from '../services/log';

export async function presentError(error: unknown, log: AltegioLog): Promise<void> {
  if (error instanceof UserCancelledError) return;
  if (isAltegioError(error) && error.kind === 'cancelled') return;
  if (error instanceof ReadOnlyError) {
    const open = vscode.l10n.t('Open Setting');
    if ((await vscode.window.showWarningMessage(error.message, open)) === open) {
      await vscode.commands.executeCommand('workbench.action.openSettings', 'altegio.productionReadOnly');
    }
    return;
  }
  if (error instanceof KeyringUnavailableError) {
    const learn = vscode.l10n.t('Learn More');
    log.error(error.message);
    if ((await vscode.window.showErrorMessage(error.message, learn)) === learn)
      await vscode.env.openExternal(vscode.Uri.parse(KEYRING_HELP_URL));
    return;
  }
  if (isAltegioError(error)) {
    const detail = errorNotification(error);
    const actions: string[] = [];
    const signIn = vscode.l10n.t('Sign In Again');
    const showLog = vscode.l10n.t('Show Log');
    const history = vscode.l10n.t('Open History');
    if (error.kind === 'unauthorized' || error.kind === 'missing_token') actions.push(signIn);
    if (error.kind === 'outcome_unknown') actions.push(history);
    actions.push(showLog);
    const choice = await vscode.window.showErrorMessage(detail, ...actions);
    if (choice === signIn) await vscode.commands.executeCommand('altegio.signIn');
    else if (choice === history) await vscode.commands.executeCommand('altegio.history.focus');
    else if (choice === showLog) log.show();
    return;
  }
  const message = error instanceof Error ? error.message : String(error);
  log.error(message);
  await vscode.window.showErrorMessage(message);
}
