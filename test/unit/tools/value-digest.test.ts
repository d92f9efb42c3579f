// The answers the Copilot tools hand a model: long lists become a count and their first rows, nothing sensitive
// survives, and the text stays under its budget whatever the answer looks like.
import * as assert from 'assert';
import fc from 'fast-check';
import { digestData, moreItems } from '../../../src/tools/core/value-digest';

const client = (i: number) => ({
  id: i,
  name: `Client ${i}`,
  phone: `1315555${String(i).padStart(4, '0')}`,
  visits: Array.from({ length: 12 }, (_, v) => ({ id: v, date: '2026-03-05', services: [{ id: 1, title: 'Cut' }] })),
});

describe('tool answers (value digest)', () => {
  it('summarises a long list as its count and its first rows', () => {
    const rows = Array.from({ length: 200 }, (_, i) => client(i));
    const digest = digestData(rows, { maxRows: 10 });
    assert.strictEqual(digest.kind, 'list');
    assert.strictEqual(digest.rows, 200);
    assert.ok(digest.shownRows! >= 1 && digest.shownRows! <= 10);
    assert.strictEqual((digest.value as { id: number }[])[0].id, 0, 'the first rows, in order');
    assert.ok(digest.shortened);
  });

  it('shortens nested lists inside a row and says how many were left out', () => {
    const digest = digestData([client(1)], { maxNestedItems: 5 });
    const visits = (digest.value as { visits: unknown[] }[])[0].visits;
    assert.strictEqual(visits.length, 6);
    assert.strictEqual(visits[5], moreItems(7));
  });

  it('keeps a short answer whole', () => {
    const data = { id: 720441, title: 'Bloom Beauty - Manhattan', active: true };
    assert.deepStrictEqual(digestData(data), { kind: 'object', value: data, shortened: false });
    assert.deepStrictEqual(digestData([]), { kind: 'list', rows: 0, shownRows: 0, value: [], shortened: false });
    assert.strictEqual(digestData(undefined).kind, 'empty');
  });

  it('masks tokens and passwords wherever they are nested', () => {
    const digest = digestData({
      user: { id: 1, user_token: 'u-secret-token', password: 'hunter22' },
      list: [{ partner_token: 'p-secret' }],
    });
    const text = JSON.stringify(digest.value);
    for (const secret of ['u-secret-token', 'hunter22', 'p-secret']) assert.ok(!text.includes(secret), secret);
  });

  it('stays under its character budget for any JSON answer (property)', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 6 }), fc.integer({ min: 300, max: 4000 }), (value, maxChars) => {
        const digest = digestData(value, { maxChars });
        // A cut string is JSON-quoted once more, so allow for its quotes and escapes.
        assert.ok(
          JSON.stringify(digest.value).length <= maxChars * 2 + 16,
          `${JSON.stringify(digest.value).length} > ${maxChars}`,
        );
        if (Array.isArray(value)) assert.strictEqual(digest.rows, value.length);
      }),
      { numRuns: 300 },
    );
  });
});
