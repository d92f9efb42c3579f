// An array field: one row per item, each rendered by its item's field, with Add and Remove.
import { css, html, nothing, type TemplateResult } from 'lit';
import { FieldElement, fieldStyles } from './field-element';
import { fmt } from '../shared/format';
import { visibleIssues } from './form-context';
import { keyOf, removeAt } from './values';

export class ArrayField extends FieldElement {
  static override styles = [
    ...fieldStyles,
    css`
      :host {
        margin: 0 0 12px;
      }
      fieldset {
        border: 1px solid var(--vscode-panel-border);
        border-radius: 2px;
        margin: 0;
        padding: 6px 10px 8px;
      }
      legend {
        display: flex;
        align-items: baseline;
        gap: 6px;
        padding: 0 4px;
      }
      .help {
        margin-bottom: 6px;
      }
      .row {
        display: flex;
        align-items: flex-start;
        gap: 6px;
      }
      .row > altegio-field {
        flex: 1;
        min-width: 0;
      }
      .remove {
        margin-top: 20px;
      }
      .issues {
        margin: 3px 0 6px;
      }
      .empty {
        font-size: 12px;
        margin: 2px 0 8px;
      }
    `,
  ];

  private get rows(): unknown[] {
    return Array.isArray(this.value) ? this.value : [];
  }

  override render(): TemplateResult {
    const f = this.field;
    const s = this.ctx.strings;
    const key = keyOf(this.location, this.segments);
    const issues = visibleIssues(this.ctx, key);
    const item = f.item!;
    return html`<fieldset>
      <legend>${this.renderLabel(this.heading ?? (f.name || s.body), s.kindArray)}</legend>
      ${f.description ? html`<div class="help muted">${f.description}</div>` : nothing} ${this.renderIssues(issues)}
      ${this.rows.length === 0 ? html`<div class="empty muted">${s.noItems}</div>` : nothing}
      ${this.rows.map(
        (row, i) =>
          html`<div class="row">
            <altegio-field
              .field=${item}
              .location=${this.location}
              .segments=${[...this.segments, i]}
              .value=${row}
              .ctx=${this.ctx}
              .depth=${this.depth + 1}
              .heading=${fmt(s.itemLabel, i + 1)}
            ></altegio-field>
            <vscode-icon
              class="remove"
              name="trash"
              action-icon
              .label=${fmt(s.removeItem, i + 1)}
              title=${fmt(s.removeItem, i + 1)}
              @click=${() => this.removeRow(i)}
            ></vscode-icon>
          </div>`,
      )}
      <vscode-button secondary icon="add" ?disabled=${this.ctx.disabled} @click=${() => this.add()}
        >${s.addItem}</vscode-button
      >
    </fieldset>`;
  }

  private add(): void {
    const item = this.field.item!;
    const blank = item.kind === 'object' ? {} : item.kind === 'array' ? [] : undefined;
    this.ctx.touch(keyOf(this.location, this.segments));
    this.ctx.change(this.location, this.segments, [...this.rows, blank]);
  }

  private removeRow(index: number): void {
    if (this.ctx.disabled) return;
    const rows = removeAt(this.rows, index);
    this.ctx.change(this.location, this.segments, rows.length === 0 && !this.field.required ? undefined : rows);
  }
}

customElements.define('altegio-array-field', ArrayField);
