// Explains a failed exchange: Altegio's meta.message, the field errors, and what to do about it.
import { css, html, LitElement, nothing, type TemplateResult } from 'lit';
import type { ErrorAction, ErrorView } from '../../src/protocol/response-protocol';
import type { ResponseStrings } from '../../src/protocol/response-strings';
import { baseStyles } from '../shared/base-styles';
import { calloutHeading, calloutStyles } from '../shared/callout';

export class ErrorPanel extends LitElement {
  static override properties = {
    error: { attribute: false },
    strings: { attribute: false },
  };

  declare error: ErrorView;
  declare strings: ResponseStrings;

  static override styles = [
    baseStyles,
    calloutStyles,
    css`
      section {
        margin: 8px 0;
        border: 1px solid var(--vscode-inputValidation-errorBorder);
        background: var(--vscode-inputValidation-errorBackground);
      }
      h2 {
        margin: 0 0 4px;
      }
      h3 {
        font-size: 12px;
        margin: 8px 0 2px;
      }
      p {
        margin: 2px 0;
      }
      ul {
        margin: 2px 0;
        padding-left: 18px;
      }
      .field {
        font-family: var(--vscode-editor-font-family);
      }
      .actions {
        display: flex;
        gap: 8px;
        margin-top: 8px;
      }
    `,
  ];

  override render(): TemplateResult {
    const e = this.error;
    const s = this.strings;
    const labels: Record<ErrorAction, [string, string]> = {
      signIn: [s.signIn, 'sign-in'],
      openHistory: [s.openHistory, 'history'],
      editRequest: [s.editRequest, 'edit'],
      retry: [s.retry, 'refresh'],
    };
    return html`<section role="alert">
      ${calloutHeading('error', e.title)}
      ${e.apiMessage ? html`<p><strong>${s.altegioSaid}</strong> ${e.apiMessage}</p>` : html`<p>${e.message}</p>`}
      ${!e.sent ? html`<p class="muted">${s.notSent}</p>` : nothing}
      ${
        e.fieldErrors.length
          ? html`<h3>${s.fieldErrors}</h3>
              <ul>
                ${e.fieldErrors.map(([f, msgs]) => html`<li>${fieldLine(f, msgs)}</li>`)}
              </ul>`
          : nothing
      }
      <h3>${s.whatToDo}</h3>
      <p>${e.advice}</p>
      ${
        e.actions.length
          ? html`<div class="actions">
              ${e.actions.map(
                (a) =>
                  html`<vscode-button
                    secondary
                    icon=${labels[a][1]}
                    @click=${() => this.dispatchEvent(new CustomEvent('error-action', { detail: a }))}
                    >${labels[a][0]}</vscode-button
                  >`,
              )}
            </div>`
          : nothing
      }
    </section>`;
  }
}

/** "field: message"; Altegio's messages often start with the field's name already, and then stand alone. */
function fieldLine(field: string, messages: string[]): TemplateResult {
  const text = messages.join('; ');
  return text.startsWith(field)
    ? html`<span class="field">${field}</span>${text.slice(field.length)}`
    : html`<span class="field">${field}</span>: ${text}`;
}

customElements.define('altegio-error-panel', ErrorPanel);
