// One request form: a webview panel for one operation. It holds the values the app reports, validates every
// change, reads lookup options, and sends through the request pipeline (read-only production, confirmation of
// destructive operations, history, log), then shows the answer in the response viewer.
import * as vscode from 'vscode';
import type { OperationSpec } from '../../api/catalog';
import { isAltegioError, type AltegioError } from '../../api/errors';
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
import { shortSummary } from '../../api/short-summary';
import { lookupByKey, type LookupContext } from '../../api/lookups';
import { positiveId, resolveContext, type EntityContext } from '../../api/request-context';
import type { BusinessDirectory } from '../../services/business-directory';
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
import { countText, itemsPlural, plural } from '../../services/plural';
import { ReadOnlyError, UserCancelledError } from '../../services/refusals';
import type { Exchange, RequestPipeline } from '../../services/request-pipeline';
import { sendAnywayProblems } from '../../protocol/send-anyway';
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
  /** Where the request happens (the tree item, the default location …): also what lookups read from. */
  context: EntityContext;
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
  directory: Pick<BusinessDirectory, 'read' | 'chainOf'>;
  responses: ResponsePresenter;
  catalog: CatalogSource;
  observer?: PanelObserver;
}

export class FormPanel extends WebviewPanelHost<FormWebviewMessage, FormHostMessage> {
  readonly model: FormModel;
  private values: FormValues;
  private ui: UiState;
  private context: EntityContext;
  private readonly lookups: LookupLoader;
  /** The lookup context each field's options were last read for. */
  private readonly lookupContexts = new Map<string, string>();
  /** Counts lookup refreshes, so that a slower, older one cannot overwrite a newer one. */
  private refreshes = 0;
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
      title: formTitle(operation, s.catalog),
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
    this.lookups = new LookupLoader(s.pipeline, s.catalog, failureText, s.directory);
    this.register(
      s.auth.onDidChange(() => {
        this.channel.post({ type: 'auth', auth: this.auth() });
        // Other tokens may see other lists: every lookup is read again.
        this.lookups.clear();
        this.lookupContexts.clear();
        this.refreshLookups();
      }),
    );
    this.register(s.locations.onDidChange(() => this.refreshLookups()));
  }

  protected override onClosed(): void {
    this.sending?.abort();
  }

  /** What a replacement panel starts from. */
  snapshot(): FormPanelStart {
    return { values: this.values, ui: this.ui, context: this.context };
  }

  /** The request the form holds now, valid or not (Save to Notebook, Copy as Code); file fields are left out. */
  currentRequest(): Omit<RequestInput, 'signal'> {
    const values = requestValues(this.model, this.values);
    const input: Omit<RequestInput, 'signal'> = {
      operation: this.operation,
      pathParams: values.pathParams,
      query: values.query,
    };
    if (values.body !== undefined && this.model.body?.contentType !== 'multipart/form-data') input.body = values.body;
    return input;
  }

  reveal(): void {
    this.panel.reveal();
  }

  /** Puts a launcher's prefill over what the form holds (reopening an open form with new values). */
  applyPrefill(given: Partial<FormValues>, context: EntityContext): void {
    // The new context's ids fill their fields too, and the values passed win over them.
    const prefill = initialValues(this.model, context, given);
    const body =
      this.model.body?.shape === 'object' && isRecord(prefill.body)
        ? { ...(isRecord(this.values.body) ? this.values.body : {}), ...prefill.body }
        : (prefill.body ?? this.values.body);
    this.values = {
      path: { ...this.values.path, ...prefill.path },
      query: { ...this.values.query, ...prefill.query },
      ...(this.model.body ? { body } : {}),
    };
    this.context = resolveContext([context, this.context]);
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
        return this.send(m.seq, false);
      case 'sendAnyway':
        this.values = m.values;
        return this.send(m.seq, true);
      case 'cancel':
        this.sending?.abort();
        return;
      case 'fillExamples':
        this.values = exampleValues(this.model, this.values);
        this.channel.post({ type: 'setValues', values: this.values, issues: this.validate(this.values) });
        return;
      case 'reset':
        this.values = initialValues(this.model, this.context);
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
      case 'saveToNotebook':
      case 'copyAsCode':
        // The form's own request, whichever tab is active: the notebook commands take it as their source.
        await vscode.commands.executeCommand(`altegio.${m.type}`, this.currentRequest());
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

  /**
   * Where lookups read from: the location and chain the form holds (typed or picked), else its context, else the
   * default location. A location without a known chain takes its chain from the business directory, so that
   * typing 720441 into location_id loads the card types of its chain.
   */
  private async lookupContext(): Promise<LookupContext> {
    const selected = this.s.locations.current;
    const values = this.values;
    const body = isRecord(values.body) ? values.body : {};
    const typedLocation =
      positiveId(values.path.location_id) ?? positiveId(values.query.location_id) ?? positiveId(body.location_id);
    const typedChain = positiveId(values.path.chain_id) ?? positiveId(values.query.chain_id);
    const ctx = resolveContext([
      { locationId: typedLocation, chainId: typedChain },
      this.context,
      selected && { locationId: selected.locationId, chainId: selected.chainId },
    ]);
    if (ctx.locationId && !ctx.chainId)
      ctx.chainId = await this.s.directory.chainOf(ctx.locationId).catch(() => undefined);
    return {
      ...(ctx.locationId ? { locationId: ctx.locationId } : {}),
      ...(ctx.chainId ? { chainId: ctx.chainId } : {}),
    };
  }

  /** The lookup of each field name the form has (searched ones included), from the model. */
  private lookupFields(): Map<string, string> {
    const out = new Map<string, string>();
    for (const { field } of allFields(this.model)) if (field.lookup) out.set(field.name, field.lookup.key);
    return out;
  }

  /** Reads the options of every loaded (not searched) lookup whose context changed. */
  private refreshLookups(): void {
    void this.refreshLookupsNow();
  }

  private async refreshLookupsNow(): Promise<void> {
    const round = ++this.refreshes;
    const ctx = await this.lookupContext();
    if (round !== this.refreshes) return;
    for (const [field, key] of this.lookupFields())
      if (!lookupByKey(key)?.searchable) void this.loadLookup(field, false, ctx);
  }

  private async loadLookup(field: string, force: boolean, given?: LookupContext): Promise<void> {
    const spec = lookupByKey(this.lookupFields().get(field) ?? '');
    if (!spec) return;
    const ctx = given ?? (await this.lookupContext());
    const key = LookupLoader.contextKey(ctx, spec);
    if (!force && this.lookupContexts.get(field) === key) return;
    this.lookupContexts.set(field, key);
    this.channel.post({ type: 'lookup', field, status: 'loading', options: [] });
    const result = await this.lookups.loadSpec(spec, ctx, force);
    if (this.lookupContexts.get(field) !== key) return;
    this.channel.post({ type: 'lookup', field, ...result });
  }

  private async search(field: string, term: string): Promise<void> {
    const spec = lookupByKey(this.lookupFields().get(field) ?? '');
    if (!spec?.searchable) return;
    const result = await this.lookups.loadSpec(spec, { ...(await this.lookupContext()), term });
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

  /**
   * Sends the form's values. With problems, only `anyway` sends, and only when every problem is the schema's
   * (the app offers it so; the host checks again): the pipeline then asks in a modal that lists them.
   */
  private async send(seq: number, anyway: boolean): Promise<void> {
    if (this.sending) return;
    const issues = this.validate(this.values);
    this.channel.post({ type: 'validation', seq, issues });
    const overridden = issues.length > 0 && anyway ? sendAnywayProblems(issues) : undefined;
    if (issues.length > 0 && !overridden) return;
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
      exchange = await this.s.pipeline.execute(input, {
        source: 'form',
        ...(overridden ? { sendAnyway: overridden.map((i) => i.message) } : {}),
      });
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
              items: (n) => countText(itemsPlural(), n),
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
        ...(status ? { status } : {}),
        ...this.sayOnce(e),
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

  /**
   * Each of Altegio's words in one place: a field error next to its field (the banner only counts them), and
   * what no field carries in the banner, with the advice.
   */
  private sayOnce(e: AltegioError): { message: string; issues: FieldIssue[] } {
    const all = serverIssues(this.model, fieldProblems(e));
    const placed = all.filter((i) => !i.key.endsWith(':'));
    const unplaced = all.filter((i) => i.key.endsWith(':')).map((i) => i.message);
    const saidAtFields = (text: string) => placed.some((i) => i.message.includes(text) || text.includes(i.message));
    const said = e.apiMessage && !saidAtFields(e.apiMessage) && !unplaced.includes(e.apiMessage) ? e.apiMessage : '';
    if (placed.length === 0)
      return { message: [unplaced.join('; ') || said || errorSummary(e), errorAdvice(e)].join(' — '), issues: [] };
    const marked = countText(
      plural(
        vscode.l10n.t({
          message:
            'Altegio refused {0} value; it is marked at its field.|Altegio refused {0} values; they are marked at their fields.',
          comment: 'plural: forms split by |, one per CLDR category of the language in order (ru: one|few|many|other)',
        }),
      ),
      placed.length,
    );
    return { message: [said, ...unplaced, marked].filter(Boolean).join(' — '), issues: placed };
  }
}

/** The answer's fields keep their names; their English descriptions from the document go when the UI is not English. */
function inUiLanguage(items: SummaryItem[]): SummaryItem[] {
  return apiTexts().translated ? items.map(({ description: _english, ...item }) => item) : items;
}

/**
 * The form's tab: the method and the operation's short label (the heading inside has the whole summary); in another
 * language the catalogue's translated summary, cut to the tab's width.
 */
export function formTitle(op: OperationSpec, catalog: CatalogSource): string {
  const texts = apiTexts();
  if (!texts.translated) return `${op.method} ${shortSummary(catalog(), op)}`;
  const full = texts.summary(op);
  return `${op.method} ${full.length > 40 ? `${full.slice(0, 39)}…` : full}`;
}
