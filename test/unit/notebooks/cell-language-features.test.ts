import * as assert from 'assert';
import { Catalog, loadCatalog } from '../../../src/api/catalog';
import { completeCell, type CompletionResult } from '../../../src/notebooks/core/cell-completion';
import { diagnoseCell } from '../../../src/notebooks/core/cell-diagnostics';
import { hoverCell } from '../../../src/notebooks/core/cell-hover';
import type { VariableScope } from '../../../src/notebooks/core/variables';

const catalog = loadCatalog();
const scope: VariableScope = {
  results: { card: { status: 201, data: { id: 5, loyalty_card_number: '555' } } },
  notebook: { card_type_id: '8230' },
  defaults: { location_id: 720441, chain_id: 91 },
};

/** Completion with the cursor where the text has `|`. */
function complete(marked: string): CompletionResult & { text: string } {
  const offset = marked.indexOf('|');
  const text = marked.slice(0, offset) + marked.slice(offset + 1);
  return { ...completeCell({ catalog, text, offset, scope, cellNames: ['card', 'later'] }), text };
}
const labels = (r: CompletionResult) => r.items.map((i) => i.label);
const replaced = (r: CompletionResult & { text: string }, label: string) => {
  const item = r.items.find((i) => i.label === label)!;
  return r.text.slice(item.replace.start, item.replace.end);
};

describe('request cell completion', () => {
  it('offers every operation on the request line, inserting path parameters as variables and a body skeleton', () => {
    const r = complete('POST /loyalty/ca|');
    assert.strictEqual(r.items.length, catalog.operations.length);
    const issue = r.items.find((i) => i.label === 'POST /loyalty/cards/{location_id}')!;
    assert.ok(issue.detail && issue.detail.length > 0);
    assert.strictEqual(replaced(r, issue.label), 'POST /loyalty/ca');
    assert.ok(issue.insertText.startsWith('POST /loyalty/cards/{{location_id}}\n\n{\n'), issue.insertText);
    for (const field of ['loyalty_card_number', 'loyalty_card_type_id', 'phone'])
      assert.ok(issue.insertText.includes(`"${field}": `), field);
    assert.ok(issue.filterText?.includes(issue.detail!));
  });

  it('offers operations on an empty first line after comments and directives', () => {
    assert.strictEqual(complete('# @name x\n|').items.length, catalog.operations.length);
  });

  it('offers query parameters after ? and &, leaving out those already given', () => {
    const r = complete('GET /company/{{location_id}}/staff/schedule?start_date=2026-01-01&|');
    const names = labels(r);
    assert.ok(names.includes('end_date') && names.includes('staff_ids'), names.join());
    assert.ok(!names.includes('start_date'));
    assert.strictEqual(r.items.find((i) => i.label === 'staff_ids')!.insertText, 'staff_ids[]=');
    assert.strictEqual(r.items.find((i) => i.label === 'end_date')!.required, true);
  });

  it('offers the body fields of the operation at a property name, required first, skipping those present', () => {
    const r = complete('POST /loyalty/cards/1\n\n{\n  "phone": 1,\n  "|"\n}');
    assert.deepStrictEqual(labels(r).sort(), ['loyalty_card_number', 'loyalty_card_type_id']);
    const item = r.items.find((i) => i.label === 'loyalty_card_number')!;
    assert.strictEqual(item.insertText, '"loyalty_card_number": "$1"');
    assert.strictEqual(item.required, true);
    assert.strictEqual(replaced(r, 'loyalty_card_number'), '""');
  });

  it('completes a half-typed field name, replacing it whole', () => {
    const r = complete('POST /loyalty/cards/1\n\n{\n  "loy|\n}');
    assert.ok(labels(r).includes('loyalty_card_type_id'));
    assert.strictEqual(replaced(r, 'loyalty_card_type_id'), '"loy');
  });

  it('offers fields of nested objects and of objects inside arrays', () => {
    const op = catalog.operations.find((o) => {
      const props = o.requestBody?.schema.properties ?? {};
      return Object.values(props).some((p) => p.type === 'array' && p.items?.properties);
    })!;
    const [arrayName, arraySchema] = Object.entries(op.requestBody!.schema.properties!).find(
      ([, p]) => p.type === 'array' && p.items?.properties,
    )!;
    const target = op.path.replace(/\{([^}]+)\}/g, '1');
    const r = complete(`${op.method} ${target}\n\n{ "${arrayName}": [ { | } ] }`);
    assert.deepStrictEqual(labels(r).sort(), Object.keys(arraySchema.items!.properties!).sort());
  });

  it('offers enum values and true/false at a value, and asks for live values where a lookup exists', () => {
    const flags = complete('POST /staff/1\n\n{ "has_access_timetable": | }');
    assert.deepStrictEqual(labels(flags), ['true', 'false']);
    const small = new Catalog({
      paths: {
        '/things': {
          post: {
            operationId: 'create_thing',
            requestBody: {
              content: {
                'application/json': {
                  schema: {
                    type: 'object',
                    properties: { sex: { type: 'string', enum: ['male', 'female', null] } },
                  },
                },
              },
            },
            responses: { '200': { description: 'ok' } },
          },
        },
      },
    });
    const offset = 'POST /things\n\n{ "sex": "'.length;
    const text = 'POST /things\n\n{ "sex": "" }';
    const values = completeCell({ catalog: small, text, offset });
    assert.deepStrictEqual(labels(values), ['"male"', '"female"']);
    assert.strictEqual(text.slice(values.items[0].replace.start, values.items[0].replace.end), '""');
    const lookup = complete('POST /loyalty/cards/1\n\n{ "loyalty_card_type_id": "|" }').lookup;
    assert.strictEqual(lookup?.field, 'loyalty_card_type_id');
    assert.strictEqual(lookup?.quoted, true);
  });

  it('offers an object with the required fields in an empty body', () => {
    const r = complete('POST /loyalty/cards/1\n\n|');
    assert.strictEqual(r.items.length, 1);
    assert.ok(r.items[0].insertText.includes('"loyalty_card_type_id"'));
  });

  it('offers variables inside {{ }}: named cells, front matter, defaults, row; and members of known answers', () => {
    const names = labels(complete('GET /company/{{|'));
    for (const n of ['card', 'later', 'card_type_id', 'location_id', 'chain_id', 'row'])
      assert.ok(names.includes(n), n);
    const members = complete('GET /company/{{card.data.|}}');
    assert.deepStrictEqual(labels(members), ['id', 'loyalty_card_number']);
    assert.strictEqual(members.items[0].detail, '5');
  });

  it('offers directives after # @', () => {
    assert.deepStrictEqual(labels(complete('# @|\nGET /countries')), ['name', 'each', 'dry-run']);
  });
});

describe('request cell hover', () => {
  const hover = (marked: string) => {
    const offset = marked.indexOf('|');
    const text = marked.slice(0, offset) + marked.slice(offset + 1);
    return hoverCell(catalog, text, offset, scope);
  };

  it('shows a variable’s current value and where it comes from', () => {
    const h = hover('DELETE /loyalty/cards/{{location_id}}/{{card.da|ta.id}}');
    assert.deepStrictEqual(h?.kind === 'variable' && h.resolution, { found: true, value: 5, source: 'result' });
    const unknown = hover('GET /company/{{nob|ody}}');
    assert.deepStrictEqual(unknown?.kind === 'variable' && unknown.resolution, { found: false, reason: 'unknown' });
  });

  it('shows the operation on the request line, and a parameter’s description and type', () => {
    const op = hover('PO|ST /loyalty/cards/1');
    assert.strictEqual(
      op?.kind === 'operation' && op.operation.id,
      catalog.find('POST', '/loyalty/cards/{location_id}')!.id,
    );
    const param = hover('GET /company/{{location_id}}/staff/schedule?start_da|te=2026-01-01');
    assert.ok(
      param?.kind === 'field' &&
        param.location === 'query' &&
        param.field.required &&
        param.field.type.includes('string'),
    );
  });

  it('shows a body field’s description, type and whether it is required', () => {
    const h = hover('POST /loyalty/cards/1\n\n{ "pho|ne": 1 }');
    assert.ok(h?.kind === 'field');
    if (h?.kind !== 'field') return;
    assert.strictEqual(h.name, 'phone');
    assert.strictEqual(h.location, 'body');
    assert.strictEqual(h.field.required, true);
    assert.ok(h.field.type.startsWith('number'));
    assert.ok(h.field.description);
  });
});

describe('request cell diagnostics', () => {
  it('are empty for a good cell, and name a missing field and a wrong type in the body', () => {
    assert.deepStrictEqual(diagnoseCell(catalog, 'GET /company/{{location_id}}', scope).problems, []);
    const bad = diagnoseCell(
      catalog,
      'POST /loyalty/cards/{{location_id}}\n\n{ "loyalty_card_number": true, "phone": 13155550175 }',
      scope,
    );
    assert.deepStrictEqual(bad.problems.map((p) => p.fieldError?.rule).sort(), ['required', 'type']);
  });

  it('leave fields fed by answers still to come unvalidated, and note them', () => {
    const text =
      'POST /loyalty/cards/{{location_id}}\n\n{ "loyalty_card_number": "1", "loyalty_card_type_id": "{{later.data.id}}", "phone": 13155550175 }';
    const d = diagnoseCell(catalog, text, { ...scope, pending: new Set(['later']) });
    assert.deepStrictEqual(
      d.problems.map((p) => [p.code, p.severity]),
      [['pendingVariable', 'info']],
    );
  });

  it('accept {{row.…}} in an @each cell, warn about it elsewhere, and check an @each variable is a list', () => {
    const body = '\n\n{ "loyalty_card_number": "{{row.n}}", "loyalty_card_type_id": "1", "phone": 13155550175 }';
    const each = diagnoseCell(catalog, `# @each cards.csv\nPOST /loyalty/cards/1${body}`, scope);
    assert.deepStrictEqual(each.problems, []);
    assert.deepStrictEqual(each.each && { kind: each.each.kind, value: each.each.value }, {
      kind: 'file',
      value: 'cards.csv',
    });
    const stray = diagnoseCell(catalog, `POST /loyalty/cards/1${body}`, scope);
    assert.deepStrictEqual(
      stray.problems.map((p) => [p.code, p.severity]),
      [['rowOutsideRun', 'warning']],
    );
    const notList = diagnoseCell(catalog, `# @each {{card.data}}\nPOST /loyalty/cards/1${body}`, scope);
    assert.deepStrictEqual(
      notList.problems.map((p) => p.code),
      ['eachNotList'],
    );
  });

  it('report an Authorization header as an error', () => {
    const d = diagnoseCell(catalog, 'GET /countries\nAuthorization: Bearer secret', scope);
    assert.deepStrictEqual(
      d.problems.map((p) => [p.code, p.severity]),
      [['authorizationHeader', 'error']],
    );
  });
});
