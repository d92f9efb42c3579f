// The composition root: builds every service of the extension once, in dependency order, each given exactly
// the collaborators it uses. `activate()` calls it and then registers what VS Code shows; integration tests can
// call it too, on a context of their own, to get an isolated copy of the whole extension.
import type * as vscode from 'vscode';
import { loadCatalog, type Catalog } from './api/catalog';
import { loadCatalogIndex, type CatalogIndex } from './api/catalog-index';
import { Auth } from './services/auth';
import type { CatalogIndexSource, CatalogSource } from './services/catalog-source';
import { getRussianCatalogue } from './api/catalog-l10n';
import { OperationSearch } from './api/search';
import type { OperationSearchSource } from './services/operation-search-source';
import { BusinessDirectory } from './services/business-directory';
import { ClientCache, RateLimits } from './services/client-cache';
import { EnvironmentService } from './services/environments';
import { HistoryStore } from './services/history-store';
import { lazy } from './services/lazy';
import { LocationStore } from './services/location-store';
import { AltegioLog } from './services/log';
import { windowPrompter, type Prompter } from './services/prompter';
import { RequestPipeline } from './services/request-pipeline';
import { SandboxHost } from './services/sandbox-host';
import { TokenStore } from './services/token-store';
import type { ToolObserver } from './tools/tool-types';
import { Tools } from './tools/tools';
import { ApiTreeProvider } from './views/api-tree';
import { BusinessTreeProvider } from './views/business-tree';
import { HistoryTreeProvider } from './views/history-tree';
import { JsonDocumentProvider } from './views/json-documents';
import { Forms } from './webviews/form/forms';
import type { PanelObserver } from './webviews/panel-observer';
import { Responses } from './webviews/response/responses';

/** The parts of an ExtensionContext the services use (a test can pass its own). */
export type AltegioContext = Pick<
  vscode.ExtensionContext,
  'secrets' | 'globalState' | 'globalStorageUri' | 'extensionUri'
>;

/** Watches what the webview panels are sent and refuse, what the tools hand VS Code, and every log line (test mode). */
export interface AltegioObserver extends PanelObserver, ToolObserver {
  logged(line: string): void;
}

export interface AltegioOverrides {
  /** Asks the user questions; a test answers them from a script. */
  prompter?: Prompter;
  /** Builds the catalog on first use; by default from the bundled OpenAPI document. */
  catalog?: () => Catalog;
  /** Reads the compact catalog index on first use; by default the one built beside the bundled document. */
  catalogIndex?: () => CatalogIndex;
  observer?: AltegioObserver;
}

export interface Altegio extends vscode.Disposable {
  readonly log: AltegioLog;
  /** Every question to the user goes through here. */
  readonly prompter: Prompter;
  readonly catalog: CatalogSource;
  /** What the API tree, the palette and the filter read, without the schemas. */
  readonly catalogIndex: CatalogIndexSource;
  /** Word search over the catalog's operations, in English and Russian (built on first use). */
  readonly operationSearch: OperationSearchSource;
  readonly environments: EnvironmentService;
  readonly tokens: TokenStore;
  readonly history: HistoryStore;
  readonly locations: LocationStore;
  readonly limits: RateLimits;
  readonly auth: Auth;
  readonly clients: ClientCache;
  readonly pipeline: RequestPipeline;
  /** The locations and chains the tokens see (Select Location, forms' context and dropdowns). */
  readonly directory: BusinessDirectory;
  readonly sandbox: SandboxHost;
  readonly documents: JsonDocumentProvider;
  readonly apiTree: ApiTreeProvider;
  readonly businessTree: BusinessTreeProvider;
  readonly historyTree: HistoryTreeProvider;
  readonly responses: Responses;
  readonly forms: Forms;
  /** The language model tools (Copilot's agent mode). */
  readonly tools: Tools;
}

export function createAltegio(context: AltegioContext, overrides: AltegioOverrides = {}): Altegio {
  const owned: vscode.Disposable[] = [];
  const own = <T extends vscode.Disposable>(d: T): T => {
    owned.push(d);
    return d;
  };
  const catalogBox = lazy(overrides.catalog ?? (() => loadCatalog()));
  const catalog: CatalogSource = () => catalogBox.get();
  const indexBox = lazy(overrides.catalogIndex ?? (() => loadCatalogIndex()));
  const catalogIndex: CatalogIndexSource = () => indexBox.get();
  const searchBox = lazy(() => new OperationSearch(catalogIndex(), getRussianCatalogue()));
  const operationSearch: OperationSearchSource = () => searchBox.get();

  const observer = overrides.observer;
  const log = own(new AltegioLog(observer && ((line) => observer.logged(line))));
  const prompter = overrides.prompter ?? windowPrompter;
  const environments = own(new EnvironmentService());
  const tokens = own(new TokenStore(context.secrets, context.globalState));
  const history = own(new HistoryStore(context.globalState, context.globalStorageUri));
  const locations = own(new LocationStore(context.globalState, environments));
  const limits = new RateLimits();
  const auth = own(new Auth(environments, tokens, limits, catalog, log));
  const clients = own(new ClientCache(auth, limits, log));
  const pipeline = own(new RequestPipeline(auth, clients, history, prompter, log));
  const directory = own(new BusinessDirectory(auth, pipeline, catalog));
  const sandbox = own(new SandboxHost(environments, auth, catalog, log, context.globalStorageUri));

  const documents = own(new JsonDocumentProvider());
  // Once a section is open, what its operations' forms need is built in the background: the full catalog, the
  // forms' bundle and Ajv's, so that the first form opens as fast as when activation loaded them all.
  const apiTree = own(
    new ApiTreeProvider(catalogIndex, operationSearch, () => {
      catalog();
      forms.warm();
    }),
  );
  const businessTree = own(new BusinessTreeProvider(auth, locations, pipeline, catalog));
  const historyTree = own(new HistoryTreeProvider(history, catalogIndex));

  const panels = { extensionUri: context.extensionUri, log, catalog, ...(observer ? { observer } : {}) };
  const responses = own(new Responses({ ...panels, auth, pipeline, clients, history, environments, documents }));
  const forms = own(new Forms({ ...panels, auth, locations, pipeline, directory, prompter, responses }));
  const tools = own(
    new Tools({
      auth,
      locations,
      pipeline,
      catalog,
      operationSearch,
      russianCatalogue: getRussianCatalogue,
      prompter,
      history,
      responses,
      ...(observer ? { observer } : {}),
    }),
  );

  return {
    log,
    prompter,
    catalog,
    catalogIndex,
    operationSearch,
    environments,
    tokens,
    history,
    locations,
    limits,
    auth,
    clients,
    pipeline,
    directory,
    sandbox,
    documents,
    apiTree,
    businessTree,
    historyTree,
    responses,
    forms,
    tools,
    dispose() {
      // In reverse order of construction: nothing outlives what it depends on.
      while (owned.length) owned.pop()?.dispose();
    },
  };
}
