// What the extension gives integration tests, and only when VS Code runs it in test mode: the composition
// root it built, a prompter tests can script, and an observer that records what each webview panel was sent
// and refused, what the language model tools handed VS Code, and the log. Nothing here is reached in normal use, and nothing exposes a token (tests read
// SecretStorage only to prove where tokens are not).
import type * as vscode from 'vscode';
import type { Altegio, AltegioObserver, AltegioOverrides } from './altegio';
import { loadCatalog } from './api/catalog';
import type { InputOptions, PickItem, Prompter, SearchPickOptions } from './services/prompter';
import { windowPrompter } from './services/prompter';
import type { ToolName } from './tools/tool-names';
import type { ObservedPanel, PanelTap } from './webviews/panel-observer';

export interface AltegioTestApi {
  /** The extension as activate() built it. */
  altegio: Altegio;
  /** Its context, so tests can prove what SecretStorage and globalState hold (and do not hold). */
  context: vscode.ExtensionContext;
  observer: RecordingObserver;
  /** Whether the catalog has been built yet (activation must not need it). */
  catalogLoaded(): boolean;
  /** Replaces who answers questions (modal confirmations, input boxes); returns a restore function. */
  usePrompter(prompter: Prompter): () => void;
}

/** Hands the root its test-mode collaborators, then the test API over what it built. */
export class TestMode {
  private readonly prompter = new SwappablePrompter();
  private readonly observer = new RecordingObserver();
  private catalogBuilt = false;

  get overrides(): AltegioOverrides {
    return {
      prompter: this.prompter,
      observer: this.observer,
      catalog: () => {
        this.catalogBuilt = true;
        return loadCatalog();
      },
    };
  }

  api(altegio: Altegio, context: vscode.ExtensionContext): AltegioTestApi {
    return {
      altegio,
      context,
      observer: this.observer,
      catalogLoaded: () => this.catalogBuilt,
      usePrompter: (prompter) => {
        const previous = this.prompter.current;
        this.prompter.current = prompter;
        return () => {
          this.prompter.current = previous;
        };
      },
    };
  }
}

type Message = { type: string } & Record<string, unknown>;

/** One webview panel as the observer saw it. */
export class PanelRecord {
  /** What the host posted to the app, and what it took from the app, in order. */
  readonly posted: Message[] = [];
  readonly received: Message[] = [];
  readonly refusals: { raw: unknown; reason: string }[] = [];
  disposed = false;

  constructor(private readonly observed: ObservedPanel) {
    observed.panel.onDidDispose(() => {
      this.disposed = true;
    });
  }

  get name(): string {
    return this.observed.name;
  }

  get panel(): vscode.WebviewPanel {
    return this.observed.panel;
  }

  /** Delivers a message as if the panel's app had posted it. */
  deliver(raw: unknown): void {
    this.observed.deliver(raw);
  }

  /** The last message of this type the host posted to the app. */
  last<M extends { type: string }>(type: M['type']): M | undefined {
    for (let i = this.posted.length - 1; i >= 0; i--) if (this.posted[i].type === type) return this.posted[i] as M;
    return undefined;
  }
}

/** What a language model tool handed VS Code before one call. */
export interface ToolPreparation {
  name: ToolName;
  input: unknown;
  prepared: vscode.PreparedToolInvocation | undefined;
}

export class RecordingObserver implements AltegioObserver {
  readonly panels: PanelRecord[] = [];
  readonly logLines: string[] = [];
  readonly toolPreparations: ToolPreparation[] = [];

  opened(panel: ObservedPanel): PanelTap {
    const record = new PanelRecord(panel);
    this.panels.push(record);
    return {
      posted: (message) => record.posted.push(message as Message),
      received: (message) => record.received.push(message as Message),
      refused: (raw, reason) => record.refusals.push({ raw, reason }),
    };
  }

  preparedTool(name: ToolName, input: unknown, prepared: vscode.PreparedToolInvocation | undefined): void {
    this.toolPreparations.push({ name, input, prepared });
  }

  logged(line: string): void {
    this.logLines.push(line);
    if (this.logLines.length > 2000) this.logLines.splice(0, this.logLines.length - 2000);
  }
}

/** Asks through VS Code until a test puts a scripted prompter in its place. */
class SwappablePrompter implements Prompter {
  current: Prompter = windowPrompter;
  confirm(message: string, detail: string, confirmLabel: string): Promise<boolean> {
    return this.current.confirm(message, detail, confirmLabel);
  }
  confirmRisk(message: string, detail: string, safeLabel: string, riskyLabel: string): Promise<boolean> {
    return this.current.confirmRisk(message, detail, safeLabel, riskyLabel);
  }
  pick<T>(items: PickItem<T>[], options: Parameters<Prompter['pick']>[1]): Promise<T | undefined> {
    return this.current.pick(items, options);
  }
  input(options: InputOptions): Promise<string | undefined> {
    return this.current.input(options);
  }
  searchPick<T>(options: SearchPickOptions<T>): Promise<T | undefined> {
    return this.current.searchPick(options);
  }
}
