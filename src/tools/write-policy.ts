// The tools' own settings on top of the pipeline's rules: whether they answer at all, and whether an assistant may
// write anywhere but the local sandbox (by default it may not).
import * as vscode from 'vscode';
import type { Environment } from '../services/environments';
import { TOOLS_ENABLED_SETTING, WRITES_ONLY_IN_SANDBOX_SETTING } from './tool-names';

export function toolsEnabled(): boolean {
  return vscode.workspace.getConfiguration('altegio').get<boolean>(TOOLS_ENABLED_SETTING, true);
}

/** Whether the tools may send writes to this environment (the pipeline's own rules still apply after this). */
export function toolWritesAllowed(env: Environment): boolean {
  return (
    env.id === 'sandbox' ||
    !vscode.workspace.getConfiguration('altegio').get<boolean>(WRITES_ONLY_IN_SANDBOX_SETTING, true)
  );
}

/** Why a write of the tools was not sent, in sentences a model can relay. */
export function toolWritesRefusal(env: Environment): string {
  return vscode.l10n.t(
    'Nothing was sent: writes from the assistant are allowed only in the local sandbox (setting "altegio.copilot.writesOnlyInSandbox"), and the current environment is {0}. The user can send this request from its request form, or turn the setting off.',
    env.label,
  );
}
