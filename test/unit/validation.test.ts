// The shared request/response validation: friendly messages that name the field, the phone format, coercion for
// servers, and the response check the contract tests rely on.
import * as assert from 'assert';
import fc from 'fast-check';
import { getCatalog } from '../../src/api/catalog';
import { coerceRequest, groupFieldErrors, validateRequest, validateResponse } from '../../src/api/validation';

const catalog = getCatalog();
const op = (id: string) => catalog.requireOperation(id);
const issueCard = op('issue_loyalty_card');
const cardsByPhone = op('get_loyalty_card_list_by_phone');
const createClient = op('create_client');

describe('validateRequest', () => {
  it('accepts the documented example of every JSON operation', () => {
    for (const o of catalog.operations.filter((x) => x.requestBody?.contentType !== 'multipart/form-data')) {
      const pathParams = Object.fromEntries(
        o.parameters.filter((p) => p.in === 'path').map((p) => [p.name, p.example]),
      );
      const body = o.requestBody?.example;
      const errors = validateRequest(o, { pathParams, body }).filter((e) => e.location !== 'query');
      assert.deepStrictEqual(errors, [], o.id);
    }
  });

  it('names a missing required field and marks it as missing', () => {
    const errors = validateRequest(issueCard, {
      pathParams: { location_id: 720441 },
      body: { loyalty_card_number: '1', phone: 13155550179 },
    });
    assert.deepStrictEqual(errors, [
      {
        location: 'body',
        field: 'loyalty_card_type_id',
        message: 'loyalty_card_type_id is required',
        kind: 'missing',
        rule: 'required',
        args: ['loyalty_card_type_id'],
      },
    ]);
  });

  it('explains a wrong type, pattern or phone in words, naming the field', () => {
    const errors = validateRequest(issueCard, {
      pathParams: { location_id: 720441 },
      body: { loyalty_card_number: true, loyalty_card_type_id: '82a', phone: 42 },
    });
    assert.deepStrictEqual(
      errors.map((e) => [e.field, e.message, e.kind]),
      [
        ['loyalty_card_number', 'loyalty_card_number must be a string or an integer', 'invalid'],
        ['loyalty_card_type_id', 'loyalty_card_type_id must contain digits only', 'invalid'],
        ['phone', 'phone must be 9 to 15 digits', 'invalid'],
      ],
    );
  });

  it('names nested fields with dots and array indexes', () => {
    const errors = validateRequest(op('create_appointment'), {
      pathParams: { location_id: 720441 },
      body: {
        staff_id: 1,
        services: [{ id: 1 }, { id: 'two' }],
        client: { phone: 1 },
        datetime: 'now',
        seance_length: 3600,
      },
    });
    assert.deepStrictEqual(
      errors.map((e) => e.field),
      ['services[1].id', 'client.phone'],
    );
  });

  it('treats null in an optional field as "not set", as Altegio\'s own examples send it', () => {
    assert.deepStrictEqual(
      validateRequest(op('create_positions'), {
        pathParams: { location_id: 720441 },
        body: { title: 'Stylist', api_id: null },
      }),
      [],
    );
    const errors = validateRequest(op('create_positions'), {
      pathParams: { location_id: 720441 },
      body: { title: null },
    });
    assert.deepStrictEqual(
      errors.map((e) => e.message),
      ['title must be a string'],
    );
  });

  it('takes a bare array for bodies that are lists, naming rows by index', () => {
    const bulk = op('bulk_create_clients');
    assert.deepStrictEqual(
      validateRequest(bulk, { pathParams: { location_id: 720441 }, body: [{ name: 'Ann', phone: '13155550100' }] }),
      [],
    );
    const errors = validateRequest(bulk, { pathParams: { location_id: 720441 }, body: [{ name: 5 }] });
    assert.deepStrictEqual(
      errors.map((e) => [e.field, e.message]),
      [['[0].name', '[0].name must be a string']],
    );
  });

  it('reports a missing required body', () => {
    const errors = validateRequest(createClient, { pathParams: { location_id: 720441 } });
    assert.deepStrictEqual(errors, [
      {
        location: 'body',
        field: '',
        message: 'A request body is required',
        kind: 'missing',
        rule: 'bodyRequired',
        args: [],
      },
    ]);
    assert.deepStrictEqual(groupFieldErrors(errors), { body: ['A request body is required'] });
  });

  it('treats empty path and query strings as not given', () => {
    const errors = validateRequest(cardsByPhone, { pathParams: { phone: '', chain_id: 706028, location_id: 720441 } });
    assert.deepStrictEqual(
      errors.map((e) => e.message),
      ['phone is required'],
    );
  });

  describe('coercion, for servers', () => {
    it('converts path and query strings to their declared types', () => {
      const raw = { pathParams: { phone: '13155550179', chain_id: '706028', location_id: '720441' } };
      assert.deepStrictEqual(coerceRequest(cardsByPhone, raw).pathParams, {
        phone: '13155550179',
        chain_id: 706028,
        location_id: 720441,
      });
      assert.deepStrictEqual(validateRequest(cardsByPhone, raw, { coerce: true }), []);
      assert.deepStrictEqual(
        validateRequest(cardsByPhone, raw).map((e) => e.message),
        ['chain_id must be an integer', 'location_id must be an integer'],
      );
    });

    it('makes a single query value a one-item list for array parameters', () => {
      const byIds = op('get_product_category_list_by_ids');
      assert.deepStrictEqual(coerceRequest(byIds, { query: { ids: '289632' } }).query, { ids: [289632] });
      assert.deepStrictEqual(coerceRequest(byIds, { query: { ids: ['1', '2'] } }).query, { ids: [1, 2] });
    });

    it('keeps values it cannot convert, so validation names them', () => {
      const errors = validateRequest(op('get_location'), { pathParams: { location_id: '12abc' } }, { coerce: true });
      assert.deepStrictEqual(groupFieldErrors(errors), { location_id: ['location_id must be an integer'] });
    });
  });

  describe('the phone format', () => {
    it('accepts 9 to 15 digits, with a leading + for strings', () => {
      fc.assert(
        fc.property(
          fc.stringMatching(/^\+?[0-9]{9,15}$/),
          (phone) =>
            validateRequest(createClient, {
              pathParams: { location_id: 1 },
              body: { name: 'A', phone },
            }).length === 0,
        ),
      );
      fc.assert(
        fc.property(
          fc.integer({ min: 100_000_000, max: 999_999_999_999_999 }),
          (phone) =>
            validateRequest(issueCard, {
              pathParams: { location_id: 1 },
              body: { loyalty_card_number: '1', loyalty_card_type_id: '1', phone },
            }).length === 0,
        ),
      );
    });

    it('refuses too few or too many digits and anything but digits', () => {
      fc.assert(
        fc.property(
          fc.oneof(
            fc.stringMatching(/^\+?[0-9]{0,8}$/),
            fc.stringMatching(/^\+?[0-9]{16,20}$/),
            fc.stringMatching(/^[0-9]{4}[ a-z()-][0-9]{6}$/),
          ),
          (phone) => {
            const errors = validateRequest(createClient, {
              pathParams: { location_id: 1 },
              body: { name: 'A', phone },
            });
            return errors.length === 1 && errors[0].message === 'phone must be 9 to 15 digits (a leading + is allowed)';
          },
        ),
      );
      for (const phone of [12345678, 1234567890123456, 13155550179.5]) {
        const errors = validateRequest(issueCard, {
          pathParams: { location_id: 1 },
          body: { loyalty_card_number: '1', loyalty_card_type_id: '1', phone },
        });
        assert.deepStrictEqual(
          errors.map((e) => e.message),
          ['phone must be 9 to 15 digits'],
          String(phone),
        );
      }
    });
  });
});

describe('validateResponse', () => {
  it('accepts every documented success example', () => {
    for (const o of catalog.operations) {
      if (o.success.status === 204) assert.deepStrictEqual(validateResponse(o, 204, undefined), [], o.id);
      else assert.deepStrictEqual(validateResponse(o, o.success.status, o.success.example), [], o.id);
    }
  });

  it('names what does not match, with its path in the body', () => {
    const chainTypes = op('get_chain_loyalty_card_type_list');
    const problems = validateResponse(chainTypes, 200, { success: true, data: [{ id: 'x' }], meta: [] });
    assert.deepStrictEqual(problems.sort(), ['data[0].id must be an integer', 'data[0].title is required']);
  });

  it('refuses undocumented statuses and a body on 204', () => {
    assert.match(validateResponse(issueCard, 418, {})[0], /status 418 is not documented for issue_loyalty_card/);
    assert.deepStrictEqual(validateResponse(op('remove_loyalty_card'), 204, { success: true }), [
      'a 204 answer must have an empty body',
    ]);
  });

  it('checks error answers against the documented error envelope', () => {
    assert.deepStrictEqual(
      validateResponse(issueCard, 422, {
        success: false,
        data: null,
        meta: { message: 'x', errors: { phone: ['bad'] } },
      }),
      [],
    );
    assert.deepStrictEqual(validateResponse(issueCard, 422, { success: false, data: null, meta: {} }), [
      'meta.message is required',
    ]);
  });
});
