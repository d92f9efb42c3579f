// The rows of an `@each` CSV file: RFC 4180 (quoted fields, doubled quotes, line breaks inside quotes), a header
// row naming the columns, `,` or `;` as the separator (spreadsheets in many locales write `;`), a BOM ignored.

export interface CsvTable {
  columns: string[];
  rows: Record<string, string>[];
  /** Lines whose number of fields differs from the header's (1-based line numbers of the file). */
  ragged: number[];
}

export type CsvProblem = 'unclosedQuote' | 'unnamedColumn' | 'duplicateColumn';

/** The file cannot be read as rows; `reason` and `column` let the host word it in the user's language. */
export class CsvError extends Error {
  constructor(
    readonly reason: CsvProblem,
    readonly line: number,
    readonly column?: string,
  ) {
    super(`${reason} at line ${line}${column === undefined ? '' : ` (${column})`}`);
    this.name = 'CsvError';
  }
}

export function parseCsv(text: string): CsvTable {
  const source = text.replace(/^\uFEFF/, '');
  const separator = detectSeparator(source);
  const records: { fields: string[]; line: number }[] = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let recordLine = 1;
  let fieldStarted = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (quoted) {
      if (c === '"' && source[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else {
        if (c === '\n') line++;
        field += c;
      }
      continue;
    }
    if (c === '"' && !fieldStarted) {
      quoted = true;
      fieldStarted = true;
    } else if (c === separator) {
      fields.push(field);
      field = '';
      fieldStarted = false;
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && source[i + 1] === '\n') i++;
      fields.push(field);
      records.push({ fields, line: recordLine });
      fields = [];
      field = '';
      fieldStarted = false;
      line++;
      recordLine = line;
    } else {
      field += c;
      fieldStarted = true;
    }
  }
  if (quoted) throw new CsvError('unclosedQuote', recordLine);
  if (fieldStarted || fields.length) {
    fields.push(field);
    records.push({ fields, line: recordLine });
  }
  const nonEmpty = records.filter((r) => !(r.fields.length === 1 && r.fields[0].trim() === ''));
  if (nonEmpty.length === 0) return { columns: [], rows: [], ragged: [] };
  const [header, ...data] = nonEmpty;
  const columns = header.fields.map((c) => c.trim());
  const seen = new Set<string>();
  for (const name of columns) {
    if (name === '') throw new CsvError('unnamedColumn', header.line);
    if (seen.has(name)) throw new CsvError('duplicateColumn', header.line, name);
    seen.add(name);
  }
  const ragged: number[] = [];
  const rows = data.map((record) => {
    if (record.fields.length !== columns.length) ragged.push(record.line);
    const row: Record<string, string> = {};
    columns.forEach((name, i) => {
      row[name] = record.fields[i] ?? '';
    });
    return row;
  });
  return { columns, rows, ragged };
}

function detectSeparator(text: string): ',' | ';' {
  let commas = 0;
  let semicolons = 0;
  let quoted = false;
  for (const c of text) {
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === '\n' || c === '\r')) break;
    else if (!quoted && c === ',') commas++;
    else if (!quoted && c === ';') semicolons++;
  }
  return semicolons > commas ? ';' : ',';
}
