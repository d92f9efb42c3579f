import * as assert from 'assert';
import { getCatalog, type JsonSchema } from '../../src/api/catalog';
import {
  allFields,
  buildFormModel,
  exampleValues,
  FIELD_KINDS,
  initialValues,
  MAX_FIELD_DEPTH,
  requestValues,
  schemaField,
  type FormField,
} from '../../src/api/form-model';
import { lookupByKey, type ApiLookupSpec } from '../../src/api/lookups';
import { operation } from './helpers/operations';

const catalog = getCatalog();

describe('form model', () => {
  describe('every operation in the document', () => {
    it('produces a form for each of the 274 operations, with a field for every parameter and body property', () => {
      assert.ok(catalog.operations.length >= 274, `only ${catalog.operations.length} operations`);
      for (const op of catalog.operations) {
        const model = buildFormModel(op);
        assert.strictEqual(model.operationId, op.id);
        assert.deepStrictEqual(
          model.pathFields.map((f) => f.name),
          op.parameters.filter((p) => p.in === 'path').map((p) => p.name),
          op.id,
        );
        assert.deepStrictEqual(
          model.queryFields.map((f) => f.name),
          op.parameters.filter((p) => p.in === 'query').map((p) => p.name),
          op.id,
        );
        assert.strictEqual(model.body !== undefined, op.requestBody !== undefined, op.id);
        if (model.body?.mode === 'fields' && model.body.shape === 'object') {
          assert.deepStrictEqual(
            model.body.fields.map((f) => f.name),
            Object.keys(op.requestBody!.schema.properties ?? {}),
            op.id,
          );
        }
        for (const { field } of allFields(model)) {
          assert.ok(FIELD_KINDS.includes(field.kind), `${op.id}: ${field.name} has kind ${field.kind}`);
          if (field.kind === 'array') assert.ok(field.item, `${op.id}: array ${field.name} has no item field`);
          if (field.kind === 'object') assert.ok(field.fields?.length, `${op.id}: object ${field.name} has no fields`);
          if (field.kind === 'enum') assert.ok(field.options?.length, `${op.id}: enum ${field.name} has no options`);
        }
      }
    });

    it('is plain data that survives the trip to the webview (JSON) unchanged', () => {
      for (const op of catalog.operations) {
        const model = buildFormModel(op);
        assert.deepStrictEqual(JSON.parse(JSON.stringify(model)), model, op.id);
      }
    });

    it('marks every required parameter and body property as required', () => {
      for (const op of catalog.operations) {
        const model = buildFormModel(op);
        for (const p of op.parameters) {
          const field = [...model.pathFields, ...model.queryFields].find((f) => f.name === p.name)!;
          assert.strictEqual(field.required, p.required, `${op.id}: ${p.name}`);
        }
        const required = new Set(op.requestBody?.schema.required ?? []);
        if (model.body?.shape === 'object')
          for (const f of model.body.fields)
            assert.strictEqual(f.required, required.has(f.name), `${op.id}: ${f.name}`);
      }
    });
  });

  describe('the loyalty card showcase', () => {
    const model = buildFormModel(catalog.requireOperation('issue_loyalty_card'));
    const body = (name: string) => model.body!.fields.find((f) => f.name === name)!;

    it('asks for the location in the path and the card number, card type and phone in the body', () => {
      assert.deepStrictEqual(
        model.pathFields.map((f) => [f.name, f.kind, f.required]),
        [['location_id', 'integer', true]],
      );
      assert.deepStrictEqual(
        model.body!.fields.map((f) => [f.name, f.kind, f.required]),
        [
          ['loyalty_card_number', 'text', true],
          ['loyalty_card_type_id', 'text', true],
          ['phone', 'phone', true],
        ],
      );
    });

    it('lists card types from the chain through the lookup table', () => {
      assert.deepStrictEqual(body('loyalty_card_type_id').lookup, {
        key: 'cardTypes',
        searchable: false,
        needs: 'chain',
      });
      assert.strictEqual(lookupByKey('cardTypes')?.source, 'api');
      assert.strictEqual((lookupByKey('cardTypes') as ApiLookupSpec).operationId, 'get_chain_loyalty_card_type_list');
    });

    it('keeps the phone a number, as the document types it, with the example as placeholder', () => {
      assert.strictEqual(body('phone').valueType, 'number');
      assert.strictEqual(body('phone').placeholder, '13155550175');
      assert.strictEqual(body('phone').description, 'Client phone, digits only');
    });
  });

  describe('field kinds', () => {
    const kindOf = (schema: JsonSchema) => schemaField('x', schema, false, 1).kind;

    it('types text, integer, number, boolean, date, phone and file inputs from the schema', () => {
      assert.strictEqual(kindOf({ type: 'string' }), 'text');
      assert.strictEqual(kindOf({ type: 'integer' }), 'integer');
      assert.strictEqual(kindOf({ type: 'number' }), 'number');
      assert.strictEqual(kindOf({ type: 'boolean' }), 'boolean');
      assert.strictEqual(kindOf({ type: 'string', format: 'date' }), 'date');
      assert.strictEqual(kindOf({ type: 'string', format: 'phone' }), 'phone');
      assert.strictEqual(kindOf({ type: 'number', format: 'phone' }), 'phone');
      assert.strictEqual(kindOf({ type: 'string', format: 'binary' }), 'file');
    });

    it('makes enums selects whose options keep their types', () => {
      const field = schemaField('entity_type', { type: 'string', enum: ['activity', 'record'] }, true, 0);
      assert.strictEqual(field.kind, 'enum');
      assert.deepStrictEqual(field.options, [
        { value: 'activity', label: 'activity' },
        { value: 'record', label: 'record' },
      ]);
      assert.strictEqual(schemaField('n', { type: 'integer', enum: [1, 2] }, true, 0).valueType, 'integer');
    });

    it('accepts null beside a type without giving up the field', () => {
      const field = schemaField('staff_id', { type: ['integer', 'null'] }, false, 1);
      assert.strictEqual(field.kind, 'integer');
      assert.strictEqual(field.nullable, true);
    });

    it('builds rows for arrays and nested fields for objects, from the document', () => {
      const model = buildFormModel(catalog.requireOperation('create_appointment'));
      const services = model.body!.fields.find((f) => f.name === 'services')!;
      assert.strictEqual(services.kind, 'array');
      assert.strictEqual(services.item!.kind, 'object');
      assert.deepStrictEqual(
        services.item!.fields!.map((f) => f.name),
        ['id', 'first_cost', 'discount', 'cost'],
      );
      const client = model.body!.fields.find((f) => f.name === 'client')!;
      assert.strictEqual(client.kind, 'object');
      assert.ok(client.fields!.some((f) => f.name === 'phone'));
    });

    it('edits a body that is a bare array as rows', () => {
      const model = buildFormModel(catalog.requireOperation('bulk_create_clients'));
      assert.strictEqual(model.body!.shape, 'array');
      assert.strictEqual(model.body!.fields[0].name, '');
      assert.strictEqual(model.body!.fields[0].kind, 'array');
      assert.strictEqual(model.body!.fields[0].item!.kind, 'object');
    });

    it('offers a file input for the multipart upload, and no JSON editor for it', () => {
      const model = buildFormModel(catalog.requireOperation('upload_image'));
      assert.strictEqual(model.body!.contentType, 'multipart/form-data');
      assert.strictEqual(model.body!.jsonEditable, false);
      assert.strictEqual(model.body!.fields[0].kind, 'file');
    });

    it('gives date path parameters a date input', () => {
      const model = buildFormModel(catalog.requireOperation('get_team_member_schedule'));
      assert.deepStrictEqual(
        model.pathFields.filter((f) => f.kind === 'date').map((f) => f.name),
        ['start_date', 'end_date'],
      );
    });

    it('attaches the lookup of locations, chains, team members, services and client search where those ids appear', () => {
      const lookups = new Map<string, string>();
      for (const op of catalog.operations)
        for (const { field } of allFields(buildFormModel(op)))
          if (field.lookup) lookups.set(field.name, field.lookup.key);
      assert.strictEqual(lookups.get('location_id'), 'locations');
      assert.strictEqual(lookups.get('chain_id'), 'chains');
      assert.strictEqual(lookups.get('loyalty_card_type_id'), 'cardTypes');
      assert.strictEqual(lookups.get('staff_id'), 'teamMembers');
      assert.strictEqual(lookups.get('team_member_id'), 'teamMembers');
      assert.strictEqual(lookups.get('service_id'), 'services');
      assert.strictEqual(lookups.get('client_id'), 'clients');
      assert.strictEqual(lookups.get('phone'), 'clientPhones');
    });

    it("offers a client search on a phone that names an existing client, never on a new client's own phone", () => {
      const phoneOf = (id: string) =>
        allFields(buildFormModel(catalog.requireOperation(id))).find(({ field }) => field.name === 'phone')!.field;
      for (const id of ['issue_loyalty_card', 'get_loyalty_card_list_by_phone', 'get_client_gift_cards']) {
        assert.strictEqual(phoneOf(id).kind, 'phone', id);
        assert.deepStrictEqual(phoneOf(id).lookup, { key: 'clientPhones', searchable: true, needs: 'location' }, id);
      }
      for (const id of ['create_client', 'update_client', 'bulk_create_clients'])
        assert.strictEqual(phoneOf(id).lookup, undefined, id);
    });
  });

  describe('fallback to JSON', () => {
    const bodyOf = (schema: JsonSchema) =>
      buildFormModel(
        operation({
          method: 'POST',
          path: '/x',
          readOnly: false,
          requestBody: { required: true, contentType: 'application/json', schema },
        }),
      ).body!;

    it('edits a body without schema, a free-form map, a non-object or alternatives in the JSON editor, and says why', () => {
      assert.deepStrictEqual([bodyOf({}).mode, bodyOf({}).fallbackReason], ['json', 'no-schema']);
      assert.deepStrictEqual(
        [
          bodyOf({ type: 'object', additionalProperties: true }).mode,
          bodyOf({ type: 'object', additionalProperties: true }).fallbackReason,
        ],
        ['json', 'free-form'],
      );
      assert.strictEqual(bodyOf({ type: 'string' }).fallbackReason, 'not-an-object');
      assert.strictEqual(bodyOf({ oneOf: [{ type: 'object' }, { type: 'array' }] }).fallbackReason, 'combinator');
    });

    it('keeps fields for a body with properties, and the JSON tab beside them', () => {
      const body = bodyOf({ type: 'object', properties: { a: { type: 'string' } } });
      assert.strictEqual(body.mode, 'fields');
      assert.strictEqual(body.jsonEditable, true);
    });

    it('turns a field that fields cannot express into a JSON field', () => {
      const kindOf = (schema: JsonSchema) => schemaField('x', schema, false, 1).kind;
      assert.strictEqual(kindOf({ anyOf: [{ type: 'string' }, { type: 'integer' }] }), 'json');
      assert.strictEqual(kindOf({ type: ['string', 'array'] }), 'json');
      assert.strictEqual(kindOf({ type: ['string', 'number', 'boolean', 'array'] }), 'json');
      assert.strictEqual(kindOf({ type: 'object', additionalProperties: { type: 'string' } }), 'json');
      assert.strictEqual(kindOf({ type: 'array' }), 'json');
      assert.strictEqual(kindOf({}), 'json');
    });

    it(`stops nesting at depth ${MAX_FIELD_DEPTH} with a JSON field`, () => {
      let schema: JsonSchema = { type: 'string' };
      for (let i = 0; i < MAX_FIELD_DEPTH + 3; i++) schema = { type: 'object', properties: { inner: schema } };
      let field: FormField | undefined = schemaField('root', schema, true, 0);
      let depth = 0;
      while (field?.kind === 'object') {
        field = field.fields![0];
        depth++;
      }
      assert.strictEqual(field?.kind, 'json');
      assert.strictEqual(depth, MAX_FIELD_DEPTH);
    });
  });

  describe('values', () => {
    const model = buildFormModel(catalog.requireOperation('issue_loyalty_card'));

    it("prefills location_id from the selected location and then the caller's prefill", () => {
      assert.deepStrictEqual(initialValues(model, { locationId: 720441, chainId: 706028 }), {
        path: { location_id: 720441 },
        query: {},
        body: {},
      });
      assert.deepStrictEqual(
        initialValues(model, { locationId: 720441 }, { path: { location_id: 720442 }, body: { phone: 13155550175 } }),
        { path: { location_id: 720442 }, query: {}, body: { phone: 13155550175 } },
      );
      const chainModel = buildFormModel(catalog.requireOperation('get_chain_loyalty_card_type_list'));
      assert.deepStrictEqual(initialValues(chainModel, { locationId: 1, chainId: 706028 }).path, { chain_id: 706028 });
    });

    it("fills every path parameter that names the context's location, client, team member or service", () => {
      const ctx = { locationId: 720441, chainId: 706028, clientId: 7, teamMemberId: 8, serviceId: 9 };
      const comment = buildFormModel(catalog.requireOperation('create_client_comment'));
      assert.deepStrictEqual(initialValues(comment, ctx).path, { location_id: 720441, client_id: 7 });
      const link = buildFormModel(catalog.requireOperation('remove_service_from_team_member'));
      assert.deepStrictEqual(initialValues(link, ctx).path, { location_id: 720441, service_id: 9, team_member_id: 8 });
      for (const op of catalog.operations) {
        const model = buildFormModel(op);
        const path = initialValues(model, ctx).path;
        for (const f of model.pathFields) {
          const expected = { location_id: 720441, chain_id: 706028, client_id: 7, team_member_id: 8, service_id: 9 }[
            f.name
          ];
          if (expected !== undefined && f.kind === 'integer') assert.strictEqual(path[f.name], expected, op.id);
        }
      }
    });

    it("fills the client's phone as digits, where the phone names the client, and only then", () => {
      const ctx = { locationId: 720441, clientPhone: '+1 917-555-0114' };
      assert.deepStrictEqual(initialValues(model, ctx).body, { phone: 19175550114 });
      const byPhone = buildFormModel(catalog.requireOperation('get_loyalty_card_list_by_phone'));
      assert.strictEqual(initialValues(byPhone, ctx).path.phone, '19175550114');
      assert.deepStrictEqual(initialValues(buildFormModel(catalog.requireOperation('create_client')), ctx).body, {});
    });

    it('leaves optional query filters empty whatever the context', () => {
      const list = buildFormModel(catalog.requireOperation('get_appointment_list'));
      const values = initialValues(list, { locationId: 720441, clientId: 7, teamMemberId: 8 });
      assert.deepStrictEqual(values.query, {});
    });

    it('sends empty entries as "not given" and an empty optional body as no body', () => {
      const op = catalog.requireOperation('get_client_list');
      const m = buildFormModel(op);
      assert.deepStrictEqual(requestValues(m, { path: { location_id: 720441 }, query: { a: '' }, body: {} }), {
        pathParams: { location_id: 720441 },
        query: {},
      });
      assert.deepStrictEqual(
        requestValues(model, {
          path: { location_id: '' },
          query: {},
          body: { phone: '', loyalty_card_number: 'A1', nested: {} },
        }),
        { pathParams: {}, query: {}, body: { loyalty_card_number: 'A1' } },
      );
    });

    it('fills empty fields from the documented examples and keeps what was typed', () => {
      const filled = exampleValues(model, { path: { location_id: 720441 }, query: {}, body: { phone: 19995550000 } });
      assert.deepStrictEqual(filled, {
        path: { location_id: 720441 },
        query: {},
        body: { phone: 19995550000, loyalty_card_number: '09090909', loyalty_card_type_id: '8230' },
      });
    });
  });
});
