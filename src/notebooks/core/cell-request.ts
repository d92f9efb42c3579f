// From a request cell to the request it sends: the operation its line matches (by the catalog's path templates),
// its path, query and body with every `{{variable}}` resolved, and every problem with its place in the cell.
// Diagnostics and sending use this same function, and both validate with the forms' validation.
import type { Catalog, OperationSpec } from '../../api/catalog';
import type { RequestInput } from '../../api/http-types';
import { validation } from '../../api/lazy-validation';
import type { FieldError } from '../../api/validation';
import { bodyValue, fieldSpan, readBody, type CellBody } from './cell-body';
import { parseCell, type ParsedCell, type SyntaxProblemCode, type TextSpan } from './cell-syntax';
import { findVariables, type VariableRef } from './variable-refs';
import { resolveVariable, substitute, type VariableScope } from './variables';

export type CellProblemCode =
  | SyntaxProblemCode
  | 'unknownOperation'
  | 'methodNotAllowed'
  | 'unknownQueryParameter'
  | 'bodyNotAllowed'
  | 'multipartBody'
  | 'jsonSyntax'
  | 'unknownVariable'
  | 'noValue'
  | 'rowOutsideRun'
  | 'pendingVariable'
  | 'eachNotList'
  | 'validation';

export interface CellProblem extends TextSpan {
  code: CellProblemCode;
  severity: 'error' | 'warning' | 'info';
  args: string[];
  /** For `validation`: the problem as the forms report it (the host words it in the user's language). */
  fieldError?: FieldError;
}

export interface PathParamText extends TextSpan {
  /** The segment as written, references included (`{{location_id}}`, `720441`). */
  text: string;
}

export interface CellAnalysis {
  parsed: ParsedCell;
  operation?: OperationSpec;
  pathParams: Record<string, PathParamText>;
  body?: CellBody;
  /** Problems that do not depend on variables' values. */
  problems: CellProblem[];
}

/** Reads a cell and finds its operation; no variable is resolved yet. */
export function analyzeCell(catalog: Catalog, text: string): CellAnalysis {
  const parsed = parseCell(text);
  const problems: CellProblem[] = parsed.problems.map((p) => ({ ...p }));
  const analysis: CellAnalysis = { parsed, pathParams: {}, problems };
  const line = parsed.request;
  if (parsed.body) {
    analysis.body = readBody(parsed.body.text, parsed.body.start);
    for (const e of analysis.body.errors)
      problems.push({ ...e, code: 'jsonSyntax', severity: 'error', args: [e.code] });
  }
  if (!line || problems.some((p) => p.code === 'unknownMethod' || p.code === 'noPath' || p.code === 'absoluteUrl'))
    return analysis;
  const match = matchPath(catalog, line.method, line.path, line.pathSpan.start);
  if (!match) {
    const methods = catalog.operations.filter((op) => matchPath(catalog, op.method, line.path, 0)?.operation === op);
    if (methods.length)
      problems.push({
        ...line.methodSpan,
        code: 'methodNotAllowed',
        severity: 'error',
        args: [line.method, line.path, methods.map((op) => op.method).join(', ')],
      });
    else
      problems.push({ ...line.pathSpan, code: 'unknownOperation', severity: 'error', args: [line.method, line.path] });
    return analysis;
  }
  const op = match.operation;
  analysis.operation = op;
  analysis.pathParams = match.pathParams;
  for (const q of line.query) {
    const name = q.name.replace(/\[\]$/, '');
    if (!op.parameters.some((p) => p.in === 'query' && p.name === name))
      problems.push({ ...q.nameSpan, code: 'unknownQueryParameter', severity: 'warning', args: [name, op.id] });
  }
  if (parsed.body) {
    const span = { start: parsed.body.start, end: parsed.body.start + parsed.body.text.length };
    if (!op.requestBody)
      problems.push({ ...span, code: 'bodyNotAllowed', severity: 'error', args: [op.method, op.path] });
    else if (op.requestBody.contentType !== 'application/json')
      problems.push({ ...span, code: 'multipartBody', severity: 'error', args: [op.id] });
  }
  return analysis;
}

/**
 * Finds the operation for a path that may hold `{{variables}}`: each reference stands for one path segment's
 * value, so `/loyalty/cards/{{location_id}}` matches `/loyalty/cards/{location_id}`.
 */
export function matchPath(
  catalog: Catalog,
  method: string,
  path: string,
  offset: number,
): { operation: OperationSpec; pathParams: Record<string, PathParamText> } | undefined {
  const refs = findVariables(path);
  let concrete = '';
  let at = 0;
  refs.forEach((ref, i) => {
    concrete += path.slice(at, ref.start) + `\u2060${i}\u2060`;
    at = ref.end;
  });
  concrete += path.slice(at);
  const found = catalog.match(method, concrete);
  if (!found) return undefined;
  const pathParams: Record<string, PathParamText> = {};
  // The raw segment of each parameter, found again in the written path (with its references put back).
  const segments = splitSegments(path);
  const template = found.operation.path.split('/');
  template.forEach((part, i) => {
    const name = /^\{([^}]+)\}$/.exec(part)?.[1];
    const segment = segments[i];
    if (name && segment)
      pathParams[name] = { text: segment.text, start: offset + segment.start, end: offset + segment.end };
  });
  return { operation: found.operation, pathParams };
}

function splitSegments(path: string): { text: string; start: number; end: number }[] {
  const out: { text: string; start: number; end: number }[] = [];
  let start = 0;
  for (const part of path.split('/')) {
    out.push({ text: part, start, end: start + part.length });
    start += part.length + 1;
  }
  return out;
}

export interface ResolvedCell {
  /** Present when nothing stands in the way of sending. */
  input?: Omit<RequestInput, 'signal' | 'timeoutMs'>;
  /** The values resolved so far (for dry runs and exports), even when problems remain. */
  values?: { pathParams: Record<string, string>; query: Record<string, unknown>; body?: unknown };
  problems: CellProblem[];
}

export interface ResolveOptions {
  /**
   * Diagnostics: a reference without a value yet (a cell that has not run) is only noted, and validation
   * problems of the fields it feeds are left out. Sending: every such reference is an error.
   */
  lenient?: boolean;
}

/** Resolves the cell's variables and validates the request exactly as the forms do. */
export function resolveCell(analysis: CellAnalysis, scope: VariableScope, options: ResolveOptions = {}): ResolvedCell {
  const problems: CellProblem[] = [...analysis.problems];
  const op = analysis.operation;
  const line = analysis.parsed.request;
  if (!op || !line) return { problems };
  const unresolvedFields = new Set<string>();
  const noteUnresolved = (ref: VariableRef, field: string) => {
    unresolvedFields.add(field);
    problems.push(unresolvedProblem(scope, ref, options.lenient === true));
  };

  const pathParams: Record<string, string> = {};
  for (const [name, segment] of Object.entries(analysis.pathParams)) {
    const refs = findVariables(segment.text).map((r) => ({
      ...r,
      start: r.start + segment.start,
      end: r.end + segment.start,
    }));
    const result = substitute(segment.text, refs, scope, segment.start);
    for (const ref of result.unresolved) noteUnresolved(ref, name);
    pathParams[name] = result.text;
  }
  const query: Record<string, unknown> = {};
  for (const q of line.query) {
    const bracketed = q.name.endsWith('[]');
    const name = bracketed ? q.name.slice(0, -2) : q.name;
    const refs = findVariables(q.value).map((r) => ({
      ...r,
      start: r.start + q.valueSpan.start,
      end: r.end + q.valueSpan.start,
    }));
    const whole =
      refs.length === 1 &&
      q.value.trim() === q.value.slice(refs[0].start - q.valueSpan.start, refs[0].end - q.valueSpan.start);
    let value: unknown;
    if (whole && refs[0].valid) {
      // A list variable fills an array parameter whole: `ids[]={{found.data}}`.
      const r = resolveVariable(scope, refs[0]);
      if (r.found) value = r.value;
      else noteUnresolved(refs[0], name);
    } else {
      const result = substitute(q.value, refs, scope, q.valueSpan.start);
      for (const ref of result.unresolved) noteUnresolved(ref, name);
      value = result.text;
    }
    if (value === undefined) continue;
    const spec = op.parameters.find((p) => p.in === 'query' && p.name === name);
    if (bracketed || spec?.isArray || name in query) {
      const prior = query[name];
      const list = prior === undefined ? [] : Array.isArray(prior) ? prior : [prior];
      query[name] = [...list, ...(Array.isArray(value) ? value : [value])];
    } else query[name] = value;
  }
  let body: unknown;
  if (analysis.body && analysis.body.errors.length === 0 && op.requestBody?.contentType === 'application/json') {
    const result = bodyValue(analysis.body, scope);
    body = result.value;
    for (const u of result.unresolved) noteUnresolved(u.ref, u.field);
  }

  const values = { pathParams, query, ...(body !== undefined ? { body } : {}) };
  for (const e of validation().validateRequest(op, values, { coerce: true })) {
    // A field fed by a reference without a value is reported once, at the reference.
    if ([...unresolvedFields].some((f) => covers(f, e.field))) continue;
    problems.push({
      ...spanOfField(analysis, e),
      code: 'validation',
      severity: 'error',
      args: [e.field],
      fieldError: e,
    });
  }
  const blocking = problems.some((p) => p.severity === 'error');
  return {
    values,
    problems,
    ...(blocking ? {} : { input: { operation: op, pathParams, query, ...(body !== undefined ? { body } : {}) } }),
  };
}

function unresolvedProblem(scope: VariableScope, ref: VariableRef, lenient: boolean): CellProblem {
  const r = ref.valid ? resolveVariable(scope, ref) : undefined;
  const reason = r && !r.found ? r.reason : 'unknown';
  const code: CellProblemCode =
    reason === 'pending'
      ? 'pendingVariable'
      : reason === 'noValue'
        ? 'noValue'
        : reason === 'rowOutsideRun'
          ? 'rowOutsideRun'
          : 'unknownVariable';
  // Values that only exist once a cell has run (or a row is being sent) are not errors while editing.
  const severity =
    lenient && (code === 'pendingVariable' || code === 'rowOutsideRun' || code === 'noValue')
      ? 'info'
      : lenient && code === 'unknownVariable'
        ? 'warning'
        : 'error';
  return { start: ref.start, end: ref.end, code, severity, args: [ref.expression, ref.root] };
}

/** Whether a problem of `field` comes from the value at `source` (the same field, inside it, or its object). */
function covers(source: string, field: string): boolean {
  if (source === '' || source === field) return true;
  return field.startsWith(`${source}.`) || field.startsWith(`${source}[`);
}

function spanOfField(analysis: CellAnalysis, e: FieldError): TextSpan {
  const line = analysis.parsed.request!;
  const name = e.field.split(/[.[]/)[0];
  if (e.location === 'path') return analysis.pathParams[name] ?? line.pathSpan;
  if (e.location === 'query') {
    const q = line.query.find((part) => part.name.replace(/\[\]$/, '') === name);
    return q ? { start: q.nameSpan.start, end: q.valueSpan.end } : line.targetSpan;
  }
  if (analysis.body)
    return (
      fieldSpan(analysis.body, e.field) ?? {
        start: analysis.body.start,
        end: analysis.body.start + analysis.body.masked.length,
      }
    );
  return { start: line.start, end: line.end };
}
