// The document describes what Altegio's server takes and gives: numbers also as numerals, fields the official
// examples show as null are nullable, one of two names for a field, bare-array bodies. The rules that write this
// into the document hold; validation, forms and the sandbox treat the alternative forms as the same value.
import * as assert from 'assert';
import * as fs from 'fs';
import { DEFAULT_DOCUMENT_PATH, getCatalog, type JsonSchema } from '../../src/api/catalog';
import { buildFormModel, schemaField } from '../../src/api/form-model';
import { normaliseBody, validateRequest, validateResponse } from '../../src/api/validation';
import { applyRealWorldTypes } from '../../scripts/fidelity/real-world-types';
import { loadFixture } from '../fidelity/blueprint';
import { send, sharedSandbox } from './sandbox-support';

const catalog = getCatalog();
const op = (id: string) => catalog.requireOperation(id);

describe('real-world types in the document', () => {
  it('follows its rules: running them again changes nothing and leaves no contradiction', () => {
    const doc = JSON.parse(fs.readFileSync(DEFAULT_DOCUMENT_PATH, 'utf8')) as Record<string, unknown>;
    const report = applyRealWorldTypes(doc, loadFixture());
    assert.deepStrictEqual(report.changes, []);
    assert.deepStrictEqual(report.conflicts, []);
  });

  it('widens a number to its numeral, a field shown as null to null, and [] for an empty object', () => {
    const doc = {
      paths: {
        '/things/{location_id}': {
          get: {
            operationId: 'get_things',
            tags: ['Things'],
            parameters: [{ name: 'location_id', in: 'path', required: true, schema: { type: 'integer' } }],
            responses: {
              200: {
                description: 'ok',
                content: {
                  'application/json': {
                    schema: {
                      type: 'object',
                      properties: {
                        success: { type: 'boolean' },
                        data: {
                          type: 'object',
                          properties: {
                            id: { type: 'integer' },
                            note: { type: 'string' },
                            master: { type: 'object', properties: { id: { type: 'integer' } } },
                          },
                        },
                        meta: { type: 'array' },
                      },
                    },
                  },
                },
              },
            },
          },
        },
      },
      components: { schemas: {}, responses: {} },
      tags: [{ name: 'Things' }],
    };
    const fixture = {
      source: { repository: 'r', commit: 'c', path: 'p', extractedBy: 'x' },
      actions: [
        {
          line: 1,
          method: 'GET',
          url: '/things/{company_id}',
          path: '/things/{company_id}',
          pathParameters: ['company_id'],
          queryParameters: [],
          parameters: [],
          requests: [{ query: {} }],
          responses: [{ status: 200, body: { id: '79067', note: null, master: [] } }],
        },
      ],
    };
    const report = applyRealWorldTypes(doc, fixture);
    const data = doc.paths['/things/{location_id}'].get.responses[200].content['application/json'].schema.properties
      .data as { properties: Record<string, JsonSchema> };
    assert.deepStrictEqual(data.properties.id.type, ['integer', 'string']);
    assert.strictEqual(data.properties.id.pattern, '^-?[0-9]+$');
    assert.deepStrictEqual(data.properties.note.type, ['string', 'null']);
    assert.match(String(data.properties.note['x-altegio-source']), /null/);
    assert.deepStrictEqual(data.properties.master.type, ['object', 'array']);
    assert.strictEqual(data.properties.master.maxItems, 0);
    assert.deepStrictEqual(report.conflicts, []);
    assert.deepStrictEqual(applyRealWorldTypes(doc, fixture).changes, [], 'a second run changes nothing');
  });
});

describe('alternative forms of a value', () => {
  it('accepts ids and amounts as numbers or numerals, and words a non-numeral as a wrong number', () => {
    const create = op('create_appointment');
    const body = {
      staff_id: '8886',
      services: [{ id: 331, first_cost: '9000.00', discount: 50, cost: 4500 }],
      client: { phone: '13155550179', name: 'James Smith' },
      datetime: '2026-12-12T12:00:00-05:00',
      seance_length: '3600',
      record_labels: ['67345'],
    };
    assert.deepStrictEqual(validateRequest(create, { pathParams: { location_id: 720441 }, body }), []);
    const wrong = validateRequest(create, {
      pathParams: { location_id: 720441 },
      body: { ...body, staff_id: 'eight', seance_length: true },
    });
    assert.deepStrictEqual(
      wrong.map((e) => [e.field, e.message, e.rule]),
      [
        ['staff_id', 'staff_id must be an integer', 'type'],
        ['seance_length', 'seance_length must be an integer', 'type'],
      ],
    );
  });

  it('accepts answers with numerals for numbers (the blueprint\'s "id": "79067", "amount": "1000.00")', () => {
    const list = op('get_products_list');
    const example = structuredClone(list.success.example) as { data: Record<string, unknown>[] };
    example.data[0].good_id = String(example.data[0].good_id);
    example.data[0].cost = '1000.00';
    assert.deepStrictEqual(validateResponse(list, 200, example), []);
  });

  it('takes loyalty card numbers as text first, numbers too, and hands the sandbox one form', () => {
    const issue = op('issue_loyalty_card');
    const body = { loyalty_card_number: 9090909, loyalty_card_type_id: 8230, phone: 13155550175 };
    assert.deepStrictEqual(validateRequest(issue, { pathParams: { location_id: 720441 }, body }), []);
    assert.deepStrictEqual(normaliseBody(issue, body), {
      loyalty_card_number: '9090909',
      loyalty_card_type_id: '8230',
      phone: 13155550175,
    });
    const fields = buildFormModel(issue).body!.fields;
    assert.deepStrictEqual(
      fields.map((f) => [f.name, f.kind, f.valueType]),
      [
        ['loyalty_card_number', 'text', 'string'],
        ['loyalty_card_type_id', 'text', 'string'],
        ['phone', 'phone', 'number'],
      ],
    );
  });

  it('turns numerals into numbers for handlers, deep in lists and objects, and leaves other text alone', () => {
    const create = op('create_appointment');
    const normal = normaliseBody(create, {
      staff_id: '8886',
      services: [{ id: '331', cost: '4500.50' }],
      comment: '42',
      record_labels: ['67345'],
    });
    assert.deepStrictEqual(normal, {
      staff_id: 8886,
      services: [{ id: 331, cost: 4500.5 }],
      comment: '42',
      record_labels: [67345],
    });
  });

  it('gives a number that may be a numeral a number field in forms, not a JSON box', () => {
    const field = (schema: JsonSchema) => schemaField('x', schema, false, 1);
    assert.deepStrictEqual(
      [field({ type: ['integer', 'string'], pattern: '^-?[0-9]+$' })].map((f) => [f.kind, f.valueType]),
      [['integer', 'integer']],
    );
    assert.strictEqual(field({ type: ['number', 'string', 'null'] }).kind, 'number');
    assert.strictEqual(field({ type: ['number', 'string', 'null'] }).nullable, true);
    const staff = buildFormModel(op('create_appointment')).body!.fields.find((f) => f.name === 'staff_id')!;
    assert.strictEqual(staff.kind, 'integer');
    assert.ok(staff.lookup, 'the team-member lookup still applies');
    const sex = field({ type: ['integer', 'string'], enum: [0, 1, 2, '0', '1', '2'] });
    assert.deepStrictEqual(
      sex.options!.map((o) => o.value),
      [0, 1, 2],
    );
  });

  it("names the Altegio field when neither of two names is given, and takes the blueprint's name", () => {
    const update = op('update_document');
    const params = { pathParams: { location_id: 720441, document_id: 22254960 } };
    const missing = validateRequest(update, { ...params, body: { type_id: 1, storage_id: 36539 } });
    assert.deepStrictEqual(
      missing.map((e) => [e.field, e.message, e.kind]),
      [['create_date', 'create_date is required', 'missing']],
    );
    const theirs = { type_id: 1, storage_id: 36539, date_created: '2017-04-25 20:00:00' };
    assert.deepStrictEqual(validateRequest(update, { ...params, body: theirs }), []);
    assert.strictEqual(buildFormModel(update).body!.mode, 'fields');
  });

  it('models bare-array bodies as array schemas, edited as rows', () => {
    const bulk = op('bulk_create_clients');
    assert.strictEqual(bulk.requestBody!.schema.type, 'array');
    const model = buildFormModel(bulk);
    assert.strictEqual(model.body!.shape, 'array');
    assert.strictEqual(model.body!.fields[0].kind, 'array');
    const rows = [{ name: 'Ann', phone: '+13155550100' }];
    assert.deepStrictEqual(validateRequest(bulk, { pathParams: { location_id: 720441 }, body: rows }), []);
    const errors = validateRequest(bulk, { pathParams: { location_id: 720441 }, body: [{ name: 5 }] });
    assert.deepStrictEqual(
      errors.map((e) => e.field),
      ['[0].name'],
    );
  });
});

describe('the sandbox takes the alternative forms', () => {
  const sandbox = sharedSandbox();

  it('names a missing field exactly as sent ("seance_length is required"), never capitalised', async () => {
    const res = await send(sandbox, {
      method: 'POST',
      path: '/records/720441',
      body: {
        staff_id: 8886,
        services: [{ id: 331 }],
        client: { phone: '13155550179' },
        datetime: '2026-12-12T12:00:00-05:00',
      },
    });
    assert.strictEqual(res.status, 422);
    assert.strictEqual((res.json as { meta: { message: string } }).meta.message, 'seance_length is required');
  });

  it('books an appointment whose ids and tags are numerals, and stores them as numbers', async () => {
    const res = await send(sandbox, {
      method: 'POST',
      path: '/records/720441',
      body: {
        staff_id: '8886',
        services: [{ id: '331' }],
        client: { phone: '13155550179', name: 'James Smith' },
        datetime: '2026-12-12T12:00:00-05:00',
        seance_length: '3600',
        record_labels: ['67345'],
        save_if_busy: true,
      },
    });
    assert.strictEqual(res.status, 201, res.text);
    const data = (res.json as { data: { staff_id: number; record_labels: unknown[] } }).data;
    assert.strictEqual(data.staff_id, 8886);
  });

  it('creates a tag from query parameters, as the YCLIENTS blueprint documents', async () => {
    const res = await send(sandbox, { method: 'POST', path: '/labels/720441?title=Walk-in&color=%23aa00ff&entity=1' });
    assert.strictEqual(res.status, 200, res.text);
    const tags = (await send(sandbox, { path: '/labels/720441/client' })).json as { data: { title: string }[] };
    assert.ok(tags.data.some((t) => t.title === 'Walk-in'));
  });

  it('searches clients with the filters the blueprint shows: lists, booleans, record and client sub-filters', async () => {
    const search = (filters: unknown[]) =>
      send(sandbox, {
        method: 'POST',
        path: '/company/720441/clients/search',
        body: { page: 1, page_size: 200, filters },
      });
    const all = await search([]);
    const total = (all.json as { meta: { total_count: number } }).meta.total_count;
    const withApp = await search([{ type: 'has_mobile_app', state: { value: true } }]);
    assert.strictEqual(withApp.status, 200, withApp.text);
    assert.strictEqual((withApp.json as { data: unknown[] }).data.length, 0);
    const withoutApp = await search([{ type: 'has_mobile_app', state: { value: true, invert: true } }]);
    assert.strictEqual((withoutApp.json as { meta: { total_count: number } }).meta.total_count, total);
    const booked = await search([{ type: 'record', state: { staff: { value: [5905] }, records_count: { from: 1 } } }]);
    assert.strictEqual(booked.status, 200, booked.text);
    const ids = (booked.json as { data: { id: number }[] }).data.map((c) => c.id);
    assert.ok(ids.length > 0 && ids.length < total, `${ids.length} of ${total}`);
    const one = await search([{ type: 'client', state: { id: { value: [ids[0]] } } }]);
    assert.deepStrictEqual(
      (one.json as { data: { id: number }[] }).data.map((c) => c.id),
      [ids[0]],
    );
  });
});
