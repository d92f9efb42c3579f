// Every question the extension asks the user goes through a Prompter, so integration tests can answer
// modal confirmations and input boxes that a real extension host cannot click (see test-mode.ts).
import * as vscode from 'vscode';

export interface PickItem<T> extends vscode.QuickPickItem {
  value: T;
}

export interface InputOptions {
  title?: string;
  prompt: string;
  placeHolder?: string;
  value?: string;
  password?: boolean;
  validate?: (value: string) => string | undefined;
}

export interface SearchPickOptions<T> {
  title?: string;
  placeHolder?: string;
  /** The items for what is typed so far, best first: our search decides what shows and in which order. */
  items(query: string): PickItem<T>[];
}

export interface Prompter {
  /** A modal confirmation; resolves true only when the user chose `confirmLabel`. */
  confirm(message: string, detail: string, confirmLabel: string): Promise<boolean>;
  /**
   * A modal confirmation of a risky choice that is never the default: `safeLabel` is the first (default) button,
   * Cancel closes; resolves true only when the user chose `riskyLabel`.
   */
  confirmRisk(message: string, detail: string, safeLabel: string, riskyLabel: string): Promise<boolean>;
  pick<T>(
    items: PickItem<T>[],
    options: { title?: string; placeHolder?: string; matchOnDescription?: boolean; matchOnDetail?: boolean },
  ): Promise<T | undefined>;
  input(options: InputOptions): Promise<string | undefined>;
  /** A quick pick whose items follow what is typed, ranked by the caller rather than by VS Code's filter. */
  searchPick<T>(options: SearchPickOptions<T>): Promise<T | undefined>;
}

export const windowPrompter: Prompter = {
  async confirm(message, detail, confirmLabel) {
    const answer = await vscode.window.showWarningMessage(message, { modal: true, detail }, confirmLabel);
    return answer === confirmLabel;
  },
  async confirmRisk(message, detail, safeLabel, riskyLabel) {
    // VS Code makes the first button of a modal the default (Enter): the safe choice goes first.
    const answer = await vscode.window.showWarningMessage(message, { modal: true, detail }, safeLabel, riskyLabel);
    return answer === riskyLabel;
  },
  async pick(items, options) {
    const chosen = await vscode.window.showQuickPick(items, { ...options, ignoreFocusOut: true });
    return chosen?.value;
  },
  searchPick: showSearchPick,
  input(options) {
    return Promise.resolve(
      vscode.window.showInputBox({
        title: options.title,
        prompt: options.prompt,
        placeHolder: options.placeHolder,
        value: options.value,
        password: options.password,
        ignoreFocusOut: true,
        validateInput: options.validate,
      }),
    );
  },
};

function showSearchPick<T>(options: SearchPickOptions<T>): Promise<T | undefined> {
  return new Promise((resolve) => {
    const pick = vscode.window.createQuickPick<PickItem<T>>();
    pick.title = options.title;
    pick.placeholder = options.placeHolder;
    pick.ignoreFocusOut = true;
    pick.matchOnDescription = false;
    pick.matchOnDetail = false;
    // alwaysShow: VS Code's own filter must not hide what our search found.
    const update = (): void => {
      pick.items = options.items(pick.value).map((item) => ({ ...item, alwaysShow: true }));
    };
    let chosen: PickItem<T> | undefined;
    pick.onDidChangeValue(update);
    pick.onDidAccept(() => {
      chosen = pick.selectedItems[0] ?? pick.activeItems[0];
      pick.hide();
    });
    pick.onDidHide(() => {
      resolve(chosen?.value);
      pick.dispose();
    });
    update();
    pick.show();
  });
}
