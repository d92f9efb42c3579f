// What every field component of the form receives (the field's model, where its value sits, the value itself
// and the form's shared context) and the parts they all show alike: the label and the list of issues.
// ArrayField and FieldView build on it.
import { css, html, LitElement, nothing, type TemplateResult } from 'lit';
import type { FormField, FormLocation } from '../../src/api/form-types';
import type { FieldIssue } from '../../src/protocol/form-protocol';
import type { FormContext } from './form-context';
import type { Segment } from './values';
import { baseStyles } from '../shared/base-styles';

/** The look of every field and its shared parts; each component adds where the parts sit (margins). */
export const fieldStyles = [
  baseStyles,
  css`
    :host {
      display: block;
    }
    .name {
      font-weight: 600;
    }
    .req {
      color: var(--vscode-errorForeground);
    }
    .kind {
      font-size: 11px;
    }
    .help {
      font-size: 12px;
    }
    .issues {
      padding: 0;
      list-style: none;
      font-size: 12px;
    }
    .issues li::before {
      content: '⚠ ';
    }
  `,
];

export abstract class FieldElement extends LitElement {
  static override properties = {
    field: { attribute: false },
    location: { attribute: false },
    segments: { attribute: false },
    value: { attribute: false },
    ctx: { attribute: false },
    depth: { type: Number },
    heading: { attribute: false },
  };

  declare field: FormField;
  declare location: FormLocation;
  declare segments: Segment[];
  declare value: unknown;
  declare ctx: FormContext;
  declare depth: number;
  /** Replaces the field's name as its label (rows of an array: "Item 2"). */
  declare heading: string | undefined;

  /** The label: the name, a mark when required (the accessible name says it in words) and the kind of value. */
  protected renderLabel(name: string, kind: string): TemplateResult {
    const s = this.ctx.strings;
    return html`<span class="name mono">${name}</span>
      ${this.field.required ? html`<span class="req" title=${s.required} aria-hidden="true">*</span>` : nothing}
      <span class="kind muted">${kind}</span>`;
  }

  /** The field's issues, Altegio's own marked as what the server said; nothing when there are none. */
  protected renderIssues(issues: FieldIssue[]): TemplateResult | typeof nothing {
    if (issues.length === 0) return nothing;
    const s = this.ctx.strings;
    return html`<ul class="issues error" role="alert">
      ${issues.map((i) => html`<li>${i.source === 'server' ? `${s.serverSaid} ` : ''}${i.message}</li>`)}
    </ul>`;
  }
}
