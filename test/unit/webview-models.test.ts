import * as assert from 'assert';
import fc from 'fast-check';
import type { FormField } from '../../src/api/form-types';
import { cellText, columnsOf, columnChars, toCsv, VALUE_COLUMN, viewRows } from '../../media/response/table-model';
import {
  displayText,
  getIn,
  keyOf,
  keySegments,
  optionValue,
  parseInput,
  removeAt,
  setIn,
} from '../../media/form/values';

const field = (kind: FormField['kind'], valueType: FormField['valueType']): FormField => ({
  name: 'x',
  kind,
  valueType,
  required: false,
  nullable: false,
});

describe('form values in the app', () => {
  it('keys a field the way the host places issues: location, dotted path, [index]', () => {
    assert.strictEqual(keyOf('body', ['services', 0, 'id']), 'body:services[0].id');
    assert.strictEqual(keyOf('body', [2, 'name']), 'body:[2].name');
    assert.strictEqual(keyOf('path', ['location_id']), 'path:location_id');
    assert.strictEqual(keyOf('body', []), 'body:');
    assert.deepStrictEqual(keySegments('body:services[0].id'), ['services', 0, 'id']);
  });

  it('round-trips any path between keyOf and keySegments (property)', () => {
    const segment = fc.oneof(fc.nat({ max: 50 }), fc.stringMatching(/^[a-z_][a-z0-9_]{0,10}$/));
    fc.assert(
      fc.property(fc.array(segment, { minLength: 1, maxLength: 6 }), (segments) => {
        return JSON.stringify(keySegments(keyOf('body', segments))) === JSON.stringify(segments);
      }),
    );
  });

  it('sets nested values without touching the original, and removes what becomes empty', () => {
    const body = { client: { phone: '1' }, services: [{ id: 1 }] };
    const next = setIn(body, ['services', 1, 'id'], 2);
    assert.deepStrictEqual(next, { client: { phone: '1' }, services: [{ id: 1 }, { id: 2 }] });
    assert.deepStrictEqual(body.services, [{ id: 1 }]);
    assert.deepStrictEqual(setIn(body, ['client', 'phone'], undefined), { services: [{ id: 1 }] });
    assert.deepStrictEqual(setIn(body, ['services', 0, 'id'], undefined), { client: { phone: '1' }, services: [{}] });
    assert.strictEqual(getIn(next, ['services', 1, 'id']), 2);
    assert.deepStrictEqual(removeAt([1, 2, 3], 1), [1, 3]);
  });

  it('turns what is typed into typed values, and keeps text that is not a number so validation can name it', () => {
    assert.strictEqual(parseInput(field('integer', 'integer'), ' 42 '), 42);
    assert.strictEqual(parseInput(field('integer', 'integer'), '4.2'), '4.2');
    assert.strictEqual(parseInput(field('integer', 'integer'), ''), undefined);
    assert.strictEqual(parseInput(field('number', 'number'), '-1.5e2'), -150);
    assert.strictEqual(parseInput(field('number', 'number'), '1,5'), '1,5');
    assert.strictEqual(parseInput(field('phone', 'number'), '13155550175'), 13155550175);
    // A phone is sent as its digits, however it was written; text that is not a phone stays for validation.
    assert.strictEqual(parseInput(field('phone', 'number'), '+1 (315) 555-0175'), 13155550175);
    assert.strictEqual(parseInput(field('phone', 'string'), '+1 315 555 0175'), '13155550175');
    assert.strictEqual(parseInput(field('phone', 'number'), 'call 315'), 'call 315');
    assert.strictEqual(parseInput(field('text', 'string'), ' keep spaces '), ' keep spaces ');
    assert.strictEqual(optionValue({ ...field('enum', 'integer'), options: [{ value: 1, label: 'one' }] }, '1'), 1);
    assert.strictEqual(displayText({ a: 1 }), '{"a":1}');
  });
});

describe('response table model', () => {
  const rows = [
    { id: 3, name: 'Carol', phone: '+1 555', type: { id: 8, title: 'Gold' }, tags: ['vip', 'new'] },
    { id: 1, name: 'alice', email: 'a@x' },
    { id: 2, name: 'Bob', phone: null },
  ];

  it('finds the columns in the order they first appear, and a value column for scalars', () => {
    assert.deepStrictEqual(columnsOf(rows), ['id', 'name', 'phone', 'type', 'tags', 'email']);
    assert.deepStrictEqual(columnsOf([1, 2]), [VALUE_COLUMN]);
    assert.deepStrictEqual(columnsOf([]), [VALUE_COLUMN]);
  });

  it('reads a sample of a long list for the first paint, and every row when asked for all its columns', () => {
    const long: Record<string, unknown>[] = Array.from({ length: 100_000 }, (_v, i) => ({ id: i, name: `n${i}` }));
    long[50_001] = { id: 50_001, name: 'odd', only_here: true };
    assert.deepStrictEqual(columnsOf(long, true), ['id', 'name']);
    assert.deepStrictEqual(columnsOf(long), ['id', 'name', 'only_here']);
    long[999] = { id: 999, early: 1 };
    assert.deepStrictEqual(columnsOf(long, true), ['id', 'name', 'early'], 'the first 1,000 rows are all read');
    assert.deepStrictEqual(viewRows(long, ['id'], '', undefined).slice(0, 3), [0, 1, 2]);
    assert.strictEqual(viewRows(long, ['id'], '', undefined).length, 100_000);
  });

  it('writes cells as one line: objects by title, lists by items, long text cut', () => {
    assert.strictEqual(cellText({ id: 8, title: 'Gold' }), 'Gold');
    assert.strictEqual(cellText(['vip', 'new']), 'vip, new');
    assert.strictEqual(cellText([{ title: 'a' }, { title: 'b' }]), 'a, b');
    assert.strictEqual(cellText({ a: 1 }), '{"a":1}');
    assert.strictEqual(cellText(null), '');
    assert.strictEqual(cellText('x'.repeat(400)).length, 301);
  });

  it('filters by every word in any visible column, and sorts numbers as numbers with empty cells last', () => {
    const cols = columnsOf(rows);
    assert.deepStrictEqual(viewRows(rows, cols, 'gold', undefined), [0]);
    assert.deepStrictEqual(viewRows(rows, cols, 'ALICE a@x', undefined), [1]);
    assert.deepStrictEqual(viewRows(rows, ['id'], 'carol', undefined), []);
    assert.deepStrictEqual(viewRows(rows, cols, '', { column: 'id', direction: 'asc' }), [1, 2, 0]);
    assert.deepStrictEqual(viewRows(rows, cols, '', { column: 'id', direction: 'desc' }), [0, 2, 1]);
    assert.deepStrictEqual(viewRows(rows, cols, '', { column: 'name', direction: 'asc' }), [1, 2, 0]);
    assert.deepStrictEqual(viewRows(rows, cols, '', { column: 'phone', direction: 'desc' }), [0, 1, 2]);
  });

  it('exports RFC 4180 CSV in view order, quoting separators and defusing spreadsheet formulas', () => {
    const data = [
      { a: 'x,y', b: 'say "hi"' },
      { a: '=HYPERLINK("evil")', b: -5 },
      { a: 'line\nbreak', b: { k: 1 } },
    ];
    const csv = toCsv(data, [2, 0, 1], ['a', 'b'], 'value');
    assert.strictEqual(
      csv,
      'a,b\r\n"line\nbreak","{""k"":1}"\r\n"x,y","say ""hi"""\r\n"\'=HYPERLINK(""evil"")",-5\r\n',
    );
  });

  it('sorts and filters 10,000 rows in well under a frame budget each', () => {
    const many = Array.from({ length: 10_000 }, (_v, i) => ({
      id: 10_000 - i,
      name: `Client ${i}`,
      phone: `1315555${String(i).padStart(4, '0')}`,
      visits: i % 37,
    }));
    const cols = columnsOf(many);
    let started = performance.now();
    const sorted = viewRows(many, cols, '', { column: 'id', direction: 'asc' });
    const sortMs = performance.now() - started;
    started = performance.now();
    const filtered = viewRows(many, cols, 'client 99', undefined);
    const filterMs = performance.now() - started;
    assert.strictEqual(sorted[0], 9999);
    const expected = many
      .map((r, i) => [r, i] as const)
      .filter(
        ([r]) =>
          Object.values(r).join(' ').toLowerCase().includes('client') && Object.values(r).join(' ').includes('99'),
      )
      .map(([, i]) => i);
    assert.deepStrictEqual(filtered, expected);
    assert.ok(sortMs < 200 && filterMs < 200, `sort ${sortMs} ms, filter ${filterMs} ms`);
    assert.strictEqual(columnChars(many, 'name', 'name'), 'Client 9999'.length);
  });
});
