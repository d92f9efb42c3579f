// One field of a request form, rendered by its kind: text, number, integer, phone, date, boolean, enum,
// file and JSON inputs here; objects as nested fieldsets; arrays and lookups in their own components.
import { css, html, nothing, type TemplateResult } from 'lit';
import { FieldElement, fieldStyles } from './field-element';
import { fmt } from '../shared/format';
import { visibleIssues } from './form-context';
import { phoneWasNormalised } from '../../src/api/phone';
import type { LookupOptionView } from '../../src/protocol/form-protocol';
import { displayText, keyOf, optionValue, parseInput, sameValue } from './values';

const KIND_STRING = {
  text: 'kindText',
  integer: 'kindInteger',
  number: 'kindNumber',
  boolean: 'kindBoolean',
  enum: 'kindEnum',
  date: 'kindDate',
  phone: 'kindPhone',
  array: 'kindArray',
  object: 'kindObject',
  file: 'kindFile',
  json: 'kindJson',
} as const;

export class FieldView extends FieldElement {
  /** What was typed, kept while it still means the current value ("1." while typing 1.5). */
  private draft: string | undefined;
  /** The search result that set the value (a client), shown while the value is still the one it set. */
  private chosen: { label: string; value: unknown } | undefined;

  constructor() {
    super();
    this.depth = 0;
  }

  static override styles = [
    ...fieldStyles,
    css`
      .field {
        margin: 0 0 12px;
      }
      .head {
        display: flex;
        align-items: baseline;
        gap: 6px;
        margin-bottom: 3px;
      }
      .help {
        margin-top: 3px;
      }
      .issues {
        margin: 3px 0 0;
      }
      vscode-textfield,
      vscode-single-select,
      altegio-lookup-input {
        width: 100%;
        max-width: 520px;
      }
      details {
        margin: 0 0 12px;
        padding: 4px 0 0 10px;
        border-left: 1px solid var(--vscode-panel-border);
      }
      summary {
        cursor: pointer;
        margin: 0 0 6px -10px;
        padding-left: 2px;
      }
      .file {
        display: flex;
        align-items: center;
        gap: 8px;
      }
    `,
  ];

  private get key(): string {
    return keyOf(this.location, this.segments);
  }

  override updated(): void {
    // The app finds a field by its key to focus the first problem.
    this.dataset.key = this.key;
  }

  /** Moves the keyboard focus to this field's control (the first problem, when "N problems" is clicked). */
  focusControl(): boolean {
    const control = this.renderRoot.querySelector<HTMLElement>(
      'altegio-lookup-input, vscode-textfield, vscode-single-select, vscode-checkbox, vscode-button, altegio-json-editor',
    );
    if (!control) return false;
    const details = this.renderRoot.querySelector('details');
    if (details) details.open = true;
    control.scrollIntoView({ block: 'center' });
    const focusable = control as HTMLElement & { focusControl?: () => void };
    if (typeof focusable.focusControl === 'function') focusable.focusControl();
    else control.focus();
    return true;
  }

  private emit(value: unknown): void {
    this.ctx.change(this.location, this.segments, value);
  }

  override render(): TemplateResult {
    const f = this.field;
    if (f.kind === 'object') return this.renderObject();
    if (f.kind === 'array') {
      return html`<altegio-array-field
        .field=${f}
        .location=${this.location}
        .segments=${this.segments}
        .value=${this.value}
        .ctx=${this.ctx}
        .depth=${this.depth}
        .heading=${this.heading}
      ></altegio-array-field>`;
    }
    const issues = visibleIssues(this.ctx, this.key);
    return html`<div class="field">
      ${this.renderHead()} ${this.renderControl(issues.length > 0)} ${this.renderHelp()} ${this.renderIssues(issues)}
    </div>`;
  }

  private renderHead(): TemplateResult {
    const f = this.field;
    const s = this.ctx.strings;
    const kind = `${s[KIND_STRING[this.shownKind]]}${f.nullable ? ' | null' : ''}`;
    return html`<div class="head">${this.renderLabel(this.heading ?? f.name, kind)}</div>`;
  }

  /** The kind the label names: a list read from the API is a choice once its dropdown is there. */
  private get shownKind(): keyof typeof KIND_STRING {
    const f = this.field;
    const state = f.lookup && !f.lookup.searchable ? this.ctx.lookups.get(f.name) : undefined;
    return state?.status === 'ready' && state.options.length > 0 ? 'enum' : f.kind;
  }

  private renderHelp(): TemplateResult | typeof nothing {
    const f = this.field;
    const s = this.ctx.strings;
    const hint = f.kind === 'phone' ? s.phoneHint : f.kind === 'json' ? s.jsonFieldHelp : '';
    const text = [f.description, hint].filter(Boolean).join(' — ');
    const chosen =
      this.chosen && sameValue(this.chosen.value, this.value) ? fmt(s.lookupChosen, this.chosen.label) : '';
    const sentAs =
      f.kind === 'phone' && this.draft !== undefined && phoneWasNormalised(this.draft) && this.draftShown
        ? fmt(s.phoneSentAs, displayText(this.value))
        : '';
    const now = [chosen, sentAs].filter(Boolean).join(' · ');
    if (!text && !now) return nothing;
    return html`${now ? html`<div class="help now">${now}</div>` : nothing}${text ? html`<div class="help muted">${text}</div>` : nothing}`;
  }

  /** Whether the input shows the draft (it still means the value). */
  private get draftShown(): boolean {
    return this.draft !== undefined && sameValue(parseInput(this.field, this.draft), this.value);
  }

  /** The accessible name: the field, and whether it is required. */
  private get ariaName(): string {
    return `${this.heading ?? this.field.name}${this.field.required ? `, ${this.ctx.strings.required}` : ''}`;
  }

  private renderControl(invalid: boolean): TemplateResult {
    const f = this.field;
    const s = this.ctx.strings;
    const disabled = this.ctx.disabled;
    if (f.lookup?.searchable) {
      // The value's own input, and a search that fills it (a client's id, or their phone's digits).
      return html`${this.renderTextInput(invalid)}
        <altegio-lookup-input
          .field=${f}
          .value=${this.value}
          .ctx=${this.ctx}
          .fieldKey=${this.key}
          .label=${this.ariaName}
          @lookup-choose=${(e: CustomEvent<LookupOptionView>) => this.choose(e.detail)}
        ></altegio-lookup-input>`;
    }
    if (f.lookup) {
      return html`<altegio-lookup-input
        .field=${f}
        .value=${this.value}
        .ctx=${this.ctx}
        .fieldKey=${this.key}
        .label=${this.ariaName}
        ?invalid=${invalid}
        @value-change=${(e: CustomEvent<unknown>) => this.emit(e.detail)}
      ></altegio-lookup-input>`;
    }
    switch (f.kind) {
      case 'boolean':
        if (f.required) {
          return html`<vscode-checkbox
            .label=${this.ariaName}
            .checked=${this.value === true}
            ?disabled=${disabled}
            ?invalid=${invalid}
            @change=${(e: Event) => {
              this.ctx.touch(this.key);
              this.emit((e.target as HTMLInputElement).checked);
            }}
          ></vscode-checkbox>`;
        }
        return this.renderSelect(
          [
            { value: 'true', label: s.yes },
            { value: 'false', label: s.no },
          ],
          invalid,
        );
      case 'enum':
        return this.renderSelect(
          (f.options ?? []).map((o) => ({ value: String(o.value), label: o.label })),
          invalid,
        );
      case 'file':
        return html`<div class="file">
          <vscode-button
            secondary
            icon="folder-opened"
            ?disabled=${disabled}
            @click=${() => {
              this.ctx.touch(this.key);
              this.ctx.chooseFile(this.key);
            }}
            >${s.chooseFile}</vscode-button
          >
          <span class=${this.ctx.files.get(this.key) ? '' : 'muted'}>${this.ctx.files.get(this.key) ?? s.noFile}</span>
        </div>`;
      case 'json':
        return html`<altegio-json-editor
          .value=${this.value}
          .label=${this.ariaName}
          .rows=${4}
          ?invalid=${invalid}
          ?disabled=${disabled}
          .strings=${s}
          @json-change=${(e: CustomEvent<unknown>) => {
            this.ctx.touch(this.key);
            this.emit(e.detail);
          }}
        ></altegio-json-editor>`;
      default:
        return this.renderTextInput(invalid);
    }
  }

  private renderSelect(options: { value: string; label: string }[], invalid: boolean): TemplateResult {
    const current = this.value === undefined ? '' : String(this.value);
    return html`<vscode-single-select
      .label=${this.ariaName}
      .value=${current}
      ?invalid=${invalid}
      ?disabled=${this.ctx.disabled}
      @change=${(e: Event) => {
        this.ctx.touch(this.key);
        this.emit(optionValue(this.field, (e.target as HTMLSelectElement).value));
      }}
    >
      ${this.field.required && current !== '' ? nothing : html`<vscode-option value="">${this.ctx.strings.notSet}</vscode-option>`}
      ${options.map((o) => html`<vscode-option value=${o.value} ?selected=${o.value === current}>${o.label}</vscode-option>`)}
    </vscode-single-select>`;
  }

  /** A search result (a client) sets the value: a phone shows as the client has it, and is sent as digits. */
  private choose(option: LookupOptionView): void {
    const f = this.field;
    const value = parseInput(f, String(option.value));
    this.draft = f.kind === 'phone' && option.description ? option.description : undefined;
    this.chosen = { label: option.label || String(option.value), value };
    this.ctx.touch(this.key);
    this.emit(value);
  }

  private renderTextInput(invalid: boolean): TemplateResult {
    const f = this.field;
    const type = f.kind === 'date' ? 'date' : f.kind === 'phone' ? 'tel' : 'text';
    const text = this.draftShown ? this.draft! : displayText(this.value);
    return html`<vscode-textfield
      type=${type}
      .value=${text}
      placeholder=${f.placeholder ? fmt(this.ctx.strings.placeholderExample, f.placeholder) : ''}
      .label=${this.ariaName}
      ?invalid=${invalid}
      ?disabled=${this.ctx.disabled}
      @input=${(e: Event) => {
        this.draft = (e.target as HTMLInputElement).value;
        this.ctx.touch(this.key);
        this.emit(parseInput(f, this.draft));
      }}
      @change=${() => this.ctx.touch(this.key)}
    ></vscode-textfield>`;
  }

  private renderObject(): TemplateResult {
    const f = this.field;
    const value =
      this.value !== null && typeof this.value === 'object' && !Array.isArray(this.value)
        ? (this.value as Record<string, unknown>)
        : {};
    const issues = visibleIssues(this.ctx, this.key);
    return html`<details ?open=${f.required || this.depth < 2}>
      <summary>${this.renderHead()}</summary>
      ${this.renderHelp()} ${this.renderIssues(issues)}
      ${(f.fields ?? []).map(
        (child) =>
          html`<altegio-field
            .field=${child}
            .location=${this.location}
            .segments=${[...this.segments, child.name]}
            .value=${value[child.name]}
            .ctx=${this.ctx}
            .depth=${this.depth + 1}
          ></altegio-field>`,
      )}
    </details>`;
  }
}

/** "Item {0}" for the rows of an array. */
export function itemHeading(template: string, index: number): string {
  return fmt(template, index + 1);
}

customElements.define('altegio-field', FieldView);
