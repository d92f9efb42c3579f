// One place that registers commands: every handler gets the same error handling and logging.
import * as vscode from 'vscode';
import type { AltegioLog } from '../services/log';
import { presentError } from './present-error';

// Handlers receive whatever VS Code passes (tree nodes, URIs, palette calls without arguments).
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type CommandHandler = (...args: any[]) => unknown;

export class CommandRegistry {
  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly log: AltegioLog,
  ) {}

  register(id: string, handler: CommandHandler): void {
    this.context.subscriptions.push(
      vscode.commands.registerCommand(id, async (...args: unknown[]) => {
        try {
          return await handler(...args);
        } catch (e) {
          // Shown without waiting for the user to dismiss it: the command itself has ended.
          void presentError(e, this.log);
          return undefined;
        }
      }),
    );
  }
}
