import * as assert from 'assert';
import fc from 'fast-check';
import { loadCatalog } from '../../../src/api/catalog';
import { analyzeCell, resolveCell, type CellProblem } from '../../../src/notebooks/core/cell-request';
import { parseCell } from '../../../src/notebooks/core/cell-syntax';
import { parseFrontMatter, resolveVariable, type VariableScope } from '../../../src/notebooks/core/variables';

const catalog = loadCatalog();
const scope = (overrides: Partial<VariableScope> = {}): VariableScope => ({
  results: {},
  notebook: {},
  defaults: { location_id: 720441, chain_id: 91 },
  ...overrides,
});
const codes = (problems: CellProblem[]) => problems.map((p) => p.code);
/** The text a problem points at. */
const at = (text: string, p: { start: number; end: number }) => text.slice(p.start, p.end);

const ISSUE_CARD = [
  '# Issue a card to each client of the list',
  '# @name card',
  '# @each clients.csv',
  'POST /loyalty/cards/{{location_id}}',
  'Accept: application/vnd.api.v2+json',
  '',
  '{',
  '  "loyalty_card_number": "{{row.number}}",',
  '  "loyalty_card_type_id": "{{card_type.id}}",',
  '  "phone": {{row.phone}}',
  '}',
].join('\n');

describe('request cell parser', () => {
  it('reads directives, the request line, headers and the body with their places', () => {
    const cell = parseCell(ISSUE_CARD);
    assert.strictEqual(cell.name, 'card');
    assert.strictEqual(cell.each?.value, 'clients.csv');
    assert.strictEqual(cell.dryRun, false);
    assert.strictEqual(cell.request?.method, 'POST');
    assert.strictEqual(cell.request?.path, '/loyalty/cards/{{location_id}}');
    assert.strictEqual(at(ISSUE_CARD, cell.request!.pathSpan), '/loyalty/cards/{{location_id}}');
    assert.deepStrictEqual(
      cell.headers.map((h) => [h.name, h.value]),
      [['Accept', 'application/vnd.api.v2+json']],
    );
    assert.ok(cell.body?.text.startsWith('{') && cell.body.text.endsWith('}'));
    assert.strictEqual(at(ISSUE_CARD, { start: cell.body!.start, end: cell.body!.start + 1 }), '{');
    assert.deepStrictEqual(
      cell.variables.map((v) => v.expression),
      ['location_id', 'row.number', 'card_type.id', 'row.phone'],
    );
    assert.deepStrictEqual(cell.problems, []);
  });

  it('reads the query string, decoding names and values, with `name[]` lists', () => {
    const text = 'GET /company/{{location_id}}/clients?page=2&fields[]=name&fields[]=phone&q=Ann%20Lee';
    const cell = parseCell(text);
    assert.deepStrictEqual(
      cell.request?.query.map((q) => [q.name, q.value, at(text, q.nameSpan), at(text, q.valueSpan)]),
      [
        ['page', '2', 'page', '2'],
        ['fields[]', 'name', 'fields[]', 'name'],
        ['fields[]', 'phone', 'fields[]', 'phone'],
        ['q', 'Ann Lee', 'q', 'Ann%20Lee'],
      ],
    );
  });

  it('accepts `// @dry-run`, lower-case methods and a trailing HTTP version', () => {
    const cell = parseCell('// @dry-run\nget /countries HTTP/1.1');
    assert.strictEqual(cell.dryRun, true);
    assert.strictEqual(cell.request?.method, 'GET');
    assert.deepStrictEqual(cell.problems, []);
  });

  it('reports an Authorization header as an error on its line', () => {
    const text = 'GET /countries\nAuthorization: Bearer abc';
    const [problem] = parseCell(text).problems;
    assert.strictEqual(problem.code, 'authorizationHeader');
    assert.strictEqual(problem.severity, 'error');
    assert.strictEqual(at(text, problem), 'Authorization: Bearer abc');
  });

  it('names every other slip: no request line, an unknown method, a full URL, a bad header, a bad directive', () => {
    assert.deepStrictEqual(codes(parseCell('# only a comment').problems), ['noRequestLine']);
    assert.deepStrictEqual(codes(parseCell('').problems), ['noRequestLine']);
    assert.deepStrictEqual(codes(parseCell('FETCH /countries').problems), ['unknownMethod']);
    assert.deepStrictEqual(codes(parseCell('GET https://api.alteg.io/api/v1/countries').problems), ['absoluteUrl']);
    assert.deepStrictEqual(codes(parseCell('GET').problems), ['noPath']);
    assert.deepStrictEqual(codes(parseCell('GET /countries please').problems), ['extraText']);
    assert.deepStrictEqual(codes(parseCell('GET /countries\nnot a header').problems), ['badHeader']);
    assert.deepStrictEqual(codes(parseCell('GET /countries\nX-Trace: 1').problems), ['ignoredHeader']);
    assert.deepStrictEqual(codes(parseCell('# @name 1card\nGET /countries').problems), ['directiveValue']);
    assert.deepStrictEqual(codes(parseCell('# @each\nGET /countries').problems), ['directiveValue']);
    assert.deepStrictEqual(codes(parseCell('# @repeat 3\nGET /countries').problems), ['unknownDirective']);
    assert.deepStrictEqual(codes(parseCell('# @name a\n# @name b\nGET /countries').problems), ['duplicateDirective']);
    assert.deepStrictEqual(codes(parseCell('GET /company/{{ 1x }}').problems), ['badVariable']);
  });

  it('takes a body written without the blank line, and says so', () => {
    const cell = parseCell('POST /auth\n{"login": "a"}');
    assert.deepStrictEqual(codes(cell.problems), ['missingBlankLine']);
    assert.strictEqual(cell.body?.text, '{"login": "a"}');
  });

  it('ignores references in comments', () => {
    assert.deepStrictEqual(
      parseCell('# uses {{nothing}}\nGET /countries').variables.map((v) => v.expression),
      [],
    );
  });

  it('never throws and keeps every span inside the cell (property)', () => {
    const piece = fc.constantFrom(
      'GET',
      'POST',
      ' ',
      '/',
      '{{',
      '}}',
      'row.a',
      '#',
      '@name',
      '@each',
      ':',
      '\n',
      '\r\n',
      '{',
      '}',
      '"',
      '?',
      '&',
      '=',
      'x',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (parts) => {
        const text = parts.join('');
        const cell = parseCell(text);
        for (const p of cell.problems) assert.ok(p.start >= 0 && p.end <= text.length && p.start <= p.end);
        analyzeCell(catalog, text);
      }),
    );
  });
});

describe('request cell → operation', () => {
  it('matches the line to an operation through its path template, literal segments first', () => {
    const analysis = analyzeCell(catalog, 'GET /company/{{location_id}}/staff/positions');
    assert.strictEqual(analysis.operation?.path, '/company/{location_id}/staff/positions');
    const text = 'DELETE /loyalty/cards/{{location_id}}/{{card.data.id}}';
    const card = analyzeCell(catalog, text);
    assert.strictEqual(card.operation?.path, '/loyalty/cards/{location_id}/{card_id}');
    assert.strictEqual(at(text, card.pathParams.card_id), '{{card.data.id}}');
    assert.strictEqual(
      analyzeCell(catalog, 'GET /chain/91/loyalty/card_types').operation?.id,
      'get_chain_loyalty_card_type_list',
    );
  });

  it('tells an unknown path from a method the path does not take', () => {
    const unknown = analyzeCell(catalog, 'GET /nowhere/{{x}}');
    assert.deepStrictEqual(codes(unknown.problems), ['unknownOperation']);
    const wrongMethod = analyzeCell(catalog, 'PATCH /loyalty/cards/1');
    assert.deepStrictEqual(codes(wrongMethod.problems), ['methodNotAllowed']);
    assert.ok(wrongMethod.problems[0].args[2].includes('POST'));
  });

  it('warns about query parameters the operation does not have, and refuses a body it does not take', () => {
    assert.deepStrictEqual(codes(analyzeCell(catalog, 'GET /countries?colour=red').problems), [
      'unknownQueryParameter',
    ]);
    assert.deepStrictEqual(codes(analyzeCell(catalog, 'GET /countries\n\n{"a": 1}').problems), ['bodyNotAllowed']);
  });

  it('reports JSON syntax errors where they are', () => {
    const text = 'POST /loyalty/cards/1\n\n{"phone": 1,,}';
    const problems = analyzeCell(catalog, text).problems;
    assert.ok(problems.length >= 1 && problems.every((p) => p.code === 'jsonSyntax'));
    assert.strictEqual(at(text, problems[0]), ',');
  });
});

describe('variables', () => {
  it('resolves a row, then named results, then front matter, then the defaults', () => {
    const s = scope({
      row: { phone: '13155550175' },
      results: { card: { status: 201, data: { id: 5, items: [{ id: 7 }] } } },
      notebook: { location_id: 1, greeting: 'hi' },
    });
    assert.deepStrictEqual(resolveVariable(s, { root: 'row', path: ['phone'] }), {
      found: true,
      value: '13155550175',
      source: 'row',
    });
    assert.deepStrictEqual(resolveVariable(s, { root: 'card', path: ['data', 'items', 0, 'id'] }), {
      found: true,
      value: 7,
      source: 'result',
    });
    assert.deepStrictEqual(resolveVariable(s, { root: 'location_id', path: [] }), {
      found: true,
      value: 1,
      source: 'notebook',
    });
    assert.deepStrictEqual(resolveVariable(s, { root: 'chain_id', path: [] }), {
      found: true,
      value: 91,
      source: 'default',
    });
    assert.deepStrictEqual(resolveVariable(s, { root: 'card', path: ['data', 'nope'] }), {
      found: false,
      reason: 'noValue',
      source: 'result',
    });
    assert.deepStrictEqual(resolveVariable(s, { root: 'nobody', path: [] }), { found: false, reason: 'unknown' });
    assert.deepStrictEqual(resolveVariable(scope(), { root: 'row', path: ['x'] }), {
      found: false,
      reason: 'rowOutsideRun',
    });
    assert.deepStrictEqual(resolveVariable(scope({ pending: new Set(['card']) }), { root: 'card', path: ['data'] }), {
      found: false,
      reason: 'pending',
    });
  });

  it('never reads inherited properties as values', () => {
    assert.strictEqual(resolveVariable(scope(), { root: 'constructor', path: [] }).found, false);
    const s = scope({ results: { card: { data: {} } } });
    assert.strictEqual(resolveVariable(s, { root: 'card', path: ['data', 'toString'] }).found, false);
  });

  it('reads front matter: scalars, quoted strings, JSON, comments; reports what it cannot read', () => {
    const { values, problems } = parseFrontMatter(
      [
        '# notebook variables',
        'location_id: 720441',
        'title: Loyalty cards # a comment',
        'quoted: "a # b"',
        "single: 'it''s'",
        'flag: true',
        'nothing:',
        'ids: [1, 2]',
        '  nested: no',
        'broken: "unterminated',
      ].join('\n'),
    );
    assert.deepStrictEqual(values, {
      location_id: 720441,
      title: 'Loyalty cards',
      quoted: 'a # b',
      single: "it's",
      flag: true,
      nothing: null,
      ids: [1, 2],
    });
    assert.deepStrictEqual(
      problems.map((p) => p.line),
      [8, 9],
    );
  });
});

describe('request cell → request', () => {
  it('resolves path, query and body references, keeping a number a number', () => {
    const analysis = analyzeCell(catalog, ISSUE_CARD);
    const resolved = resolveCell(
      analysis,
      scope({ row: { number: '555', phone: 13155550175 }, results: {}, notebook: { card_type: { id: '8230' } } }),
    );
    assert.deepStrictEqual(resolved.problems, []);
    assert.strictEqual(resolved.input?.operation.id, analysis.operation?.id);
    assert.deepStrictEqual(resolved.input?.pathParams, { location_id: '720441' });
    assert.deepStrictEqual(resolved.input?.body, {
      loyalty_card_number: '555',
      loyalty_card_type_id: '8230',
      phone: 13155550175,
    });
  });

  it('reads a bare reference to CSV text as the JSON it spells, and a quoted one as text', () => {
    const text =
      'POST /loyalty/cards/1\n\n{"loyalty_card_number": "{{row.n}}", "loyalty_card_type_id": "{{row.t}}", "phone": {{row.phone}}}';
    const resolved = resolveCell(
      analyzeCell(catalog, text),
      scope({ row: { n: '007', t: '8230', phone: '13155550175' } }),
    );
    assert.deepStrictEqual(resolved.input?.body, {
      loyalty_card_number: '007',
      loyalty_card_type_id: '8230',
      phone: 13155550175,
    });
    const notNumber = resolveCell(analyzeCell(catalog, text), scope({ row: { n: '1', t: '1', phone: '+1 315' } }));
    assert.deepStrictEqual(
      notNumber.problems.map((p) => p.fieldError?.rule),
      ['type'],
    );
  });

  it('interpolates references inside longer strings and query values, and fills list parameters from a list', () => {
    const text =
      'GET /company/{{location_id}}/staff/schedule?start_date={{day}}&end_date=x{{day}}&staff_ids[]={{team}}';
    const resolved = resolveCell(analyzeCell(catalog, text), scope({ notebook: { day: '2026-03-05', team: [1, 2] } }));
    assert.deepStrictEqual(resolved.values?.query, {
      start_date: '2026-03-05',
      end_date: 'x2026-03-05',
      staff_ids: [1, 2],
    });
  });

  it('refuses to send with a reference that has no value, pointing at it', () => {
    const text = 'DELETE /loyalty/cards/{{location_id}}/{{card.data.id}}';
    const resolved = resolveCell(analyzeCell(catalog, text), scope());
    assert.strictEqual(resolved.input, undefined);
    assert.deepStrictEqual(codes(resolved.problems), ['unknownVariable']);
    assert.strictEqual(at(text, resolved.problems[0]), '{{card.data.id}}');
  });

  it('while editing, a named cell that has not run is only a note, and its fields are not validated yet', () => {
    const text = 'DELETE /loyalty/cards/{{location_id}}/{{card.data.id}}';
    const resolved = resolveCell(analyzeCell(catalog, text), scope({ pending: new Set(['card']) }), { lenient: true });
    assert.deepStrictEqual(
      resolved.problems.map((p) => [p.code, p.severity]),
      [['pendingVariable', 'info']],
    );
  });

  it('validates with the forms’ rules: missing required fields and wrong types, on the field', () => {
    const text = 'POST /loyalty/cards/{{location_id}}\n\n{\n  "loyalty_card_number": true,\n  "phone": 13155550175\n}';
    const resolved = resolveCell(analyzeCell(catalog, text), scope());
    const problems = resolved.problems.filter((p) => p.code === 'validation');
    assert.deepStrictEqual(problems.map((p) => [p.fieldError?.rule, p.args[0]]).sort(), [
      ['required', 'loyalty_card_type_id'],
      ['type', 'loyalty_card_number'],
    ]);
    const typeProblem = problems.find((p) => p.fieldError?.rule === 'type')!;
    assert.strictEqual(at(text, typeProblem), '"loyalty_card_number": true');
    const missing = problems.find((p) => p.fieldError?.rule === 'required')!;
    assert.strictEqual(at(text, missing), '{');
    assert.strictEqual(resolved.input, undefined);
  });

  it('names a missing required body and a bad path value', () => {
    assert.deepStrictEqual(
      resolveCell(analyzeCell(catalog, 'POST /loyalty/cards/1'), scope()).problems.map((p) => p.fieldError?.rule),
      ['bodyRequired'],
    );
    const text = 'GET /company/abc';
    const [problem] = resolveCell(analyzeCell(catalog, text), scope()).problems;
    assert.strictEqual(problem.fieldError?.rule, 'type');
    assert.strictEqual(at(text, problem), 'abc');
  });

  it('blocks a cell with an Authorization header even when the request is otherwise valid', () => {
    const resolved = resolveCell(analyzeCell(catalog, 'GET /countries\nAuthorization: Bearer x'), scope());
    assert.strictEqual(resolved.input, undefined);
    assert.deepStrictEqual(codes(resolved.problems), ['authorizationHeader']);
  });
});
