// The viewer's header: status, duration, size and the request line, with Pin, Open in Editor and Edit Request.
import { css, html, LitElement, nothing, type TemplateResult } from 'lit';
import type { ResponseView } from '../../src/protocol/response-protocol';
import type { ResponseStrings } from '../../src/protocol/response-strings';
import { baseStyles } from '../shared/base-styles';
import { fmt, formatBytes, formatCount, formatDateTime, formatMs } from '../shared/format';

export class ResponseHeader extends LitElement {
  static override properties = {
    view: { attribute: false },
    strings: { attribute: false },
    pinned: { type: Boolean },
  };

  declare view: ResponseView;
  declare strings: ResponseStrings;
  declare pinned: boolean;

  static override styles = [
    baseStyles,
    css`
      :host {
        display: block;
      }
      .top {
        display: flex;
        align-items: center;
        gap: 10px;
        flex-wrap: wrap;
      }
      .status {
        font-weight: 700;
        padding: 1px 8px;
        border-radius: 2px;
        border: 1px solid currentColor;
      }
      .status.ok {
        color: var(--vscode-testing-iconPassed);
      }
      .status.client {
        color: var(--vscode-editorWarning-foreground);
      }
      .status.fail {
        color: var(--vscode-errorForeground);
      }
      .title {
        font-weight: 600;
      }
      .grow {
        flex: 1;
      }
      .line {
        display: flex;
        align-items: center;
        gap: 8px;
        margin-top: 4px;
        flex-wrap: wrap;
      }
      .url {
        overflow-wrap: anywhere;
      }
      .facts {
        display: flex;
        gap: 14px;
        flex-wrap: wrap;
        font-size: 12px;
        margin-top: 4px;
      }
    `,
  ];

  override render(): TemplateResult {
    const v = this.view;
    const s = this.strings;
    const statusClass = v.status === undefined ? 'fail' : v.status < 300 ? 'ok' : v.status < 500 ? 'client' : 'fail';
    return html`<div class="top">
        <span class="status ${statusClass}" role="status"
          >${v.status === undefined ? s.noStatus : `${v.status} ${v.statusText ?? ''}`.trim()}</span
        >
        <span class="title">${v.title}</span>
        <span class="grow"></span>
        <vscode-button secondary icon="edit" @click=${() => this.fire('edit-request')}>${s.editRequest}</vscode-button>
        <vscode-button
          secondary
          icon="go-to-file"
          ?disabled=${v.bodyState === 'empty' || v.bodyState === 'unavailable'}
          @click=${() => this.fire('open-in-editor')}
          >${s.openInEditor}</vscode-button
        >
        <vscode-button
          secondary
          icon=${this.pinned ? 'pinned' : 'pin'}
          aria-pressed=${this.pinned ? 'true' : 'false'}
          @click=${() => this.fire('toggle-pin')}
          >${this.pinned ? s.unpin : s.pin}</vscode-button
        >
      </div>
      <div class="line"><span class="method ${v.method}">${v.method}</span><span class="url mono">${v.path}</span></div>
      <div class="facts muted">
        ${v.durationMs !== undefined ? html`<span>${fmt(s.duration, formatMs(v.durationMs))}</span>` : nothing}
        ${v.sizeBytes !== undefined ? html`<span>${fmt(s.size, formatBytes(v.sizeBytes))}</span>` : nothing}
        ${v.attempts && v.attempts > 1 ? html`<span>${formatCount(v.attempts, s.attempts)}</span>` : nothing}
        <span>${fmt(s.environment, v.environment)}</span>
        <span>${formatDateTime(v.time)}</span>
      </div>`;
  }

  private fire(name: string): void {
    this.dispatchEvent(new CustomEvent(name));
  }
}

customElements.define('altegio-response-header', ResponseHeader);
