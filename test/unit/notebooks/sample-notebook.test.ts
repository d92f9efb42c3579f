import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { loadCatalog } from '../../../src/api/catalog';
import { diagnoseCell } from '../../../src/notebooks/core/cell-diagnostics';
import { analyzeCell, resolveCell } from '../../../src/notebooks/core/cell-request';
import { parseCsv } from '../../../src/notebooks/core/csv';
import { parseNotebook, serializeNotebook } from '../../../src/notebooks/core/notebook-format';
import { parseFrontMatter } from '../../../src/notebooks/core/variables';
import { SAMPLE_CSV, SAMPLE_NOTEBOOK } from '../../../src/notebooks/sample-notebook';
import { MANHATTAN } from '../../../src/sandbox/seed/business';
import { createSeedState } from '../../../src/sandbox/seed/index';

const catalog = loadCatalog();

describe('the walkthrough’s sample notebook', () => {
  const model = parseNotebook(SAMPLE_NOTEBOOK);
  const requests = model.cells.filter((c) => c.kind === 'request');
  const notebook = parseFrontMatter(model.cells[0].value).values;
  const defaults = { location_id: MANHATTAN, chain_id: 1 };

  it('round-trips and has a front matter, Markdown and four request cells without problems', () => {
    assert.strictEqual(serializeNotebook(model), SAMPLE_NOTEBOOK);
    assert.strictEqual(model.cells[0].kind, 'frontMatter');
    assert.strictEqual(requests.length, 4);
    for (const cell of requests) {
      const d = diagnoseCell(catalog, cell.value, {
        results: {},
        notebook,
        defaults,
        pending: new Set(['location', 'card_types']),
      });
      assert.deepStrictEqual(
        d.problems.filter((p) => p.severity !== 'info'),
        [],
        cell.value,
      );
    }
  });

  it('issues valid cards for every CSV row, to clients of the sandbox’s first location', () => {
    const table = parseCsv(SAMPLE_CSV);
    assert.strictEqual(table.rows.length, 5);
    const seeded = createSeedState().collections.clients as unknown as { location_id: number; phone: string }[];
    const phones = new Set(
      Object.values(seeded)
        .filter((c) => c.location_id === MANHATTAN)
        .map((c) => c.phone),
    );
    const issue = analyzeCell(catalog, requests[2].value);
    for (const row of table.rows) {
      assert.ok(phones.has(row.phone), `${row.phone} is a client of the sandbox`);
      const resolved = resolveCell(issue, {
        row,
        results: { card_types: { data: [{ id: 8230 }] } },
        notebook,
        defaults,
      });
      assert.deepStrictEqual(resolved.problems, []);
      assert.deepStrictEqual(resolved.input?.body, {
        loyalty_card_number: row.card_number,
        loyalty_card_type_id: '8230',
        phone: Number(row.phone),
      });
    }
  });
});

describe('the README’s notebook example', () => {
  it('is a notebook whose request cells have no problems', () => {
    const readme = fs.readFileSync(path.join(__dirname, '..', '..', '..', 'README.md'), 'utf8');
    const example = /````markdown\n([\s\S]*?)\n````/.exec(readme.slice(readme.indexOf('## Notebooks')))?.[1];
    assert.ok(example, 'README has a ````markdown example under ## Notebooks');
    const model = parseNotebook(`${example}\n`);
    const notebook = parseFrontMatter(model.cells[0].value).values;
    const requests = model.cells.filter((c) => c.kind === 'request');
    assert.strictEqual(requests.length, 2);
    for (const cell of requests)
      assert.deepStrictEqual(
        diagnoseCell(catalog, cell.value, { results: {}, notebook, defaults: { location_id: MANHATTAN } }).problems,
        [],
      );
  });
});
