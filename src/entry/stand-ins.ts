// Stand-ins for everything through which VS Code can first call the extension: each contributed command, tree view,
// webview panel serializer, notebook serializer and language model tool. They are registered at activation from
// package.json (the ids are never listed by hand) and load the extension proper on their first real use, then pass
// every call to what it registered.
import vscode = require('vscode'); // not `import * as`: see index.ts

/** What of package.json the stand-ins are built from. */
export interface Manifest {
  activationEvents?: string[];
  contributes?: {
    commands?: { command: string }[];
    views?: Record<string, { id: string; type?: string }[]>;
    languageModelTools?: { name: string }[];
  };
}

/**
 * VS Code fixes these options when a tree view is created, which is before the extension proper is loaded; when
 * src/extension.ts creates the view it must ask for the same ones (checked there, see TreeStandIn.take).
 */
const TREE_VIEW_OPTIONS: Record<string, { showCollapseAll?: boolean }> = {
  'altegio.api': { showCollapseAll: true },
  'altegio.business': { showCollapseAll: true },
};

/** Loads the extension proper, once; after it returns, everything it registers has been handed over. */
export type Load = () => void;

/** Thrown when the extension proper does not register what package.json promises, or registers it differently. */
export class HandOverError extends Error {
  override readonly name = 'HandOverError';
}

export class StandIns {
  private readonly commands = new Map<string, ((...args: unknown[]) => unknown) | undefined>();
  private readonly trees = new Map<string, TreeStandIn>();
  private readonly serializers = new Map<string, SerializerStandIn>();
  private readonly tools = new Map<string, vscode.LanguageModelTool<unknown> | undefined>();
  private readonly notebookSerializers = new Map<string, NotebookSerializerStandIn>();

  constructor(private readonly load: Load) {}

  /** Registers a stand-in for each command, tree view and panel serializer the manifest declares. */
  register(manifest: Manifest): vscode.Disposable[] {
    const registered: vscode.Disposable[] = [];
    for (const { command } of manifest.contributes?.commands ?? []) {
      this.commands.set(command, undefined);
      registered.push(vscode.commands.registerCommand(command, (...args: unknown[]) => this.run(command, args)));
    }
    for (const view of Object.values(manifest.contributes?.views ?? {}).flat()) {
      if (view.type !== undefined && view.type !== 'tree') continue;
      const tree = new TreeStandIn(view.id, this.load);
      this.trees.set(view.id, tree);
      registered.push(tree, tree.create(TREE_VIEW_OPTIONS[view.id] ?? {}));
    }
    for (const event of manifest.activationEvents ?? []) {
      const viewType = /^onWebviewPanel:(.+)$/.exec(event)?.[1];
      if (!viewType) continue;
      const serializer = new SerializerStandIn(viewType, this.load);
      this.serializers.set(viewType, serializer);
      registered.push(vscode.window.registerWebviewPanelSerializer(viewType, serializer));
    }
    // Hosts without the language model API (other editors built on VS Code) get no tools.
    if (typeof vscode.lm?.registerTool === 'function')
      for (const { name } of manifest.contributes?.languageModelTools ?? []) {
        this.tools.set(name, undefined);
        registered.push(
          vscode.lm.registerTool<unknown>(name, {
            prepareInvocation: (options, token) => this.tool(name).prepareInvocation?.(options, token),
            invoke: (options, token) => this.tool(name).invoke(options, token),
          }),
        );
      }
    for (const event of manifest.activationEvents ?? []) {
      const notebookType = /^onNotebook:(.+)$/.exec(event)?.[1];
      if (!notebookType) continue;
      const serializer = new NotebookSerializerStandIn(this.load);
      serializer.registration = vscode.workspace.registerNotebookSerializer(notebookType, serializer);
      this.notebookSerializers.set(notebookType, serializer);
      registered.push(serializer);
    }
    return registered;
  }

  /** The extension proper registers a language model tool: a stand-in's from now on, or undefined if none. */
  takeTool(name: string, tool: vscode.LanguageModelTool<unknown>): vscode.Disposable | undefined {
    if (!this.tools.has(name)) return undefined;
    if (this.tools.get(name)) throw new HandOverError(`tool '${name}' is already registered`);
    this.tools.set(name, tool);
    return new vscode.Disposable(() => {
      if (this.tools.get(name) === tool) this.tools.set(name, undefined);
    });
  }

  /**
   * The extension proper registers a notebook serializer: the stand-in steps aside and the real one is registered
   * with its own options (which VS Code fixes per registration); the stand-in passes on a call already under way.
   */
  takeNotebookSerializer(
    notebookType: string,
    serializer: vscode.NotebookSerializer,
    options?: vscode.NotebookDocumentContentOptions,
  ): vscode.Disposable | undefined {
    const standIn = this.notebookSerializers.get(notebookType);
    if (!standIn) return undefined;
    standIn.real = serializer;
    standIn.registration?.dispose();
    standIn.registration = undefined;
    return vscode.workspace.registerNotebookSerializer(notebookType, serializer, options);
  }

  /** The extension proper registers a command: a stand-in's from now on, or undefined if none stands in for it. */
  takeCommand(id: string, handler: (...args: unknown[]) => unknown): vscode.Disposable | undefined {
    if (!this.commands.has(id)) return undefined;
    if (this.commands.get(id)) throw new HandOverError(`command '${id}' already exists`);
    this.commands.set(id, handler);
    return new vscode.Disposable(() => {
      if (this.commands.get(id) === handler) this.commands.set(id, undefined);
    });
  }

  takeTree<T>(id: string, options: vscode.TreeViewOptions<T>): vscode.TreeView<T> | undefined {
    return this.trees.get(id)?.take(options);
  }

  takeSerializer(viewType: string, serializer: vscode.WebviewPanelSerializer): vscode.Disposable | undefined {
    return this.serializers.get(viewType)?.take(serializer);
  }

  private tool(name: string): vscode.LanguageModelTool<unknown> {
    this.load();
    const tool = this.tools.get(name);
    if (!tool) throw new HandOverError(`${name} is contributed in package.json, but the extension registered no tool`);
    return tool;
  }

  private run(id: string, args: unknown[]): unknown {
    this.load();
    const handler = this.commands.get(id);
    if (!handler)
      throw new HandOverError(`${id} is contributed in package.json, but the extension registered no handler`);
    return handler(...args);
  }
}

/** A tree view created at activation whose data comes from the extension proper's provider once it is loaded. */
class TreeStandIn implements vscode.TreeDataProvider<unknown>, vscode.Disposable {
  private real: vscode.TreeDataProvider<unknown> | undefined;
  private realChanged: vscode.Disposable | undefined;
  private view: vscode.TreeView<unknown> | undefined;
  private options: { showCollapseAll?: boolean } = {};
  private readonly changed = new vscode.EventEmitter<unknown>();
  readonly onDidChangeTreeData = this.changed.event;

  constructor(
    private readonly id: string,
    private readonly load: Load,
  ) {}

  create(options: { showCollapseAll?: boolean }): vscode.TreeView<unknown> {
    this.options = options;
    this.view = vscode.window.createTreeView(this.id, { ...options, treeDataProvider: this });
    return this.view;
  }

  /** Hands the view to the extension proper's provider; disposing what it gets back detaches the provider again. */
  take<T>(options: vscode.TreeViewOptions<T>): vscode.TreeView<T> {
    const view = this.view;
    if (!view) throw new HandOverError(`the tree view ${this.id} was not created`);
    if (this.real) throw new HandOverError(`a tree view with id '${this.id}' is already registered`);
    const provider = options.treeDataProvider as vscode.TreeDataProvider<unknown>;
    const differences = [
      !!options.showCollapseAll !== !!this.options.showCollapseAll && 'showCollapseAll',
      options.canSelectMany && 'canSelectMany',
      options.dragAndDropController && 'dragAndDropController',
      options.manageCheckboxStateManually && 'manageCheckboxStateManually',
      provider.resolveTreeItem && 'resolveTreeItem',
    ].filter(Boolean);
    if (differences.length)
      throw new HandOverError(
        `the tree view ${this.id} is created with ${differences.join(', ')} different from its stand-in's (src/entry/stand-ins.ts)`,
      );
    this.real = provider;
    this.realChanged = provider.onDidChangeTreeData?.((e) => this.changed.fire(e));
    // Everything but dispose() is the view itself (its getters and setters close over VS Code's own state).
    return Object.create(view, {
      dispose: { value: () => this.detach(provider) },
    }) as vscode.TreeView<T>;
  }

  getTreeItem(element: unknown): vscode.TreeItem | Thenable<vscode.TreeItem> {
    return this.provider().getTreeItem(element);
  }

  getChildren(element?: unknown): vscode.ProviderResult<unknown[]> {
    return this.provider().getChildren(element);
  }

  getParent(element: unknown): vscode.ProviderResult<unknown> {
    const provider = this.provider();
    if (!provider.getParent)
      throw new HandOverError(`the tree view ${this.id} cannot reveal (its provider has no getParent)`);
    return provider.getParent(element);
  }

  dispose(): void {
    this.realChanged?.dispose();
    this.changed.dispose();
  }

  private provider(): vscode.TreeDataProvider<unknown> {
    this.load();
    if (!this.real) throw new HandOverError(`the extension registered no data for the tree view ${this.id}`);
    return this.real;
  }

  private detach(provider: vscode.TreeDataProvider<unknown>): void {
    if (this.real !== provider) return;
    this.real = undefined;
    this.realChanged?.dispose();
    this.realChanged = undefined;
  }
}

/** Restores a webview panel of a type the manifest activates on, through the extension proper's serializer. */
class SerializerStandIn implements vscode.WebviewPanelSerializer {
  private real: vscode.WebviewPanelSerializer | undefined;

  constructor(
    private readonly viewType: string,
    private readonly load: Load,
  ) {}

  take(serializer: vscode.WebviewPanelSerializer): vscode.Disposable {
    if (this.real) throw new HandOverError(`a webview panel serializer for '${this.viewType}' is already registered`);
    this.real = serializer;
    return new vscode.Disposable(() => {
      if (this.real === serializer) this.real = undefined;
    });
  }

  deserializeWebviewPanel(panel: vscode.WebviewPanel, state: unknown): Thenable<void> {
    this.load();
    if (!this.real)
      throw new HandOverError(`the extension registered no serializer for the webview panels ${this.viewType}`);
    return this.real.deserializeWebviewPanel(panel, state);
  }
}

/** Reads a notebook of a type the manifest activates on (VS Code asks for it right after activating) through the
 * extension proper's serializer, which replaces this one once it is loaded. */
class NotebookSerializerStandIn implements vscode.NotebookSerializer, vscode.Disposable {
  real: vscode.NotebookSerializer | undefined;
  registration: vscode.Disposable | undefined;

  constructor(private readonly load: Load) {}

  deserializeNotebook(
    content: Uint8Array,
    token: vscode.CancellationToken,
  ): vscode.NotebookData | Thenable<vscode.NotebookData> {
    return this.serializer().deserializeNotebook(content, token);
  }

  serializeNotebook(data: vscode.NotebookData, token: vscode.CancellationToken): Uint8Array | Thenable<Uint8Array> {
    return this.serializer().serializeNotebook(data, token);
  }

  dispose(): void {
    this.registration?.dispose();
  }

  private serializer(): vscode.NotebookSerializer {
    this.load();
    if (!this.real) throw new HandOverError('the extension registered no serializer for its notebooks');
    return this.real;
  }
}
