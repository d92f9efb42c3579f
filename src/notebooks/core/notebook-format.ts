// The `*.altegio.md` notebook format: Markdown in which ```altegio fenced blocks are request cells and everything
// else is Markdown. Reading then writing an unchanged notebook gives back the same bytes; a changed cell is written
// in a canonical form while the bytes around it stay as they were. Front matter becomes a YAML cell. Two Markdown
// cells in a row are kept apart by a `<!-- cell -->` line, which Markdown renders as nothing.
import { findFences, isBlank, splitLines, type Fence, type Line } from './markdown-lines';

export const REQUEST_LANGUAGE = 'altegio';
/** The info string of a saved response under a request cell (`json` first, so code hosts highlight it). */
export const OUTPUT_INFO = 'json altegio-output';

/** The line between two Markdown cells in a row: an HTML comment, so that a code host shows nothing of it. */
export const CELL_SEPARATOR = '<!-- cell -->';

export type NotebookCellKind = 'markdown' | 'request' | 'frontMatter';

/** How a cell was written in the file, so that an unchanged cell is written back byte for byte. */
export interface CellLayout {
  /** Blank lines before the cell (only the first cell of a file has them; later ones belong to the cell before). */
  leading: string;
  /** The exact text of the cell: its fences or front-matter markers included, saved output and blank lines not. */
  body: string;
  /** The value the cell had when read: while the value is the same, `body` is written back. */
  value: string;
  /** Blank lines after the cell, and any `<!-- cell -->` separator among them. */
  trailing: string;
  /** The cell's own end of line. */
  eol: string;
  /** Request cells: the opening fence line, e.g. "```altegio" or "~~~~ altegio"; kept when the cell changes. */
  opening?: string;
  /** The saved output block as read (with the blank lines before it). */
  output?: { raw: string; text: string; status?: number };
}

export interface SavedOutput {
  /** The answer as JSON text. */
  text: string;
  status?: number;
}

export interface NotebookCellModel {
  kind: NotebookCellKind;
  /** Lines joined with "\n", whatever the file uses. */
  value: string;
  layout?: CellLayout;
  output?: SavedOutput;
}

export interface NotebookModel {
  cells: NotebookCellModel[];
  /** The end of line most lines of the file use; new cells are written with it. */
  eol: string;
}

export interface SerializeOptions {
  /** Write each request cell's output under it; off by default, because answers hold business data. */
  saveOutputs?: boolean;
  /** Applied to every output before it is written (tokens, passwords, known secrets). */
  redact?: (text: string) => string;
}

/** Reads a notebook. Never throws: any text is some Markdown. */
export function parseNotebook(text: string): NotebookModel {
  const lines = splitLines(text);
  const eol = dominantEol(lines);
  const cells: NotebookCellModel[] = [];
  let leading = '';
  /** Blank lines go to the cell before them; before the first cell, they are its leading lines. */
  const addBlank = (blank: Line[]) => {
    const last = cells[cells.length - 1];
    if (last) last.layout!.trailing += joinRaw(blank);
    else leading += joinRaw(blank);
  };
  const addCell = (cell: NotebookCellModel) => {
    if (cells.length === 0) cell.layout!.leading = leading;
    cells.push(cell);
  };
  /** A Markdown span between request cells: one Markdown cell per part between separator lines. */
  const addMarkdown = (span: Line[]) => {
    let start = 0;
    span.forEach((line, i) => {
      if (!isSeparator(line)) return;
      addMarkdownPart(span.slice(start, i));
      addBlank([line]);
      start = i + 1;
    });
    addMarkdownPart(span.slice(start));
  };
  const addMarkdownPart = (span: Line[]) => {
    let first = 0;
    while (first < span.length && isBlank(span[first])) first++;
    addBlank(span.slice(0, first));
    if (first === span.length) return;
    let last = span.length - 1;
    while (isBlank(span[last])) last--;
    const content = span.slice(first, last + 1);
    addCell(cell('markdown', content, content));
    addBlank(span.slice(last + 1));
  };

  let index = 0;
  const frontMatterEnd = findFrontMatter(lines);
  if (frontMatterEnd > 0) {
    addCell(cell('frontMatter', lines.slice(0, frontMatterEnd), lines.slice(1, frontMatterEnd - 1)));
    index = frontMatterEnd;
  }
  const fences = findFences(lines, index);
  // A separator line inside a fenced block (a code sample of Markdown) is content, not a separator.
  const fenced = new Set(fences.flatMap((f) => Array.from({ length: f.end - f.start }, (_, i) => lines[f.start + i])));
  const isSeparator = (line: Line) => SEPARATOR_LINE.test(line.text) && !fenced.has(line);
  for (let f = 0; f < fences.length; f++) {
    const fence = fences[f];
    if (fence.indent !== 0 || fence.language !== REQUEST_LANGUAGE) continue;
    addMarkdown(lines.slice(index, fence.start));
    const content = lines.slice(fence.start + 1, fence.closed ? fence.end - 1 : fence.end);
    const request = cell('request', lines.slice(fence.start, fence.end), content);
    request.layout!.opening = lines[fence.start].text;
    index = fence.end;
    const next = fences[f + 1];
    if (next && isOutputFence(next) && lines.slice(fence.end, next.start).every(isBlank)) {
      const text = lines
        .slice(next.start + 1, next.end - 1)
        .map((l) => l.text)
        .join('\n');
      const status = /\bstatus=(\d{3})\b/.exec(next.info)?.[1];
      const output: SavedOutput = { text, ...(status ? { status: Number(status) } : {}) };
      request.output = output;
      request.layout!.output = { raw: joinRaw(lines.slice(fence.end, next.end)), ...output };
      index = next.end;
      f++;
    }
    addCell(request);
  }
  addMarkdown(lines.slice(index));
  if (cells.length === 0 && leading) {
    cells.push({ kind: 'markdown', value: '', layout: { leading, body: '', value: '', trailing: '', eol } });
  }
  return { cells, eol };
}

/** Writes a notebook. Cells whose value is unchanged keep their exact bytes; outputs only when asked to. */
export function serializeNotebook(model: NotebookModel, options: SerializeOptions = {}): string {
  const fileEol = model.eol || '\n';
  let out = '';
  /** Where the text after the last cell's body starts: its trailing blank lines and separator, if any. */
  let afterBody = 0;
  model.cells.forEach((c, i) => {
    const layout = c.layout;
    const eol = layout?.eol ?? fileEol;
    if (out !== '' && !endsWithEol(out)) out += eol;
    if (c.kind === 'markdown' && model.cells[i - 1]?.kind === 'markdown' && !hasSeparator(out.slice(afterBody))) {
      // Without a separator, two Markdown cells in a row would be read back as one.
      if (!endsWithBlankLine(out)) out += eol;
      out += `${CELL_SEPARATOR}${eol}${eol}`;
    }
    // A new cell is set off by a blank line on both sides (it has no trailing blank lines of its own), so that it
    // is read back as a cell of its own and reads like the rest of the file.
    const afterNewCell = i > 0 && !model.cells[i - 1].layout;
    if (out !== '' && !endsWithBlankLine(out) && (!layout || afterNewCell)) out += eol;
    if (layout && out === '') out += layout.leading;
    const unchanged = layout !== undefined && layout.value === c.value && (c.kind !== 'frontMatter' || i === 0);
    out += unchanged ? layout.body : render(c, i, layout, eol);
    if (c.kind === 'request' && options.saveOutputs && c.output) {
      const text = (options.redact ?? ((t: string) => t))(c.output.text);
      const saved = layout?.output;
      out +=
        saved && saved.text === text.replace(/\r\n|\r/g, '\n') && saved.status === c.output.status
          ? saved.raw
          : `${endsWithEol(out) ? '' : eol}${eol}${outputBlock(text, c.output.status, eol)}`;
    }
    afterBody = out.length;
    if (layout) out += layout.trailing;
  });
  // Markdown that starts with a `---` line and has another below would be read back as front matter: a blank
  // line first keeps it Markdown (it is then the cell's leading blank line).
  if (model.cells[0]?.kind === 'markdown' && findFrontMatter(splitLines(out)) > 0) out = `${fileEol}${out}`;
  return out;
}

function render(c: NotebookCellModel, index: number, layout: CellLayout | undefined, eol: string): string {
  const value = c.value.replace(/\r\n|\r|\n/g, eol);
  const block = (opening: string, closing: string) => `${opening}${eol}${value}${value ? eol : ''}${closing}${eol}`;
  if (c.kind === 'frontMatter') {
    // Front matter only counts on the first line; moved below, it is kept as the YAML it holds.
    return index === 0
      ? block('---', '---')
      : block(fenceFor(c.value, '```yaml').opening, fenceFor(c.value, '```').closing);
  }
  if (c.kind === 'request') {
    const fence = fenceFor(c.value, layout?.opening ?? `\`\`\`${REQUEST_LANGUAGE}`);
    return block(fence.opening, fence.closing);
  }
  return value ? `${value}${eol}` : '';
}

/** The opening fence with a marker longer than any run of the same character that starts a line of the content. */
function fenceFor(value: string, opening: string): { opening: string; closing: string } {
  const match = /^(`{3,}|~{3,})(.*)$/.exec(opening.trim()) ?? ['', '```', opening];
  let marker = match[1];
  const char = marker[0];
  let longest = 0;
  const run = new RegExp(`^ {0,3}(\\${char}{3,})`);
  for (const line of value.split(/\r\n|\r|\n/)) longest = Math.max(longest, run.exec(line)?.[1].length ?? 0);
  if (longest >= marker.length) marker = char.repeat(longest + 1);
  return { opening: `${marker}${match[2]}`, closing: marker };
}

function outputBlock(text: string, status: number | undefined, eol: string): string {
  const fence = fenceFor(text, `\`\`\`${OUTPUT_INFO}${status === undefined ? '' : ` status=${status}`}`);
  return `${fence.opening}${eol}${text.replace(/\r\n|\r|\n/g, eol)}${eol}${fence.closing}${eol}`;
}

function isOutputFence(fence: Fence): boolean {
  const [language, marker] = OUTPUT_INFO.split(' ');
  return fence.closed && fence.indent === 0 && fence.language === language && fence.info.split(' ')[0] === marker;
}

function cell(kind: NotebookCellKind, bodyLines: Line[], content: Line[]): NotebookCellModel {
  const value = content.map((l) => l.text).join('\n');
  const eol = bodyLines.find((l) => l.eol)?.eol ?? '\n';
  return { kind, value, layout: { leading: '', body: joinRaw(bodyLines), value, trailing: '', eol } };
}

/** `---` on the first line, closed by `---` or `...` on a later one. */
function findFrontMatter(lines: Line[]): number {
  if (lines.length < 2 || lines[0].text !== '---') return 0;
  for (let i = 1; i < lines.length; i++) {
    if (lines[i].text === '---' || lines[i].text === '...') return i + 1;
  }
  return 0;
}

function dominantEol(lines: Line[]): string {
  const counts = new Map<string, number>();
  for (const l of lines) if (l.eol) counts.set(l.eol, (counts.get(l.eol) ?? 0) + 1);
  let best = '\n';
  let max = 0;
  for (const [eol, n] of counts) if (n > max) [best, max] = [eol, n];
  return best;
}

function joinRaw(lines: Line[]): string {
  return lines.map((l) => l.text + l.eol).join('');
}

/** The separator on a line of its own, indented less than a code block would be. */
const SEPARATOR_LINE = new RegExp(`^ {0,3}${CELL_SEPARATOR}[ \\t]*$`);

function hasSeparator(text: string): boolean {
  return text.split(/\r\n|\r|\n/).some((line) => SEPARATOR_LINE.test(line));
}

function endsWithEol(text: string): boolean {
  return /(\r\n|\r|\n)$/.test(text);
}

function endsWithBlankLine(text: string): boolean {
  return text === '' || /(\r\n|\r|\n)[ \t]*(\r\n|\r|\n)$/.test(text);
}
