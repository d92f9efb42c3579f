// The language model tools as the rest of the extension sees them. Their implementation (tool-host.ts: search,
// digests, validation, the request pipeline's adapter) is loaded on the first call, so that activation only
// registers four names and loads none of it.
import type * as vscode from 'vscode';
import type * as Host from './tool-host';
import type { ToolServices } from './tool-host';
import type { ToolName } from './tool-names';
import { lazy, type Lazy } from '../services/lazy';

export class Tools implements vscode.Disposable {
  private readonly host: Lazy<Host.ToolHost>;

  constructor(services: ToolServices) {
    this.host = lazy(() => new (require('./tool-host') as typeof Host).ToolHost(services));
  }

  prepare(
    name: ToolName,
    options: vscode.LanguageModelToolInvocationPrepareOptions<unknown>,
    token: vscode.CancellationToken,
  ): Promise<vscode.PreparedToolInvocation | undefined> {
    return this.host.get().prepare(name, options.input, token);
  }

  invoke(
    name: ToolName,
    options: vscode.LanguageModelToolInvocationOptions<unknown>,
    token: vscode.CancellationToken,
  ): Promise<vscode.LanguageModelToolResult> {
    return this.host.get().invoke(name, options, token);
  }

  /** Shows the full answer of a tool's request (by its history id) in the response viewer. */
  openResult(historyId: unknown): Promise<void> {
    return this.host.get().openResult(historyId);
  }

  dispose(): void {
    this.host.peek()?.dispose();
  }
}
