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

export interface Prompter {
  /** A modal confirmation; resolves true only when the user chose `confirmLabel`. */
  confirm(message: string, detail: string, confirmLabel: string): Promise<boolean>;
  pick<T>(
    items: PickItem<T>[],
    options: { title?: string; placeHolder?: string; matchOnDescription?: boolean; matchOnDetail?: boolean },
  ): Promise<T | undefined>;
  input(options: InputOptions): Promise<string | undefined>;
}

export const windowPrompter: Prompter = {
  async confirm(message, detail, confirmLabel) {
    const answer = await vscode.window.showWarningMessage(message, { modal: true, detail }, confirmLabel);
    return answer === confirmLabel;
  },
  async pick(items, options) {
    const chosen = await vscode.window.showQuickPick(items, { ...options, ignoreFocusOut: true });
    return chosen?.value;
  },
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
