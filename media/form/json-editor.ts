// A JSON text editor for a value: the body's JSON tab and the fallback of fields that fields cannot express.
// It keeps the text as typed; valid JSON is sent up at once, and an outside change rewrites the text.
import { css, html, LitElement, nothing, type TemplateResult } from 'lit';
import type { FormStrings } from '../../src/protocol/form-strings';
import { baseStyles } from '../shared/base-styles';
import { fmt } from '../shared/format';
import { sameValue } from './values';

export class JsonEditor extends LitElement {
  static override properties = {
    value: { attribute: false },
    label: { attribute: false },
    rows: { type: Number },
    invalid: { type: Boolean },
    disabled: { type: Boolean },
    strings: { attribute: false },
    parseError: { state: true },
  };

  declare value: unknown;
  declare label: string;
  declare rows: number;
  declare invalid: boolean;
  declare disabled: boolean;
  declare strings: FormStrings;
  declare parseError: string | undefined;
  private text: string | undefined;

  constructor() {
    super();
    this.rows = 12;
    this.invalid = false;
    this.disabled = false;
  }

  static override styles = [
    baseStyles,
    css`
      :host {
        display: block;
      }
      vscode-textarea {
        width: 100%;
      }
      .problem {
        font-size: 12px;
        margin-top: 3px;
      }
    `,
  ];

  /** The text shown: what was typed while it still means the current value, else the value pretty-printed. */
  private get shownText(): string {
    if (this.text !== undefined) {
      if (this.parseError) return this.text;
      try {
        if (sameValue(this.text.trim() === '' ? undefined : JSON.parse(this.text), this.value)) return this.text;
      } catch {
        return this.text;
      }
    }
    return this.value === undefined ? '' : JSON.stringify(this.value, null, 2);
  }

  override render(): TemplateResult {
    return html`<vscode-textarea
        monospace
        resize="vertical"
        .rows=${this.rows}
        .value=${this.shownText}
        .label=${this.label}
        ?invalid=${this.invalid || !!this.parseError}
        ?disabled=${this.disabled}
        spellcheck="false"
        @input=${(e: Event) => this.onInput((e.target as HTMLTextAreaElement).value)}
      ></vscode-textarea>
      ${this.parseError ? html`<div class="problem error" role="alert">${fmt(this.strings.invalidJson, this.parseError)}</div>` : nothing}`;
  }

  private onInput(text: string): void {
    this.text = text;
    if (text.trim() === '') {
      this.parseError = undefined;
      this.dispatchEvent(new CustomEvent('json-change', { detail: undefined }));
      return;
    }
    try {
      const value = JSON.parse(text) as unknown;
      this.parseError = undefined;
      this.dispatchEvent(new CustomEvent('json-change', { detail: value }));
    } catch (e) {
      this.parseError = e instanceof Error ? e.message : String(e);
      this.dispatchEvent(new CustomEvent('json-invalid', { detail: this.parseError }));
    }
  }

  /** True while the text is not JSON (the form keeps Send disabled). */
  get hasParseError(): boolean {
    return this.parseError !== undefined;
  }
}

customElements.define('altegio-json-editor', JsonEditor);
