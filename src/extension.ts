// Wiring only: build the extension (createAltegio), then register what VS Code shows: views, document
// providers, panel serializers, the status bar and the commands.
import * as vscode from 'vscode';
import { createAltegio, type Altegio } from './altegio';
import { registerApiCommands } from './commands/api-commands';
import { offerSignInOnRejection, registerAuthCommands } from './commands/auth-commands';
import { registerBusinessCommands } from './commands/business-commands';
import { CommandRegistry } from './commands/command-registry';
import { registerEnvironmentCommands } from './commands/environment-commands';
import { registerLoyaltyCommands } from './commands/loyalty-commands';
import { registerRequestCommands } from './commands/request-commands';
import { registerSandboxCommands } from './commands/sandbox-commands';
import { registerToolCommands } from './commands/tool-commands';
import { contributeNotebooks } from './notebooks/notebooks';
import { FORM_VIEW_TYPE } from './protocol/form-protocol';
import { RESPONSE_VIEW_TYPE } from './protocol/response-protocol';
import { TestMode, type AltegioTestApi } from './test-mode';
import { registerLanguageModelTools } from './tools/register-tools';
import { JSON_SCHEME } from './views/json-documents';
import { AltegioStatusBar } from './views/status-bar';

/**
 * Registers what VS Code shows and returns at once: nothing on this path waits (reading the tokens, signing in to a
 * local sandbox happen after it) or loads what only a later click needs (lazy bundles, the catalog).
 */
export function activate(context: vscode.ExtensionContext): AltegioTestApi | undefined {
  const test = context.extensionMode === vscode.ExtensionMode.Test ? new TestMode() : undefined;
  const altegio = createAltegio(context, test?.overrides);
  context.subscriptions.push(altegio, ...contribute(altegio, context));
  void altegio.auth.whenReady().then(
    () => {
      // A sandbox started by `npm start` publishes its demo account on loopback: sign in without any token in a file.
      if (!altegio.auth.signedIn && altegio.auth.environment.id === 'sandbox')
        void altegio.auth.signInToLoopbackSandbox();
    },
    (e: unknown) => altegio.log.warn(`the tokens could not be read: ${e instanceof Error ? e.message : String(e)}`),
  );
  return test?.api(altegio, context);
}

/** Everything the user sees of the extension, registered with VS Code. */
function contribute(a: Altegio, context: vscode.ExtensionContext): vscode.Disposable[] {
  const registry = new CommandRegistry(context, a.log);
  registerAuthCommands(registry, a);
  registerEnvironmentCommands(registry, a);
  registerRequestCommands(registry, a);
  registerBusinessCommands(registry, a);
  registerLoyaltyCommands(registry, a);
  registerSandboxCommands(registry, a);
  registerApiCommands(registry, a);
  registerToolCommands(registry, a);
  return [
    ...contributeNotebooks(a, registry),
    vscode.workspace.registerTextDocumentContentProvider(JSON_SCHEME, a.documents),
    vscode.window.createTreeView('altegio.api', { treeDataProvider: a.apiTree, showCollapseAll: true }),
    vscode.window.createTreeView('altegio.business', { treeDataProvider: a.businessTree, showCollapseAll: true }),
    vscode.window.createTreeView('altegio.history', { treeDataProvider: a.historyTree }),
    vscode.window.registerWebviewPanelSerializer(FORM_VIEW_TYPE, a.forms),
    vscode.window.registerWebviewPanelSerializer(RESPONSE_VIEW_TYPE, a.responses),
    new AltegioStatusBar(a.auth, a.locations),
    offerSignInOnRejection(a.pipeline, a.auth),
    ...registerLanguageModelTools(a.tools),
  ];
}

export function deactivate(): void {}
