// A collapsible tree for an object (the Data tab of a single entity, and a table row's details). Children are
// rendered only when their node is open, and long lists a page at a time, so a big object stays light.
import { css, html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import type { ResponseStrings } from '../../src/protocol/response-strings';
import { baseStyles } from '../shared/base-styles';
import { formatCount } from '../shared/format';

const PAGE = 200;

export class JsonTree extends LitElement {
  static override properties = {
    value: { attribute: false },
    strings: { attribute: false },
    expandDepth: { type: Number },
    open: { state: true },
    shown: { state: true },
  };

  declare value: unknown;
  declare strings: ResponseStrings;
  declare expandDepth: number;
  /** Paths of the open nodes ('' is the root). */
  declare open: Set<string>;
  /** How many children a node shows, by path. */
  declare shown: Map<string, number>;

  constructor() {
    super();
    this.expandDepth = 1;
    this.open = new Set();
    this.shown = new Map();
  }

  static override styles = [
    baseStyles,
    css`
      :host {
        display: block;
        font-family: var(--vscode-editor-font-family);
        font-size: var(--vscode-editor-font-size);
      }
      ul {
        list-style: none;
        margin: 0;
        padding-left: 16px;
      }
      ul.root {
        padding-left: 0;
      }
      li {
        line-height: 20px;
      }
      .toggle {
        all: unset;
        cursor: pointer;
        display: inline-flex;
        align-items: center;
        gap: 2px;
      }
      .toggle:focus-visible {
        outline: 1px solid var(--vscode-focusBorder);
      }
      .key {
        color: var(--vscode-debugTokenExpression-name);
      }
      .string {
        color: var(--vscode-debugTokenExpression-string);
        white-space: pre-wrap;
        overflow-wrap: anywhere;
      }
      .number {
        color: var(--vscode-debugTokenExpression-number);
      }
      .boolean {
        color: var(--vscode-debugTokenExpression-boolean);
      }
      .null {
        color: var(--vscode-debugTokenExpression-value);
        font-style: italic;
      }
      .summary {
        color: var(--vscode-descriptionForeground);
      }
      .leaf {
        padding-left: 18px;
      }
    `,
  ];

  override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('value') || changed.has('expandDepth')) {
      this.shown = new Map();
      const open = new Set<string>();
      const visit = (v: unknown, path: string, depth: number): void => {
        if (depth > this.expandDepth || v === null || typeof v !== 'object') return;
        open.add(path);
        for (const [k, child] of entries(v).slice(0, 50)) visit(child, `${path}/${k}`, depth + 1);
      };
      visit(this.value, '', 0);
      this.open = open;
    }
  }

  override render(): TemplateResult {
    return html`<ul class="root" role="tree">
      ${this.renderNode(undefined, this.value, '', 1)}
    </ul>`;
  }

  private renderNode(key: string | undefined, value: unknown, path: string, level: number): TemplateResult {
    const label = key === undefined ? nothing : html`<span class="key">${key}</span>: `;
    if (value === null || typeof value !== 'object') {
      return html`<li role="treeitem" aria-level=${level} class="leaf">${label}${scalar(value)}</li>`;
    }
    const list = entries(value);
    const isOpen = this.open.has(path);
    const summary = Array.isArray(value)
      ? formatCount(list.length, this.strings.itemsCount)
      : formatCount(list.length, this.strings.keysCount);
    const limit = this.shown.get(path) ?? PAGE;
    return html`<li role="treeitem" aria-level=${level} aria-expanded=${isOpen ? 'true' : 'false'}>
      <button
        class="toggle"
        title=${isOpen ? this.strings.collapse : this.strings.expand}
        @click=${() => this.toggle(path)}
      >
        <vscode-icon name=${isOpen ? 'chevron-down' : 'chevron-right'} size="14"></vscode-icon>${label}<span
          class="summary"
          >${Array.isArray(value) ? '[' : '{'} ${summary} ${Array.isArray(value) ? ']' : '}'}</span
        >
      </button>
      ${
        isOpen
          ? html`<ul role="group">
              ${list.slice(0, limit).map(([k, v]) => this.renderNode(k, v, `${path}/${k}`, level + 1))}
              ${list.length > limit ? html`<li><button class="link" @click=${() => this.more(path, limit)}>${this.strings.showMore}</button></li>` : nothing}
            </ul>`
          : nothing
      }
    </li>`;
  }

  private toggle(path: string): void {
    const open = new Set(this.open);
    if (open.has(path)) open.delete(path);
    else open.add(path);
    this.open = open;
  }

  private more(path: string, limit: number): void {
    this.shown = new Map(this.shown).set(path, limit + PAGE);
  }
}

function entries(value: object): [string, unknown][] {
  return Array.isArray(value) ? value.map((v, i) => [String(i), v]) : Object.entries(value);
}

function scalar(value: unknown): TemplateResult {
  if (value === null || value === undefined) return html`<span class="null">null</span>`;
  if (typeof value === 'string') return html`<span class="string">"${value}"</span>`;
  if (typeof value === 'number') return html`<span class="number">${value}</span>`;
  return html`<span class="boolean">${String(value)}</span>`;
}

customElements.define('altegio-json-tree', JsonTree);
