// Opens request forms: one panel per operation (an open one is revealed and takes the new prefill), and
// restores the open ones after a reload from the state their apps kept (WebviewPanelSerializer). The entry of the
// lazily loaded forms bundle: the extension reaches it through forms.ts.
import * as vscode from 'vscode';
import type { OperationSpec } from '../../api/catalog';
import type { RequestInput } from '../../api/http-types';
import { buildFormModel, initialValues } from '../../api/form-model';
import { validation } from '../../api/lazy-validation';
import { FORM_VIEW_TYPE, parseFormState } from '../../protocol/form-protocol';
import type { EntityContext } from '../../api/request-context';
import type { OperationLauncher, OpenOptions, Prefill } from '../ports';
import { webviewOptions } from '../webview-html';
import { replacementPanel } from '../webview-panel-host';
import { FilePicks } from './file-picks';
import { resolveFormContext, type ContextSources } from './form-context-resolver';
import { FormPanel, formTitle, type FormPanelHost, type FormPanelStart } from './form-panel';

export type FormLauncherHost = FormPanelHost & ContextSources;

export class FormLauncher implements OperationLauncher, vscode.WebviewPanelSerializer, vscode.Disposable {
  private readonly panels = new Map<string, FormPanel>();
  private readonly files = new FilePicks();

  constructor(private readonly s: FormLauncherHost) {}

  /** Loads validation's bundle (Ajv) before the first form needs it. */
  warm(): void {
    validation();
  }

  async open(op: OperationSpec, prefill: Prefill = {}, options: OpenOptions = {}): Promise<void> {
    await this.s.auth.whenReady();
    const open = this.panels.get(op.id);
    if (open) {
      open.reveal();
      if (prefill.pathParams || prefill.query || prefill.body || prefill.context) {
        open.applyPrefill(
          { path: prefill.pathParams ?? {}, query: prefill.query ?? {}, body: prefill.body },
          prefill.context ?? {},
        );
      }
      return;
    }
    const context = await resolveFormContext(op, prefill, this.s, options.askForMissing === true);
    // Asking took a while: the same form may have been opened meanwhile.
    if (this.panels.has(op.id)) return this.open(op, prefill);
    const panel = vscode.window.createWebviewPanel(
      FORM_VIEW_TYPE,
      formTitle(op, this.s.catalog),
      vscode.ViewColumn.Active,
      webviewOptions(this.s.extensionUri),
    );
    this.track(new FormPanel(panel, op, this.s, this.files, this.startFor(op, prefill, context)));
  }

  /** The request of the form in the active editor tab, if a form is there. */
  activeRequest(): Omit<RequestInput, 'signal'> | undefined {
    for (const panel of this.panels.values()) if (panel.panel.active) return panel.currentRequest();
    return undefined;
  }

  /** What a new form of `op` starts with: the values its context decides, then the caller's prefill. */
  private startFor(op: OperationSpec, prefill: Prefill, context: EntityContext): FormPanelStart {
    const values = { path: prefill.pathParams ?? {}, query: prefill.query ?? {}, body: prefill.body };
    return { values: initialValues(buildFormModel(op), context, values), ui: { tab: 'fields' }, context };
  }

  /** After a reload: the app's saved state names the operation and holds the values typed so far. */
  async deserializeWebviewPanel(panel: vscode.WebviewPanel, state: unknown): Promise<void> {
    const restored = parseFormState(state, (id) => this.s.catalog().operation(id) !== undefined);
    if (!restored || this.panels.has(restored.operationId)) {
      if (state !== undefined) this.s.log.warn('a request form could not be restored: its saved state was not valid');
      panel.dispose();
      return;
    }
    panel.webview.options = webviewOptions(this.s.extensionUri);
    await this.s.auth.whenReady();
    const op = this.s.catalog().requireOperation(restored.operationId);
    this.track(new FormPanel(panel, op, this.s, this.files, { values: restored.values, ui: restored.ui, context: {} }));
  }

  dispose(): void {
    for (const p of this.panels.values()) p.panel.dispose();
    this.panels.clear();
  }

  private track(panel: FormPanel): void {
    this.panels.set(panel.operation.id, panel);
    panel.onDidDispose(() => {
      if (this.panels.get(panel.operation.id) === panel) this.panels.delete(panel.operation.id);
    });
    panel.onDidStall((replacements) => this.replace(panel, replacements));
  }

  /** A panel whose webview never loaded gives way to a new one with the same values (see load-watchdog.ts). */
  private replace(old: FormPanel, replacements: number): void {
    const panel = replacementPanel(old.panel, vscode.ViewColumn.Active, webviewOptions(this.s.extensionUri));
    const start = { ...old.snapshot(), replacements };
    old.panel.dispose();
    this.track(new FormPanel(panel, old.operation, this.s, this.files, start));
  }
}
