// The History view: past requests, newest first, with status, duration and time.
import * as vscode from 'vscode';
import { apiTexts } from '../services/api-texts';
import type { CatalogIndexSource } from '../services/catalog-source';
import { Disposable } from '../services/disposable';
import { environmentLabel } from '../services/environments';
import { units } from '../services/units';
import type { HistoryEntry, HistoryStore } from '../services/history-store';
import { methodIcon } from './method-style';

export class HistoryTreeProvider extends Disposable implements vscode.TreeDataProvider<HistoryEntry> {
  private readonly changed = this.register(new vscode.EventEmitter<void>());
  readonly onDidChangeTreeData = this.changed.event;

  constructor(
    private readonly history: HistoryStore,
    /** Names the operation of an entry in the tooltip. */
    private readonly index: CatalogIndexSource,
  ) {
    super();
    this.register(history.onDidChange(() => this.changed.fire()));
  }

  getChildren(entry?: HistoryEntry): HistoryEntry[] {
    return entry ? [] : this.history.entries();
  }

  getTreeItem(entry: HistoryEntry): vscode.TreeItem {
    const item = new vscode.TreeItem(`${entry.method} ${entry.path}`, vscode.TreeItemCollapsibleState.None);
    item.id = `history:${entry.id}`;
    const time = new Date(entry.time);
    const status = entry.status !== undefined ? String(entry.status) : outcomeLabel(entry.errorKind);
    const format = units();
    const duration = entry.durationMs !== undefined ? format.duration(entry.durationMs) : undefined;
    item.description = [status, duration, format.time(time)].filter(Boolean).join(' · ');
    const failed = entry.errorKind !== undefined || (entry.status !== undefined && entry.status >= 400);
    item.iconPath = failed
      ? new vscode.ThemeIcon(
          entry.errorKind === 'outcome_unknown' ? 'question' : 'error',
          new vscode.ThemeColor('errorForeground'),
        )
      : methodIcon(entry.method);
    const md = new vscode.MarkdownString();
    md.appendMarkdown(`**${entry.method}** \`${entry.path}\`\n\n`);
    const operation = this.operation(entry.operationId);
    if (operation) md.appendText(`${apiTexts().summary(operation)}\n\n`);
    md.appendText(
      `${vscode.l10n.t('Status')}: ${status}\n${vscode.l10n.t('Time')}: ${format.dateTime(time)}\n${vscode.l10n.t('Environment')}: ${environmentLabel(entry.environment)}`,
    );
    if (duration) md.appendText(`\n${vscode.l10n.t('Duration')}: ${duration}`);
    if (entry.errorMessage) md.appendText(`\n\n${entry.errorMessage}`);
    item.tooltip = md;
    item.contextValue = entry.hasResponse ? 'history.entry history.withResponse' : 'history.entry';
    item.command = {
      command: 'altegio.history.openResponse',
      title: vscode.l10n.t('Open Response'),
      arguments: [entry],
    };
    return item;
  }

  private operation(id: string) {
    try {
      return this.index().operation(id);
    } catch {
      return undefined; // the index could not be read: the tooltip goes without the summary
    }
  }
}

function outcomeLabel(kind: string | undefined): string {
  switch (kind) {
    case 'outcome_unknown':
      return vscode.l10n.t('outcome unknown');
    case 'timeout':
      return vscode.l10n.t('timed out');
    case 'network':
      return vscode.l10n.t('not sent');
    case 'cancelled':
      return vscode.l10n.t('cancelled');
    default:
      return kind ?? '';
  }
}
