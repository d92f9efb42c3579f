// The facts extracted from the official YCLIENTS API Blueprint (reference/yclients-examples.json, written by
// scripts/fidelity/extract-blueprint.mjs) and how each of its actions maps onto an operation of our document.
import * as fs from 'fs';
import * as path from 'path';
import type { Catalog, OperationSpec } from '../../src/api/catalog';
import { ACTION_ALIASES, OUT_OF_SCOPE } from './decisions';

export interface BlueprintParameter {
  name: string;
  in: 'path' | 'query';
  required: boolean;
  type?: string;
  example?: string;
}

export interface BlueprintExample {
  body?: unknown;
  /** The example as written, when it is not JSON even after the recorded repairs. */
  bodyText?: string;
  bodyError?: string;
  /** Slips of the blueprint's JSON that were repaired (each has one reading), e.g. "trailing comma". */
  repaired?: string[];
  /** "attributes": the body was built from the action's MSON attributes and their samples. */
  from?: string;
}

export interface BlueprintRequest extends BlueprintExample {
  query: Record<string, string | string[]>;
  /** The body's fields as the blueprint names them, when it shows no complete body (some lack a sample). */
  attributes?: Omit<BlueprintParameter, 'in'>[];
}

export interface BlueprintResponse extends BlueprintExample {
  status: number;
}

export interface BlueprintAction {
  /** Line of the action's heading in the blueprint, to find it there. */
  line: number;
  method: string;
  /** The URL template as written (without the /api/v1 prefix). */
  url: string;
  /** The path part of the template. */
  path: string;
  pathParameters: string[];
  /** The query parameters the template or the parameter list names (with or without a sample). */
  queryParameters: string[];
  parameters: BlueprintParameter[];
  requests: BlueprintRequest[];
  responses: BlueprintResponse[];
}

export interface BlueprintFixture {
  source: { repository: string; commit: string; path: string; extractedBy: string };
  actions: BlueprintAction[];
}

export const FIXTURE_PATH = path.resolve(__dirname, '..', '..', 'reference', 'yclients-examples.json');

export function loadFixture(): BlueprintFixture {
  return JSON.parse(fs.readFileSync(FIXTURE_PATH, 'utf8')) as BlueprintFixture;
}

/** How a reader finds the action: `PUT /services/{company_id}/{service_id}` (line 3354). */
export function actionName(a: BlueprintAction): string {
  return `${a.method} ${a.path}`;
}

/** `/company/{company_id}/services/{service_id}/` → `/company/{}/services/{}`: names and trailing slashes aside. */
export function pathShape(template: string): string {
  return template.replace(/\/+$/, '').replace(/\{[^}]+\}/g, '{}') || '/';
}

export interface ActionMapping {
  matched: { action: BlueprintAction; operation: OperationSpec; alias?: string }[];
  outOfScope: { action: BlueprintAction; reason: string }[];
  missing: BlueprintAction[];
}

/**
 * Maps each action to the operation with the same method and path shape (parameter names differ: the blueprint's
 * `company_id` and `salon_id` are our `location_id`, `group_id` is `chain_id`). The few actions whose path differs
 * from Altegio's are mapped by ACTION_ALIASES; actions outside the B2B API are listed in OUT_OF_SCOPE.
 */
export function mapActions(fixture: BlueprintFixture, catalog: Catalog): ActionMapping {
  const byShape = new Map<string, OperationSpec>();
  for (const op of catalog.operations) byShape.set(`${op.method} ${pathShape(op.path)}`, op);
  const mapping: ActionMapping = { matched: [], outOfScope: [], missing: [] };
  for (const action of fixture.actions) {
    const key = actionName(action);
    const alias = ACTION_ALIASES[key];
    const operation = alias
      ? catalog.find(alias.method, alias.path)
      : byShape.get(`${action.method} ${pathShape(action.path)}`);
    if (operation) {
      mapping.matched.push({ action, operation, ...(alias ? { alias: alias.reason } : {}) });
      continue;
    }
    const reason = OUT_OF_SCOPE.find((o) => o.test(action))?.reason;
    if (reason) mapping.outOfScope.push({ action, reason });
    else mapping.missing.push(action);
  }
  return mapping;
}

/**
 * A response example as our schema for its status sees it: examples written without the {success, data, meta}
 * envelope get it (for operations that answer with one), and a lone object shown for an operation whose data is a
 * list is that list's one row.
 */
export function wrapExample(op: OperationSpec, status: number, body: unknown): unknown {
  if (!op.enveloped) return body;
  const isObject = body !== null && typeof body === 'object' && !Array.isArray(body);
  if (isObject && 'success' in body) return body;
  const data = op.responses.find((r) => r.status === status)?.schema?.properties?.data;
  const listed = isObject && (data?.type === 'array' || (Array.isArray(data?.type) && data.type[0] === 'array'));
  return { success: status < 400, data: listed ? [body] : body, meta: [] };
}
