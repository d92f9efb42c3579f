// The index over the bundled OpenAPI document: sections in documentation order, operations by id,
// path matching and search. Everything per endpoint in the extension and the sandbox reads this.
import * as fs from 'fs';
import * as path from 'path';
import { searchOperations, searchTextOf } from './operation-search';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
export const HTTP_METHODS: readonly HttpMethod[] = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];
export type SecurityScheme = 'BearerPartner' | 'BearerPartnerUser';

/** A JSON Schema (2020-12 dialect, as OpenAPI 3.1 uses it), fully dereferenced. */
export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  required?: string[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
  pattern?: string;
  minimum?: number;
  maximum?: number;
  description?: string;
  examples?: unknown[];
  additionalProperties?: boolean | JsonSchema;
  [keyword: string]: unknown;
}

export interface ParameterSpec {
  name: string;
  in: 'path' | 'query';
  required: boolean;
  description: string;
  schema: JsonSchema;
  example?: unknown;
  /** Array query parameters travel as `name[]=a&name[]=b`. */
  isArray: boolean;
}

export interface RequestBodySpec {
  required: boolean;
  contentType: 'application/json' | 'multipart/form-data';
  schema: JsonSchema;
  example?: unknown;
}

export interface ResponseSpec {
  status: number;
  description: string;
  schema?: JsonSchema;
  example?: unknown;
}

export interface PagingSpec {
  style: 'page' | 'cursor';
  in: 'query' | 'body';
  pageParam?: string;
  sizeParam?: string;
  defaultSize?: number;
  maxSize?: number;
  /** Where the list's total lives in `meta`. */
  totalField: 'total_count' | 'count';
  cursorParams?: string[];
}

/** What the tree, the palette and the filter show of an operation: all the compact index holds. */
export interface OperationSummary {
  id: string;
  method: HttpMethod;
  path: string;
  summary: string;
  section: string;
  security: SecurityScheme;
  deprecated: boolean;
  destructive: boolean;
  /** True for GETs and for the few POSTs that only read (sign-in, searches): allowed in read-only mode. */
  readOnly: boolean;
  docsUrl?: string;
}

export interface OperationSpec extends OperationSummary {
  description: string;
  parameters: ParameterSpec[];
  requestBody?: RequestBodySpec;
  /** The documented success answer (200, 201, 202 or 204). */
  success: ResponseSpec;
  responses: ResponseSpec[];
  paging?: PagingSpec;
  /** False for the few operations documented without the {success, data, meta} envelope. */
  enveloped: boolean;
  /** False when the docs show no response body beyond the envelope. */
  responseDocumented: boolean;
  confidence: 'high' | 'medium' | 'low';
}

export interface SectionSpec {
  name: string;
  description: string;
  /** A codicon name. */
  icon: string;
  operations: OperationSpec[];
}

export interface ServerSpec {
  url: string;
  description: string;
  environment: string;
}

export interface PathMatch {
  operation: OperationSpec;
  pathParams: Record<string, string>;
}

type Json = Record<string, unknown>;

export const DEFAULT_DOCUMENT_PATH = path.join(__dirname, 'openapi', 'altegio-b2b-v1.json');

export class Catalog {
  readonly sections: SectionSpec[];
  readonly operations: OperationSpec[];
  readonly servers: ServerSpec[];
  private readonly byId = new Map<string, OperationSpec>();
  private readonly byMethodPath = new Map<string, OperationSpec>();
  private readonly matchers = new Map<HttpMethod, { regex: RegExp; names: string[]; operation: OperationSpec }[]>();
  private readonly searchText = new Map<OperationSpec, string>();

  constructor(readonly document: Json) {
    const resolve = createResolver(document);
    const tags = (document.tags as Json[] | undefined) ?? [];
    this.sections = tags.map((tag) => ({
      name: String(tag.name),
      description: String(tag.description ?? ''),
      icon: String(tag['x-altegio-icon'] ?? 'symbol-method'),
      operations: [],
    }));
    const sectionByName = new Map(this.sections.map((s) => [s.name, s]));
    this.servers = ((document.servers as Json[] | undefined) ?? []).map((s) => ({
      url: String(s.url),
      description: String(s.description ?? ''),
      environment: String(s['x-altegio-environment'] ?? ''),
    }));
    this.operations = [];
    for (const [opPath, item] of Object.entries((document.paths as Record<string, Json>) ?? {})) {
      for (const method of HTTP_METHODS) {
        const raw = item[method.toLowerCase()] as Json | undefined;
        if (!raw) continue;
        const op = toOperation(method, opPath, resolve(raw) as Json);
        let section = sectionByName.get(op.section);
        if (!section) {
          section = { name: op.section, description: '', icon: 'symbol-method', operations: [] };
          this.sections.push(section);
          sectionByName.set(op.section, section);
        }
        section.operations.push(op);
        this.operations.push(op);
        this.byId.set(op.id, op);
        this.byMethodPath.set(`${method} ${opPath}`, op);
        this.searchText.set(op, searchTextOf(op));
      }
    }
    for (const method of HTTP_METHODS) {
      const list = this.operations
        .filter((op) => op.method === method)
        .map((operation) => ({ ...compileTemplate(operation.path), operation }))
        // Literal segments beat parameters: /company/{id}/staff/positions before /company/{id}/staff/{team_member_id}.
        .sort((a, b) => compareSpecificity(a.operation.path, b.operation.path));
      this.matchers.set(method, list);
    }
  }

  operation(id: string): OperationSpec | undefined {
    return this.byId.get(id);
  }

  requireOperation(id: string): OperationSpec {
    const op = this.byId.get(id);
    if (!op) throw new Error(`Unknown operation "${id}"`);
    return op;
  }

  find(method: string, templatePath: string): OperationSpec | undefined {
    return this.byMethodPath.get(`${method.toUpperCase()} ${templatePath}`);
  }

  section(name: string): SectionSpec | undefined {
    return this.sections.find((s) => s.name === name);
  }

  /** Matches a concrete request path (relative to the API base, e.g. `/loyalty/cards/720441`). */
  match(method: string, concretePath: string): PathMatch | undefined {
    const list = this.matchers.get(method.toUpperCase() as HttpMethod);
    if (!list) return undefined;
    const clean = concretePath.length > 1 ? concretePath.replace(/\/+$/, '') : concretePath;
    for (const m of list) {
      const found = m.regex.exec(clean);
      if (!found) continue;
      const pathParams: Record<string, string> = {};
      m.names.forEach((name, i) => {
        pathParams[name] = safeDecode(found[i + 1]);
      });
      return { operation: m.operation, pathParams };
    }
    return undefined;
  }

  /** Whether any method is routed at this concrete path (to tell 405 from 404). */
  pathExists(concretePath: string): boolean {
    return HTTP_METHODS.some((m) => this.match(m, concretePath) !== undefined);
  }

  /** Operations whose method, path, summary, section or id contain every word of the query, best first. */
  search(query: string, limit = Infinity): OperationSpec[] {
    return searchOperations(this.operations, query, limit, (op) => this.searchText.get(op)!);
  }
}

let cached: Catalog | undefined;

/** Whether the bundled document has been parsed yet (activation must not need it). */
export function isCatalogLoaded(): boolean {
  return cached !== undefined;
}

/** The catalog of the bundled document, built on first use. */
export function getCatalog(): Catalog {
  cached ??= loadCatalog();
  return cached;
}

export function loadCatalog(file = DEFAULT_DOCUMENT_PATH): Catalog {
  return new Catalog(JSON.parse(fs.readFileSync(file, 'utf8')) as Json);
}

function toOperation(method: HttpMethod, opPath: string, raw: Json): OperationSpec {
  const parameters = ((raw.parameters as Json[] | undefined) ?? []).map((p): ParameterSpec => {
    const schema = (p.schema as JsonSchema | undefined) ?? {};
    return {
      name: String(p.name),
      in: p.in === 'path' ? 'path' : 'query',
      required: p.required === true,
      description: String(p.description ?? ''),
      schema,
      example: p.example,
      isArray: schema.type === 'array',
    };
  });
  let requestBody: RequestBodySpec | undefined;
  const body = raw.requestBody as Json | undefined;
  if (body) {
    const content = body.content as Record<string, Json>;
    const contentType = Object.keys(content)[0] === 'multipart/form-data' ? 'multipart/form-data' : 'application/json';
    const media = content[contentType];
    requestBody = {
      required: body.required === true,
      contentType,
      schema: (media.schema as JsonSchema) ?? {},
      example: media.example,
    };
  }
  const responses = Object.entries((raw.responses as Record<string, Json>) ?? {}).map(([code, r]): ResponseSpec => {
    const media = (r.content as Record<string, Json> | undefined)?.['application/json'];
    return {
      status: Number(code),
      description: String(r.description ?? ''),
      schema: media?.schema as JsonSchema | undefined,
      example: media?.example,
    };
  });
  const success = responses.find((r) => r.status >= 200 && r.status < 300) ?? { status: 200, description: 'Success.' };
  const security = (raw.security as Json[] | undefined)?.[0];
  const paging = raw['x-altegio-paging'] as PagingSpec | undefined;
  return {
    id: String(raw.operationId),
    method,
    path: opPath,
    summary: String(raw.summary ?? ''),
    description: String(raw.description ?? ''),
    section: String((raw.tags as string[] | undefined)?.[0] ?? 'Other'),
    security: security && 'BearerPartner' in security ? 'BearerPartner' : 'BearerPartnerUser',
    deprecated: raw.deprecated === true,
    destructive: raw['x-altegio-destructive'] === true,
    readOnly: method === 'GET' || raw['x-altegio-read-only'] === true,
    parameters,
    requestBody,
    success,
    responses,
    paging,
    enveloped: raw['x-altegio-envelope'] !== false,
    responseDocumented: raw['x-altegio-response-undocumented'] !== true,
    docsUrl: raw['x-altegio-docs-url'] as string | undefined,
    confidence: (raw['x-altegio-confidence'] as OperationSpec['confidence']) ?? 'high',
  };
}

/** Resolves internal `$ref`s (`#/components/...`) into a plain object graph, memoised per pointer. */
function createResolver(document: Json): (node: unknown) => unknown {
  const memo = new Map<string, unknown>();
  const lookup = (ref: string): unknown => {
    if (!ref.startsWith('#/')) throw new Error(`Only internal $refs are supported: ${ref}`);
    return ref
      .slice(2)
      .split('/')
      .reduce<unknown>((node, key) => {
        const k = key.replace(/~1/g, '/').replace(/~0/g, '~');
        if (node === null || typeof node !== 'object' || !(k in node)) throw new Error(`Unresolvable $ref ${ref}`);
        return (node as Json)[k];
      }, document);
  };
  const visit = (node: unknown, stack: string[]): unknown => {
    if (Array.isArray(node)) return node.map((n) => visit(n, stack));
    if (node === null || typeof node !== 'object') return node;
    const obj = node as Json;
    if (typeof obj.$ref === 'string') {
      const ref = obj.$ref;
      if (stack.includes(ref)) throw new Error(`Circular $ref ${ref}`);
      if (!memo.has(ref)) memo.set(ref, visit(lookup(ref), [...stack, ref]));
      const { $ref: _ignored, ...siblings } = obj;
      const target = memo.get(ref);
      return Object.keys(siblings).length ? { ...(target as Json), ...(visit(siblings, stack) as Json) } : target;
    }
    const out: Json = {};
    for (const [k, v] of Object.entries(obj)) out[k] = visit(v, stack);
    return out;
  };
  return (node) => visit(node, []);
}

function compileTemplate(template: string): { regex: RegExp; names: string[] } {
  const names: string[] = [];
  const source = template
    .split('/')
    .map((segment) =>
      segment.replace(/\{([^}]+)\}|([^{]+)/g, (_m, name: string | undefined, literal: string | undefined) => {
        if (name) {
          names.push(name);
          return '([^/]+)';
        }
        return literal!.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      }),
    )
    .join('/');
  return { regex: new RegExp(`^${source}$`), names };
}

function compareSpecificity(a: string, b: string): number {
  const sa = a.split('/');
  const sb = b.split('/');
  for (let i = 0; i < Math.min(sa.length, sb.length); i++) {
    const pa = sa[i].includes('{');
    const pb = sb[i].includes('{');
    if (pa !== pb) return pa ? 1 : -1;
  }
  return sb.length - sa.length;
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
