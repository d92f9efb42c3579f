// The response viewer's table for lists: virtualised with @tanstack/virtual-core (only the rows in view
// exist in the DOM), with filter, sort, column choice, keyboard navigation and CSV export.
import { elementScroll, observeElementOffset, Virtualizer } from '@tanstack/virtual-core';
import { css, html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import type { ResponseStrings } from '../../src/protocol/response-strings';
import { baseStyles, fillColumn } from '../shared/base-styles';
import { styleProps } from '../shared/style-props';
import { countText } from '../shared/format';
import {
  cellText,
  cellValue,
  columnChars,
  columnsOf,
  SAMPLED_COLUMNS_FROM,
  toCsv,
  VALUE_COLUMN,
  viewRows,
  type SortState,
} from './table-model';

export const ROW_HEIGHT = 22;

/**
 * The scroller's size from a ResizeObserver only. virtual-core's own observer first reads the size
 * synchronously, which forces a layout of the whole viewer in the middle of the first render; the initial size
 * (the window's) carries the first frame, and the observer's first callback (right after layout) corrects it.
 */
function observeSizeLater(
  instance: Virtualizer<HTMLDivElement, HTMLDivElement>,
  onSize: (rect: { width: number; height: number }) => void,
): () => void {
  const element = instance.scrollElement;
  if (!element) return () => undefined;
  const observer = new ResizeObserver((entries) => {
    const box = entries[entries.length - 1].contentRect;
    onSize({ width: Math.round(box.width), height: Math.round(box.height) });
  });
  observer.observe(element, { box: 'content-box' });
  return () => observer.disconnect();
}
const FILTER_DELAY_MS = 120;
/** Left and right padding of a cell, and its border. */
const CELL_EXTRA_PX = 13;

export class DataTable extends LitElement {
  static override properties = {
    rows: { attribute: false },
    strings: { attribute: false },
    filter: { state: true },
    sort: { state: true },
    hiddenColumns: { state: true },
    showColumns: { state: true },
    active: { state: true },
    selected: { state: true },
  };

  declare rows: unknown[];
  declare strings: ResponseStrings;
  declare filter: string;
  declare sort: SortState | undefined;
  declare hiddenColumns: Set<string>;
  declare showColumns: boolean;
  /** The keyboard's row, as a position in view order. */
  declare active: number;
  /** The row whose details are shown (an index into `rows`). */
  declare selected: number | undefined;

  private columns: string[] = [];
  private widths = new Map<string, number>();
  private order: number[] = [];
  private virtualizer: Virtualizer<HTMLDivElement, HTMLDivElement> | undefined;
  private unmount: (() => void) | undefined;
  private filterTimer: number | undefined;

  constructor() {
    super();
    this.rows = [];
    this.filter = '';
    this.hiddenColumns = new Set();
    this.showColumns = false;
    this.active = -1;
  }

  static override styles = [
    baseStyles,
    css`
      :host {
        ${fillColumn}
      }
      .toolbar {
        display: flex;
        align-items: center;
        gap: 8px;
        flex-wrap: wrap;
        padding: 0 0 6px;
      }
      .toolbar vscode-textfield {
        width: 260px;
      }
      .count {
        font-size: 12px;
      }
      .columns {
        display: flex;
        flex-wrap: wrap;
        gap: 4px 14px;
        padding: 6px 8px;
        margin-bottom: 6px;
        border: 1px solid var(--vscode-panel-border);
        background: var(--vscode-editorWidget-background);
      }
      .scroller {
        flex: 1;
        min-height: 120px;
        overflow: auto;
        position: relative;
        border: 1px solid var(--vscode-panel-border);
      }
      .scroller:focus-visible {
        outline: 1px solid var(--vscode-focusBorder);
        outline-offset: -1px;
      }
      .grid-row {
        display: grid;
        grid-template-columns: var(--grid);
        width: var(--width);
        min-width: 100%;
        height: ${ROW_HEIGHT}px;
        box-sizing: border-box;
        font-family: var(--vscode-editor-font-family);
        font-size: var(--vscode-editor-font-size);
      }
      .head {
        position: sticky;
        top: 0;
        z-index: 1;
        background: var(--vscode-editorWidget-background);
        border-bottom: 1px solid var(--vscode-panel-border);
        font-weight: 600;
      }
      .head button {
        all: unset;
        display: flex;
        align-items: center;
        gap: 2px;
        width: 100%;
        height: 100%;
        padding: 0 6px;
        box-sizing: border-box;
        cursor: pointer;
        overflow: hidden;
        white-space: nowrap;
      }
      .head button:focus-visible {
        outline: 1px solid var(--vscode-focusBorder);
        outline-offset: -1px;
      }
      .body {
        position: relative;
      }
      .body .grid-row {
        position: absolute;
        top: 0;
        left: 0;
        cursor: default;
      }
      .body .grid-row:nth-child(even) {
        background: var(--vscode-keybindingTable-rowsBackground, transparent);
      }
      .body .grid-row:hover {
        background: var(--vscode-list-hoverBackground);
      }
      .body .grid-row.active {
        outline: 1px solid var(--vscode-list-focusOutline, var(--vscode-focusBorder));
        outline-offset: -1px;
      }
      .body .grid-row.selected {
        background: var(--vscode-list-activeSelectionBackground);
        color: var(--vscode-list-activeSelectionForeground);
      }
      .cell {
        padding: 0 6px;
        line-height: ${ROW_HEIGHT}px;
        overflow: hidden;
        white-space: nowrap;
        text-overflow: ellipsis;
        border-right: 1px solid var(--vscode-panel-border);
      }
      .cell.num {
        text-align: right;
        font-variant-numeric: tabular-nums;
      }
      .empty {
        padding: 12px;
      }
      .detail {
        margin-top: 6px;
        max-height: 35%;
        overflow: auto;
        border: 1px solid var(--vscode-panel-border);
        padding: 4px 8px;
      }
      .detail header {
        display: flex;
        align-items: center;
        gap: 8px;
      }
    `,
  ];

  override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('rows')) {
      const sampled = this.rows.length >= SAMPLED_COLUMNS_FROM;
      this.setColumns(columnsOf(this.rows, sampled));
      // A long list is painted with the columns of a sample of its rows; the rest are read just after.
      if (sampled) {
        const rows = this.rows;
        requestAnimationFrame(() => setTimeout(() => this.completeColumns(rows), 0));
      }
      this.selected = undefined;
      this.active = -1;
    }
    if (changed.has('rows') || changed.has('filter') || changed.has('sort') || changed.has('hiddenColumns')) {
      this.order = viewRows(this.rows, this.visibleColumns, this.filter, this.sort);
      if (this.virtualizer) this.virtualizer.setOptions({ ...this.virtualizer.options, count: this.order.length });
      else this.virtualizer = this.createVirtualizer();
    }
  }

  private setColumns(columns: string[]): void {
    this.columns = columns;
    this.widths = new Map(
      columns.map((c) => [c, columnChars(this.rows, c, c === VALUE_COLUMN ? this.strings.valueColumn : c)]),
    );
  }

  /** Adds the columns that only rows outside the first paint's sample have. */
  private completeColumns(rows: unknown[]): void {
    if (rows !== this.rows) return;
    const all = columnsOf(rows);
    if (all.length === this.columns.length) return;
    this.setColumns(all);
    this.order = viewRows(this.rows, this.visibleColumns, this.filter, this.sort);
    this.virtualizer?.setOptions({ ...this.virtualizer.options, count: this.order.length });
    this.requestUpdate();
  }

  private get visibleColumns(): string[] {
    return this.columns.filter((c) => !this.hiddenColumns.has(c));
  }

  private get scroller(): HTMLDivElement | null {
    return this.renderRoot.querySelector<HTMLDivElement>('.scroller');
  }

  /**
   * The virtualiser exists before the first render, sized from the window (no forced layout to measure the
   * scroller): the first frame already has its rows. It attaches to the scroller once that is in the DOM.
   */
  private createVirtualizer(): Virtualizer<HTMLDivElement, HTMLDivElement> {
    return new Virtualizer<HTMLDivElement, HTMLDivElement>({
      count: this.order.length,
      getScrollElement: () => this.scroller,
      estimateSize: () => ROW_HEIGHT,
      paddingStart: ROW_HEIGHT,
      scrollPaddingStart: ROW_HEIGHT,
      overscan: 12,
      initialRect: { width: window.innerWidth, height: window.innerHeight },
      scrollToFn: elementScroll,
      observeElementRect: observeSizeLater,
      observeElementOffset,
      onChange: () => this.requestUpdate(),
    });
  }

  override firstUpdated(): void {
    // Attaching reads the scroller's position, which forces a layout: after the first paint, not before it.
    requestAnimationFrame(() => setTimeout(() => this.attach(), 0));
  }

  private attach(): void {
    if (!this.virtualizer || !this.isConnected || this.unmount) return;
    this.unmount = this.virtualizer._didMount();
    this.virtualizer._willUpdate();
  }

  override updated(): void {
    if (this.unmount) this.virtualizer?._willUpdate();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.unmount?.();
    this.unmount = undefined;
    this.virtualizer = undefined;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Moved in the DOM after a disconnect: attach a new virtualiser to the scroller that is already there.
    if (this.hasUpdated && !this.virtualizer) {
      this.virtualizer = this.createVirtualizer();
      this.attach();
      this.requestUpdate();
    }
  }

  override render(): TemplateResult {
    const s = this.strings;
    const columns = this.visibleColumns;
    // Widths in ch of the monospaced cell font, plus each cell's padding and border.
    const grid = columns.map((c) => `calc(${this.widths.get(c) ?? 12}ch + ${CELL_EXTRA_PX}px)`).join(' ');
    const chars = columns.reduce((sum, c) => sum + (this.widths.get(c) ?? 12), 0);
    const width = `calc(${chars}ch + ${columns.length * CELL_EXTRA_PX}px)`;
    // Counts of the loaded rows only, worded so: the whole list's total is said above the table.
    const count =
      this.filter.trim() === ''
        ? countText(s.rows, this.rows.length)
        : countText(s.rowsMatching, this.rows.length, this.order.length);
    return html`<div class="toolbar">
        <vscode-textfield
          type="search"
          placeholder=${s.filter}
          .label=${s.filter}
          @input=${(e: Event) => this.onFilter((e.target as HTMLInputElement).value)}
        >
          <vscode-icon slot="content-before" name="filter"></vscode-icon>
        </vscode-textfield>
        <vscode-button
          secondary
          icon="list-selection"
          aria-expanded=${this.showColumns ? 'true' : 'false'}
          @click=${() => {
            this.showColumns = !this.showColumns;
          }}
          >${s.columns}</vscode-button
        >
        <vscode-button secondary icon="export" @click=${() => this.exportCsv()}>${s.exportCsv}</vscode-button>
        <slot name="actions"></slot>
        <span class="count muted" role="status" aria-live="polite">${count}</span>
      </div>
      ${this.showColumns ? this.renderColumnChooser() : nothing}
      <div
        class="scroller"
        tabindex="0"
        role="grid"
        aria-label=${count}
        aria-rowcount=${this.order.length + 1}
        aria-colcount=${columns.length}
        aria-activedescendant=${this.active >= 0 ? `row-${this.active}` : nothing}
        .style=${styleProps({ '--grid': grid, '--width': width })}
        @keydown=${(e: KeyboardEvent) => this.onKey(e)}
      >
        <div class="grid-row head" role="row" aria-rowindex="1">${columns.map((c) => this.renderHeaderCell(c))}</div>
        ${this.order.length === 0 ? html`<div class="empty muted">${this.rows.length === 0 ? s.noRows : s.noMatches}</div>` : this.renderBody(columns)}
      </div>
      ${this.selected !== undefined ? this.renderDetail() : nothing}`;
  }

  private renderHeaderCell(column: string): TemplateResult {
    const sorted = this.sort?.column === column ? this.sort.direction : undefined;
    const label = column === VALUE_COLUMN ? this.strings.valueColumn : column;
    return html`<div
      class="cell"
      role="columnheader"
      aria-sort=${sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : 'none'}
    >
      <button
        title=${sorted === 'asc' ? this.strings.sortDescending : this.strings.sortAscending}
        @click=${() => this.toggleSort(column)}
      >
        <span>${label}</span
        >${sorted ? html`<vscode-icon name=${sorted === 'asc' ? 'arrow-up' : 'arrow-down'} size="12"></vscode-icon>` : nothing}
      </button>
    </div>`;
  }

  private renderBody(columns: string[]): TemplateResult {
    const v = this.virtualizer;
    const items = v ? v.getVirtualItems() : [];
    const total = v ? v.getTotalSize() - ROW_HEIGHT : this.order.length * ROW_HEIGHT;
    return html`<div class="body" role="rowgroup" .style=${styleProps({ height: `${total}px` })}>
      ${items.map((item) => {
        const index = this.order[item.index];
        const row = this.rows[index];
        const classes = `grid-row${item.index === this.active ? ' active' : ''}${index === this.selected ? ' selected' : ''}`;
        return html`<div
          class=${classes}
          id=${`row-${item.index}`}
          role="row"
          aria-rowindex=${item.index + 2}
          aria-selected=${index === this.selected ? 'true' : 'false'}
          .style=${styleProps({ transform: `translateY(${item.start - ROW_HEIGHT}px)` })}
          @click=${() => this.select(item.index)}
        >
          ${columns.map((c) => {
            const value = cellValue(row, c);
            return html`<div class="cell${typeof value === 'number' ? ' num' : ''}" role="gridcell">
              ${cellText(value)}
            </div>`;
          })}
        </div>`;
      })}
    </div>`;
  }

  private renderColumnChooser(): TemplateResult {
    return html`<div class="columns" role="group" aria-label=${this.strings.columns}>
      ${this.columns.map(
        (c) =>
          html`<vscode-checkbox
            .checked=${!this.hiddenColumns.has(c)}
            .label=${c === VALUE_COLUMN ? this.strings.valueColumn : c}
            @change=${(e: Event) => this.toggleColumn(c, (e.target as HTMLInputElement).checked)}
          ></vscode-checkbox>`,
      )}
      ${
        this.hiddenColumns.size
          ? html`<button
              class="link"
              @click=${() => {
                this.hiddenColumns = new Set();
              }}
            >
              ${this.strings.showAllColumns}
            </button>`
          : nothing
      }
    </div>`;
  }

  private renderDetail(): TemplateResult {
    const s = this.strings;
    return html`<div class="detail" role="region" aria-label=${s.selectedRow}>
      <header>
        <strong>${s.selectedRow} ${this.selected! + 1}</strong>
        <vscode-icon
          name="close"
          action-icon
          .label=${s.closeRow}
          title=${s.closeRow}
          @click=${() => {
            this.selected = undefined;
          }}
        ></vscode-icon>
      </header>
      <altegio-json-tree .value=${this.rows[this.selected!]} .strings=${s} .expandDepth=${1}></altegio-json-tree>
    </div>`;
  }

  private onFilter(text: string): void {
    window.clearTimeout(this.filterTimer);
    this.filterTimer = window.setTimeout(() => {
      this.filter = text;
      this.scroller?.scrollTo({ top: 0 });
    }, FILTER_DELAY_MS);
  }

  private toggleSort(column: string): void {
    const current = this.sort?.column === column ? this.sort.direction : undefined;
    this.sort =
      current === undefined
        ? { column, direction: 'asc' }
        : current === 'asc'
          ? { column, direction: 'desc' }
          : undefined;
  }

  private toggleColumn(column: string, visible: boolean): void {
    const hidden = new Set(this.hiddenColumns);
    if (visible) hidden.delete(column);
    else if (this.columns.length - hidden.size > 1) hidden.add(column);
    this.hiddenColumns = hidden;
  }

  private select(position: number): void {
    this.active = position;
    const index = this.order[position];
    this.selected = this.selected === index ? undefined : index;
  }

  private onKey(e: KeyboardEvent): void {
    const last = this.order.length - 1;
    if (last < 0) return;
    const page = Math.max(1, Math.floor((this.scroller?.clientHeight ?? 220) / ROW_HEIGHT) - 1);
    const moves: Record<string, number> = {
      ArrowDown: this.active + 1,
      ArrowUp: this.active - 1,
      PageDown: this.active + page,
      PageUp: this.active - page,
      Home: 0,
      End: last,
    };
    if (e.key in moves) {
      this.active = Math.min(last, Math.max(0, moves[e.key]));
      this.virtualizer?.scrollToIndex(this.active, { align: 'auto' });
    } else if ((e.key === 'Enter' || e.key === ' ') && this.active >= 0) {
      this.select(this.active);
    } else {
      return;
    }
    e.preventDefault();
  }

  private exportCsv(): void {
    const csv = toCsv(this.rows, this.order, this.visibleColumns, this.strings.valueColumn);
    this.dispatchEvent(new CustomEvent('export-csv', { detail: { csv, rows: this.order.length } }));
  }

  /** How many rows the DOM holds (the virtualiser keeps it small whatever the list's length). */
  get renderedRows(): number {
    return this.renderRoot.querySelectorAll('.body .grid-row').length;
  }
}

customElements.define('altegio-data-table', DataTable);
