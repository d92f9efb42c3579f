// Completion in a request cell, from the OpenAPI document: operations on the request line, query parameter names
// after `?`/`&`, body field names and enum values at the cursor (nested objects and arrays too), directives and
// variables. Pure: the host turns the items into CompletionItems and adds live values where a lookup exists.
import type { Catalog, JsonSchema, OperationSpec } from '../../api/catalog';
import { lookupFor } from '../../api/lookups';
import { bodySchema, schemaAt, typesOf } from './body-schema';
import { bodyCursor, readBody } from './cell-body';
import { analyzeCell } from './cell-request';
import { DIRECTIVES, type TextSpan } from './cell-syntax';
import { parseExpression, variableAt } from './variable-refs';
import { ROW_VARIABLE, type VariableScope } from './variables';

export type CompletionKind = 'operation' | 'parameter' | 'property' | 'value' | 'variable' | 'directive';

export interface CompletionItemModel {
  label: string;
  kind: CompletionKind;
  /** One line: an operation's summary, a field's type. */
  detail?: string;
  /** Markdown-free text: the field's or operation's description. */
  documentation?: string;
  /** A snippet (`$1`, `${1:value}`) when `snippet` is true, plain text otherwise. */
  insertText: string;
  snippet?: boolean;
  /** What the item replaces (cell offsets). */
  replace: TextSpan;
  /** Lets the host filter on more than the label (operation summaries). */
  filterText?: string;
  sortText?: string;
  deprecated?: boolean;
  /** Required fields and parameters are offered first and marked. */
  required?: boolean;
}

export interface CompletionResult {
  items: CompletionItemModel[];
  /**
   * Set when the cursor is on a value that a lookup can fill live (card types, team members, services, clients):
   * the host lists them through the request pipeline and adds them as value items replacing `replace`.
   */
  lookup?: { field: string; replace: TextSpan; quoted: boolean; operation: OperationSpec };
}

export interface CompletionContext {
  catalog: Catalog;
  text: string;
  offset: number;
  scope?: VariableScope;
  /** Names the notebook's cells give themselves (`# @name card`), known before they run. */
  cellNames?: string[];
}

export function completeCell(ctx: CompletionContext): CompletionResult {
  const { text, offset } = ctx;
  const variable = variableAt(text, offset);
  if (variable) return { items: completeVariable(ctx, variable) };
  const lineStart = Math.max(text.lastIndexOf('\n', offset - 1) + 1, 0);
  const lineEndAt = text.indexOf('\n', offset);
  const lineEnd = lineEndAt < 0 ? text.length : lineEndAt;
  const line = text.slice(lineStart, lineEnd).replace(/\r$/, '');
  const before = text.slice(lineStart, offset);
  const directive = /^(\s*(?:#|\/\/)\s*@)([\w-]*)$/.exec(before);
  if (directive) {
    const replace = { start: lineStart + directive[1].length, end: offset };
    return {
      items: DIRECTIVES.map((name) => ({
        label: name,
        kind: 'directive' as const,
        insertText: name === 'dry-run' ? name : `${name} `,
        replace,
      })),
    };
  }
  const analysis = analyzeCell(ctx.catalog, text);
  const request = analysis.parsed.request;
  const onRequestLine = request
    ? offset >= request.start && offset <= request.end
    : isFirstRequestLine(text, lineStart);
  if (onRequestLine) {
    const queryAt = line.indexOf('?');
    if (request && analysis.operation && queryAt >= 0 && offset > lineStart + queryAt)
      return { items: completeQuery(analysis.operation, text, offset, lineStart) };
    return { items: completeOperations(ctx.catalog, line, { start: lineStart, end: lineEnd }) };
  }
  const op = analysis.operation;
  if (!request || !op) return { items: [] };
  const bodyStart = analysis.parsed.body?.start ?? blankLineAfterHeaders(text, request.end);
  if (bodyStart === undefined || offset < bodyStart) return { items: [] };
  return completeBody(op, text, bodyStart, offset);
}

function isFirstRequestLine(text: string, lineStart: number): boolean {
  const earlier = text.slice(0, lineStart).split(/\r?\n/);
  return earlier.every((l) => l.trim() === '' || /^\s*(#|\/\/)/.test(l));
}

function blankLineAfterHeaders(text: string, from: number): number | undefined {
  const match = /\r?\n[ \t]*\r?\n/.exec(text.slice(from));
  return match ? from + match.index + match[0].length : undefined;
}

function completeOperations(catalog: Catalog, line: string, replace: TextSpan): CompletionItemModel[] {
  const typed = line.trim().toUpperCase();
  return catalog.operations.map((op, index) => {
    const target = op.path.replace(/\{([^}]+)\}/g, (_m, name: string) => `{{${name}}}`);
    const required = op.parameters.filter((p) => p.in === 'query' && p.required);
    const query = required.length ? `?${required.map((p) => `${p.name}=`).join('&')}` : '';
    const body =
      op.requestBody?.contentType === 'application/json' && op.method !== 'GET' ? `\n\n${bodySkeleton(op)}` : '';
    return {
      label: `${op.method} ${op.path}`,
      kind: 'operation' as const,
      detail: op.summary,
      documentation: op.description || undefined,
      insertText: `${op.method} ${target}${query}${body}`,
      // Typing "card" or "loyalty cards" finds the operation as well as typing its path.
      filterText: `${typed.startsWith(op.method) ? '' : `${line.trim()} `}${op.method} ${op.path} ${op.summary}`,
      sortText: String(index).padStart(4, '0'),
      replace,
      deprecated: op.deprecated,
    };
  });
}

/** `{ "required_field": … }` with a placeholder for each required field, as a snippet. */
function bodySkeleton(op: OperationSpec): string {
  const schema = bodySchema(op);
  if (!schema) return '{}';
  if (typesOf(schema).includes('array')) return '[\n  {$0}\n]';
  const required = schema.required ?? [];
  if (required.length === 0) return '{\n  $0\n}';
  const fields = required.map((name, i) => `  "${name}": ${valueSnippet(schema.properties?.[name], i + 1)}`);
  return `{\n${fields.join(',\n')}\n}`;
}

function completeQuery(op: OperationSpec, text: string, offset: number, lineStart: number): CompletionItemModel[] {
  const before = text.slice(lineStart, offset);
  const partStart = Math.max(before.lastIndexOf('?'), before.lastIndexOf('&')) + 1;
  const part = before.slice(partStart);
  if (part.includes('=')) return [];
  const present = new Set(
    before
      .slice(before.indexOf('?') + 1)
      .split('&')
      .map((p) => p.split('=')[0].replace(/\[\]$/, '')),
  );
  const replace = { start: lineStart + partStart, end: offset };
  return op.parameters
    .filter((p) => p.in === 'query' && (!present.has(p.name) || p.name === part))
    .map((p) => ({
      label: p.name,
      kind: 'parameter' as const,
      detail: typeLabel(p.schema),
      documentation: p.description || undefined,
      insertText: `${p.name}${p.isArray ? '[]' : ''}=`,
      replace,
      required: p.required,
      sortText: `${p.required ? 0 : 1}${p.name}`,
    }));
}

function completeBody(op: OperationSpec, text: string, bodyStart: number, offset: number): CompletionResult {
  const root = bodySchema(op);
  if (!root) return { items: [] };
  const bodyText = text.slice(bodyStart);
  if (bodyText.trim() === '') {
    return {
      items: [
        {
          label: '{…}',
          kind: 'value',
          detail: op.summary,
          insertText: bodySkeleton(op),
          snippet: true,
          replace: { start: offset, end: offset },
        },
      ],
    };
  }
  const body = readBody(bodyText, bodyStart);
  const cursor = bodyCursor(body, offset);
  const node = cursor.node;
  // The token being typed: a quoted key or value under the cursor, or nothing yet.
  const onToken = node && offset >= bodyStart + node.offset && offset <= bodyStart + node.offset + node.length;
  const replace = onToken
    ? { start: bodyStart + node.offset, end: bodyStart + node.offset + node.length }
    : { start: offset, end: offset };
  if (cursor.atPropertyKey) {
    const objectPath = cursor.path.slice(0, -1);
    const schema = schemaAt(root, objectPath);
    const required = new Set(schema?.required ?? []);
    const items = Object.entries(schema?.properties ?? {})
      .filter(([name]) => !cursor.siblings.includes(name) || name === cursor.path[cursor.path.length - 1])
      .map(([name, prop]) => ({
        label: name,
        kind: 'property' as const,
        detail: typeLabel(prop),
        documentation: prop.description || undefined,
        insertText: `"${name}": ${valueSnippet(prop, 1)}`,
        snippet: true,
        // The range starts at the key's opening quote, so the filter text must too.
        filterText: `"${name}"`,
        replace,
        required: required.has(name),
        sortText: `${required.has(name) ? 0 : 1}${name}`,
      }));
    return { items };
  }
  const schema = schemaAt(root, cursor.path);
  if (!schema) return { items: [] };
  const items: CompletionItemModel[] = [];
  const values = schema.enum ?? (typesOf(schema).includes('boolean') ? [true, false] : []);
  for (const value of values) {
    if (value === null) continue;
    items.push({
      label: JSON.stringify(value),
      kind: 'value',
      detail: typeLabel(schema),
      insertText: JSON.stringify(value),
      replace,
    });
  }
  const field = [...cursor.path].reverse().find((k): k is string => typeof k === 'string');
  const lookup = field ? lookupFor(field) : undefined;
  return {
    items,
    ...(lookup && field
      ? { lookup: { field, replace, quoted: typesOf(schema).includes('string'), operation: op } }
      : {}),
  };
}

function completeVariable(ctx: CompletionContext, at: { start: number; typed: string }): CompletionItemModel[] {
  const scope = ctx.scope;
  const dot = at.typed.lastIndexOf('.');
  const replace = { start: at.start + (dot + 1) + (at.typed.length - at.typed.trimStart().length), end: ctx.offset };
  if (dot >= 0) {
    // Members of a value that is known: `{{card.data.` lists the keys of the last answer's data.
    const parent = parseExpression(at.typed.slice(0, dot));
    if (!parent.valid || !scope) return [];
    const value = memberOf(scope, parent.root, parent.path);
    if (value === null || typeof value !== 'object') return [];
    return Object.keys(value as object).map((key) => ({
      label: key,
      kind: 'variable' as const,
      detail: preview((value as Record<string, unknown>)[key]),
      insertText: key,
      replace,
    }));
  }
  const names = new Map<string, string | undefined>();
  for (const name of ctx.cellNames ?? []) names.set(name, undefined);
  if (scope) {
    for (const [name, value] of Object.entries(scope.results)) names.set(name, preview(value));
    for (const [name, value] of Object.entries(scope.notebook)) names.set(name, preview(value));
    for (const [name, value] of Object.entries(scope.defaults)) if (!names.has(name)) names.set(name, preview(value));
    if (scope.row !== undefined) names.set(ROW_VARIABLE, preview(scope.row));
  }
  names.set(ROW_VARIABLE, names.get(ROW_VARIABLE));
  return [...names].map(([name, detail]) => ({
    label: name,
    kind: 'variable' as const,
    detail,
    insertText: name,
    replace,
  }));
}

function memberOf(scope: VariableScope, root: string, path: (string | number)[]): unknown {
  const own = (o: object, key: string | number) => Object.prototype.hasOwnProperty.call(o, key);
  let node: unknown =
    root === ROW_VARIABLE
      ? scope.row
      : own(scope.results, root)
        ? scope.results[root]
        : own(scope.notebook, root)
          ? scope.notebook[root]
          : own(scope.defaults, root)
            ? scope.defaults[root]
            : undefined;
  for (const key of path) {
    if (node === null || typeof node !== 'object' || !own(node, key)) return undefined;
    node = (node as Record<string | number, unknown>)[key];
  }
  return node;
}

function preview(value: unknown): string | undefined {
  if (value === undefined) return undefined;
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

function typeLabel(schema: JsonSchema | undefined): string {
  if (!schema) return '';
  const types = typesOf(schema).filter((t) => t !== 'null');
  const base =
    types.includes('array') && schema.items ? `${typesOf(schema.items).join(' | ') || 'any'}[]` : types.join(' | ');
  return schema.format ? `${base} (${schema.format})` : base;
}

function valueSnippet(schema: JsonSchema | undefined, tab: number): string {
  const types = schema ? typesOf(schema).filter((t) => t !== 'null') : [];
  if (schema?.enum?.length)
    return `\${${tab}|${schema.enum
      .filter((v) => v !== null)
      .map((v) => JSON.stringify(v).replace(/[,|]/g, '\\$&'))
      .join(',')}|}`;
  switch (types[0]) {
    case 'string':
      return `"$${tab}"`;
    case 'array':
      return `[$${tab}]`;
    case 'object':
      return `{$${tab}}`;
    case 'boolean':
      return `\${${tab}|true,false|}`;
    default:
      return `$${tab}`;
  }
}
