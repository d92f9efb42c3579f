// What came back from the last send: the outcome, a summary of the answer (an issued card's number, type,
// balance, points and programs) and the way to the full response. Altegio's field errors are not repeated
// here: they stand next to their fields, and this card only counts them.
import { css, html, LitElement, nothing, type TemplateResult } from 'lit';
import type { FormHostMessage } from '../../src/protocol/form-protocol';
import type { FormStrings } from '../../src/protocol/form-strings';
import { baseStyles } from '../shared/base-styles';
import { calloutHeading, calloutStyles } from '../shared/callout';

export type ResultMessage = Extract<FormHostMessage, { type: 'result' }>;

export class ResultCard extends LitElement {
  static override properties = {
    result: { attribute: false },
    strings: { attribute: false },
  };

  declare result: ResultMessage | undefined;
  declare strings: FormStrings;

  static override styles = [
    baseStyles,
    calloutStyles,
    css`
      section {
        margin: 12px 0;
        border: 1px solid var(--vscode-widget-border, var(--vscode-panel-border));
        background: var(--vscode-editorWidget-background);
      }
      section.success {
        border-left: 3px solid var(--vscode-testing-iconPassed);
      }
      section.failure,
      section.blocked {
        border-left: 3px solid var(--vscode-errorForeground);
      }
      section.cancelled {
        border-left: 3px solid var(--vscode-descriptionForeground);
      }
      h2 {
        margin: 0 0 6px;
      }
      dl {
        display: grid;
        grid-template-columns: max-content 1fr;
        gap: 2px 16px;
        margin: 6px 0;
      }
      dt {
        font-family: var(--vscode-editor-font-family);
      }
      dd {
        margin: 0;
        overflow-wrap: anywhere;
      }
      dd .muted {
        margin-left: 6px;
        font-size: 12px;
      }
    `,
  ];

  override render(): TemplateResult | typeof nothing {
    const r = this.result;
    if (!r) return nothing;
    const icon = r.outcome === 'success' ? 'pass' : r.outcome === 'cancelled' ? 'circle-slash' : 'error';
    return html`<section class=${r.outcome} role="status" aria-live="polite">
      ${calloutHeading(icon, r.title)} ${r.message ? html`<div>${r.message}</div>` : nothing}
      ${
        r.summary.length
          ? html`<dl>
              ${r.summary.map(
                (i) =>
                  html`<dt>${i.label}</dt>
                    <dd>${i.value}${i.description ? html`<span class="muted">${i.description}</span>` : nothing}</dd>`,
              )}
            </dl>`
          : nothing
      }
      ${r.canOpenResponse ? html`<vscode-button secondary icon="json" @click=${() => this.dispatchEvent(new CustomEvent('open-response'))}>${this.strings.openResponse}</vscode-button>` : nothing}
    </section>`;
  }
}

customElements.define('altegio-result-card', ResultCard);
