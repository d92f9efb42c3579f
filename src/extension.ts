// Wiring only: create the services, register views, commands and document providers.
import * as vscode from 'vscode';
import { registerApiCommands } from './commands/api-commands';
import { registerAuthCommands } from './commands/auth-commands';
import { registerBusinessCommands } from './commands/business-commands';
import { CommandRegistry } from './commands/command-registry';
import { registerEnvironmentCommands } from './commands/environment-commands';
import { registerLoyaltyCommands } from './commands/loyalty-commands';
import { registerRequestCommands } from './commands/request-commands';
import { registerSandboxCommands } from './commands/sandbox-commands';
import type { Services } from './commands/services';
import { FORM_VIEW_TYPE } from './protocol/form-protocol';
import { RESPONSE_VIEW_TYPE } from './protocol/response-protocol';
import { EnvironmentService } from './services/environments';
import { HistoryStore } from './services/history-store';
import { LocationStore } from './services/location-store';
import { AltegioLog } from './services/log';
import { PrompterSlot } from './services/prompter';
import { SandboxHost } from './services/sandbox-host';
import { Session } from './services/session';
import { TokenStore } from './services/token-store';
import { createTestApi, type AltegioTestApi } from './test-api';
import { ApiTreeProvider } from './views/api-tree';
import { BusinessTreeProvider } from './views/business-tree';
import { HistoryTreeProvider } from './views/history-tree';
import { JSON_SCHEME, JsonDocumentProvider } from './views/json-documents';
import { AltegioStatusBar } from './views/status-bar';
import { FormLauncher } from './webviews/form/form-launcher';
import { ResponseViewer } from './webviews/response/response-viewer';

export async function activate(context: vscode.ExtensionContext): Promise<AltegioTestApi | undefined> {
  const own = <T extends vscode.Disposable>(d: T): T => {
    context.subscriptions.push(d);
    return d;
  };
  const log = own(new AltegioLog());
  const prompter = new PrompterSlot();
  const environments = own(new EnvironmentService());
  const tokens = own(new TokenStore(context.secrets, context.globalState));
  const history = own(new HistoryStore(context.globalState, context.globalStorageUri));
  const locations = own(new LocationStore(context.globalState));
  const session = own(new Session(environments, tokens, history, locations, log, prompter));
  const sandbox = own(new SandboxHost(session, context.globalStorageUri));
  const documents = own(new JsonDocumentProvider());
  const apiTree = own(new ApiTreeProvider());
  const businessTree = own(new BusinessTreeProvider(session));
  const historyTree = own(new HistoryTreeProvider(history));

  own(vscode.workspace.registerTextDocumentContentProvider(JSON_SCHEME, documents));
  own(vscode.window.createTreeView('altegio.api', { treeDataProvider: apiTree, showCollapseAll: true }));
  own(vscode.window.createTreeView('altegio.business', { treeDataProvider: businessTree, showCollapseAll: true }));
  own(vscode.window.createTreeView('altegio.history', { treeDataProvider: historyTree }));
  own(new AltegioStatusBar(session));

  const services: Services = {
    context,
    session,
    log,
    prompter,
    sandbox,
    documents,
    apiTree,
    businessTree,
    launcher: undefined as never,
    responses: undefined as never,
  };
  const forms = own(new FormLauncher(services));
  const responses = own(new ResponseViewer(services));
  services.launcher = forms;
  services.responses = responses;
  own(vscode.window.registerWebviewPanelSerializer(FORM_VIEW_TYPE, forms));
  own(vscode.window.registerWebviewPanelSerializer(RESPONSE_VIEW_TYPE, responses));

  const registry = new CommandRegistry(context, log);
  registerAuthCommands(registry, services);
  registerEnvironmentCommands(registry, services);
  registerRequestCommands(registry, services);
  registerBusinessCommands(registry, services);
  registerLoyaltyCommands(registry, services);
  registerSandboxCommands(registry, services);
  registerApiCommands(registry, services);

  own(session.onDidReceiveUnauthorized(() => offerSignIn(session)));
  await session.whenReady();
  // A sandbox started by `npm start` publishes its demo account on loopback: sign in without any token in a file.
  if (!session.signedIn && session.environment.id === 'sandbox') void session.signInToLoopbackSandbox();

  return context.extensionMode === vscode.ExtensionMode.Test ? createTestApi(services) : undefined;
}

let offering = false;
async function offerSignIn(session: Session): Promise<void> {
  if (offering) return;
  offering = true;
  try {
    const again = vscode.l10n.t('Sign In Again');
    const choice = await vscode.window.showWarningMessage(
      vscode.l10n.t('Altegio rejected the tokens for {0} (401). Sign in again?', session.environment.label),
      again,
    );
    if (choice === again) await vscode.commands.executeCommand('altegio.signIn');
  } finally {
    offering = false;
  }
}

export function deactivate(): void {}
