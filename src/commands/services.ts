// What command handlers get: the services, the views they refresh, and the two ways results and
// request forms are shown (replaced by the webviews when they are available).
import type * as vscode from 'vscode';
import type { OperationSpec } from '../api/catalog';
import type { AltegioLog } from '../services/log';
import type { Prompter } from '../services/prompter';
import type { SandboxHost } from '../services/sandbox-host';
import type { Exchange, Session } from '../services/session';
import type { ApiTreeProvider } from '../views/api-tree';
import type { BusinessTreeProvider } from '../views/business-tree';
import type { JsonDocumentProvider } from '../views/json-documents';

export interface Prefill {
  pathParams?: Record<string, string | number>;
  query?: Record<string, unknown>;
  body?: Record<string, unknown>;
  /** Context for lookups that is not a parameter of the operation (e.g. the chain for card types). */
  context?: { locationId?: number; chainId?: number };
}

/** Opens an operation for the user to fill in and send (the request form). */
export interface OperationLauncher {
  open(operation: OperationSpec, prefill?: Prefill): Promise<void>;
}

/** Shows the result of a request (the response viewer). */
export interface ResponsePresenter {
  show(exchange: Exchange): Promise<void>;
}

export interface Services {
  context: vscode.ExtensionContext;
  session: Session;
  log: AltegioLog;
  prompter: Prompter;
  sandbox: SandboxHost;
  documents: JsonDocumentProvider;
  apiTree: ApiTreeProvider;
  businessTree: BusinessTreeProvider;
  launcher: OperationLauncher;
  responses: ResponsePresenter;
}
