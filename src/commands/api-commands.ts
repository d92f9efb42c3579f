// API view actions: filter the tree by words, clear the filter, and show the log.
import * as vscode from 'vscode';
import type { AltegioLog } from '../services/log';
import type { Prompter } from '../services/prompter';
import type { ApiTreeProvider } from '../views/api-tree';
import type { CommandRegistry } from './command-registry';

export interface ApiCommandsHost {
  apiTree: Pick<ApiTreeProvider, 'filter' | 'setFilter'>;
  prompter: Prompter;
  log: Pick<AltegioLog, 'show'>;
}

export function registerApiCommands(registry: CommandRegistry, s: ApiCommandsHost): void {
  registry.register('altegio.api.filter', async (text?: string) => {
    const value =
      typeof text === 'string'
        ? text
        : await s.prompter.input({
            title: vscode.l10n.t('Filter the API tree'),
            prompt: vscode.l10n.t('Words to find in the method, path, summary or section'),
            value: s.apiTree.filter,
            placeHolder: vscode.l10n.t('e.g. loyalty card, POST clients, /staff'),
          });
    if (value === undefined) return;
    await s.apiTree.setFilter(value);
  });
  registry.register('altegio.api.clearFilter', () => s.apiTree.setFilter(''));
  registry.register('altegio.showLog', () => s.log.show());
}
