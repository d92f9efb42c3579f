// A block of monospaced text with a Copy button (Raw JSON, cURL, .http). Very long text is cut for display,
// with the full text still copied and always available in the editor.
import { css, html, LitElement, nothing, type TemplateResult } from 'lit';
import { baseStyles } from '../shared/base-styles';

/** Beyond this, the browser's layout of one <pre> gets slow; the editor is the place for the rest. */
export const MAX_SHOWN_CHARS = 1_000_000;

export class CodeBlock extends LitElement {
  static override properties = {
    text: { attribute: false },
    heading: { attribute: false },
    copyLabel: { attribute: false },
    cutNotice: { attribute: false },
  };

  declare text: string;
  declare heading: string;
  declare copyLabel: string;
  declare cutNotice: string;

  static override styles = [
    baseStyles,
    css`
      :host {
        display: block;
        margin-bottom: 12px;
      }
      header {
        display: flex;
        align-items: center;
        gap: 8px;
        margin-bottom: 4px;
      }
      h3 {
        font-size: 12px;
        margin: 0;
        flex: 1;
      }
      pre {
        margin: 0;
        padding: 8px;
        overflow: auto;
        max-height: 70vh;
        white-space: pre;
        tab-size: 2;
        background: var(--vscode-textCodeBlock-background);
        border: 1px solid var(--vscode-panel-border);
        font-family: var(--vscode-editor-font-family);
        font-size: var(--vscode-editor-font-size);
      }
    `,
  ];

  override render(): TemplateResult {
    const cut = this.text.length > MAX_SHOWN_CHARS;
    return html`<header>
        <h3>${this.heading}</h3>
        <vscode-button
          secondary
          icon="copy"
          @click=${() => this.dispatchEvent(new CustomEvent('copy-text', { detail: this.text }))}
          >${this.copyLabel}</vscode-button
        >
      </header>
      <pre tabindex="0" aria-label=${this.heading}>
${cut ? `${this.text.slice(0, MAX_SHOWN_CHARS)}\n…` : this.text}</pre>
      ${cut ? html`<p class="muted">${this.cutNotice}</p>` : nothing}`;
  }
}

customElements.define('altegio-code-block', CodeBlock);
