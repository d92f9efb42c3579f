// The element library's filterable dropdown, with its two fixed English sentences (the row that adds a typed value,
// and "No options") worded by the form's localised strings: vscode-elements 2.5.1 has no property for either, and a
// Russian form must not offer `Add "…"`. Everything else is the library's own element.
import { VscodeSingleSelect } from '@vscode-elements/elements/dist/vscode-single-select/index.js';
import { html, nothing, type TemplateResult } from 'lit';
import { classMap } from 'lit/directives/class-map.js';
import { fmt } from '../shared/format';

export class OptionsSelect extends VscodeSingleSelect {
  /** {0}: what the user typed. Set by the field before the list opens. */
  addText = 'Add "{0}"';
  noOptionsText = 'No options';

  /** The library's placeholder row (see `vscode-select-base.js`), with the localised sentences. */
  protected override _renderPlaceholderOption(isListEmpty: boolean): TemplateResult<1> | typeof nothing {
    if (!this.combobox) return nothing;
    const typed = this._opts.filterPattern;
    if (this._opts.getOptionByLabel(typed)) return nothing;
    if (this.creatable && typed.length > 0)
      return html`<li
        class=${classMap({ option: true, placeholder: true, active: this._isPlaceholderOptionActive })}
        @mouseout=${this._onPlaceholderOptionMouseOut}
      >
        ${fmt(this.addText, typed)}
      </li>`;
    return isListEmpty
      ? html`<li class="no-options" @click=${this._onNoOptionsClick}>${this.noOptionsText}</li>`
      : nothing;
  }
}

customElements.define('altegio-options-select', OptionsSelect);

declare global {
  interface HTMLElementTagNameMap {
    'altegio-options-select': OptionsSelect;
  }
}
