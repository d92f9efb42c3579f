import * as vscode from 'vscode';

export function activate(context: vscode.ExtensionContext): void {
  const log = vscode.window.createOutputChannel('Altegio', { log: true });
  context.subscriptions.push(log, vscode.commands.registerCommand('altegio.showLog', () => log.show()));
}

export function deactivate(): void {}
