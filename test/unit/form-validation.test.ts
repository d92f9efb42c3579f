import * as assert from 'assert';
import { getCatalog } from '../../src/api/catalog';
import { buildFormModel } from '../../src/api/form-model';
import type { FieldError } from '../../src/api/validation';
import { findField, formIssues, serverIssues } from '../../src/webviews/form/form-validation';
import { summarizeResult } from '../../src/webviews/form/result-summary';

// The host words problems with vscode.l10n; here a visible stand-in proves the wording goes through it.
const texts = {
  phoneString: '{0}: 9 to 15 digits, + allowed',
  phoneNumber: '{0}: 9 to 15 digits only',
  describe: (e: FieldError) => `«${e.message}» [${e.rule}]`,
};
const op = getCatalog().requireOperation('issue_loyalty_card');
const model = buildFormModel(op);
const valid = {
  path: { location_id: 720441 },
  query: {},
  body: { loyalty_card_number: '0001', loyalty_card_type_id: '8231', phone: 13155550175 },
};

describe('form validation in the host', () => {
  it('finds nothing to fix in a complete loyalty card request', () => {
    assert.deepStrictEqual(formIssues(op, model, valid, texts), []);
  });

  it('names every missing field next to it, marked as missing', () => {
    const issues = formIssues(op, model, { path: {}, query: {}, body: {} }, texts);
    assert.deepStrictEqual(issues.map((i) => [i.key, i.missing]).sort(), [
      ['body:loyalty_card_number', true],
      ['body:loyalty_card_type_id', true],
      ['body:phone', true],
      ['path:location_id', true],
    ]);
  });

  it('words a bad phone the way the API expects phones, whatever the input was', () => {
    for (const phone of ['+1 315 555-0175', '12ab', 123, 1234567890123456]) {
      const issues = formIssues(op, model, { ...valid, body: { ...valid.body, phone } }, texts);
      assert.deepStrictEqual(
        issues.map((i) => [i.key, i.message, i.missing]),
        [['body:phone', 'phone: 9 to 15 digits only', false]],
        String(phone),
      );
    }
  });

  it('places a wrong type and a wrong pattern on their own fields', () => {
    const issues = formIssues(
      op,
      model,
      { path: { location_id: 'abc' }, query: {}, body: { ...valid.body, loyalty_card_type_id: 'gold' } },
      texts,
    );
    assert.deepStrictEqual(issues.map((i) => i.key).sort(), ['body:loyalty_card_type_id', 'path:location_id']);
    assert.strictEqual(
      issues.find((i) => i.key === 'path:location_id')!.message,
      '«location_id must be an integer» [type]',
    );
  });

  it('places nested and row errors by their dotted path with indexes', () => {
    const appointment = getCatalog().requireOperation('create_appointment');
    const m = buildFormModel(appointment);
    const issues = formIssues(
      appointment,
      m,
      { path: { location_id: 1 }, query: {}, body: { services: [{ id: 'x' }], client: { phone: 123 } } },
      texts,
    );
    const keys = issues.map((i) => i.key);
    assert.ok(keys.includes('body:services[0].id'), keys.join());
    assert.ok(keys.includes('body:client.phone'), keys.join());
    assert.strictEqual(findField(m, 'body', 'services[0].id')?.kind, 'integer');
    assert.strictEqual(findField(m, 'body', 'client.phone')?.name, 'phone');
    assert.strictEqual(findField(m, 'body', 'nope'), undefined);
  });

  it("places Altegio's field errors (meta.errors) next to the fields they name", () => {
    const issues = serverIssues(model, {
      phone: ['is not a client phone'],
      location_id: ['unknown location'],
      something_else: ['bad'],
    });
    assert.deepStrictEqual(
      issues.map((i) => [i.key, i.source]),
      [
        ['body:phone', 'server'],
        ['path:location_id', 'server'],
        ['body:', 'server'],
      ],
    );
    assert.deepStrictEqual(
      issues.map((i) => i.message),
      ['phone: is not a client phone', 'location_id: unknown location', 'something_else: bad'],
    );
    assert.strictEqual(
      serverIssues(model, { phone: ['phone must have 9 to 15 digits'] })[0].message,
      'phone must have 9 to 15 digits',
    );
  });
});

describe('result summary', () => {
  it("shows an issued card's number, type, balance, points and programs first", () => {
    const card = {
      id: 42,
      number: '0001',
      type_id: 8231,
      balance: 0,
      points: 120,
      paid_amount: 0,
      sold_amount: 0,
      visits_count: 0,
      salon_group_id: 706028,
      type: { id: 8231, title: 'Gold card' },
      salon_group: { id: 706028, title: 'Bloom' },
      programs: [
        { id: 1, title: '5% cashback' },
        { id: 2, title: 'Birthday' },
      ],
    };
    const items = summarizeResult(op, card, { items: (n) => `${n} items`, none: 'none' });
    const byLabel = Object.fromEntries(items.map((i) => [i.label, i.value]));
    assert.strictEqual(byLabel.number, '0001');
    assert.strictEqual(byLabel.type, 'Gold card (#8231)');
    assert.strictEqual(byLabel.balance, '0');
    assert.strictEqual(byLabel.points, '120');
    assert.strictEqual(byLabel.programs, '5% cashback (#1), Birthday (#2)');
    assert.ok(items.length <= 10);
    assert.strictEqual(items.find((i) => i.label === 'number')!.description, 'Card number');
  });

  it('never shows a token or password from the answer', () => {
    const auth = getCatalog().requireOperation('authorize_user');
    const items = summarizeResult(
      auth,
      { id: 1, user_token: 'SECRET-TOKEN', name: 'Ann' },
      { items: (n) => `${n} items`, none: 'none' },
    );
    assert.ok(!JSON.stringify(items).includes('SECRET-TOKEN'));
  });

  it('counts a list', () => {
    assert.deepStrictEqual(summarizeResult(op, [], { items: (n) => `${n} items`, none: 'none' }), [
      { label: '0 items', value: 'none' },
    ]);
  });
});
