// Turns one of the blueprint's request examples into a request to the sandbox: ids become ids the sandbox has (our
// document's examples, which the seed business holds), everything else is sent as the blueprint wrote it. Where the
// blueprint names a required value without showing one, our document's example fills the gap.
import type { OperationSpec, ParameterSpec } from '../../src/api/catalog';
import { sampleValue } from '../unit/sandbox-support';
import { seedValue, withSeedIds } from '../unit/sandbox-seed-ids';
import type { BlueprintAction, BlueprintRequest } from './blueprint';
import { SANDBOX_REFERENCES } from './decisions';
import type { SandboxFacts } from './sandbox-facts';

/** The blueprint's names for our parameters (YCLIENTS calls a location a company or salon, a chain a group). */
const PARAMETER_ALIASES: Record<string, string[]> = {
  location_id: ['company_id', 'salon_id', 'salonId'],
  chain_id: ['group_id'],
  team_member_id: ['staff_id', 'master_id', 'staffId'],
  product_id: ['good_id', 'goodId'],
  service_id: ['serviceId'],
  country_id: ['countryId'],
};

/** An id names an entity the sandbox must have: `id`, `client_id`, `record_id`… */
export function isIdName(name: string): boolean {
  return /(^|_)id$|Id$/.test(name);
}

/** Lists of ids, including those whose name does not say so (`record_labels: [67345]`, `staff: [5006]`). */
function isIdListName(name: string): boolean {
  return /^(record_labels|labels|categories|staff)$/.test(name);
}

export interface FidelityRequest {
  method: string;
  /** Relative to /api/v1, with the query string. */
  path: string;
  pathParams: Record<string, string>;
  query: Record<string, string | string[]>;
  body?: unknown;
  auth: 'partner' | 'partner+user';
  /** What was put in place of the blueprint's values, for the report. */
  substituted: string[];
}

export function buildRequest(
  action: BlueprintAction,
  example: BlueprintRequest,
  op: OperationSpec,
  facts: SandboxFacts,
): FidelityRequest {
  const substituted: string[] = [];
  const pathNames = op.path.match(/\{[^}]+\}/g)?.map((m) => m.slice(1, -1)) ?? [];
  const pathParams: Record<string, string> = {};
  pathNames.forEach((name, i) => {
    const param = op.parameters.find((p) => p.in === 'path' && p.name === name);
    const theirs = action.parameters.find((p) => p.in === 'path' && p.name === action.pathParameters[i]);
    const value =
      isIdName(name) || theirs?.example === undefined
        ? seedValue(op.path, name, sampleOf(param, name))
        : theirs.example;
    pathParams[name] = String(value);
  });

  const query: Record<string, string | string[]> = {};
  for (const [key, value] of Object.entries(example.query)) {
    const name = ourQueryName(op, key);
    const param = op.parameters.find((p) => p.in === 'query' && p.name === name);
    const seeded = isIdName(name) ? toQueryValue(seedValue(op.path, name, value)) : value;
    if (isIdName(name) && param && hasExample(param) && String(seeded) !== String(value)) {
      query[name] = toQueryValue(seedValue(op.path, name, sampleValue(param)));
      substituted.push(`query ${name}`);
    } else query[name] = value;
  }
  // Parameters the blueprint names without a sample get ours where either side requires them.
  const named = new Set(action.queryParameters.map((k) => ourQueryName(op, k)));
  const requiredThere = new Set(
    action.parameters.filter((p) => p.in === 'query' && p.required).map((p) => ourQueryName(op, p.name)),
  );
  for (const p of op.parameters) {
    if (p.in !== 'query' || p.name in query || !named.has(p.name)) continue;
    if (!p.required && !requiredThere.has(p.name)) continue;
    query[p.name] = toQueryValue(sampleValue(p));
    substituted.push(`query ${p.name} (named without a sample)`);
  }

  let body = example.body === undefined ? composeBody(example, op, substituted) : structuredClone(example.body);
  // Lists of ids whose name does not say so take our document's example ids; then ids the seed business does not
  // have become seeded ones (the sandbox's own table of what refers to what).
  if (body !== undefined) body = withSeedIds(substituteIds(body, op.requestBody?.example, '', substituted));
  const ours = isRecord(op.requestBody?.example) ? op.requestBody.example : {};
  for (const ref of SANDBOX_REFERENCES[op.id] ?? []) {
    const [where, ...keys] = ref.at.split('.');
    if (where === 'path') {
      pathParams[keys[0]] = String(ref.value({ facts, pathParams, ours, body }));
      substituted.push(`${ref.at} (${ref.reason})`);
      continue;
    }
    const parent = keys.slice(0, -1).reduce<unknown>((n, k) => (isRecord(n) ? n[k] : undefined), body);
    const last = keys[keys.length - 1];
    if (!isRecord(parent) || !(last in parent)) continue;
    parent[last] = ref.value({ facts, pathParams, ours, body });
    substituted.push(`${ref.at} (${ref.reason})`);
  }

  const path = op.path.replace(/\{([^}]+)\}/g, (_m, name: string) => encodeURIComponent(pathParams[name]));
  const qs = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (Array.isArray(value)) for (const v of value) qs.append(`${key}[]`, v);
    else qs.append(key, value);
  }
  const search = qs.toString();
  return {
    method: op.method,
    path: search ? `${path}?${search}` : path,
    pathParams,
    query,
    ...(body !== undefined ? { body } : {}),
    auth: op.security === 'BearerPartner' ? 'partner' : 'partner+user',
    substituted,
  };
}

/** A body from the fields the blueprint names: its samples, and our examples for required fields it shows none for. */
function composeBody(example: BlueprintRequest, op: OperationSpec, substituted: string[]): unknown {
  if (!example.attributes || !op.requestBody || op.requestBody.contentType !== 'application/json') return undefined;
  const ourExample = isRecord(op.requestBody.example) ? op.requestBody.example : {};
  const props = op.requestBody.schema.properties ?? {};
  const body: Record<string, unknown> = {};
  for (const a of example.attributes) {
    if (a.example !== undefined) body[a.name] = typedSample(a.example, a.type);
    else if (a.required) {
      const value = ourExample[a.name] ?? props[a.name]?.examples?.[0];
      if (value === undefined) continue;
      body[a.name] = value;
      substituted.push(`body ${a.name} (named without a sample)`);
    }
  }
  return Object.keys(body).length ? body : undefined;
}

function typedSample(value: string, type: string | undefined): unknown {
  if (type && /^(number|integer)/.test(type) && /^-?[0-9]+(\.[0-9]+)?$/.test(value)) return Number(value);
  if (type && /^boolean/.test(type) && /^(true|false)$/.test(value)) return value === 'true';
  return value;
}

/**
 * Ids of the blueprint's business become ids of the sandbox's: the value at the same place in our document's
 * example (the first row's, for rows our example does not have). The blueprint's type (number or numeric string) is
 * kept, so that what is tested is still the blueprint's form.
 */
function substituteIds(value: unknown, ours: unknown, at: string, substituted: string[]): unknown {
  if (Array.isArray(value)) {
    const rows = Array.isArray(ours) ? ours : [];
    return value.map((v, i) => substituteIds(v, rows[i] ?? rows[0], `${at}[${i}]`, substituted));
  }
  if (!isRecord(value)) return value;
  const mine = isRecord(ours) ? ours : {};
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    const replacement = mine[key];
    const where = at ? `${at}.${key}` : key;
    if (isIdListName(key) && Array.isArray(v) && Array.isArray(replacement) && isIdValue(replacement[0])) {
      out[key] = v.map((x, i) => (isIdValue(x) ? sameForm(x, replacement[i] ?? replacement[0]) : x));
      substituted.push(`body ${where}`);
    } else out[key] = substituteIds(v, replacement, where, substituted);
  }
  return out;
}

/** Our id in the blueprint's form: a numeric string stays a string. */
function sameForm(theirs: unknown, ours: unknown): unknown {
  return typeof theirs === 'string' ? String(ours) : Number(ours);
}

function isIdValue(v: unknown): boolean {
  return (typeof v === 'number' && Number.isInteger(v) && v > 0) || (typeof v === 'string' && /^[1-9][0-9]*$/.test(v));
}

function sampleOf(param: ParameterSpec | undefined, name: string): unknown {
  if (!param) throw new Error(`path parameter ${name} is not declared`);
  return sampleValue(param);
}

function hasExample(p: ParameterSpec): boolean {
  return p.example !== undefined || (Array.isArray(p.schema.examples) && p.schema.examples.length > 0);
}

function toQueryValue(value: unknown): string | string[] {
  return Array.isArray(value) ? value.map(String) : String(value);
}

/** Our name for a query parameter the blueprint calls `key`: the same name if we have it, else its alias. */
function ourQueryName(op: OperationSpec, key: string): string {
  const query = op.parameters.filter((p) => p.in === 'query');
  if (query.some((p) => p.name === key)) return key;
  for (const [ours, theirs] of Object.entries(PARAMETER_ALIASES))
    if (theirs.includes(key) && query.some((p) => p.name === ours)) return ours;
  return key;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}
