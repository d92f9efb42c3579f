// Past requests: what was asked (never a token, never a password) and how it went. Entries live in
// globalState, capped by `altegio.history.maxEntries`; response bodies are kept as files in global storage.
import * as vscode from 'vscode';
import type { HttpMethod } from '../api/catalog';
import { keepable, maskSensitiveFields } from '../api/sensitive';
import { Disposable } from './disposable';
import type { EnvironmentId } from './environments';

const STATE_KEY = 'altegio.history';
const MAX_STORED_RESPONSE_BYTES = 5 * 1024 * 1024;

export interface HistoryEntry {
  id: string;
  time: string;
  environment: EnvironmentId;
  operationId: string;
  method: HttpMethod;
  /** The concrete path, e.g. /loyalty/cards/720441. */
  path: string;
  pathParams: Record<string, string | number>;
  query: Record<string, unknown>;
  body?: unknown;
  status?: number;
  durationMs?: number;
  sizeBytes?: number;
  errorKind?: string;
  errorMessage?: string;
  hasResponse: boolean;
}

export interface StoredResponse {
  status: number;
  headers: Record<string, string>;
  body: unknown;
  durationMs: number;
  sizeBytes: number;
}

export class HistoryStore extends Disposable {
  private readonly changed = this.register(new vscode.EventEmitter<void>());
  readonly onDidChange = this.changed.event;
  private counter = 0;

  constructor(
    private readonly state: vscode.Memento,
    private readonly storage: vscode.Uri,
  ) {
    super();
  }

  entries(): HistoryEntry[] {
    return this.state.get<HistoryEntry[]>(STATE_KEY, []);
  }

  latest(): HistoryEntry | undefined {
    return this.entries()[0];
  }

  get(id: string): HistoryEntry | undefined {
    return this.entries().find((e) => e.id === id);
  }

  async add(
    entry: Omit<HistoryEntry, 'id' | 'time' | 'hasResponse' | 'body'> & { body?: unknown },
    response?: StoredResponse,
  ): Promise<HistoryEntry> {
    const id = `${Date.now().toString(36)}-${(this.counter++).toString(36)}`;
    let hasResponse = false;
    if (response) hasResponse = await this.writeResponse(id, response);
    const stored: HistoryEntry = {
      ...keepable(entry),
      id,
      time: new Date().toISOString(),
      hasResponse,
    };
    const max = Math.max(1, vscode.workspace.getConfiguration('altegio').get<number>('history.maxEntries', 200));
    const all = [stored, ...this.entries()];
    const kept = all.slice(0, max);
    await this.state.update(STATE_KEY, kept);
    await Promise.all(all.slice(max).map((e) => this.deleteResponse(e.id)));
    this.changed.fire();
    return stored;
  }

  async response(id: string): Promise<StoredResponse | undefined> {
    try {
      const bytes = await vscode.workspace.fs.readFile(this.responseUri(id));
      return JSON.parse(new TextDecoder().decode(bytes)) as StoredResponse;
    } catch {
      return undefined;
    }
  }

  async clear(): Promise<void> {
    const all = this.entries();
    await this.state.update(STATE_KEY, []);
    await Promise.all(all.map((e) => this.deleteResponse(e.id)));
    this.changed.fire();
  }

  private async writeResponse(id: string, response: StoredResponse): Promise<boolean> {
    if (response.sizeBytes > MAX_STORED_RESPONSE_BYTES) return false;
    const text = JSON.stringify(maskSensitiveFields(response));
    await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(this.storage, 'responses'));
    await vscode.workspace.fs.writeFile(this.responseUri(id), new TextEncoder().encode(text));
    return true;
  }

  private async deleteResponse(id: string): Promise<void> {
    try {
      await vscode.workspace.fs.delete(this.responseUri(id));
    } catch {
      // Never written (too large, or an error without a body).
    }
  }

  private responseUri(id: string): vscode.Uri {
    return vscode.Uri.joinPath(this.storage, 'responses', `${id}.json`);
  }
}
