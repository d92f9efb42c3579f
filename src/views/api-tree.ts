// The API view: the 28 sections in documentation order and their operations, filterable. It reads the compact
// catalog index only; what a form needs (the full catalog with its schemas, the forms' code) is warmed in the
// background once a section is open, so that the form the user is about to click opens as fast as before.
import * as vscode from 'vscode';
import type { OperationSummary } from '../api/catalog';
import type { SectionSummary } from '../api/catalog-index';
import type { CatalogIndexSource } from '../services/catalog-source';
import { shortSummary } from '../api/short-summary';
import type { OperationSearchSource } from '../services/operation-search-source';
import { apiTexts } from '../services/api-texts';
import { Disposable } from '../services/disposable';
import { methodIcon } from './method-style';

/**
 * After the section's children are returned: the extension host writes its answer to the workbench on a timer, and
 * a warm-up on an earlier timer would hold the expansion back by its whole length. A click on an operation comes
 * later than this anyway; an earlier one loads what it needs itself.
 */
const WARM_DELAY_MS = 250;

export type ApiNode =
  | { kind: 'section'; section: SectionSummary; operations: OperationSummary[] }
  | { kind: 'operation'; operation: OperationSummary };

export class ApiTreeProvider extends Disposable implements vscode.TreeDataProvider<ApiNode> {
  private readonly changed = this.register(new vscode.EventEmitter<ApiNode | undefined>());
  readonly onDidChangeTreeData = this.changed.event;
  private filterText = '';

  private warming: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly index: CatalogIndexSource,
    private readonly search: OperationSearchSource,
    /** Loads what opening an operation needs; called once, after the first section is shown. */
    private readonly warmForms: () => void,
  ) {
    super();
    this.register({ dispose: () => clearTimeout(this.warming) });
  }

  get filter(): string {
    return this.filterText;
  }

  async setFilter(text: string): Promise<void> {
    this.filterText = text.trim();
    await vscode.commands.executeCommand('setContext', 'altegio.apiFilterActive', this.filterText.length > 0);
    this.changed.fire(undefined);
  }

  getChildren(node?: ApiNode): ApiNode[] {
    const catalog = this.index();
    if (!node) {
      // The palette's search: stems, synonyms and Russian words; sections keep the documentation's order.
      const matching = this.filterText ? new Set(this.search().search(this.filterText).operations) : undefined;
      return catalog.sections
        .map((section) => ({
          kind: 'section' as const,
          section,
          operations: matching ? section.operations.filter((o) => matching.has(o)) : section.operations,
        }))
        .filter((n) => n.operations.length > 0);
    }
    if (node.kind === 'section') {
      this.warmCatalog();
      return node.operations.map((operation) => ({ kind: 'operation', operation }));
    }
    return [];
  }

  /** Warms the forms after the open section has been shown, before the user can click an operation. */
  private warmCatalog(): void {
    if (this.warming) return;
    this.warming = setTimeout(() => {
      try {
        this.warmForms();
      } catch {
        // Reported to the user by the form that needs it.
      }
    }, WARM_DELAY_MS);
  }

  getTreeItem(node: ApiNode): vscode.TreeItem {
    const texts = apiTexts();
    if (node.kind === 'section') {
      const item = new vscode.TreeItem(
        texts.sectionName(node.section.name),
        this.filterText ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed,
      );
      item.id = `section:${node.section.name}${this.filterText ? `?${this.filterText}` : ''}`;
      item.iconPath = new vscode.ThemeIcon(node.section.icon);
      item.description = String(node.operations.length);
      item.tooltip = texts.sectionDescription(node.section);
      item.contextValue = 'apiSection';
      return item;
    }
    const op = node.operation;
    // A label short enough for the default width, never the same as another's; the tooltip has the summary. In
    // another language the catalogue's translated summary is the label.
    const summary = texts.translated ? texts.summary(op) : shortSummary(this.index(), op);
    const item = new vscode.TreeItem(`${op.method} ${summary}`, vscode.TreeItemCollapsibleState.None);
    item.id = `op:${op.id}`;
    item.description = op.deprecated ? `${op.path} · ${vscode.l10n.t('deprecated')}` : op.path;
    item.iconPath = methodIcon(op.method, op.deprecated);
    item.tooltip = operationTooltip(op);
    item.contextValue = op.destructive ? 'apiOperation destructive' : 'apiOperation';
    item.command = { command: 'altegio.openOperation', title: vscode.l10n.t('Open Request Form'), arguments: [op.id] };
    item.accessibilityInformation = {
      label: `${op.method} ${summary}, ${op.path}${op.deprecated ? `, ${vscode.l10n.t('deprecated')}` : ''}`,
    };
    return item;
  }

  getParent(node: ApiNode): ApiNode | undefined {
    if (node.kind === 'section') return undefined;
    const section = this.index().section(node.operation.section);
    return section ? { kind: 'section', section, operations: section.operations } : undefined;
  }
}

export function operationTooltip(op: OperationSummary): vscode.MarkdownString {
  const md = new vscode.MarkdownString(undefined, true);
  md.appendMarkdown(`**${op.method}** \`${op.path}\`\n\n`);
  md.appendText(apiTexts().summary(op));
  md.appendMarkdown('\n\n');
  md.appendMarkdown(
    `$(key) ${op.security === 'BearerPartner' ? vscode.l10n.t('Partner token') : vscode.l10n.t('Partner and user tokens')}`,
  );
  if (op.destructive) md.appendMarkdown(`  \n$(warning) ${vscode.l10n.t('Destructive: asks for confirmation')}`);
  if (op.deprecated)
    md.appendMarkdown(`  \n$(circle-slash) ${vscode.l10n.t('Deprecated in the Altegio documentation')}`);
  if (op.docsUrl) md.appendMarkdown(`\n\n[${vscode.l10n.t('Online documentation')}](${op.docsUrl})`);
  return md;
}
