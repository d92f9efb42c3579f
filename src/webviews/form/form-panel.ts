// One request form: a webview panel for one operation. It holds the values the app reports, validates every
// change, reads lookup options, and sends through the request pipeline (read-only production, confirmation of
// destructive operations, history, log), then shows the answer in the response viewer.
import * as vscode from 'vscode';
import type { OperationSpec } from '../../api/catalog';
import { isAltegioError } from '../../api/errors';
import {
  allFields,
  buildFormModel,
  exampleValues,
  initialValues,
  requestValues,
  type FormModel,
  type FormValues,
} from '../../api/form-model';
import type { RequestInput } from '../../api/http-types';
import type { LookupContext } from '../../api/lookups';
import {
  parseFormMessage,
  type AuthView,
  type FieldIssue,
  type FormHostMessage,
  type FormWebviewMessage,
  type SummaryItem,
  type UiState,
} from '../../protocol/form-protocol';
import { apiTexts } from '../../services/api-texts';
import type { Auth } from '../../services/auth';
import type { CatalogSource } from '../../services/catalog-source';
import { errorAdvice, errorSummary, errorTitle, failureText, fieldProblems } from '../../services/error-text';
import type { LocationStore } from '../../services/location-store';
import type { Logger } from '../../services/log';
import { ReadOnlyError, UserCancelledError } from '../../services/refusals';
import type { Exchange, RequestPipeline } from '../../services/request-pipeline';
import { itemsPlural } from '../../services/plurals';
import { units } from '../../services/units';
import type { ResponsePresenter } from '../ports';
import type { PanelObserver } from '../panel-observer';
import { WebviewPanelHost } from '../webview-panel-host';
import type { FilePicks } from './file-picks';
import { formStrings, issueTexts } from './form-strings';
import { formIssues, serverIssues } from './form-validation';
import { LookupLoader } from './lookup-loader';
import { summarizeResult } from './result-summary';
import { isRecord } from '../../api/is-record';

export interface FormPanelStart {
  values: FormValues;
  ui: UiState;
  /** Lookup context that is not a parameter of the operation (the chain of a card's location). */
  context: LookupContext;
  /** How many panels this form already replaced because they never loaded (see load-watchdog.ts). */
  replacements?: number;
}

type ResultMessage = Extract<FormHostMessage, { type: 'result' }>;

/** What a request form needs from the rest of the extension. */
export interface FormPanelHost {
  extensionUri: vscode.Uri;
  log: Logger;
  auth: Pick<Auth, 'environment' | 'signedIn' | 'hasUserToken' | 'onDidChange'>;
  locations: Pick<LocationStore, 'current' | 'onDidChange'>;
  pipeline: Pick<RequestPipeline, 'execute' | 'fetch'>;
  responses: ResponsePresenter;
  catalog: CatalogSource;
  observer?: PanelObserver;
}

export class FormPanel extends WebviewPanelHost<FormWebviewMessage, FormHostMessage> {
  readonly model: FormModel;
  private values: FormValues;
  private ui: UiState;
  private context: LookupContext;
  private readonly lookups: LookupLoader;
  /** The lookup context each field's options were last read for. */
  private readonly lookupContexts = new Map<string, string>();
  private sending: AbortController | undefined;
  /** The exchange of this form's last send, for its Open Response button. */
  private exchange: Exchange | undefined;

  constructor(
    panel: vscode.WebviewPanel,
    readonly operation: OperationSpec,
    private readonly s: FormPanelHost,
    private readonly files: FilePicks,
    start: FormPanelStart,
  ) {
    super(panel, {
      app: 'form',
      name: 'request form',
      title: formTitle(operation),
      parse: parseFormMessage,
      extensionUri: s.extensionUri,
      log: s.log,
      ...(s.observer ? { observer: s.observer } : {}),
      ...(start.replacements ? { replacements: start.replacements } : {}),
    });
    this.model = buildFormModel(operation);
    this.values = start.values;
    this.ui = start.ui;
    this.context = start.context;
    this.lookups = new LookupLoader(s.pipeline, s.catalog, failureText);
    const contextChanged = () => {
      this.channel.post({ type: 'auth', auth: this.auth() });
      this.refreshLookups();
    };
    this.register(s.auth.onDidChange(contextChanged));
    this.register(s.locations.onDidChange(contextChanged));
  }

  protected override onClosed(): void {
    this.sending?.abort();
  }

  /** What a replacement panel starts from. */
  snapshot(): FormPanelStart {
    return { values: this.values, ui: this.ui, context: this.context };
  }

  reveal(): void {
    this.panel.reveal();
  }

  /** Puts a launcher's prefill over what the form holds (reopening an open form with new values). */
  applyPrefill(prefill: Partial<FormValues>, context: LookupContext): void {
    const body =
      this.model.body?.shape === 'object' && isRecord(prefill.body)
        ? { ...(isRecord(this.values.body) ? this.values.body : {}), ...prefill.body }
        : (prefill.body ?? this.values.body);
    this.values = {
      path: { ...this.values.path, ...prefill.path },
      query: { ...this.values.query, ...prefill.query },
      ...(this.model.body ? { body } : {}),
    };
    this.context = { ...this.context, ...definedOnly(context) };
    this.channel.post({ type: 'setValues', values: this.values, issues: this.validate(this.values) });
    this.refreshLookups();
  }

  protected onAppReady(): void {
    this.lookupContexts.clear();
    this.channel.post({
      type: 'init',
      model: apiTexts().formModel(this.model),
      values: this.values,
      strings: formStrings(),
      auth: this.auth(),
      ui: this.ui,
      issues: this.validate(this.values),
    });
    if (this.sending) this.channel.post({ type: 'sending', sending: true });
    this.refreshLookups();
  }

  private auth(): AuthView {
    const auth = this.s.auth;
    const env = auth.environment;
    return {
      environment: env.label,
      signedIn: auth.signedIn,
      hasUserToken: auth.hasUserToken,
      readOnlyBlocked: env.readOnly && !this.operation.readOnly,
    };
  }

  private validate(values: FormValues): FieldIssue[] {
    return formIssues(this.operation, this.model, values, issueTexts());
  }

  protected async onAppMessage(m: FormWebviewMessage): Promise<void> {
    switch (m.type) {
      case 'change':
        this.values = m.values;
        this.channel.post({ type: 'validation', seq: m.seq, issues: this.validate(this.values) });
        this.refreshLookups();
        return;
      case 'uiState':
        this.ui = { tab: m.tab };
        return;
      case 'lookupSearch':
        return this.search(m.field, m.term);
      case 'lookupRefresh':
        return this.loadLookup(m.field, true);
      case 'send':
        this.values = m.values;
        return this.send(m.seq);
      case 'cancel':
        this.sending?.abort();
        return;
      case 'fillExamples':
        this.values = exampleValues(this.model, this.values);
        this.channel.post({ type: 'setValues', values: this.values, issues: this.validate(this.values) });
        return;
      case 'reset':
        this.values = initialValues(this.model, this.lookupContext());
        this.channel.post({ type: 'setValues', values: this.values, issues: this.validate(this.values) });
        return;
      case 'openResponse':
        if (this.exchange) await this.s.responses.show(this.exchange);
        return;
      case 'chooseFile':
        return this.chooseFile(m.key);
      case 'signIn':
        await vscode.commands.executeCommand('altegio.signIn');
        return;
      case 'openSetting':
        await vscode.commands.executeCommand('workbench.action.openSettings', 'altegio.productionReadOnly');
        return;
      case 'openDocs':
        if (this.operation.docsUrl?.startsWith('https://'))
          await vscode.env.openExternal(vscode.Uri.parse(this.operation.docsUrl));
        return;
      case 'cspViolation':
        this.s.log.warn(`the request form webview's Content Security Policy refused ${m.directive}: ${m.blocked}`);
        return;
    }
  }

  /** Where lookups read from: the form's own location_id / chain_id, else the launcher's context, else the selected location. */
  private lookupContext(): LookupContext {
    const selected = this.s.locations.current;
    const locationId =
      positiveInt(this.values.path.location_id) ??
      positiveInt(this.values.query.location_id) ??
      this.context.locationId ??
      selected?.locationId;
    const sameLocation = locationId !== undefined && locationId === selected?.locationId;
    const chainId =
      positiveInt(this.values.path.chain_id) ??
      this.context.chainId ??
      (sameLocation || locationId === undefined ? selected?.chainId : undefined);
    return { ...(locationId ? { locationId } : {}), ...(chainId ? { chainId } : {}) };
  }

  /** The fields whose options are loaded whole (searched ones load as the user types). */
  private lookupFields(): string[] {
    return [
      ...new Set(
        allFields(this.model)
          .filter(({ field }) => field.lookup && !field.lookup.searchable)
          .map(({ field }) => field.name),
      ),
    ];
  }

  /** Reads the options of every loaded (not searched) lookup whose context changed. */
  private refreshLookups(): void {
    for (const field of this.lookupFields()) void this.loadLookup(field, false);
  }

  private async loadLookup(field: string, force: boolean): Promise<void> {
    const ctx = this.lookupContext();
    const key = LookupLoader.contextKey(ctx);
    if (!force && this.lookupContexts.get(field) === key) return;
    this.lookupContexts.set(field, key);
    this.channel.post({ type: 'lookup', field, status: 'loading', options: [] });
    const result = await this.lookups.load(field, ctx, force);
    if (this.lookupContexts.get(field) !== key) return;
    this.channel.post({ type: 'lookup', field, ...result });
  }

  private async search(field: string, term: string): Promise<void> {
    const result = await this.lookups.load(field, { ...this.lookupContext(), term });
    this.channel.post({ type: 'lookup', field, ...result, term });
  }

  private async chooseFile(key: string): Promise<void> {
    try {
      const chosen = await this.files.choose(vscode.l10n.t('Choose File'));
      if (chosen) this.channel.post({ type: 'fileChosen', key, ...chosen });
    } catch (e) {
      void vscode.window.showErrorMessage(e instanceof Error ? e.message : String(e));
    }
  }

  private async send(seq: number): Promise<void> {
    if (this.sending) return;
    const issues = this.validate(this.values);
    this.channel.post({ type: 'validation', seq, issues });
    if (issues.length > 0) return;
    const values = requestValues(this.model, this.values);
    const input: RequestInput = { operation: this.operation, pathParams: values.pathParams, query: values.query };
    if (values.body !== undefined)
      input.body =
        this.model.body?.contentType === 'multipart/form-data' ? await this.files.resolve(values.body) : values.body;
    const controller = new AbortController();
    input.signal = controller.signal;
    this.sending = controller;
    this.channel.post({ type: 'sending', sending: true });
    let exchange: Exchange | undefined;
    let result: ResultMessage;
    try {
      exchange = await this.s.pipeline.execute(input, { source: 'form' });
      result = exchange.error ? this.failureResult(exchange.error, exchange) : this.successResult(exchange);
    } catch (e) {
      result = this.failureResult(e, undefined);
    } finally {
      this.sending = undefined;
      this.channel.post({ type: 'sending', sending: false });
    }
    this.channel.post(result);
    if (exchange) {
      this.exchange = exchange;
      if (exchange.response || (exchange.error && exchange.error.kind !== 'cancelled'))
        await this.s.responses.show(exchange);
    }
  }

  private successResult(exchange: Exchange): ResultMessage {
    const r = exchange.response;
    return {
      type: 'result',
      outcome: 'success',
      title: r
        ? vscode.l10n.t('{0} {1} in {2}', r.status, r.statusText, units().duration(r.durationMs))
        : vscode.l10n.t('Sent'),
      summary: r
        ? inUiLanguage(
            summarizeResult(this.operation, r.data, {
              items: (count) => units().count(count, itemsPlural()),
              none: vscode.l10n.t('none'),
            }),
          )
        : [],
      issues: [],
      canOpenResponse: !!r,
    };
  }

  private failureResult(e: unknown, exchange: Exchange | undefined): ResultMessage {
    const base = { type: 'result' as const, summary: [], issues: [], canOpenResponse: false };
    if (e instanceof UserCancelledError)
      return { ...base, outcome: 'cancelled', title: vscode.l10n.t('Not sent'), message: e.message };
    if (e instanceof ReadOnlyError)
      return { ...base, outcome: 'blocked', title: vscode.l10n.t('Not sent'), message: e.message };
    if (isAltegioError(e)) {
      if (e.kind === 'cancelled')
        return { ...base, outcome: 'cancelled', title: vscode.l10n.t('Cancelled'), message: errorAdvice(e) };
      const status = e.status ?? e.response?.status;
      return {
        ...base,
        outcome: 'failure',
        title: errorTitle(e),
        message: [e.apiMessage ?? errorSummary(e), errorAdvice(e)].join(' — '),
        ...(status ? { status } : {}),
        issues: serverIssues(this.model, fieldProblems(e)),
        canOpenResponse: !!exchange,
      };
    }
    return {
      ...base,
      outcome: 'failure',
      title: vscode.l10n.t('Not sent'),
      message: e instanceof Error ? e.message : String(e),
    };
  }
}

/** The answer's fields keep their names; their English descriptions from the document go when the UI is not English. */
function inUiLanguage(items: SummaryItem[]): SummaryItem[] {
  return apiTexts().translated ? items.map(({ description: _english, ...item }) => item) : items;
}

export function formTitle(op: OperationSpec): string {
  const full = apiTexts().summary(op);
  const summary = full.length > 40 ? `${full.slice(0, 39)}…` : full;
  return `${op.method} ${summary}`;
}

function positiveInt(v: unknown): number | undefined {
  const n = typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : v;
  return typeof n === 'number' && Number.isInteger(n) && n > 0 ? n : undefined;
}

function definedOnly<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
