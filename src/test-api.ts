// What integration tests may reach inside the extension. Exported only when VS Code runs the extension in
// test mode; it never exposes a token (tests read SecretStorage only to prove where tokens are not).
import type * as vscode from 'vscode';
import type { Altegio } from './altegio';
import type { Catalog } from './api/catalog';
import type { Prompter } from './services/prompter';

export interface AltegioTestApi {
  /** The extension as activate() built it. */
  altegio: Altegio;
  /** Its context, so tests can prove what SecretStorage and globalState hold (and do not hold). */
  context: vscode.ExtensionContext;
  /** The extension's own catalog (test bundles must not load a second copy of the document). */
  catalog(): Catalog;
  catalogLoaded(): boolean;
  /** Replaces the prompter (modal confirmations, input boxes) with a scripted one; returns a restore function. */
  usePrompter(prompter: Prompter): () => void;
  logLines(): string[];
}

export function createTestApi(altegio: Altegio, context: vscode.ExtensionContext): AltegioTestApi {
  return {
    altegio,
    context,
    catalog: altegio.catalog,
    catalogLoaded: altegio.catalogLoaded,
    usePrompter(prompter) {
      const slot = altegio.prompter;
      const previous = slot.current;
      slot.current = prompter;
      return () => {
        slot.current = previous;
      };
    },
    logLines: () => [...altegio.log.recent],
  };
}
