// Every question the extension asks the user goes through a Prompter, so integration tests can answer
// modal confirmations and input boxes that a real extension host cannot click.
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

/** Indirection that tests can swap (through the extension's test API, only in test mode). */
export class PrompterSlot implements Prompter {
  current: Prompter = windowPrompter;
  confirm(message: string, detail: string, confirmLabel: string): Promise<boolean> {
    return this.current.confirm(message, detail, confirmLabel);
  }
  pick<T>(items: PickItem<T>[], options: Parameters<Prompter['pick']>[1]): Promise<T | undefined> {
    return this.current.pick(items, options);
  }
  input(options: InputOptions): Promise<string | undefined> {
    return this.current.input(options);
  }
}
