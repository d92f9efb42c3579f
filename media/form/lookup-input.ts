// A field whose options come live from the API (locations, card types, team members, services, clients). Loaded
// lists are a filterable dropdown that still accepts any ID; searchable lists (clients, by name or phone) are a
// search under the field's own input that fills it with the chosen result.
import { css, html, LitElement, nothing, type TemplateResult } from 'lit';
import type { FormField } from '../../src/api/form-types';
import type { LookupOptionView } from '../../src/protocol/form-protocol';
import { baseStyles } from '../shared/base-styles';
import { countText, fmt } from '../shared/format';
import type { FormContext, LookupState } from './form-context';
import './options-select';
import { displayText, parseInput } from './values';

const SEARCH_DELAY_MS = 250;

export class LookupInput extends LitElement {
  static override properties = {
    field: { attribute: false },
    value: { attribute: false },
    ctx: { attribute: false },
    fieldKey: { attribute: false },
    label: { attribute: false },
    invalid: { type: Boolean },
    active: { state: true },
  };

  declare field: FormField;
  declare value: unknown;
  declare ctx: FormContext;
  declare fieldKey: string;
  declare label: string;
  declare invalid: boolean;
  /** The highlighted search result (keyboard). */
  declare active: number;
  private searchTimer: number | undefined;
  private term = '';

  constructor() {
    super();
    this.invalid = false;
    this.active = -1;
  }

  static override styles = [
    baseStyles,
    css`
      :host {
        display: block;
      }
      .line {
        display: flex;
        align-items: center;
        gap: 4px;
      }
      .line > :first-child {
        flex: 1;
        min-width: 0;
      }
      .status {
        font-size: 12px;
        margin-top: 3px;
      }
      .search {
        margin-top: 4px;
      }
      ul[role='listbox'] {
        list-style: none;
        margin: 2px 0 0;
        padding: 0;
        max-height: 180px;
        overflow: auto;
        border: 1px solid var(--vscode-dropdown-border, var(--vscode-panel-border));
        background: var(--vscode-dropdown-background);
      }
      li[role='option'] {
        padding: 2px 8px;
        cursor: pointer;
        display: flex;
        gap: 8px;
      }
      li[role='option'][aria-selected='true'],
      li[role='option']:hover {
        background: var(--vscode-list-activeSelectionBackground);
        color: var(--vscode-list-activeSelectionForeground);
        outline: 1px solid var(--vscode-contrastActiveBorder, transparent);
      }
      li .description {
        opacity: 0.8;
      }
    `,
  ];

  private get state(): LookupState {
    // A searched list has nothing to load before the first search; a loaded one is on its way.
    const none: LookupState = { status: this.field.lookup?.searchable ? 'ready' : 'loading', options: [] };
    return this.ctx.lookups.get(this.field.name) ?? none;
  }

  private emit(value: unknown): void {
    this.ctx.touch(this.fieldKey);
    this.dispatchEvent(new CustomEvent('value-change', { detail: value }));
  }

  /** Focuses the dropdown, or the ID box while there is none (or the search box of a searched list). */
  focusControl(): void {
    this.renderRoot.querySelector<HTMLElement>('altegio-options-select, vscode-textfield')?.focus();
  }

  override render(): TemplateResult {
    return this.field.lookup?.searchable ? this.renderSearch() : this.renderList();
  }

  /**
   * The dropdown's open button carries the element library's fixed English aria-label (2.5.1 has no property for
   * it), so a screen reader would announce English in a Russian form: once the select has drawn, its button gets the
   * form's own localised name. Lit never rewrites a static attribute, so the name stays until the select is redrawn
   * from scratch, which runs this again.
   */
  override updated(): void {
    const select = this.renderRoot.querySelector('altegio-options-select');
    if (!select) return;
    const name = this.ctx.strings.openOptions;
    void select.updateComplete.then(() =>
      select.shadowRoot?.querySelector('.combobox-button')?.setAttribute('aria-label', name),
    );
  }

  private renderList(): TemplateResult {
    const state = this.state;
    const current = displayText(this.value);
    const options: LookupOptionView[] = [...state.options];
    if (current !== '' && !options.some((o) => String(o.value) === current))
      options.unshift({ value: current, label: current });
    const control =
      state.status === 'ready' && state.options.length > 0
        ? html`<altegio-options-select
            combobox
            creatable
            filter="contains"
            .addText=${this.ctx.strings.lookupAddTyped}
            .noOptionsText=${this.ctx.strings.lookupNoOptions}
            .label=${this.label}
            .value=${current}
            ?invalid=${this.invalid}
            ?disabled=${this.ctx.disabled}
            @change=${(e: Event) => this.emit(parseInput(this.field, (e.target as HTMLSelectElement).value))}
          >
            ${this.field.required ? nothing : html`<vscode-option value="">${this.ctx.strings.notSet}</vscode-option>`}
            ${options.map((o) => html`<vscode-option value=${String(o.value)} description=${o.description ?? ''} ?selected=${String(o.value) === current}>${o.label}</vscode-option>`)}
          </altegio-options-select>`
        : this.renderIdInput();
    return html`<div class="line">
        ${control}
        <vscode-icon
          name="refresh"
          action-icon
          .label=${this.ctx.strings.lookupReload}
          title=${this.ctx.strings.lookupReload}
          @click=${() => this.ctx.reloadLookup(this.field.name)}
        ></vscode-icon>
      </div>
      ${this.renderStatus(state)}`;
  }

  private renderIdInput(): TemplateResult {
    return html`<vscode-textfield
      .value=${displayText(this.value)}
      placeholder=${this.field.placeholder ? fmt(this.ctx.strings.placeholderExample, this.field.placeholder) : ''}
      .label=${this.label}
      ?invalid=${this.invalid}
      ?disabled=${this.ctx.disabled}
      @input=${(e: Event) => this.emit(parseInput(this.field, (e.target as HTMLInputElement).value))}
    ></vscode-textfield>`;
  }

  private renderStatus(state: LookupState): TemplateResult | typeof nothing {
    const s = this.ctx.strings;
    const need = this.field.lookup?.needs;
    const needs =
      need === 'chain'
        ? s.lookupUnavailableChain
        : need === 'location'
          ? s.lookupUnavailableLocation
          : s.lookupUnavailableSignIn;
    const text =
      state.status === 'loading'
        ? s.lookupLoading
        : state.status === 'unavailable'
          ? needs
          : state.status === 'error'
            ? fmt(s.lookupError, state.message ?? '')
            : this.field.lookup?.searchable
              ? this.term.trim() && state.term && state.options.length === 0
                ? s.lookupNoMatches
                : ''
              : countText(s.lookupCount, state.options.length);
    if (!text) return nothing;
    return html`<div class="status ${state.status === 'error' ? 'error' : 'muted'}" role="status">${text}</div>`;
  }

  private renderSearch(): TemplateResult {
    const state = this.state;
    const listId = 'results';
    const results = state.status === 'ready' && this.term.trim() !== '' ? state.options : [];
    return html`<div class="line search">
        <vscode-textfield
          type="search"
          placeholder=${this.ctx.strings.lookupSearchPlaceholder}
          .label=${this.ctx.strings.lookupSearchPlaceholder}
          ?disabled=${this.ctx.disabled}
          aria-controls=${listId}
          @input=${(e: Event) => this.search((e.target as HTMLInputElement).value)}
          @keydown=${(e: KeyboardEvent) => this.onKey(e, results)}
        >
          <vscode-icon slot="content-before" name="search"></vscode-icon>
        </vscode-textfield>
      </div>
      ${
        results.length > 0
          ? html`<ul role="listbox" id=${listId} aria-label=${this.ctx.strings.lookupSearchPlaceholder}>
              ${results.map(
                (o, i) =>
                  html`<li
                    role="option"
                    aria-selected=${i === this.active ? 'true' : 'false'}
                    @click=${() => this.choose(o)}
                  >
                    <span>${o.label}</span
                    ><span class="description muted"
                      >${this.field.kind === 'phone' ? (o.description ?? '') : [o.description, `#${o.value}`].filter(Boolean).join(' · ')}</span
                    >
                  </li>`,
              )}
            </ul>`
          : nothing
      }
      ${this.renderStatus(state)}`;
  }

  private search(term: string): void {
    this.term = term;
    this.active = -1;
    window.clearTimeout(this.searchTimer);
    this.searchTimer = window.setTimeout(() => this.ctx.search(this.field.name, this.term.trim()), SEARCH_DELAY_MS);
  }

  private onKey(e: KeyboardEvent, results: LookupOptionView[]): void {
    if (results.length === 0) return;
    if (e.key === 'ArrowDown') this.active = Math.min(results.length - 1, this.active + 1);
    else if (e.key === 'ArrowUp') this.active = Math.max(0, this.active - 1);
    else if (e.key === 'Enter' && this.active >= 0) this.choose(results[this.active]);
    else return;
    e.preventDefault();
  }

  private choose(option: LookupOptionView): void {
    this.active = -1;
    this.term = '';
    const box = this.renderRoot.querySelector<HTMLInputElement>('vscode-textfield[type="search"]');
    if (box) box.value = '';
    this.ctx.touch(this.fieldKey);
    this.dispatchEvent(new CustomEvent<LookupOptionView>('lookup-choose', { detail: option }));
  }
}

customElements.define('altegio-lookup-input', LookupInput);
