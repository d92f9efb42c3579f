// Values the sources list only in prose ("ASC or DESC", "Sort field: id|name|…") are enums in our document, so
// forms offer them as dropdowns and validation names a wrong one. The rule that found them runs again here over
// the whole document: a description that is nothing but such a list must have the enum it lists. The source of
// each is the same description in reference/altegio-api/endpoints.json.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import type { JsonSchema } from '../../src/api/catalog';
import { DEFAULT_DOCUMENT_PATH, getCatalog } from '../../src/api/catalog';
import { allFields, buildFormModel } from '../../src/api/form-model';

const root = path.resolve(__dirname, '..', '..');
const reference = fs.readFileSync(path.join(root, 'reference', 'altegio-api', 'endpoints.json'), 'utf8');
const document = JSON.parse(fs.readFileSync(DEFAULT_DOCUMENT_PATH, 'utf8')) as {
  paths: Record<
    string,
    Record<
      string,
      {
        operationId: string;
        parameters?: { name: string; schema?: JsonSchema }[];
        requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
      }
    >
  >;
};

/** The values a description lists, when it is nothing but a list: `a|b|c`, `a | b`, `ASC or DESC`, after an optional `Label: `. */
function listedValues(description: string): string[] | undefined {
  const body = description.includes(': ') ? description.slice(description.indexOf(': ') + 2) : description;
  if (/^[A-Za-z0-9_]+( ?\| ?[A-Za-z0-9_]+)+$/.test(body)) return body.split('|').map((v) => v.trim());
  const pair = /^([A-Z0-9_]+) or ([A-Z0-9_]+)$/.exec(body);
  return pair ? [pair[1], pair[2]] : undefined;
}

/** Every named string schema of every operation: [operation, field, schema]. */
function stringSchemas(): [string, string, JsonSchema][] {
  const out: [string, string, JsonSchema][] = [];
  const visit = (op: string, name: string, s: JsonSchema | undefined, depth: number): void => {
    if (!s || depth > 8) return;
    const types = Array.isArray(s.type) ? s.type : [s.type];
    if (name && types.includes('string')) out.push([op, name, s]);
    for (const [k, v] of Object.entries(s.properties ?? {})) visit(op, k, v, depth + 1);
    if (s.items && !Array.isArray(s.items)) visit(op, name, s.items, depth + 1);
  };
  for (const item of Object.values(document.paths))
    for (const op of Object.values(item)) {
      if (!op || typeof op !== 'object' || !op.operationId) continue;
      for (const p of op.parameters ?? []) visit(op.operationId, p.name, p.schema, 0);
      for (const media of Object.values(op.requestBody?.content ?? {})) visit(op.operationId, '', media.schema, 0);
    }
  return out;
}

describe('values listed only in prose', () => {
  it('are enums wherever a description is nothing but the list of values', () => {
    const missing = stringSchemas()
      .filter(([, , s]) => s.description && listedValues(s.description))
      .filter(([, , s]) => {
        const listed = listedValues(s.description!)!;
        // Other spellings of a listed value that a source sends ("desc") may follow the listed ones.
        const values = (s.enum ?? []).filter((v) => v !== null).slice(0, listed.length);
        return JSON.stringify(values) !== JSON.stringify(listed);
      })
      .map(([op, name]) => `${op}: ${name}`);
    assert.deepStrictEqual(missing, []);
  });

  it('come from the sources: each description is the one in reference/altegio-api/endpoints.json', () => {
    const found = stringSchemas().filter(([, , s]) => s.description && listedValues(s.description));
    assert.deepStrictEqual(found.map(([op, name]) => `${op}: ${name}`).sort(), [
      'create_custom_field: type',
      'create_service: prepaid',
      'create_timetable_schedule_day: day_of_week',
      'deprecated_update_service_by_id: prepaid',
      'get_client_list: operation',
      'get_client_list: order_by',
      'get_client_list: order_by_direction',
      'handle_fiscalization_callback: status',
      'update_custom_field: type',
    ]);
    for (const [op, name, s] of found)
      assert.ok(reference.includes(`"description": ${JSON.stringify(s.description)}`), `${op}: ${name}`);
  });

  it('are dropdowns in the forms: the client search sorts by a field chosen from the list', () => {
    const model = buildFormModel(getCatalog().requireOperation('get_client_list'));
    const kinds = Object.fromEntries(
      allFields(model)
        .filter(({ field }) => ['order_by', 'order_by_direction', 'operation'].includes(field.name))
        .map(({ field }) => [field.name, [field.kind, field.options?.map((o) => o.value)]]),
    );
    assert.deepStrictEqual(kinds.order_by_direction, ['enum', ['ASC', 'DESC']]);
    assert.deepStrictEqual(kinds.operation, ['enum', ['AND', 'OR']]);
    assert.strictEqual(kinds.order_by[0], 'enum');
  });
});
