// What integration tests may reach inside the extension. Exported only when VS Code runs the extension in
// test mode; it never exposes a token (tests read SecretStorage only to prove where tokens are not).
import { getCatalog, isCatalogLoaded, type Catalog } from './api/catalog';
import type { Services } from './commands/services';
import type { Prompter } from './services/prompter';

export interface AltegioTestApi {
  services: Services;
  /** The extension's own catalog (test bundles must not load a second copy of the document). */
  catalog(): Catalog;
  catalogLoaded(): boolean;
  /** Replaces the prompter (modal confirmations, input boxes) with a scripted one; returns a restore function. */
  usePrompter(prompter: Prompter): () => void;
  logLines(): string[];
}

export function createTestApi(services: Services): AltegioTestApi {
  return {
    services,
    catalog: getCatalog,
    catalogLoaded: isCatalogLoaded,
    usePrompter(prompter) {
      const slot = services.prompter as unknown as { current: Prompter };
      const previous = slot.current;
      slot.current = prompter;
      return () => {
        slot.current = previous;
      };
    },
    logLines: () => [...services.log.recent],
  };
}
