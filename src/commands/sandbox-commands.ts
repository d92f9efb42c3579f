// Start / Stop Local Sandbox: an Altegio-compatible API inside the extension host, on a free loopback port.
import * as vscode from 'vscode';
import type { SandboxHost } from '../services/sandbox-host';
import type { CommandRegistry } from './command-registry';

export function registerSandboxCommands(
  registry: CommandRegistry,
  s: { sandbox: Pick<SandboxHost, 'running' | 'start' | 'stop'> },
): void {
  registry.register('altegio.startSandbox', async () => {
    const already = s.sandbox.running;
    const handle = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Starting the local sandbox…') },
      () => s.sandbox.start(),
    );
    void vscode.window.showInformationMessage(
      already
        ? vscode.l10n.t('The local sandbox is already running at {0}.', handle.baseUrl)
        : vscode.l10n.t('Local sandbox running at {0}. You are signed in with its demo account.', handle.baseUrl),
    );
    return handle.baseUrl;
  });
  registry.register('altegio.stopSandbox', async () => {
    const stopped = await s.sandbox.stop();
    void vscode.window.showInformationMessage(
      stopped ? vscode.l10n.t('The local sandbox was stopped.') : vscode.l10n.t('The local sandbox is not running.'),
    );
  });
}
