// The "Altegio" log channel. Every line passes through redaction: the tokens the extension knows about
// and anything token-shaped are removed before VS Code ever sees the text.
import * as vscode from 'vscode';
import { redactSecrets } from '../api/export';

export class AltegioLog implements vscode.Disposable {
  private readonly channel: vscode.LogOutputChannel;
  private readonly secrets = new Set<string>();

  /** `onLine` sees every line as written, already redacted (a test-mode observer). */
  constructor(private readonly onLine?: (line: string) => void) {
    this.channel = vscode.window.createOutputChannel('Altegio', { log: true });
  }

  /** Tokens currently in use; they are redacted from every later line. */
  rememberSecrets(values: (string | undefined)[]): void {
    for (const v of values) if (v && v.length >= 4) this.secrets.add(v);
  }

  info(message: string): void {
    this.channel.info(this.clean(message));
  }

  warn(message: string): void {
    this.channel.warn(this.clean(message));
  }

  error(message: string): void {
    this.channel.error(this.clean(message));
  }

  show(): void {
    this.channel.show(true);
  }

  dispose(): void {
    this.channel.dispose();
  }

  private clean(message: string): string {
    const text = redactSecrets(message, [...this.secrets]);
    this.onLine?.(text);
    return text;
  }
}

/** What most services need of the log: to write a line. */
export type Logger = Pick<AltegioLog, 'info' | 'warn' | 'error'>;
