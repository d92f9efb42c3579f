// The request cell language (`altegio`): comment and directive lines (`# @name card`, `# @each clients.csv`,
// `# @dry-run`), the request line `METHOD /path?query`, header lines, a blank line and a JSON body. Parsing never
// throws; every problem carries its place in the cell (offsets into the cell's text).
import { HTTP_METHODS, type HttpMethod } from '../../api/catalog';
import { findVariables, type VariableRef } from './variable-refs';

export interface TextSpan {
  start: number;
  end: number;
}

export type DirectiveName = 'name' | 'each' | 'dry-run';
export const DIRECTIVES: readonly DirectiveName[] = ['name', 'each', 'dry-run'];

export interface Directive extends TextSpan {
  name: string;
  value: string;
  valueSpan: TextSpan;
}

export interface QueryPart {
  name: string;
  value: string;
  nameSpan: TextSpan;
  valueSpan: TextSpan;
}

export interface RequestLine extends TextSpan {
  method: string;
  methodSpan: TextSpan;
  /** Everything after the method, e.g. `/loyalty/cards/{{location_id}}?page=1`. */
  target: string;
  targetSpan: TextSpan;
  path: string;
  pathSpan: TextSpan;
  query: QueryPart[];
}

export interface HeaderLine extends TextSpan {
  name: string;
  value: string;
  nameSpan: TextSpan;
}

export type SyntaxProblemCode =
  | 'noRequestLine'
  | 'unknownMethod'
  | 'noPath'
  | 'extraText'
  | 'absoluteUrl'
  | 'badHeader'
  | 'missingBlankLine'
  | 'authorizationHeader'
  | 'ignoredHeader'
  | 'unknownDirective'
  | 'directiveValue'
  | 'duplicateDirective'
  | 'badVariable';

export interface SyntaxProblem extends TextSpan {
  code: SyntaxProblemCode;
  severity: 'error' | 'warning';
  /** Words for the message (a header's name, a directive, a method). */
  args: string[];
}

export interface ParsedCell {
  text: string;
  directives: Directive[];
  /** `# @name card`: later cells read the answer as `{{card.data.id}}`. */
  name?: string;
  /** `# @each clients.csv` or `# @each {{search.data}}`. */
  each?: Directive;
  dryRun: boolean;
  request?: RequestLine;
  headers: HeaderLine[];
  /** The JSON body's text exactly as written (trimmed) and where it starts. */
  body?: { text: string; start: number };
  variables: VariableRef[];
  problems: SyntaxProblem[];
}

/** Headers the extension sets itself; writing them in a cell changes nothing. */
const MANAGED_HEADERS = new Set(['accept', 'content-type', 'user-agent', 'content-length', 'host']);
const COMMENT = /^\s*(#|\/\/)/;
const DIRECTIVE = /^(\s*(?:#|\/\/)\s*)@([A-Za-z][\w-]*)(?:[ \t]+(.*?))?\s*$/;

interface RawLine {
  text: string;
  start: number;
}

export function parseCell(text: string): ParsedCell {
  const lines = rawLines(text);
  const parsed: ParsedCell = { text, directives: [], dryRun: false, headers: [], variables: [], problems: [] };
  const problem = (
    code: SyntaxProblemCode,
    span: TextSpan,
    args: string[] = [],
    severity: 'error' | 'warning' = 'error',
  ) => parsed.problems.push({ code, severity, start: span.start, end: span.end, args });

  let i = 0;
  for (; i < lines.length; i++) {
    const line = lines[i];
    if (line.text.trim() === '') continue;
    const directive = DIRECTIVE.exec(line.text);
    if (directive) {
      readDirective(parsed, line, directive, problem);
      continue;
    }
    if (COMMENT.test(line.text)) continue;
    break;
  }
  if (i === lines.length) {
    problem('noRequestLine', { start: 0, end: text.length });
    return parsed;
  }
  parsed.request = readRequestLine(lines[i], problem);
  for (i++; i < lines.length; i++) {
    const line = lines[i];
    if (line.text.trim() === '') break;
    if (COMMENT.test(line.text)) continue;
    const lineSpan = { start: line.start, end: line.start + line.text.length };
    // A body written without the blank line before it is the most common slip.
    if (/^\s*[[{]/.test(line.text)) {
      parsed.body = bodyFrom(text, line.start);
      problem('missingBlankLine', lineSpan);
      i = lines.length;
      break;
    }
    const header = /^([^:\s]+)[ \t]*:[ \t]*(.*?)\s*$/.exec(line.text);
    if (!header) {
      problem('badHeader', lineSpan, [line.text.trim().slice(0, 40)]);
      continue;
    }
    const name = header[1];
    const nameSpan = {
      start: line.start + line.text.indexOf(name),
      end: line.start + line.text.indexOf(name) + name.length,
    };
    parsed.headers.push({ ...lineSpan, name, value: header[2], nameSpan });
    if (name.toLowerCase() === 'authorization') problem('authorizationHeader', lineSpan);
    else if (!MANAGED_HEADERS.has(name.toLowerCase())) problem('ignoredHeader', nameSpan, [name], 'warning');
  }
  if (i < lines.length && !parsed.body) {
    const body = bodyFrom(text, lines[i].start);
    if (body) parsed.body = body;
  }
  parsed.variables = findVariables(text).filter((v) => !insideComment(lines, v.start));
  for (const v of parsed.variables) if (!v.valid) problem('badVariable', v, [v.expression]);
  return parsed;
}

function readDirective(
  parsed: ParsedCell,
  line: RawLine,
  match: RegExpExecArray,
  problem: (code: SyntaxProblemCode, span: TextSpan, args?: string[], severity?: 'error' | 'warning') => void,
): void {
  const name = match[2];
  const value = match[3] ?? '';
  const nameStart = line.start + match[1].length;
  const valueStart = value
    ? line.start + line.text.indexOf(value, match[1].length + name.length + 1)
    : line.start + line.text.length;
  const directive: Directive = {
    start: line.start,
    end: line.start + line.text.length,
    name,
    value,
    valueSpan: { start: valueStart, end: valueStart + value.length },
  };
  parsed.directives.push(directive);
  const nameSpan = { start: nameStart, end: nameStart + name.length + 1 };
  if (!(DIRECTIVES as readonly string[]).includes(name)) {
    problem('unknownDirective', nameSpan, [name], 'warning');
    return;
  }
  if (parsed.directives.some((d) => d !== directive && d.name === name))
    problem('duplicateDirective', nameSpan, [name]);
  if (name === 'dry-run') {
    parsed.dryRun = true;
    return;
  }
  const ok = name === 'name' ? /^[A-Za-z_][\w-]*$/.test(value) : value !== '';
  if (!ok) {
    problem('directiveValue', value ? directive.valueSpan : nameSpan, [name]);
    return;
  }
  if (name === 'name') parsed.name ??= value;
  else parsed.each ??= directive;
}

function readRequestLine(
  line: RawLine,
  problem: (code: SyntaxProblemCode, span: TextSpan, args?: string[]) => void,
): RequestLine {
  // A reference may hold spaces (`{{ card.data.id }}`) and still belongs to the target.
  const match = /^(\s*)(\S+)(?:([ \t]+)((?:\{\{[^{}]*\}\}|[^\s{]|\{(?!\{))*))?/.exec(line.text)!;
  const methodStart = line.start + match[1].length;
  const method = match[2].toUpperCase();
  const methodSpan = { start: methodStart, end: methodStart + match[2].length };
  const target = match[4] ?? '';
  const targetStart = methodSpan.end + (match[3]?.length ?? 0);
  // "HTTP/1.1" after the target, as REST Client files have it, is allowed and ignored.
  const rest = line.text.slice(targetStart - line.start + target.length).trim();
  const lineEnd = line.start + line.text.length;
  if (!(HTTP_METHODS as readonly string[]).includes(method)) problem('unknownMethod', methodSpan, [match[2]]);
  if (rest && !/^HTTP\/[\d.]+$/i.test(rest))
    problem('extraText', { start: targetStart + target.length, end: lineEnd }, [rest]);
  if (!target) problem('noPath', { start: methodSpan.start, end: lineEnd });
  else if (/^[a-z][a-z0-9+.-]*:\/\//i.test(target))
    problem('absoluteUrl', { start: targetStart, end: targetStart + target.length });
  else if (!target.startsWith('/') && !target.startsWith('{{'))
    problem('noPath', { start: targetStart, end: targetStart + target.length });
  const queryAt = target.indexOf('?');
  const path = queryAt < 0 ? target : target.slice(0, queryAt);
  const query: QueryPart[] = [];
  if (queryAt >= 0) {
    let offset = targetStart + queryAt + 1;
    for (const part of target.slice(queryAt + 1).split('&')) {
      if (part) {
        const eq = part.indexOf('=');
        const name = eq < 0 ? part : part.slice(0, eq);
        const value = eq < 0 ? '' : part.slice(eq + 1);
        query.push({
          name: safeDecode(name),
          value: safeDecode(value),
          nameSpan: { start: offset, end: offset + name.length },
          valueSpan: { start: offset + (eq < 0 ? part.length : eq + 1), end: offset + part.length },
        });
      }
      offset += part.length + 1;
    }
  }
  return {
    start: line.start,
    end: lineEnd,
    method: method as HttpMethod,
    methodSpan,
    target,
    targetSpan: { start: targetStart, end: targetStart + target.length },
    path,
    pathSpan: { start: targetStart, end: targetStart + path.length },
    query,
  };
}

function bodyFrom(text: string, start: number): { text: string; start: number } | undefined {
  const rest = text.slice(start);
  const lead = rest.length - rest.trimStart().length;
  const body = rest.trim();
  return body ? { text: body, start: start + lead } : undefined;
}

function rawLines(text: string): RawLine[] {
  const out: RawLine[] = [];
  const pattern = /\r\n|\r|\n/g;
  let start = 0;
  let match: RegExpExecArray | null;
  while ((match = pattern.exec(text))) {
    out.push({ text: text.slice(start, match.index), start });
    start = match.index + match[0].length;
  }
  out.push({ text: text.slice(start), start });
  return out;
}

/** Variables in comment lines before the request line are not used (a directive's are: `@each {{x}}`). */
function insideComment(lines: RawLine[], offset: number): boolean {
  let line: RawLine | undefined;
  for (const l of lines) if (l.start <= offset) line = l;
  return line !== undefined && COMMENT.test(line.text) && !DIRECTIVE.test(line.text);
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value.replace(/\+/g, ' '));
  } catch {
    return value;
  }
}

/** The method and target of the request line, or undefined (used by exports and titles). */
export function requestLineOf(parsed: ParsedCell): string | undefined {
  return parsed.request ? `${parsed.request.method} ${parsed.request.target}` : undefined;
}
