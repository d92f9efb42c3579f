// The `vscode` module as the extension proper (dist/main.js) sees it (esbuild.js resolves its `vscode` imports here):
// VS Code's own API, except that registering a command, tree view, panel serializer, notebook serializer or language
// model tool the entry already stands in for hands it to that stand-in, since VS Code allows one registration per id.
import * as vscode from 'vscode';
import type { StandIns } from './stand-ins';

export * from 'vscode';

let standIns: StandIns | undefined;

/** Called by the entry before it activates the extension proper. */
export function handOver(to: StandIns): void {
  standIns = to;
}

/** The real namespace object with some of its functions replaced (its getters still read the live state). */
function overriding<T extends object>(real: T, overrides: Partial<T>): T {
  return Object.create(real, Object.getOwnPropertyDescriptors(overrides)) as T;
}

export const commands = overriding(vscode.commands, {
  registerCommand(id: string, callback: (...args: unknown[]) => unknown, thisArg?: unknown): vscode.Disposable {
    return (
      standIns?.takeCommand(id, thisArg === undefined ? callback : callback.bind(thisArg)) ??
      vscode.commands.registerCommand(id, callback, thisArg)
    );
  },
});

export const window = overriding(vscode.window, {
  createTreeView<T>(id: string, options: vscode.TreeViewOptions<T>): vscode.TreeView<T> {
    return standIns?.takeTree(id, options) ?? vscode.window.createTreeView(id, options);
  },
  registerTreeDataProvider<T>(id: string, provider: vscode.TreeDataProvider<T>): vscode.Disposable {
    return (
      standIns?.takeTree(id, { treeDataProvider: provider }) ?? vscode.window.registerTreeDataProvider(id, provider)
    );
  },
  registerWebviewPanelSerializer(viewType: string, serializer: vscode.WebviewPanelSerializer): vscode.Disposable {
    return (
      standIns?.takeSerializer(viewType, serializer) ??
      vscode.window.registerWebviewPanelSerializer(viewType, serializer)
    );
  },
});

/** Absent where the host has no language model API; the tools then register nothing (see register-tools.ts). */
export const lm: typeof vscode.lm = vscode.lm
  ? overriding(vscode.lm, {
      registerTool<T>(name: string, tool: vscode.LanguageModelTool<T>): vscode.Disposable {
        return (
          standIns?.takeTool(name, tool as vscode.LanguageModelTool<unknown>) ?? vscode.lm.registerTool(name, tool)
        );
      },
    })
  : vscode.lm;

export const workspace = overriding(vscode.workspace, {
  registerNotebookSerializer(
    notebookType: string,
    serializer: vscode.NotebookSerializer,
    options?: vscode.NotebookDocumentContentOptions,
  ): vscode.Disposable {
    return (
      standIns?.takeNotebookSerializer(notebookType, serializer, options) ??
      vscode.workspace.registerNotebookSerializer(notebookType, serializer, options)
    );
  },
});
