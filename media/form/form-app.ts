// The request form: header, session warnings, path/query/body fields (or the JSON editor), the send bar
// and the last result. Holds the values; the host validates every change and answers with the issues.
import { css, html, LitElement, nothing, type TemplateResult } from 'lit';
import type { FormField, FormLocation, FormModel, FormValues } from '../../src/api/form-types';
import type {
  AuthView,
  FieldIssue,
  FormHostMessage,
  FormWebviewMessage,
  FormWebviewState,
  UiState,
} from '../../src/protocol/form-protocol';
import type { FormStrings } from '../../src/protocol/form-strings';
import { sendAnywayProblems } from '../../src/protocol/send-anyway';
import { baseStyles } from '../shared/base-styles';
import { countText, fmt } from '../shared/format';
import type { HostChannel } from '../shared/host-channel';
import type { FormContext, LookupState } from './form-context';
import type { ResultMessage } from './result-card';
import { keyOf, keySegments, setIn, type Segment } from './values';
import { isRecord } from '../../src/api/is-record';

type Channel = HostChannel<FormHostMessage, FormWebviewMessage, FormWebviewState>;

export class FormApp extends LitElement {
  static override properties = {
    model: { state: true },
    values: { state: true },
    issues: { state: true },
    auth: { state: true },
    lookups: { state: true },
    files: { state: true },
    touched: { state: true },
    revealAll: { state: true },
    sending: { state: true },
    result: { state: true },
    ui: { state: true },
    jsonInvalid: { state: true },
  };

  declare model: FormModel | undefined;
  declare values: FormValues;
  declare issues: FieldIssue[];
  declare auth: AuthView | undefined;
  declare lookups: Map<string, LookupState>;
  declare files: Map<string, string>;
  declare touched: Set<string>;
  declare revealAll: boolean;
  declare sending: boolean;
  declare result: ResultMessage | undefined;
  declare ui: UiState;
  declare jsonInvalid: boolean;
  private strings!: FormStrings;
  private channel: Channel | undefined;
  private seq = 0;

  constructor() {
    super();
    this.values = { path: {}, query: {} };
    this.issues = [];
    this.lookups = new Map();
    this.files = new Map();
    this.touched = new Set();
    this.revealAll = false;
    this.sending = false;
    this.ui = { tab: 'fields' };
    this.jsonInvalid = false;
    this.addEventListener('keydown', (e) => this.onKey(e));
  }

  static override styles = [
    baseStyles,
    css`
      :host {
        display: block;
        padding: 12px 20px 40px;
        max-width: 860px;
      }
      header .line {
        display: flex;
        align-items: center;
        gap: 8px;
        flex-wrap: wrap;
      }
      header .path {
        overflow-wrap: anywhere;
      }
      h1 {
        font-size: 18px;
        font-weight: 600;
        margin: 6px 0 2px;
      }
      .meta {
        display: flex;
        flex-wrap: wrap;
        gap: 4px 14px;
        font-size: 12px;
        margin-bottom: 6px;
      }
      .meta vscode-icon {
        vertical-align: text-bottom;
      }
      h2 {
        font-size: 12px;
        text-transform: uppercase;
        letter-spacing: 0.04em;
        margin: 18px 0 8px;
        color: var(--vscode-descriptionForeground);
        font-weight: 600;
      }
      .description {
        white-space: pre-wrap;
        margin: 4px 0 8px;
      }
      .empty {
        font-size: 12px;
      }
      .sendbar {
        position: sticky;
        bottom: 0;
        z-index: 1;
        display: flex;
        align-items: center;
        justify-content: space-between;
        gap: 8px 16px;
        flex-wrap: wrap;
        margin-top: 16px;
        padding: 8px 0;
        background: var(--vscode-editor-background);
        border-top: 1px solid var(--vscode-panel-border);
      }
      .sendbar .primary,
      .sendbar .secondary {
        display: flex;
        align-items: center;
        gap: 8px;
      }
      .sendbar .primary {
        flex: 1 1 auto;
        min-width: 0;
      }
      .sendbar .secondary {
        flex: 0 0 auto;
      }
      .sendbar vscode-button {
        white-space: nowrap;
        flex: 0 0 auto;
      }
      .problems {
        font-size: 12px;
        min-width: 0;
      }
      .problem-list {
        font-size: 12px;
        margin: 6px 0 0;
        padding-left: 18px;
      }
      vscode-tabs {
        margin-top: 4px;
      }
      vscode-tab-panel {
        padding: 10px 2px 0;
      }
    `,
  ];

  connect(channel: Channel): void {
    this.channel = channel;
    channel.connect((m) => this.onMessage(m));
  }

  private onMessage(m: FormHostMessage): void {
    switch (m.type) {
      case 'init':
        this.strings = m.strings;
        this.model = m.model;
        this.values = m.values;
        this.auth = m.auth;
        this.ui = m.ui;
        this.issues = m.issues;
        this.touched = new Set(Object.keys(m.values.path).map((k) => keyOf('path', [k])));
        this.saveState();
        break;
      case 'validation':
        if (m.seq >= this.seq) this.issues = m.issues;
        break;
      case 'auth':
        this.auth = m.auth;
        break;
      case 'setValues':
        // The host already holds these values and sends their issues with them: nothing to echo back.
        this.values = m.values;
        this.issues = m.issues;
        this.saveState();
        break;
      case 'lookup':
        this.lookups = new Map(this.lookups).set(m.field, {
          status: m.status,
          options: m.options,
          message: m.message,
          term: m.term,
        });
        break;
      case 'sending':
        this.sending = m.sending;
        if (m.sending) this.result = undefined;
        break;
      case 'result':
        this.result = m;
        if (m.issues.length) {
          // Altegio named fields: show them next to the fields, with the schema's own issues.
          this.issues = [...this.issues.filter((i) => i.source !== 'server'), ...m.issues];
          this.revealAll = true;
        }
        break;
      case 'fileChosen':
        this.files = new Map(this.files).set(m.key, m.label);
        this.change(
          m.key.startsWith('body:') ? 'body' : m.key.startsWith('query:') ? 'query' : 'path',
          keySegments(m.key),
          m.token,
        );
        break;
    }
  }

  private post(message: FormWebviewMessage): void {
    this.channel?.post(message);
  }

  private saveState(): void {
    if (this.channel && this.model)
      this.channel.state = { operationId: this.model.operationId, values: this.values, ui: this.ui };
  }

  private change(location: FormLocation, segments: Segment[], value: unknown): void {
    if (location === 'body') this.values = { ...this.values, body: setIn(this.values.body, segments, value) };
    else
      this.values = {
        ...this.values,
        [location]: setIn(this.values[location], segments, value) as Record<string, unknown>,
      };
    this.changed();
  }

  private changed(): void {
    this.saveState();
    this.post({ type: 'change', seq: ++this.seq, values: this.values });
  }

  private get context(): FormContext {
    const byKey = new Map<string, FieldIssue[]>();
    for (const issue of this.issues) byKey.set(issue.key, [...(byKey.get(issue.key) ?? []), issue]);
    return {
      strings: this.strings,
      issues: byKey,
      touched: this.touched,
      revealAll: this.revealAll,
      lookups: this.lookups,
      files: this.files,
      disabled: this.sending,
      change: (location, segments, value) => this.change(location, segments, value),
      touch: (key) => {
        if (!this.touched.has(key)) this.touched = new Set(this.touched).add(key);
      },
      search: (field, term) => this.post({ type: 'lookupSearch', field, term }),
      reloadLookup: (field) => this.post({ type: 'lookupRefresh', field }),
      chooseFile: (key) => this.post({ type: 'chooseFile', key }),
    };
  }

  override render(): TemplateResult {
    const m = this.model;
    if (!m) return html`<vscode-progress-ring aria-label="…"></vscode-progress-ring>`;
    const ctx = this.context;
    return html`${this.renderHeader(m)} ${this.renderBanners(m)} ${this.renderParameters(m, ctx)}
      ${m.body ? this.renderBody(m, ctx) : nothing} ${this.renderSendBar()}
      <altegio-result-card
        .result=${this.result}
        .strings=${this.strings}
        @open-response=${() => this.post({ type: 'openResponse' })}
      ></altegio-result-card>`;
  }

  private renderHeader(m: FormModel): TemplateResult {
    const s = this.strings;
    return html`<header>
      <div class="line">
        <span class="method ${m.method}">${m.method}</span>
        <span class="path mono">${m.path}</span>
        ${m.deprecated ? html`<span class="badge">${s.deprecated}</span>` : nothing}
        ${m.docsUrl ? html`<button class="link" @click=${() => this.post({ type: 'openDocs' })}>${s.documentation}</button>` : nothing}
        <button class="link" @click=${() => this.post({ type: 'saveToNotebook' })}>${s.saveToNotebook}</button>
        <button class="link" @click=${() => this.post({ type: 'copyAsCode' })}>${s.copyAsCode}</button>
      </div>
      <h1>${m.summary}</h1>
      <div class="meta muted">
        <span>${m.section}</span>
        <span
          ><vscode-icon name="key" size="14"></vscode-icon>
          ${m.security === 'BearerPartner' ? s.securityPartner : s.securityPartnerUser} (${m.security})</span
        >
        ${this.auth ? html`<span><vscode-icon name="server-environment" size="14"></vscode-icon> ${fmt(s.environment, this.auth.environment)}</span>` : nothing}
      </div>
    </header>`;
  }

  private renderBanners(m: FormModel): TemplateResult {
    const s = this.strings;
    const a = this.auth;
    const banners: TemplateResult[] = [];
    if (a && !a.signedIn) {
      banners.push(
        html`<div class="banner warning" role="alert">
          <vscode-icon name="warning"></vscode-icon>
          <span class="grow">${fmt(s.notSignedIn, a.environment)}</span>
          <vscode-button @click=${() => this.post({ type: 'signIn' })}>${s.signIn}</vscode-button>
        </div>`,
      );
    } else if (a && m.security === 'BearerPartnerUser' && !a.hasUserToken) {
      banners.push(
        html`<div class="banner warning" role="alert">
          <vscode-icon name="warning"></vscode-icon>
          <span class="grow">${fmt(s.missingUserToken, a.environment)}</span>
          <vscode-button @click=${() => this.post({ type: 'signIn' })}>${s.signIn}</vscode-button>
        </div>`,
      );
    }
    if (a?.readOnlyBlocked) {
      banners.push(
        html`<div class="banner error" role="alert">
          <vscode-icon name="lock"></vscode-icon>
          <span class="grow">${fmt(s.readOnlyBlocked, a.environment)}</span>
          <vscode-button secondary @click=${() => this.post({ type: 'openSetting' })}>${s.openSetting}</vscode-button>
        </div>`,
      );
    } else if (m.destructive) {
      banners.push(
        html`<div class="banner warning">
          <vscode-icon name="warning"></vscode-icon><span class="grow">${s.destructive}</span>
        </div>`,
      );
    }
    return html`${banners}`;
  }

  private renderFields(
    location: FormLocation,
    fields: FormField[],
    values: Record<string, unknown>,
    ctx: FormContext,
  ): TemplateResult[] {
    return fields.map(
      (f) =>
        html`<altegio-field
          .field=${f}
          .location=${location}
          .segments=${[f.name]}
          .value=${values[f.name]}
          .ctx=${ctx}
        ></altegio-field>`,
    );
  }

  private renderParameters(m: FormModel, ctx: FormContext): TemplateResult {
    const s = this.strings;
    return html` ${this.extraDescription(m) ? html`<div class="description muted">${this.extraDescription(m)}</div>` : nothing}
    ${
      m.pathFields.length
        ? html`<h2>${s.pathParameters}</h2>
            ${this.renderFields('path', m.pathFields, this.values.path, ctx)}`
        : nothing
    }
    ${
      m.queryFields.length
        ? html`<h2>${s.queryParameters}</h2>
            ${this.renderFields('query', m.queryFields, this.values.query, ctx)}`
        : nothing
    }
    ${!m.pathFields.length && !m.queryFields.length && !m.body ? html`<p class="empty muted">${s.noParameters}</p>` : nothing}`;
  }

  /** The description without the summary it often starts with (the heading already shows it). */
  private extraDescription(m: FormModel): string {
    return (m.description.startsWith(m.summary) ? m.description.slice(m.summary.length) : m.description).trim();
  }

  private renderBody(m: FormModel, ctx: FormContext): TemplateResult {
    const s = this.strings;
    const body = m.body!;
    const rootIssues = this.issues.filter((i) => i.key === 'body:' && (this.revealAll || !i.missing));
    const jsonEditor = html`<altegio-json-editor
      .value=${this.values.body}
      .label=${s.body}
      .strings=${s}
      ?disabled=${this.sending}
      @json-change=${(e: CustomEvent<unknown>) => this.onBodyJson(e.detail)}
      @json-invalid=${() => {
        this.jsonInvalid = true;
      }}
    ></altegio-json-editor>`;
    const fields =
      body.shape === 'array'
        ? html`<altegio-field
            .field=${body.fields[0]}
            .location=${'body'}
            .segments=${[]}
            .value=${this.values.body}
            .ctx=${ctx}
          ></altegio-field>`
        : this.renderFields('body', body.fields, isRecord(this.values.body) ? this.values.body : {}, ctx);
    const heading = html`<h2>
        ${s.body}${body.required ? html` <span class="error" aria-hidden="true">*</span>` : nothing}
      </h2>
      ${rootIssues.map((i) => html`<div class="error" role="alert">⚠ ${i.message}</div>`)}`;
    if (body.mode === 'json') {
      const reason = {
        'no-schema': s.jsonOnlyNoSchema,
        'free-form': s.jsonOnlyFreeForm,
        'not-an-object': s.jsonOnlyNotObject,
        combinator: s.jsonOnlyCombinator,
      }[body.fallbackReason ?? 'no-schema'];
      return html`${heading}
        <p class="muted">${reason}</p>
        ${jsonEditor}${this.renderBodyIssues()}`;
    }
    if (!body.jsonEditable) return html`${heading}${fields}`;
    return html`${heading}
      <vscode-tabs
        .selectedIndex=${this.ui.tab === 'json' ? 1 : 0}
        @vsc-tabs-select=${(e: CustomEvent<{ selectedIndex: number }>) => this.selectTab(e.detail.selectedIndex)}
      >
        <vscode-tab-header slot="header">${s.fieldsTab}</vscode-tab-header>
        <vscode-tab-panel>${fields}</vscode-tab-panel>
        <vscode-tab-header slot="header">${s.jsonTab}</vscode-tab-header>
        <vscode-tab-panel
          ><p class="muted">${s.jsonBodyHelp}</p>
          ${this.ui.tab === 'json' ? jsonEditor : nothing}${this.ui.tab === 'json' ? this.renderBodyIssues() : nothing}</vscode-tab-panel
        >
      </vscode-tabs>`;
  }

  /** In the JSON editor every body issue is listed under it, since no field is there to carry it. */
  private renderBodyIssues(): TemplateResult | typeof nothing {
    const issues = this.issues.filter(
      (i) => i.key.startsWith('body:') && i.key !== 'body:' && (this.revealAll || !i.missing),
    );
    if (!issues.length) return nothing;
    return html`<ul class="problem-list error" role="alert">
      ${issues.map((i) => html`<li>${i.message}</li>`)}
    </ul>`;
  }

  private selectTab(index: number): void {
    this.ui = { tab: index === 1 ? 'json' : 'fields' };
    this.saveState();
    this.post({ type: 'uiState', tab: this.ui.tab });
  }

  private onBodyJson(value: unknown): void {
    this.jsonInvalid = false;
    const shape = this.model?.body?.shape;
    this.values = {
      ...this.values,
      body: value === undefined ? (shape === 'array' ? [] : shape === 'object' ? {} : undefined) : value,
    };
    this.changed();
  }

  /** Why nothing can be sent, whatever the values: the environment is read-only, or the tokens are missing. */
  private get blocked(): 'readOnly' | 'signedOut' | 'userToken' | undefined {
    const a = this.auth;
    if (!a) return undefined;
    if (a.readOnlyBlocked) return 'readOnly';
    if (!a.signedIn) return 'signedOut';
    if (this.model?.security === 'BearerPartnerUser' && !a.hasUserToken) return 'userToken';
    return undefined;
  }

  private get blockedReason(): string | undefined {
    const s = this.strings;
    const environment = this.auth?.environment ?? '';
    switch (this.blocked) {
      case 'readOnly':
        return fmt(s.readOnlyBlocked, environment);
      case 'signedOut':
        return fmt(s.notSignedIn, environment);
      case 'userToken':
        return fmt(s.missingUserToken, environment);
      default:
        return undefined;
    }
  }

  /** Said in the send bar instead of "Ready to send" while Send is disabled by `blocked`. */
  private get blockedStatus(): string | undefined {
    const s = this.strings;
    const blocked = this.blocked;
    return (
      blocked && { readOnly: s.blockedReadOnly, signedOut: s.blockedSignedOut, userToken: s.blockedUserToken }[blocked]
    );
  }

  private renderSendBar(): TemplateResult {
    const s = this.strings;
    const count = this.issues.filter((i) => i.source === 'schema').length + (this.jsonInvalid ? 1 : 0);
    const blocked = this.blockedReason;
    const disabled = this.sending || count > 0 || blocked !== undefined;
    const problems = count === 0 ? (this.blockedStatus ?? s.noProblems) : countText(s.problems, count);
    return html`<div class="sendbar">
      <div class="primary">
        <vscode-button icon="play" ?disabled=${disabled} title=${blocked ?? ''} @click=${() => this.send()}
          >${this.sending ? s.sending : s.send}</vscode-button
        >
        ${
          // Never the primary button: offered beside a disabled Send when the schema is all that objects.
          !this.sending && !blocked && !this.jsonInvalid && sendAnywayProblems(this.issues)
            ? html`<vscode-button
                class="send-anyway"
                secondary
                icon="warning"
                title=${s.sendAnywayHelp}
                @click=${() => this.sendAnyway()}
                >${s.sendAnyway}</vscode-button
              >`
            : nothing
        }
        ${
          this.sending
            ? html`<vscode-progress-ring aria-label=${s.sending}></vscode-progress-ring>
                <vscode-button secondary icon="close" @click=${() => this.post({ type: 'cancel' })}
                  >${s.cancel}</vscode-button
                >`
            : nothing
        }
        <span class="problems ${count ? 'error' : 'muted'}" role="status" aria-live="polite">
          ${count ? html`<button class="link" @click=${() => void this.focusFirstProblem()}>${problems}</button>` : problems}
        </span>
      </div>
      <div class="secondary">
        <vscode-button
          secondary
          icon="lightbulb"
          ?disabled=${this.sending}
          @click=${() => this.post({ type: 'fillExamples' })}
          >${s.fillExamples}</vscode-button
        >
        <vscode-button
          secondary
          icon="clear-all"
          ?disabled=${this.sending}
          @click=${() => {
            this.touched = new Set();
            this.revealAll = false;
            this.post({ type: 'reset' });
          }}
          >${s.clear}</vscode-button
        >
      </div>
    </div> `;
  }

  /** Shows every problem and moves the focus to the first field that has one (in the form's order). */
  private async focusFirstProblem(): Promise<void> {
    this.revealAll = true;
    const keys = new Set(this.issues.filter((i) => i.source === 'schema').map((i) => i.key));
    if (this.ui.tab === 'json' && [...keys].some((k) => k.startsWith('body:'))) this.selectTab(0);
    await this.updateComplete;
    for (const field of deepFields(this.renderRoot)) {
      await field.updateComplete;
      if (keys.has(field.dataset.key ?? '') && field.focusControl()) return;
    }
    // A problem no field carries (the body as a whole, or the JSON editor's): its message is under the heading.
    this.renderRoot.querySelector('[role="alert"]')?.scrollIntoView({ block: 'center' });
  }

  /** Ctrl+Enter (Cmd+Enter) sends from anywhere in the form, when Send is enabled. */
  private onKey(e: KeyboardEvent): void {
    if (e.key !== 'Enter' || !(e.ctrlKey || e.metaKey)) return;
    const button = this.renderRoot.querySelector<HTMLElement & { disabled: boolean }>('.sendbar vscode-button');
    if (button && !button.disabled) this.send();
  }

  private send(): void {
    this.revealAll = true;
    this.post({ type: 'send', seq: ++this.seq, values: this.values });
  }

  /** The host checks the problems again and asks in a modal that lists them before anything is sent. */
  private sendAnyway(): void {
    this.revealAll = true;
    this.post({ type: 'sendAnyway', seq: ++this.seq, values: this.values });
  }
}

/** Every field element under `root`, nested ones included, in document order (each field has its own shadow root). */
function deepFields(root: ParentNode): (HTMLElement & { focusControl(): boolean; updateComplete: Promise<boolean> })[] {
  const out: (HTMLElement & { focusControl(): boolean; updateComplete: Promise<boolean> })[] = [];
  const visit = (node: ParentNode): void => {
    for (const el of Array.from(node.querySelectorAll<HTMLElement>('*'))) {
      if (el.tagName === 'ALTEGIO-FIELD') out.push(el as (typeof out)[number]);
      if (el.shadowRoot) visit(el.shadowRoot);
    }
  };
  visit(root);
  return out;
}

customElements.define('altegio-form-app', FormApp);
