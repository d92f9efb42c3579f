// The API tree's labels: short enough for the default sidebar width, never the same for two operations, and
// different within what the sidebar shows for two operations of a section (a deprecated twin aside, whose icon and
// path tell it apart). The full summary stays in the tooltip.
import * as assert from 'assert';
import { getCatalog } from '../../src/api/catalog';
import { SHORT_LABEL_MAX, shortSummaries, shortSummary, VISIBLE_LABEL_CHARS } from '../../src/api/short-summary';

const catalog = getCatalog();
const labels = shortSummaries(catalog.operations);
const label = (id: string) => `${catalog.requireOperation(id).method} ${labels.get(id)}`;

describe('short operation labels', () => {
  it('gives every operation a label no longer than the limit', () => {
    for (const op of catalog.operations) assert.ok(labels.get(op.id)!.length <= SHORT_LABEL_MAX, op.id);
  });

  it('never gives two operations the same method and label', () => {
    const all = catalog.operations.map((o) => `${o.method} ${labels.get(o.id)}`);
    assert.strictEqual(new Set(all).size, all.length);
  });

  it('tells the operations of a section apart within what the default sidebar width shows', () => {
    for (const section of catalog.sections) {
      const seen = new Map<string, string>();
      for (const op of section.operations) {
        const visible = label(op.id).slice(0, VISIBLE_LABEL_CHARS).toLowerCase();
        const other = seen.get(visible);
        const twin = other !== undefined && (op.deprecated || catalog.requireOperation(other).deprecated);
        assert.ok(other === undefined || twin, `${op.id} and ${other} both read "${visible}…"`);
        seen.set(visible, op.id);
      }
    }
  });

  it("tells a client's loyalty cards by phone from those by client ID", () => {
    assert.strictEqual(label('get_loyalty_card_list_by_phone'), 'GET List … by phone');
    assert.match(label('get_loyalty_card_list_by_client_id'), /^GET List … by client ID/);
  });

  it('keeps a short summary whole, and drops parentheses and trailing clauses from a long one', () => {
    assert.strictEqual(label('issue_loyalty_card'), 'POST Issue a loyalty card to a client');
    assert.strictEqual(label('get_client_list'), 'POST Search/list clients with filters');
    assert.strictEqual(label('update_visit'), 'PUT Edit a visit');
    assert.strictEqual(shortSummary(catalog, catalog.requireOperation('delete_appointment')), 'Delete an appointment');
  });
});
