// Applies the real-world type rules to the bundled OpenAPI document, so that it describes what Altegio's server
// takes and gives rather than what its pages idealise. Idempotent: run it after editing the document or updating
// the blueprint fixture; `--check` only reports (a unit test holds the document to the rules).
//
//   npx tsx scripts/fidelity/real-world-types.ts          rewrite src/api/openapi/altegio-b2b-v1.json
//   npx tsx scripts/fidelity/real-world-types.ts --check  exit 1 if the document does not follow the rules
//
// The rules:
// 1. Numbers in request bodies and responses also accept their numeric-string form: Altegio's server reads
//    "8230" as 8230 and answers many numbers as strings ("id": "79067", "amount": "1000.00"). The schema keeps its
//    numeric type first (what forms send) and adds `string` with a pattern that admits only numerals.
// 2. Evidence from the official blueprint's examples, matched to our operations: a field the examples show as
//    null is nullable; an object they show as [] (PHP's empty object) also accepts an empty list; a string field
//    they show as a number, or a number field they show as a boolean, accepts that form too. Each such schema
//    carries `x-altegio-source` saying so.
import * as fs from 'fs';
import * as path from 'path';
import { Catalog, DEFAULT_DOCUMENT_PATH } from '../../src/api/catalog';
import { INTEGER_STRING_PATTERN, NUMBER_STRING_PATTERN } from '../../src/api/validation';
import { loadFixture, mapActions, wrapExample, type BlueprintFixture } from '../../test/fidelity/blueprint';

type Json = Record<string, unknown>;

const METHODS = ['get', 'post', 'put', 'patch', 'delete'];

const isRecord = (v: unknown): v is Json => v !== null && typeof v === 'object' && !Array.isArray(v);
const typesOf = (s: Json): string[] => (Array.isArray(s.type) ? (s.type as string[]) : s.type ? [String(s.type)] : []);

export interface RuleReport {
  /** Human-readable changes, e.g. "POST /loyalty/cards/{location_id} 200 data.id: null". */
  changes: string[];
  /** Examples that contradict a schema in a way no rule covers (left for a person to decide). */
  conflicts: string[];
}

/** Applies the rules to `doc` in place and says what changed. */
export function applyRealWorldTypes(doc: Json, fixture: BlueprintFixture): RuleReport {
  const report: RuleReport = { changes: [], conflicts: [] };
  const deref = (node: Json): Json => {
    let current = node;
    for (let i = 0; i < 10 && typeof current.$ref === 'string'; i++) current = pointer(doc, current.$ref as string);
    return current;
  };

  // Rule 1: every number of a body or a response schema, wherever it is (components included).
  const schema = (node: unknown): void => {
    if (!isRecord(node) || typeof node.$ref === 'string') return;
    if (acceptNumericString(node)) report.changes.push('numeric string');
    if (isRecord(node.properties)) Object.values(node.properties).forEach(schema);
    if (isRecord(node.items)) schema(node.items);
    if (isRecord(node.additionalProperties)) schema(node.additionalProperties);
    for (const k of ['anyOf', 'oneOf', 'allOf', 'prefixItems'])
      if (Array.isArray(node[k])) (node[k] as unknown[]).forEach(schema);
  };
  const media = (node: unknown): void => {
    if (!isRecord(node) || !isRecord(node.content)) return;
    for (const m of Object.values(node.content)) if (isRecord(m)) schema(m.schema);
  };
  for (const item of Object.values(doc.paths as Json)) {
    for (const method of METHODS) {
      const op = (item as Json)[method];
      if (!isRecord(op)) continue;
      media(op.requestBody);
      if (isRecord(op.responses)) Object.values(op.responses).forEach(media);
    }
  }
  const components = doc.components as Json;
  if (isRecord(components.schemas)) Object.values(components.schemas).forEach(schema);
  if (isRecord(components.responses)) Object.values(components.responses).forEach(media);

  // Rule 2: what the blueprint's examples show.
  const catalog = new Catalog(structuredClone(doc));
  const mapping = mapActions(fixture, catalog);
  for (const { action, operation } of mapping.matched) {
    const raw = ((doc.paths as Json)[operation.path] as Json)[operation.method.toLowerCase()] as Json;
    const where = `${operation.method} ${operation.path}`;
    for (const request of action.requests) {
      const media = isRecord(raw.requestBody) ? (deref(raw.requestBody).content as Json | undefined) : undefined;
      const schema = media?.['application/json'];
      if (request.body !== undefined && isRecord(schema) && isRecord(schema.schema))
        walk(schema.schema, request.body, `${where} request`, '', report, deref);
    }
    for (const response of action.responses) {
      if (response.body === undefined) continue;
      const spec = (raw.responses as Json)[String(response.status)];
      if (!isRecord(spec)) continue;
      const content = deref(spec).content as Json | undefined;
      const media = content?.['application/json'];
      if (!isRecord(media) || !isRecord(media.schema)) continue;
      const body = wrapExample(operation, response.status, response.body);
      walk(media.schema, body, `${where} ${response.status}`, '', report, deref);
    }
  }
  return report;
}

/** Rule 1 on one schema: `integer` → `["integer", "string"]` with a numeral pattern (phones excepted). */
function acceptNumericString(schema: Json): boolean {
  const types = typesOf(schema);
  const numeric = types.includes('integer') ? 'integer' : types.includes('number') ? 'number' : undefined;
  if (!numeric || types.includes('string') || schema.format === 'phone' || 'const' in schema) return false;
  schema.type = [...types.filter((t) => t !== 'null'), 'string', ...(types.includes('null') ? ['null'] : [])];
  schema.pattern = numeric === 'integer' ? INTEGER_STRING_PATTERN : NUMBER_STRING_PATTERN;
  if (Array.isArray(schema.enum)) {
    const extra = schema.enum.filter((v) => typeof v === 'number').map(String);
    schema.enum = [...schema.enum, ...extra.filter((v) => !(schema.enum as unknown[]).includes(v))];
  }
  return true;
}

/** Rule 2: walks an example alongside its schema and widens the schema where the example shows another form. */
function walk(
  node: Json,
  value: unknown,
  where: string,
  at: string,
  report: RuleReport,
  deref: (n: Json) => Json,
): void {
  const schema = deref(node);
  if (['anyOf', 'oneOf', 'allOf'].some((k) => k in schema)) return;
  const types = typesOf(schema);
  if (!types.length) {
    if (isRecord(value) && isRecord(schema.properties)) walkObject(schema, value, where, at, report, deref);
    return;
  }
  const field = `${where} ${at || '(root)'}`;
  const widen = (type: string, note: string, extra: Json = {}) => {
    schema.type = [...types.filter((t) => t !== 'null'), type, ...(types.includes('null') ? ['null'] : [])];
    Object.assign(schema, extra);
    addSource(schema, note);
    report.changes.push(`${field}: ${note}`);
  };
  if (value === null) {
    if (!types.includes('null')) {
      schema.type = [...types, 'null'];
      if (Array.isArray(schema.enum) && !schema.enum.includes(null)) schema.enum = [...schema.enum, null];
      addSource(schema, 'the blueprint shows null');
      report.changes.push(`${field}: null`);
    }
    return;
  }
  if (Array.isArray(value)) {
    if (types.includes('array')) {
      if (isRecord(schema.items))
        value.forEach((v, i) => walk(schema.items as Json, v, where, `${at}[${i}]`, report, deref));
    } else if (types.includes('object') && value.length === 0) {
      widen('array', 'the blueprint shows [] for an empty object', { maxItems: 0 });
    } else report.conflicts.push(`${field}: a list where the schema says ${types.join(' or ')}`);
    return;
  }
  if (isRecord(value)) {
    if (types.includes('object')) walkObject(schema, value, where, at, report, deref);
    else report.conflicts.push(`${field}: an object where the schema says ${types.join(' or ')}`);
    return;
  }
  if (typeof value === 'number') {
    if (types.includes('number') || (types.includes('integer') && Number.isInteger(value))) return;
    if (types.includes('integer')) widen('number', 'the blueprint shows a fraction');
    else if (types.includes('string') && !schema.enum && !schema.format)
      widen(Number.isInteger(value) ? 'integer' : 'number', 'the blueprint shows a number');
    else if (types.includes('boolean') && (value === 0 || value === 1)) widen('integer', 'the blueprint shows 0 or 1');
    else report.conflicts.push(`${field}: ${value} where the schema says ${types.join(' or ')}`);
    return;
  }
  if (typeof value === 'boolean') {
    if (types.includes('boolean')) return;
    if (types.includes('integer') || types.includes('number')) widen('boolean', 'the blueprint shows true or false');
    else report.conflicts.push(`${field}: ${value} where the schema says ${types.join(' or ')}`);
    return;
  }
  if (typeof value === 'string') {
    const numeral = schema.pattern === INTEGER_STRING_PATTERN || schema.pattern === NUMBER_STRING_PATTERN;
    if (types.includes('string') && numeral && !new RegExp(schema.pattern as string).test(value)) {
      // A number the blueprint shows as text ("Europe/Moscow" for a timezone): any text is that field's other form.
      delete schema.pattern;
      addSource(schema, `the blueprint shows text such as "${value.slice(0, 40)}"`);
      report.changes.push(`${field}: text`);
      return;
    }
    if (types.includes('string')) return;
    report.conflicts.push(`${field}: "${value.slice(0, 40)}" where the schema says ${types.join(' or ')}`);
  }
}

function walkObject(
  schema: Json,
  value: Json,
  where: string,
  at: string,
  report: RuleReport,
  deref: (n: Json) => Json,
): void {
  const props = isRecord(schema.properties) ? schema.properties : {};
  for (const [key, v] of Object.entries(value)) {
    const prop = props[key];
    if (isRecord(prop)) walk(prop, v, where, at ? `${at}.${key}` : key, report, deref);
    else if (isRecord(schema.additionalProperties))
      walk(schema.additionalProperties, v, where, at ? `${at}.${key}` : key, report, deref);
  }
}

function addSource(schema: Json, note: string): void {
  const current = typeof schema['x-altegio-source'] === 'string' ? (schema['x-altegio-source'] as string) : '';
  if (current.includes(note)) return;
  schema['x-altegio-source'] = current ? `${current}; ${note}` : note;
}

function pointer(doc: Json, ref: string): Json {
  return ref
    .slice(2)
    .split('/')
    .reduce<unknown>((n, k) => (n as Json)[k.replace(/~1/g, '/').replace(/~0/g, '~')], doc) as Json;
}

if (require.main === module) {
  const check = process.argv.includes('--check');
  const text = fs.readFileSync(DEFAULT_DOCUMENT_PATH, 'utf8');
  const doc = JSON.parse(text) as Json;
  const report = applyRealWorldTypes(doc, loadFixture());
  const numeric = report.changes.filter((c) => c === 'numeric string').length;
  const evidence = report.changes.filter((c) => c !== 'numeric string');
  console.log(`rule 1: ${numeric} numbers now also accept numeric strings`);
  console.log(`rule 2: ${evidence.length} schemas widened by the blueprint's examples`);
  for (const c of evidence) console.log(`    ${c}`);
  if (report.conflicts.length) console.log(`left for a person (${report.conflicts.length}):`);
  for (const c of report.conflicts) console.log(`    ${c}`);
  if (check) process.exit(report.changes.length ? 1 : 0);
  fs.writeFileSync(DEFAULT_DOCUMENT_PATH, `${JSON.stringify(doc, null, 2)}\n`);
  console.log(`wrote ${path.relative(process.cwd(), DEFAULT_DOCUMENT_PATH)}`);
}
