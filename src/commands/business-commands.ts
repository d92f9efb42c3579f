// Business view actions: refresh, load more, open details as read-only JSON, copy id, cancel loading,
// issue a card here and remove a card (with a modal confirmation naming the card and the location).
import * as vscode from 'vscode';
import type { Auth } from '../services/auth';
import type { BusinessDirectory } from '../services/business-directory';
import type { CatalogSource } from '../services/catalog-source';
import type { LocationStore } from '../services/location-store';
import type { RequestPipeline } from '../services/request-pipeline';
import type { BusinessNode, BusinessTreeProvider } from '../views/business-tree';
import type { JsonDocumentProvider } from '../views/json-documents';
import type { ResponsePresenter } from '../webviews/ports';
import type { CommandRegistry } from './command-registry';
import type { IssueCardContext } from './loyalty-commands';
import { sendWithProgress } from './request-commands';

export interface BusinessCommandsHost {
  businessTree: Pick<BusinessTreeProvider, 'refresh' | 'cancelLoading' | 'loadMore'>;
  directory: Pick<BusinessDirectory, 'forget'>;
  documents: Pick<JsonDocumentProvider, 'open'>;
  locations: Pick<LocationStore, 'select'>;
  auth: Pick<Auth, 'environment'>;
  pipeline: Pick<RequestPipeline, 'execute' | 'confirmIfDestructive'>;
  responses: ResponsePresenter;
  catalog: CatalogSource;
}

type RowNode = Extract<BusinessNode, { kind: 'row' }>;

export function registerBusinessCommands(registry: CommandRegistry, s: BusinessCommandsHost): void {
  registry.register('altegio.refresh', () => {
    s.directory.forget();
    s.businessTree.refresh();
  });
  registry.register('altegio.business.refreshNode', (node?: BusinessNode) => s.businessTree.refresh(node));
  registry.register('altegio.business.cancelLoading', () => s.businessTree.cancelLoading());
  registry.register('altegio.business.loadMore', async (node?: Extract<BusinessNode, { kind: 'loadMore' }>) => {
    if (!node) return;
    await vscode.window.withProgress({ location: { viewId: 'altegio.business' } }, () =>
      s.businessTree.loadMore(node.key),
    );
  });
  registry.register('altegio.business.openDetails', async (node?: BusinessNode) => {
    if (!node) return;
    if (node.kind === 'row') await s.documents.open(`${node.view.kind}-${node.view.id}`, node.row);
    else if (node.kind === 'location') await s.documents.open(`location-${node.ctx.locationId}`, node.row);
    else if (node.kind === 'chain') await s.documents.open(`chain-${node.chain.id}`, node.chain);
  });
  registry.register('altegio.business.copyId', async (node?: BusinessNode) => {
    if (!node) return;
    const id =
      node.kind === 'row'
        ? node.view.id
        : node.kind === 'location'
          ? node.ctx.locationId
          : node.kind === 'chain'
            ? node.chain.id
            : undefined;
    if (id === undefined) return;
    await vscode.env.clipboard.writeText(String(id));
    vscode.window.setStatusBarMessage(vscode.l10n.t('Copied {0}', String(id)), 3000);
  });
  registry.register('altegio.business.selectLocation', async (node?: BusinessNode) => {
    // VS Code passes no node when the tree was redrawn while its context menu was open: the user still asked to
    // choose a default location, so the picker asks which one.
    if (!node) {
      await vscode.commands.executeCommand('altegio.selectLocation');
      return;
    }
    if (node.kind !== 'location') return;
    await s.locations.select({
      locationId: node.ctx.locationId,
      locationTitle: node.ctx.locationTitle,
      chainId: node.ctx.chainId,
    });
  });
  registry.register('altegio.business.issueCardHere', async (node?: BusinessNode) => {
    await vscode.commands.executeCommand('altegio.issueLoyaltyCard', node ? issueCardContext(node) : {});
  });
  registry.register('altegio.business.removeCard', (node?: RowNode) => (node ? removeCard(s, node) : undefined));
}

/** Where a card issued from this tree item goes: its location and chain, and its client's phone. */
function issueCardContext(node: BusinessNode): IssueCardContext {
  if (node.kind === 'location') return { locationId: node.ctx.locationId, chainId: node.ctx.chainId };
  if (node.kind !== 'row' && node.kind !== 'collection') return {};
  const client = node.kind === 'row' && node.view.kind === 'client' ? node.row : node.client;
  const phone = client?.phone;
  return {
    locationId: node.ctx.locationId,
    ...(node.ctx.chainId ? { chainId: node.ctx.chainId } : {}),
    ...(client && typeof client.id === 'number' ? { clientId: client.id } : {}),
    ...(typeof phone === 'string' || typeof phone === 'number' ? { clientPhone: String(phone) } : {}),
  };
}

async function removeCard(s: BusinessCommandsHost, node: RowNode): Promise<void> {
  if (node.kind !== 'row' || node.view.kind !== 'card') return;
  const op = s.catalog().requireOperation('remove_loyalty_card');
  const number = String(node.row.number ?? node.view.id);
  const type = (node.row.type as { title?: string } | undefined)?.title;
  const confirmation = {
    message: vscode.l10n.t('Remove loyalty card {0} at {1}?', number, node.ctx.locationTitle),
    detail: vscode.l10n.t(
      'Card {0}{1} (#{2}) will be deleted in location "{3}" (#{4}), environment {5}. Its balance and points are lost. This cannot be undone.',
      number,
      type ? ` (${type})` : '',
      String(node.view.id),
      node.ctx.locationTitle,
      String(node.ctx.locationId),
      s.auth.environment.label,
    ),
    button: vscode.l10n.t('Remove Card'),
  };
  const exchange = await sendWithProgress(
    s,
    { operation: op, pathParams: { location_id: node.ctx.locationId, card_id: node.view.id } },
    'tree',
    { confirmation },
  );
  if (exchange.response && !exchange.error) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Loyalty card {0} was removed.', number));
  } else {
    await s.responses.show(exchange);
  }
}
