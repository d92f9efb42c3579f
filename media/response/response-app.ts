// The response viewer: header, the error explained, and the tabs Data (table or tree), Raw JSON, Headers
// and Request. Lists page on (Next page, Fetch all pages) through the host, which holds the client.
import { css, html, LitElement, nothing, type TemplateResult } from 'lit';
import {
  DATA_SHOWN_MEASURE,
  type ResponseHostMessage,
  type ResponseView,
  type ResponseWebviewMessage,
  type ResponseWebviewState,
} from '../../src/protocol/response-protocol';
import type { ResponseStrings } from '../../src/protocol/response-strings';
import { baseStyles, fillColumn } from '../shared/base-styles';
import { countText, fmt, formatBytes, useUnitStrings } from '../shared/format';
import type { HostChannel } from '../shared/host-channel';
import type { DataTable } from './data-table';

type Channel = HostChannel<ResponseHostMessage, ResponseWebviewMessage, ResponseWebviewState>;
type Paging = Extract<ResponseHostMessage, { type: 'paging' }>;

const TABS = ['data', 'raw', 'headers', 'request'] as const;

export class ResponseApp extends LitElement {
  static override properties = {
    view: { state: true },
    pinned: { state: true },
    tab: { state: true },
    paging: { state: true },
    notice: { state: true },
  };

  declare view: ResponseView | undefined;
  declare pinned: boolean;
  declare tab: number;
  declare paging: Paging | undefined;
  declare notice: string | undefined;
  private strings!: ResponseStrings;
  private channel: Channel | undefined;
  private rawText: { view: ResponseView; text: string } | undefined;
  private shownAt = 0;
  private reported = true;

  constructor() {
    super();
    this.pinned = false;
    this.tab = 0;
  }

  static override styles = [
    baseStyles,
    css`
      :host {
        display: flex;
        flex-direction: column;
        height: 100vh;
        box-sizing: border-box;
        padding: 10px 16px 8px;
      }
      [role='tablist'] {
        display: flex;
        gap: 2px;
        border-bottom: 1px solid var(--vscode-panel-border);
        margin-top: 10px;
      }
      [role='tab'] {
        all: unset;
        cursor: pointer;
        padding: 4px 10px;
        border-bottom: 2px solid transparent;
        color: var(--vscode-descriptionForeground);
      }
      [role='tab'][aria-selected='true'] {
        color: var(--vscode-foreground);
        border-bottom-color: var(--vscode-focusBorder);
      }
      [role='tab']:hover {
        color: var(--vscode-foreground);
      }
      [role='tab']:focus-visible {
        outline: 1px solid var(--vscode-focusBorder);
        outline-offset: -1px;
      }
      [role='tabpanel'] {
        ${fillColumn}
        padding-top: 8px;
        overflow: auto;
      }
      [role='tabpanel'].fill {
        overflow: hidden;
      }
      .paging {
        display: flex;
        align-items: center;
        gap: 8px;
      }
      .paging vscode-progress-bar {
        width: 160px;
      }
      table {
        border-collapse: collapse;
        width: 100%;
        margin-bottom: 14px;
      }
      th,
      td {
        text-align: left;
        padding: 2px 8px;
        border-bottom: 1px solid var(--vscode-panel-border);
        vertical-align: top;
      }
      td:first-child {
        font-family: var(--vscode-editor-font-family);
        white-space: nowrap;
        width: 1%;
      }
      td:last-child {
        overflow-wrap: anywhere;
        font-family: var(--vscode-editor-font-family);
      }
      h3 {
        font-size: 12px;
        margin: 4px 0;
      }
      .note {
        padding: 10px 0;
      }
      .notice {
        font-size: 12px;
        margin: 4px 0;
      }
    `,
  ];

  connect(channel: Channel): void {
    this.channel = channel;
    const saved = channel.state;
    if (saved) {
      this.pinned = saved.pinned;
      this.tab = saved.tab;
    }
    channel.connect((m) => this.onMessage(m));
  }

  private onMessage(m: ResponseHostMessage): void {
    switch (m.type) {
      case 'show':
        this.strings = m.strings;
        useUnitStrings(m.strings.units);
        this.view = m.view;
        this.pinned = m.pinned;
        this.paging = undefined;
        this.notice = undefined;
        this.rawText = undefined;
        this.shownAt = this.channel?.lastMessageAt || performance.now();
        this.reported = false;
        if (m.view.error && this.tab !== 0) this.tab = 0;
        this.saveState();
        break;
      case 'pinned':
        this.pinned = m.pinned;
        this.saveState();
        break;
      case 'paging':
        this.paging = m;
        break;
      case 'notice':
        this.notice = m.message;
        break;
    }
  }

  private post(message: ResponseWebviewMessage): void {
    this.channel?.post(message);
  }

  private saveState(): void {
    if (this.channel)
      this.channel.state = {
        ...(this.view?.historyId ? { historyId: this.view.historyId } : {}),
        pinned: this.pinned,
        tab: this.tab,
      };
  }

  override updated(): void {
    if (this.reported || !this.view) return;
    this.reported = true;
    // Once the frame that shows the data is painted (a task queued from that frame's animation callback runs
    // after its paint): what a user waits for. A user-timing measure, so the browser's performance tools (and the
    // benchmark) see it.
    const table = this.renderRoot.querySelector<DataTable>('altegio-data-table');
    const start = this.shownAt;
    const done = (): void => void performance.measure(DATA_SHOWN_MEASURE, { start });
    void (table?.updateComplete ?? Promise.resolve()).then(() => requestAnimationFrame(() => setTimeout(done, 0)));
  }

  override render(): TemplateResult {
    const v = this.view;
    if (!v) return html`<vscode-progress-ring></vscode-progress-ring>`;
    const s = this.strings;
    const labels = [s.dataTab, s.rawTab, s.headersTab, s.requestTab];
    return html`<altegio-response-header
        .view=${v}
        .strings=${s}
        ?pinned=${this.pinned}
        @toggle-pin=${() => this.post({ type: 'pin', pinned: !this.pinned })}
        @open-in-editor=${() => this.post({ type: 'openInEditor' })}
        @edit-request=${() => this.post({ type: 'action', action: 'editRequest' })}
        @save-to-notebook=${() => this.post({ type: 'saveToNotebook' })}
        @copy-as-code=${() => this.post({ type: 'copyAsCode' })}
      ></altegio-response-header>
      ${
        v.error
          ? html`<altegio-error-panel
              .error=${v.error}
              .strings=${s}
              @error-action=${(e: CustomEvent<'signIn' | 'openHistory' | 'editRequest' | 'retry'>) => this.post({ type: 'action', action: e.detail })}
            ></altegio-error-panel>`
          : nothing
      }
      ${this.notice ? html`<div class="notice muted" role="status">${this.notice}</div>` : nothing}
      <div role="tablist" aria-label=${v.title} @keydown=${(e: KeyboardEvent) => this.onTabKey(e)}>
        ${labels.map(
          (label, i) =>
            html`<button
              role="tab"
              id=${`tab-${TABS[i]}`}
              aria-controls="panel"
              aria-selected=${i === this.tab ? 'true' : 'false'}
              tabindex=${i === this.tab ? 0 : -1}
              @click=${() => this.selectTab(i)}
            >
              ${label}
            </button>`,
        )}
      </div>
      <div
        role="tabpanel"
        id="panel"
        aria-labelledby=${`tab-${TABS[this.tab]}`}
        class=${this.tab === 0 && Array.isArray(this.data) ? 'fill' : ''}
      >
        ${this.renderTab(v)}
      </div>`;
  }

  private selectTab(index: number): void {
    this.tab = index;
    this.saveState();
  }

  private onTabKey(e: KeyboardEvent): void {
    const next =
      e.key === 'ArrowRight'
        ? (this.tab + 1) % TABS.length
        : e.key === 'ArrowLeft'
          ? (this.tab + TABS.length - 1) % TABS.length
          : undefined;
    if (next === undefined) return;
    e.preventDefault();
    this.selectTab(next);
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`#tab-${TABS[next]}`)?.focus());
  }

  /**
   * The data: `body.data` for enveloped answers, else the whole body. An envelope without data (an error's
   * `data: null`) shows whole, since its meta is what matters.
   */
  private get data(): unknown {
    const v = this.view;
    if (!v || v.bodyState !== 'included') return undefined;
    const body = v.body;
    if (v.dataPath === 'data' && body !== null && typeof body === 'object' && !Array.isArray(body)) {
      const data = (body as Record<string, unknown>).data;
      return data === null || data === undefined ? body : data;
    }
    return body;
  }

  private renderTab(v: ResponseView): TemplateResult {
    switch (TABS[this.tab]) {
      case 'raw':
        return this.renderRaw(v);
      case 'headers':
        return this.renderHeaders(v);
      case 'request':
        return this.renderRequest(v);
      default:
        return this.renderData(v);
    }
  }

  private renderData(v: ResponseView): TemplateResult {
    const s = this.strings;
    if (v.bodyState === 'tooLarge') {
      return html`<div class="note">
          ${fmt(s.tooLarge, formatBytes(v.sizeBytes ?? 0), formatBytes(v.largeThresholdBytes))}
        </div>
        <div>
          <vscode-button icon="go-to-file" @click=${() => this.post({ type: 'openInEditor' })}
            >${s.openInEditor}</vscode-button
          >
        </div>`;
    }
    if (v.bodyState === 'empty') return html`<div class="note muted">${s.emptyBody}</div>`;
    if (v.bodyState === 'unavailable') return html`<div class="note muted">${s.unavailable}</div>`;
    const data = this.data;
    if (Array.isArray(data)) {
      return html`${this.renderCombined(v)}
        <altegio-data-table
          .rows=${data}
          .strings=${s}
          @export-csv=${(e: CustomEvent<{ csv: string; rows: number }>) => this.post({ type: 'saveCsv', ...e.detail })}
        >
          <span slot="actions">${this.renderPaging(v)}</span>
        </altegio-data-table>`;
    }
    if (data !== null && typeof data === 'object')
      return html`<altegio-json-tree .value=${data} .strings=${s} .expandDepth=${2}></altegio-json-tree>`;
    return html`<altegio-json-tree .value=${data === undefined ? null : data} .strings=${s}></altegio-json-tree>`;
  }

  private renderCombined(v: ResponseView): TemplateResult | typeof nothing {
    const s = this.strings;
    const c = v.combined;
    if (!c) {
      const total = v.paging?.total;
      const loaded = Array.isArray(this.data) ? this.data.length : 0;
      return total !== undefined && total > loaded
        ? html`<div class="notice muted">${countText(s.loadedOfTotal, total, loaded)}</div>`
        : nothing;
    }
    return html`<div class="notice muted">
      ${fmt(s.combined, countText(s.items, c.items), countText(s.pages, c.pages))}${c.truncated ? ` ${s.combinedTruncated}` : ''}
    </div>`;
  }

  private renderPaging(v: ResponseView): TemplateResult | typeof nothing {
    const s = this.strings;
    const p = this.paging;
    if (p?.phase === 'running') {
      const text =
        p.total !== undefined
          ? countText(s.pagingProgressTotal, p.total, p.page, p.items)
          : countText(s.pagingProgress, p.items, p.page);
      return html`<span class="paging" role="status">
        <vscode-progress-bar
          .value=${p.total ? Math.min(100, (p.items / p.total) * 100) : undefined}
          ?indeterminate=${!p.total}
          aria-label=${text}
        ></vscode-progress-bar>
        <span class="muted">${text}</span>
        <vscode-button secondary icon="close" @click=${() => this.post({ type: 'cancelPaging' })}
          >${s.cancel}</vscode-button
        >
      </span>`;
    }
    if (!v.paging) return nothing;
    return html`<span class="paging">
      ${v.paging.canNext ? html`<vscode-button secondary icon="arrow-right" @click=${() => this.post({ type: 'nextPage' })}>${s.nextPage}</vscode-button>` : nothing}
      ${v.paging.canFetchAll ? html`<vscode-button secondary icon="cloud-download" @click=${() => this.post({ type: 'fetchAll' })}>${s.fetchAll}</vscode-button>` : nothing}
      ${p?.message ? html`<span class=${p.phase === 'failed' ? 'error' : 'muted'}>${p.message}</span>` : nothing}
    </span>`;
  }

  private renderRaw(v: ResponseView): TemplateResult {
    const s = this.strings;
    if (v.bodyState !== 'included') return this.renderData(v);
    if (this.rawText?.view !== v) this.rawText = { view: v, text: JSON.stringify(v.body, null, 2) ?? '' };
    return html`<altegio-code-block
      .text=${this.rawText.text}
      .heading=${s.rawTab}
      .copyLabel=${s.copy}
      .cutNotice=${s.cutNotice}
      @copy-text=${(e: CustomEvent<string>) => this.post({ type: 'copy', what: 'json', text: e.detail })}
    ></altegio-code-block>`;
  }

  private renderHeaders(v: ResponseView): TemplateResult {
    const s = this.strings;
    const table = (rows: [string, string][]) =>
      rows.length
        ? html`<table>
            <tbody>
              ${rows.map(
                ([k, val]) =>
                  html`<tr>
                    <td>${k}</td>
                    <td>${val}</td>
                  </tr>`,
              )}
            </tbody>
          </table>`
        : html`<p class="muted">${s.noHeaders}</p>`;
    return html`<h3>${s.responseHeaders}</h3>
      ${table(v.responseHeaders)}
      <h3>${s.requestHeaders}</h3>
      ${table(v.requestHeaders)}`;
  }

  private renderRequest(v: ResponseView): TemplateResult {
    const s = this.strings;
    const copy = (what: 'curl' | 'http') => (e: CustomEvent<string>) =>
      this.post({ type: 'copy', what, text: e.detail });
    return html`<p class="muted">${s.tokensMasked}</p>
      <altegio-code-block
        .text=${v.curl}
        .heading=${s.curl}
        .copyLabel=${s.copy}
        .cutNotice=${s.cutNotice}
        @copy-text=${copy('curl')}
      ></altegio-code-block>
      <altegio-code-block
        .text=${v.http}
        .heading=${s.httpFile}
        .copyLabel=${s.copy}
        .cutNotice=${s.cutNotice}
        @copy-text=${copy('http')}
      ></altegio-code-block>`;
  }
}

customElements.define('altegio-response-app', ResponseApp);
