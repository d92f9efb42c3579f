// The Russian catalogue of the API is complete and current: every section, operation and documented field of
// the bundled OpenAPI document has a Russian entry that says where it comes from, and nothing else is there.
import * as assert from 'assert';
import { loadCatalog } from '../../src/api/catalog';
import { documentedFields, fieldKey } from '../../src/api/catalog-fields';
import { loadRussianCatalogue, TRANSLATION_SOURCES } from '../../src/api/catalog-l10n';
import { operation } from './helpers/operations';

const catalog = loadCatalog();
const russian = loadRussianCatalogue();
const CYRILLIC = /[а-яё]/i;

/** Identifiers and paths a translation must keep as they are (`first_visit_date`, `/countries`). */
function identifiers(text: string): string[] {
  return text.match(/\b[a-z]+(?:_[a-z0-9]+)+\b|(?<![\w/])\/[a-z_{}/]+/g) ?? [];
}

describe('Russian catalogue of the API', () => {
  it('has an entry for every section, operation and documented field, and no stale entries', () => {
    const gaps = russian.gaps(catalog);
    assert.deepStrictEqual(gaps.missing, [], 'missing Russian entries');
    assert.deepStrictEqual(gaps.stale, [], 'entries for things the document no longer has');
  });

  it('names the source of every entry and describes each source', () => {
    for (const source of TRANSLATION_SOURCES) assert.ok(russian.file.sources[source]?.length > 20, source);
    for (const [name, s] of Object.entries(russian.file.sections))
      assert.ok(TRANSLATION_SOURCES.includes(s.nameSource), name);
    for (const [id, op] of Object.entries(russian.file.operations)) {
      assert.ok(TRANSLATION_SOURCES.includes(op.summarySource), id);
      const both = Object.keys(op.fieldsFromBlueprint ?? {}).filter((k) => k in (op.fieldsTranslated ?? {}));
      assert.deepStrictEqual(both, [], `${id}: a field has one source`);
    }
  });

  it('is written in Russian', () => {
    const english: string[] = [];
    for (const [name, s] of Object.entries(russian.file.sections)) {
      if (!CYRILLIC.test(s.name) || !CYRILLIC.test(s.description)) english.push(`section ${name}`);
    }
    for (const op of catalog.operations) {
      if (!CYRILLIC.test(russian.summary(op.id) ?? '')) english.push(op.id);
      for (const f of documentedFields(op)) {
        const text = russian.field(op.id, f.key) ?? '';
        // A field documented only by its identifier ("user_permissions", "days") stays as it is.
        if (!CYRILLIC.test(text) && text !== f.description) english.push(`${op.id} ${f.key}: ${text}`);
      }
    }
    assert.deepStrictEqual(english, []);
  });

  it('never shows two operations under the same Russian summary', () => {
    const byText = new Map<string, string[]>();
    for (const op of catalog.operations) {
      const text = russian.summary(op.id)!;
      byText.set(text, [...(byText.get(text) ?? []), op.id]);
    }
    assert.deepStrictEqual(
      [...byText.entries()].filter(([, ids]) => ids.length > 1),
      [],
    );
  });

  it('keeps the identifiers and paths of the English text in what we translated', () => {
    const lost: string[] = [];
    for (const op of catalog.operations) {
      const entry = russian.file.operations[op.id];
      if (entry.summarySource !== 'blueprint') {
        for (const id of identifiers(op.summary)) if (!entry.summary.includes(id)) lost.push(`${op.id}: ${id}`);
      }
      for (const f of documentedFields(op)) {
        const text = entry.fieldsTranslated?.[f.key];
        if (text === undefined) continue;
        for (const id of identifiers(f.description)) if (!text.includes(id)) lost.push(`${op.id} ${f.key}: ${id}`);
      }
    }
    assert.deepStrictEqual(lost, []);
  });

  it('finds a field by the key a form uses, rows of an array included', () => {
    assert.strictEqual(russian.field('issue_loyalty_card', fieldKey('body', 'phone')), 'Телефон клиента, только цифры');
    assert.strictEqual(russian.field('issue_loyalty_card', fieldKey('path', 'location_id')), 'ID филиала');
    assert.strictEqual(fieldKey('body', 'services.0.id'), 'body:services[].id');
    assert.strictEqual(fieldKey('body', '2.name'), 'body:[].name');
  });

  it('keys documented fields by location and path, through nested objects, array rows and combinators', () => {
    const op = operation({
      method: 'POST',
      path: '/things/{location_id}',
      parameters: [
        { name: 'location_id', in: 'path', required: true, description: 'Location', schema: {}, isArray: false },
        { name: 'page', in: 'query', required: false, description: '', schema: {}, isArray: false },
      ],
      requestBody: {
        required: true,
        contentType: 'application/json',
        schema: {
          type: 'object',
          properties: {
            client: { type: 'object', properties: { phone: { type: 'string', description: 'Phone' } } },
            services: {
              type: 'array',
              description: 'Services',
              items: { type: 'object', properties: { id: { type: 'integer', description: 'Service ID' } } },
            },
            undocumented: { type: 'string' },
          },
          oneOf: [{ properties: { mode: { type: 'string', description: 'Mode' } } }],
        },
      },
    });
    assert.deepStrictEqual(
      documentedFields(op).map((f) => f.key),
      ['path:location_id', 'body:client.phone', 'body:services', 'body:services[].id', 'body:mode'],
    );
  });

  it('names the sections in the document order, as the API tree shows them', () => {
    assert.deepStrictEqual(
      Object.keys(russian.file.sections),
      catalog.sections.map((s) => s.name),
    );
    assert.strictEqual(russian.sectionName('Clients'), 'Клиенты');
    assert.strictEqual(russian.summary('issue_loyalty_card'), 'Выдать карту лояльности');
  });
});
