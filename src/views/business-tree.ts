// The Business view: the live data behind the current tokens. User → chains → locations → lists
// (clients, team, services, appointments, card types, products …) → client → loyalty cards.
// Paged lists load a page at a time and end in "Load more…".
import * as vscode from 'vscode';
import type { OperationSpec } from '../api/catalog';
import type { ApiResponse, RequestInput } from '../api/client';
import { nextPageInput, withPage } from '../api/paging';
import type { Auth } from '../services/auth';
import type { CatalogSource } from '../services/catalog-source';
import { Disposable } from '../services/disposable';
import { failureText } from '../services/error-text';
import type { LocationStore } from '../services/location-store';
import type { RequestPipeline } from '../services/request-pipeline';
import {
  CLIENT_COLLECTIONS,
  LOCATION_COLLECTIONS,
  staleAfterWrite,
  type CollectionSpec,
  type LocationContext,
  type Row,
  type RowView,
} from './business-collections';

export const BUSINESS_PAGE_SIZE = 50;

export type BusinessNode =
  | { kind: 'user' }
  | { kind: 'chain'; chain: Row }
  | { kind: 'location'; ctx: LocationContext; row: Row }
  | { kind: 'collection'; spec: CollectionSpec; ctx: LocationContext; client?: Row; key: string }
  | {
      kind: 'row';
      spec: CollectionSpec;
      ctx: LocationContext;
      row: Row;
      view: RowView;
      client?: Row;
      parentKey: string;
    }
  | { kind: 'loadMore'; key: string; loaded: number; total?: number }
  | { kind: 'message'; id: string; text: string; icon: string; command?: vscode.Command; description?: string };

interface ListState {
  items: Row[];
  next?: RequestInput;
  total?: number;
  loading?: Promise<void>;
  error?: string;
}

export class BusinessTreeProvider extends Disposable implements vscode.TreeDataProvider<BusinessNode> {
  private readonly changed = this.register(new vscode.EventEmitter<BusinessNode | undefined>());
  readonly onDidChangeTreeData = this.changed.event;
  private readonly lists = new Map<string, ListState>();
  private readonly collectionNodes = new Map<string, BusinessNode>();
  private readonly pending = new Set<AbortController>();

  constructor(
    private readonly auth: Pick<
      Auth,
      'environment' | 'signedIn' | 'hasUserToken' | 'profile' | 'whenReady' | 'onDidChange'
    >,
    private readonly locations: Pick<LocationStore, 'current' | 'onDidChange'>,
    private readonly pipeline: Pick<RequestPipeline, 'fetch' | 'onDidExchange'>,
    private readonly catalog: CatalogSource,
  ) {
    super();
    this.register(auth.onDidChange(() => this.refresh()));
    this.register(locations.onDidChange(() => this.refresh()));
    this.register(
      pipeline.onDidExchange((exchange) => {
        if (exchange.response && !exchange.error && !exchange.operation.readOnly)
          this.invalidateAfter(exchange.operation);
      }),
    );
  }

  refresh(node?: BusinessNode): void {
    if (!node) {
      this.cancelLoading();
      this.lists.clear();
      this.collectionNodes.clear();
      this.changed.fire(undefined);
      return;
    }
    for (const key of [...this.lists.keys()]) if (key.startsWith(nodeKeyPrefix(node))) this.lists.delete(key);
    this.changed.fire(node.kind === 'row' || node.kind === 'loadMore' ? undefined : node);
  }

  cancelLoading(): void {
    for (const c of this.pending) c.abort();
    this.pending.clear();
  }

  /** Loads the next page of a list and appends it ("Load more…"). */
  async loadMore(key: string): Promise<void> {
    await this.settled(key);
    const state = this.lists.get(key);
    // A second click while the next page loads must not append that page twice.
    if (!state?.next || state.loading) return;
    await this.load(key, state.next, true);
    const node = this.collectionNodes.get(key);
    this.changed.fire(node);
  }

  listState(key: string): Readonly<ListState> | undefined {
    return this.lists.get(key);
  }

  async getChildren(node?: BusinessNode): Promise<BusinessNode[]> {
    await this.auth.whenReady();
    if (!this.auth.signedIn) return [];
    if (!node) return [{ kind: 'user' }];
    switch (node.kind) {
      case 'user':
        return this.chainsOrLocations();
      case 'chain':
        return this.locationsOfChain(node.chain);
      case 'location':
        return LOCATION_COLLECTIONS.map((spec) => this.collectionNode(spec, node.ctx));
      case 'collection':
        return this.rowsOf(node);
      case 'row':
        return (node.spec.children ?? [])
          .map((key) => CLIENT_COLLECTIONS.find((c) => c.key === key))
          .filter((spec): spec is CollectionSpec => !!spec)
          .map((spec) => this.collectionNode(spec, node.ctx, node.row));
      default:
        return [];
    }
  }

  getTreeItem(node: BusinessNode): vscode.TreeItem {
    const C = vscode.TreeItemCollapsibleState;
    switch (node.kind) {
      case 'user': {
        const profile = this.auth.profile;
        const item = new vscode.TreeItem(profile?.userName ?? vscode.l10n.t('Signed in'), C.Expanded);
        item.id = `user:${this.auth.environment.secretKey}`;
        item.description = this.auth.environment.label;
        item.iconPath = new vscode.ThemeIcon('account');
        item.contextValue = 'business.user';
        item.tooltip = this.auth.hasUserToken
          ? vscode.l10n.t('Partner and user tokens')
          : vscode.l10n.t('Partner token only');
        return item;
      }
      case 'chain': {
        const item = new vscode.TreeItem(String(node.chain.title ?? node.chain.id), C.Expanded);
        item.id = `chain:${node.chain.id}`;
        item.description = `#${node.chain.id}`;
        item.iconPath = new vscode.ThemeIcon('type-hierarchy');
        item.contextValue = 'business.chain';
        return item;
      }
      case 'location': {
        // The title alone fits the default width; the id and whether it is the default are in the tooltip (and
        // the icon: a house for the default location).
        const item = new vscode.TreeItem(node.ctx.locationTitle, C.Collapsed);
        item.id = `location:${node.ctx.locationId}`;
        const selected = this.locations.current?.locationId === node.ctx.locationId;
        item.tooltip = [
          node.ctx.locationTitle,
          `location_id ${node.ctx.locationId}${node.ctx.chainId ? ` · chain_id ${node.ctx.chainId}` : ''}`,
          selected ? vscode.l10n.t('Default location: forms start here') : undefined,
        ]
          .filter(Boolean)
          .join('\n');
        item.iconPath = new vscode.ThemeIcon(selected ? 'home' : 'location');
        item.contextValue = 'business.location';
        return item;
      }
      case 'collection': {
        const state = this.lists.get(node.key);
        const item = new vscode.TreeItem(node.spec.label(), C.Collapsed);
        item.id = `collection:${node.key}`;
        if (state?.total !== undefined) item.description = String(state.total);
        else if (state && !state.next && !state.error) item.description = String(state.items.length);
        item.iconPath = new vscode.ThemeIcon(node.spec.icon);
        item.contextValue = `business.collection business.collection.${node.spec.key}`;
        return item;
      }
      case 'row': {
        const item = new vscode.TreeItem(
          node.view.label || `#${node.view.id}`,
          node.spec.children?.length ? C.Collapsed : C.None,
        );
        item.id = `row:${node.parentKey}:${node.view.id}`;
        item.description = node.view.description;
        item.iconPath = new vscode.ThemeIcon(node.view.icon);
        item.contextValue = `business.entity business.${node.view.kind}`;
        item.tooltip = `${node.view.label}\n#${node.view.id}${node.view.description ? `\n${node.view.description}` : ''}`;
        item.command = {
          command: 'altegio.business.openDetails',
          title: vscode.l10n.t('Open Details'),
          arguments: [node],
        };
        return item;
      }
      case 'loadMore': {
        const item = new vscode.TreeItem(vscode.l10n.t('Load more…'), C.None);
        item.id = `more:${node.key}:${node.loaded}`;
        item.description =
          node.total !== undefined
            ? vscode.l10n.t('{0} of {1} loaded', node.loaded, node.total)
            : vscode.l10n.t('{0} loaded', node.loaded);
        item.iconPath = new vscode.ThemeIcon('ellipsis');
        item.contextValue = 'business.loadMore';
        item.command = { command: 'altegio.business.loadMore', title: vscode.l10n.t('Load More'), arguments: [node] };
        return item;
      }
      case 'message': {
        const item = new vscode.TreeItem(node.text, C.None);
        item.id = `message:${node.id}`;
        item.iconPath = new vscode.ThemeIcon(node.icon);
        item.description = node.description;
        item.command = node.command;
        item.contextValue = 'business.message';
        return item;
      }
    }
  }

  private async chainsOrLocations(): Promise<BusinessNode[]> {
    if (this.auth.hasUserToken) {
      const chains = await this.fetchAll('chains', { operation: this.catalog().requireOperation('get_chain_list') });
      if (chains.error) return [this.errorNode('chains', chains.error)];
      if (chains.items.length > 0) return chains.items.map((chain) => ({ kind: 'chain', chain }));
    }
    // Partner token only (or no chains): the locations the partner can see.
    const locations = await this.fetchAll('locations', {
      operation: this.catalog().requireOperation('get_location_list'),
      query: this.auth.hasUserToken ? { my: 1 } : {},
    });
    if (locations.error) return [this.errorNode('locations', locations.error)];
    if (locations.items.length === 0)
      return [
        {
          kind: 'message',
          id: 'locations:none',
          text: vscode.l10n.t('No locations are visible with these tokens'),
          description: vscode.l10n.t('Sign in with other tokens…'),
          icon: 'info',
          command: { command: 'altegio.signIn', title: vscode.l10n.t('Sign In') },
        },
      ];
    return locations.items.map((row) => this.locationNode(row, undefined));
  }

  /** An empty list says so, and what to do next: create the first one here, or look again. */
  private emptyNode(node: Extract<BusinessNode, { kind: 'collection' }>): BusinessNode {
    const create = node.spec.create;
    const client = node.client;
    return {
      kind: 'message',
      id: `${node.key}:empty`,
      text: node.spec.empty(),
      icon: create ? 'add' : 'info',
      ...(create
        ? {
            description: create.label(),
            command: {
              command: 'altegio.openOperation',
              title: create.label(),
              arguments: [
                create.operationId,
                {
                  context: {
                    locationId: node.ctx.locationId,
                    ...(node.ctx.chainId ? { chainId: node.ctx.chainId } : {}),
                    ...(typeof client?.id === 'number' ? { clientId: client.id } : {}),
                    ...(typeof client?.phone === 'string' ? { clientPhone: client.phone } : {}),
                  },
                },
              ],
            },
          }
        : {
            description: vscode.l10n.t('Refresh to look again'),
            command: { command: 'altegio.business.refreshNode', title: vscode.l10n.t('Refresh'), arguments: [node] },
          }),
    };
  }

  private locationsOfChain(chain: Row): BusinessNode[] {
    const companies = (chain.companies as Row[] | undefined) ?? [];
    return companies.map((row) => this.locationNode(row, Number(chain.id)));
  }

  private locationNode(row: Row, chainId: number | undefined): BusinessNode {
    const groups = row.groups as Row[] | undefined;
    return {
      kind: 'location',
      row,
      ctx: {
        locationId: Number(row.id),
        locationTitle: String(row.title ?? row.id),
        chainId: chainId ?? (groups?.[0]?.id as number | undefined),
      },
    };
  }

  private collectionNode(spec: CollectionSpec, ctx: LocationContext, client?: Row): BusinessNode {
    const key = `${this.auth.environment.secretKey}|${ctx.locationId}|${client ? `client:${client.id}|` : ''}${spec.key}`;
    const node: BusinessNode = { kind: 'collection', spec, ctx, client, key };
    this.collectionNodes.set(key, node);
    return node;
  }

  private async rowsOf(node: Extract<BusinessNode, { kind: 'collection' }>): Promise<BusinessNode[]> {
    if (!this.lists.has(node.key)) {
      const operation = this.catalog().requireOperation(node.spec.operationId);
      const pathParams = node.spec.pathParams({ ...node.ctx, client: node.client });
      if (!pathParams)
        return [
          { kind: 'message', id: `${node.key}:na`, text: vscode.l10n.t('Not available for this entry'), icon: 'info' },
        ];
      let input: RequestInput = {
        operation,
        pathParams,
        query: node.spec.query?.(node.ctx),
        body: node.spec.body?.(node.ctx),
      };
      if (operation.paging?.style === 'page')
        input = withPage(input, 1, Math.min(BUSINESS_PAGE_SIZE, operation.paging.maxSize ?? BUSINESS_PAGE_SIZE));
      await this.load(node.key, input, false);
    }
    await this.settled(node.key);
    const state = this.lists.get(node.key);
    // Dropped meanwhile (a refresh or a write): VS Code asks again after the change event.
    if (!state) return [];
    if (state.error && state.items.length === 0) return [this.errorNode(node.key, state.error, node)];
    const rows: BusinessNode[] = state.items.map((row) => ({
      kind: 'row',
      spec: node.spec,
      ctx: node.ctx,
      row,
      view: node.spec.row(row),
      client: node.client,
      parentKey: node.key,
    }));
    if (rows.length === 0) rows.push(this.emptyNode(node));
    if (state.next) rows.push({ kind: 'loadMore', key: node.key, loaded: state.items.length, total: state.total });
    if (state.error) rows.push(this.errorNode(`${node.key}:more`, state.error, node));
    return rows;
  }

  private async fetchAll(key: string, input: RequestInput): Promise<ListState> {
    const fullKey = `${this.auth.environment.secretKey}|${key}`;
    if (!this.lists.has(fullKey)) await this.load(fullKey, input, false);
    await this.settled(fullKey);
    return this.lists.get(fullKey) ?? { items: [], error: vscode.l10n.t('Cancelled') };
  }

  /** Waits until the list under `key` is not loading (it may be reloaded meanwhile, so wait on each round). */
  private async settled(key: string): Promise<void> {
    for (let state = this.lists.get(key); state?.loading; state = this.lists.get(key)) await state.loading;
  }

  /**
   * Fetches one page into the list's state; errors are kept on the state and shown as a node. The state carries
   * its loading promise from the first moment, so a concurrent getChildren (VS Code's own, or a test's) waits for
   * the page instead of seeing a half-filled list.
   */
  private load(key: string, input: RequestInput, append: boolean): Promise<void> {
    const state: ListState = append ? this.lists.get(key)! : { items: [] };
    this.lists.set(key, state);
    const controller = new AbortController();
    this.pending.add(controller);
    const run = async () => {
      try {
        const response: ApiResponse = await this.pipeline.fetch({ ...input, signal: controller.signal });
        const data = response.data;
        const items = Array.isArray(data) ? (data as Row[]) : data && typeof data === 'object' ? [data as Row] : [];
        state.items = append ? [...state.items, ...items] : items;
        const meta = response.meta as Record<string, unknown> | undefined;
        const total = meta && !Array.isArray(meta) ? Number(meta.total_count ?? meta.count) : NaN;
        state.total = Number.isFinite(total) ? total : undefined;
        state.next = input.operation.paging ? nextPageInput(input, response) : undefined;
        state.error = undefined;
      } catch (e) {
        state.error = failureText(e);
        state.next = append ? state.next : undefined;
      } finally {
        this.pending.delete(controller);
        await vscode.commands.executeCommand('setContext', 'altegio.businessLoading', this.pending.size > 0);
      }
    };
    const loading: Promise<void> = (async () => {
      await vscode.commands.executeCommand('setContext', 'altegio.businessLoading', true);
      await vscode.window.withProgress({ location: { viewId: 'altegio.business' } }, run);
    })().finally(() => {
      if (state.loading === loading) state.loading = undefined;
    });
    state.loading = loading;
    return loading;
  }

  private errorNode(id: string, message: string, node?: BusinessNode): BusinessNode {
    return {
      kind: 'message',
      id: `${id}:error`,
      text: vscode.l10n.t('Could not load: {0}', message),
      icon: 'error',
      command: { command: 'altegio.business.refreshNode', title: vscode.l10n.t('Retry'), arguments: [node] },
    };
  }

  /** After a successful write, the lists that declare the write makes them stale are read again. */
  private invalidateAfter(operation: OperationSpec): void {
    let touched = false;
    for (const [key, node] of this.collectionNodes) {
      if (node.kind !== 'collection' || !staleAfterWrite(node.spec, operation)) continue;
      this.lists.delete(key);
      this.changed.fire(node);
      touched = true;
    }
    if (touched) this.changed.fire(undefined);
  }
}

function nodeKeyPrefix(node: BusinessNode): string {
  switch (node.kind) {
    case 'collection':
      return node.key;
    case 'row':
      return node.parentKey;
    case 'loadMore':
      return node.key;
    default:
      return '';
  }
}
