import * as assert from 'assert';
import { AltegioClient } from '../../../src/api/client';
import { loadCatalog } from '../../../src/api/catalog';
import { toHttpFile } from '../../../src/api/export';
import { analyzeCell, resolveCell } from '../../../src/notebooks/core/cell-request';
import { requestToCell } from '../../../src/notebooks/core/cell-writer';
import { httpFileToCells } from '../../../src/notebooks/core/http-import';
import { parseNotebook, serializeNotebook } from '../../../src/notebooks/core/notebook-format';
import { TOKENS } from '../helpers/operations';

const catalog = loadCatalog();

describe('.http file → notebook', () => {
  it('turns our own .http export into a request cell that sends the same request, with no token', () => {
    const op = catalog.find('POST', '/loyalty/cards/{location_id}')!;
    const body = { loyalty_card_number: '555', loyalty_card_type_id: '8230', phone: 13155550175 };
    const client = new AltegioClient({
      baseUrl: 'https://api.alteg.io/api/v1',
      credentials: () => TOKENS,
      rateLimiter: null,
    });
    const http = toHttpFile(client.prepare({ operation: op, pathParams: { location_id: 720441 }, body }, TOKENS), {
      title: 'Issue a card',
    });
    const cells = httpFileToCells(http);
    assert.deepStrictEqual(
      cells.map((c) => c.kind),
      ['markdown', 'request'],
    );
    assert.strictEqual(cells[0].value, '### Issue a card');
    assert.ok(cells[1].value.startsWith('POST /loyalty/cards/720441\n\n{'), cells[1].value);
    const text = serializeNotebook({ cells, eol: '\n' });
    for (const token of [...Object.values(TOKENS), 'Authorization', 'partnerToken'])
      assert.ok(!text.includes(token), token);
    const resolved = resolveCell(analyzeCell(catalog, parseNotebook(text).cells[1].value), {
      results: {},
      notebook: {},
      defaults: {},
    });
    assert.deepStrictEqual(resolved.problems, []);
    assert.deepStrictEqual(resolved.input?.body, body);
    assert.deepStrictEqual(resolved.input?.pathParams, { location_id: '720441' });
  });

  it('reads several requests, names and comments, keeps other file variables as front matter', () => {
    const cells = httpFileToCells(
      [
        '@host = https://api.alteg.io/api/v1',
        '@token = abc',
        '@location = 720441',
        '',
        '### List',
        '# @name list',
        'GET {{host}}/company/{{location}}/staff/positions HTTP/1.1',
        'Authorization: Bearer {{token}}',
        'X-Trace: 1',
        '',
        '###',
        'GET https://api.alteg.io/api/v1/countries',
      ].join('\n'),
    );
    assert.deepStrictEqual(
      cells.map((c) => [c.kind, c.value]),
      [
        ['frontMatter', 'host: https://api.alteg.io/api/v1\nlocation: 720441'],
        ['markdown', '### List'],
        ['request', '# @name list\nGET /company/{{location}}/staff/positions\nX-Trace: 1'],
        ['request', 'GET /countries'],
      ],
    );
  });
});

describe('request → cell', () => {
  it('writes a request as a cell that reads back as the same request, defaults as variables', () => {
    const op = catalog.find('POST', '/loyalty/cards/{location_id}')!;
    const body = { loyalty_card_number: '555', loyalty_card_type_id: '8230', phone: 13155550175 };
    const text = requestToCell(
      op,
      { pathParams: { location_id: 720441 }, body },
      { location_id: 720441 },
      { name: 'card' },
    );
    assert.ok(text.startsWith('# @name card\nPOST /loyalty/cards/{{location_id}}\n\n{\n'), text);
    const resolved = resolveCell(analyzeCell(catalog, text), {
      results: {},
      notebook: {},
      defaults: { location_id: 720441 },
    });
    assert.deepStrictEqual(resolved.problems, []);
    assert.deepStrictEqual(resolved.input?.body, body);
    const list = catalog.find('GET', '/company/{location_id}/staff/schedule')!;
    const q = requestToCell(list, {
      pathParams: { location_id: 1 },
      query: { start_date: '2026-01-01', staff_ids: [1, 2] },
    });
    assert.strictEqual(q, 'GET /company/1/staff/schedule?start_date=2026-01-01&staff_ids[]=1&staff_ids[]=2');
    assert.deepStrictEqual(
      resolveCell(analyzeCell(catalog, q), { results: {}, notebook: {}, defaults: {} }).values?.query,
      { start_date: '2026-01-01', staff_ids: ['1', '2'] },
    );
  });
});
