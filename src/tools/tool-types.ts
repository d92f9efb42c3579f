// What the language model tools are made of: the services they use (each a narrow slice of the composition
// root's), and the shape every tool has.
import type * as vscode from 'vscode';
import type { Auth } from '../services/auth';
import type { CatalogSource } from '../services/catalog-source';
import type { HistoryStore } from '../services/history-store';
import type { LocationStore } from '../services/location-store';
import type { OperationSearchSource } from '../services/operation-search-source';
import type { Prompter } from '../services/prompter';
import type { RequestPipeline } from '../services/request-pipeline';
import type { ResponsePresenter } from '../webviews/ports';
import type { ToolName } from './tool-names';

/** The catalog in the display language, where a translation exists (section names, summaries, field texts). */
export interface CatalogTranslation {
  summary(operationId: string): string | undefined;
  sectionName(section: string): string | undefined;
  /** A field's description by its key (`path:location_id`, `body:client.phone`, `body:services[].id`). */
  field(operationId: string, key: string): string | undefined;
}

/** Sees what the tools hand VS Code before a call (only in test mode). */
export interface ToolObserver {
  preparedTool(name: ToolName, input: unknown, prepared: vscode.PreparedToolInvocation | undefined): void;
}

export interface ToolServices {
  auth: Pick<Auth, 'environment' | 'whenReady' | 'signedIn' | 'hasUserToken' | 'profile' | 'credentials'>;
  locations: Pick<LocationStore, 'current'>;
  pipeline: Pick<RequestPipeline, 'execute' | 'fetch' | 'refusal'>;
  catalog: CatalogSource;
  /** The palette's word search (English and Russian at once). */
  operationSearch: OperationSearchSource;
  /** The Russian catalogue of the API (read on first use). */
  russianCatalogue: () => CatalogTranslation;
  prompter: Prompter;
  history: Pick<HistoryStore, 'get'>;
  responses: ResponsePresenter;
  observer?: ToolObserver;
}

/** What the tools use: the services, and the catalog in the display language. */
export interface ToolContext extends ToolServices {
  /** The catalog in the display language; undefined when the UI is not in Russian. */
  translation(): CatalogTranslation | undefined;
}

/** One call of a tool, as VS Code made it. */
export interface ToolCall {
  /** Made from a chat (VS Code showed the confirmation there); false when another extension invoked it. */
  inChat: boolean;
  token: vscode.CancellationToken;
  /** How many characters the answer may have (from the caller's token budget, when it gave one). */
  maxChars: number;
}

export interface AltegioTool {
  /** What VS Code shows while the tool runs and, for writes, the confirmation it asks for. No side effects. */
  prepare(
    input: unknown,
  ): vscode.PreparedToolInvocation | undefined | Promise<vscode.PreparedToolInvocation | undefined>;
  /** The answer for the model, as text parts. */
  invoke(input: unknown, call: ToolCall): Promise<string[]>;
}
