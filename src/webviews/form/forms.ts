// The request forms as the rest of the extension sees them. The form host itself (panels, form models, lookups,
// validation wording) is a bundle of its own (dist/forms.js, see esbuild.js), loaded when the first form opens or is
// restored (or is warmed once a section of the API tree is open), so that activation does not load it.
import type * as vscode from 'vscode';
import type { OperationSpec } from '../../api/catalog';
import type { RequestInput } from '../../api/http-types';
import type { OpenOptions, OperationLauncher, Prefill } from '../ports';
import type * as Launcher from './form-launcher';
import type { FormLauncherHost } from './form-launcher';
import { lazy, type Lazy } from '../../services/lazy';

export class Forms implements OperationLauncher, vscode.WebviewPanelSerializer, vscode.Disposable {
  private readonly launcher: Lazy<Launcher.FormLauncher>;

  constructor(host: FormLauncherHost) {
    this.launcher = lazy(() => new (require('./form-launcher') as typeof Launcher).FormLauncher(host));
  }

  /** Loads the forms' bundle and Ajv's now, before the first form needs them. */
  warm(): void {
    this.launcher.get().warm();
  }

  open(op: OperationSpec, prefill?: Prefill, options?: OpenOptions): Promise<void> {
    return this.launcher.get().open(op, prefill, options);
  }

  deserializeWebviewPanel(panel: vscode.WebviewPanel, state: unknown): Promise<void> {
    return this.launcher.get().deserializeWebviewPanel(panel, state);
  }

  /** The request of the form in the active editor tab (no form is open while the bundle is not loaded). */
  activeRequest(): Omit<RequestInput, 'signal'> | undefined {
    return this.launcher.peek()?.activeRequest();
  }

  dispose(): void {
    this.launcher.peek()?.dispose();
  }
}
