// One request cell's output in a notebook: the answer as the response viewer's table (lists) or tree (objects),
// or the summary of a data-driven run as a table with CSV export. Texts come with the output, in the user's language.
import { css, html, LitElement, nothing, type TemplateResult } from 'lit';
import type {
  NotebookOutput,
  ResponseOutput,
  SaveCsvMessage,
  SummaryOutput,
  SummaryRow,
} from '../../src/protocol/notebook-output';
import { baseStyles } from '../shared/base-styles';
import { fmt, formatBytes, formatMs } from '../shared/format';
import { styleProps } from '../shared/style-props';
import { ROW_HEIGHT } from '../response/data-table';

/** The table's height in an output: enough for a screenful of rows, never the whole notebook. */
const TABLE_HEIGHT_PX = 360;
/** The table's toolbar, header row and borders. */
const TABLE_CHROME_PX = 64;

export class NotebookOutputView extends LitElement {
  static override properties = {
    output: { attribute: false },
  };

  declare output: NotebookOutput | undefined;
  /** Set by the renderer: sends a message to the extension (only `saveCsv`). */
  post: (message: SaveCsvMessage) => void = () => undefined;

  static override styles = [
    baseStyles,
    css`
      :host {
        display: block;
        padding: 4px 0;
      }
      .top {
        display: flex;
        align-items: center;
        gap: 10px;
        flex-wrap: wrap;
        margin-bottom: 6px;
      }
      .status {
        font-weight: 700;
        padding: 0 6px;
        border: 1px solid currentColor;
        border-radius: 2px;
      }
      .status.ok,
      .done {
        color: var(--vscode-testing-iconPassed);
      }
      .status.client,
      .unknown {
        color: var(--vscode-editorWarning-foreground);
      }
      .status.fail,
      .failed {
        color: var(--vscode-errorForeground);
      }
      .table {
        display: flex;
        flex-direction: column;
      }
      .note {
        margin: 4px 0;
      }
      .fields {
        margin: 4px 0 0 16px;
        padding: 0;
      }
    `,
  ];

  override render(): TemplateResult | typeof nothing {
    const o = this.output;
    if (!o) return nothing;
    return o.kind === 'summary' ? this.renderSummary(o) : this.renderResponse(o);
  }

  private renderResponse(o: ResponseOutput): TemplateResult {
    const s = o.strings;
    const status = o.status;
    const statusClass = status === undefined ? 'fail' : status < 300 ? 'ok' : status < 500 ? 'client' : 'fail';
    return html`<div class="top">
        <span class="status ${statusClass}">${status ?? s.noStatus}</span>
        <span class="method ${o.method}">${o.method}</span>
        <span class="mono">${o.path}</span>
        ${o.durationMs === undefined ? nothing : html`<span class="muted">${fmt(s.duration, formatMs(o.durationMs))}</span>`}
        ${o.sizeBytes === undefined ? nothing : html`<span class="muted">${fmt(s.size, formatBytes(o.sizeBytes))}</span>`}
      </div>
      ${o.error ? this.renderError(o) : nothing} ${this.renderData(o)}`;
  }

  private renderError(o: ResponseOutput): TemplateResult {
    const e = o.error!;
    const fields = Object.entries(e.fieldErrors ?? {});
    return html`<div class="note error" role="alert">${e.message}</div>
      ${
        fields.length
          ? html`<ul class="fields error">
              ${fields.map(([name, messages]) => html`<li><span class="mono">${name}</span>: ${messages.join('; ')}</li>`)}
            </ul>`
          : nothing
      }`;
  }

  private renderData(o: ResponseOutput): TemplateResult | typeof nothing {
    const s = o.strings;
    if (o.tooLarge)
      return html`<div class="note">
        ${fmt(s.tooLarge, formatBytes(o.sizeBytes ?? 0), formatBytes(o.thresholdBytes ?? 0))}
      </div>`;
    if (o.data === undefined) return o.error ? nothing : html`<div class="note muted">${s.emptyBody}</div>`;
    if (Array.isArray(o.data)) return this.renderTable(o.data, s);
    return html`<altegio-json-tree .value=${o.data} .strings=${s} .expandDepth=${2}></altegio-json-tree>`;
  }

  private renderSummary(o: SummaryOutput): TemplateResult {
    const s = o.strings;
    const count = (outcome: SummaryRow['outcome']) => o.rows.filter((r) => r.outcome === outcome).length;
    const rows = o.rows.map((r) => ({
      [s.row]: r.row,
      [s.outcome]: wordOf(r.outcome, o),
      [s.status]: r.status ?? '',
      [s.id]: r.id ?? '',
      [s.error]: r.error ?? r.request ?? '',
    }));
    return html`<div class="top">
        <span class="method ${o.method}">${o.method}</span>
        <span class="mono">${o.path}</span>
        ${
          o.dryRun
            ? html`<span class="badge">${s.dryRun}</span>`
            : html`<span role="status"
                >${fmt(s.summaryLine, count('done'), count('failed'), count('unknown'), count('skipped'))}</span
              >`
        }
        ${o.cancelled ? html`<span class="badge">${s.cancelled}</span>` : nothing}
      </div>
      ${o.data ? this.renderFailures(o) : nothing} ${this.renderTable(o.data ?? rows, s)}`;
  }

  /** A read run shows its answers as one table; the rows that failed are named above it. */
  private renderFailures(o: SummaryOutput): TemplateResult | typeof nothing {
    const failed = o.rows.filter((r) => r.outcome !== 'done' && r.outcome !== 'skipped');
    if (failed.length === 0) return nothing;
    return html`<ul class="fields error">
      ${failed.map((r) => html`<li>${o.strings.row} ${r.row}: ${r.error ?? wordOf(r.outcome, o)}</li>`)}
    </ul>`;
  }

  private renderTable(rows: unknown[], s: ResponseOutput['strings']): TemplateResult {
    // The table is virtualised, so it needs a height: its rows, up to a screenful.
    const height = Math.min(TABLE_HEIGHT_PX, TABLE_CHROME_PX + Math.max(rows.length, 3) * ROW_HEIGHT);
    return html`<div class="table" .style=${styleProps({ height: `${height}px` })}>
      <altegio-data-table
        .rows=${rows}
        .strings=${s}
        @export-csv=${(e: CustomEvent<{ csv: string; rows: number }>) =>
          this.post({ type: 'saveCsv', csv: e.detail.csv, rows: e.detail.rows })}
      ></altegio-data-table>
    </div>`;
  }
}

function wordOf(outcome: SummaryRow['outcome'], o: SummaryOutput): string {
  const s = o.strings;
  switch (outcome) {
    case 'done':
      return s.done;
    case 'failed':
      return s.failed;
    case 'unknown':
      return s.unknown;
    case 'skipped':
      return s.skipped;
    case 'dryRun':
      return s.dryRun;
    default:
      return s.notRun;
  }
}

if (!customElements.get('altegio-notebook-output'))
  customElements.define('altegio-notebook-output', NotebookOutputView);
