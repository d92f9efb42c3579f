// Registers the language model tools with VS Code at activation: four small objects that hand every call to the
// tools' implementation, which is loaded on the first call (see tools.ts). Nothing here reads the catalog.
import * as vscode from 'vscode';
import { TOOL_NAMES } from './tool-names';
import type { Tools } from './tools';

/** One registration per contributed tool; none where this VS Code has no language model tools API. */
export function registerLanguageModelTools(tools: Tools): vscode.Disposable[] {
  // Hosts without the API (other editors built on VS Code, older builds) simply get no tools.
  if (typeof vscode.lm?.registerTool !== 'function') return [];
  return TOOL_NAMES.map((name) =>
    vscode.lm.registerTool<unknown>(name, {
      prepareInvocation: (options, token) => tools.prepare(name, options, token),
      invoke: (options, token) => tools.invoke(name, options, token),
    }),
  );
}
