// The API's words in the UI language: with the Russian catalogue, every form the document gives reads Russian
// (summary, section, every field's help) and keeps its API values (names, paths, methods); in English nothing changes.
import * as assert from 'assert';
import { loadCatalog } from '../../src/api/catalog';
import { CatalogTexts, catalogTextsFor } from '../../src/api/catalog-texts';
import { buildFormModel, type FormField, type FormModel } from '../../src/api/form-model';

const catalog = loadCatalog();
const russian = catalogTextsFor('ru');
const CYRILLIC = /[а-яё]/i;

function allFields(model: FormModel): FormField[] {
  const out: FormField[] = [];
  const visit = (f: FormField): void => {
    out.push(f);
    f.fields?.forEach(visit);
    if (f.item) visit(f.item);
  };
  [...model.pathFields, ...model.queryFields, ...(model.body?.fields ?? [])].forEach(visit);
  return out;
}

describe('API texts in the UI language', () => {
  it('picks the Russian catalogue for Russian in any region, and the document for other languages', () => {
    assert.ok(catalogTextsFor('ru').translated);
    assert.ok(catalogTextsFor('ru-RU').translated);
    for (const language of ['en', 'en-US', 'de', 'qps-ploc', 'rup']) assert.ok(!catalogTextsFor(language).translated);
  });

  it('names sections and operations in Russian, keyed by their English names and ids', () => {
    assert.strictEqual(russian.sectionName('Clients'), 'Клиенты');
    assert.strictEqual(russian.summary({ id: 'create_client', summary: 'Create a client' }), 'Добавить клиента');
    assert.strictEqual(
      CatalogTexts.english.summary({ id: 'create_client', summary: 'Create a client' }),
      'Create a client',
    );
    assert.strictEqual(russian.summary({ id: 'not_in_the_catalogue', summary: 'As written' }), 'As written');
  });

  it('words the form of an operation in Russian and keeps its API values', () => {
    const english = buildFormModel(catalog.requireOperation('create_client'));
    const model = russian.formModel(english);
    assert.strictEqual(model.summary, 'Добавить клиента');
    assert.strictEqual(model.section, 'Клиенты');
    assert.strictEqual(model.description, '');
    assert.deepStrictEqual(
      [model.operationId, model.method, model.path],
      [english.operationId, english.method, english.path],
    );
    const phone = model.body!.fields.find((f) => f.name === 'phone')!;
    assert.match(phone.description!, CYRILLIC);
    assert.deepStrictEqual(
      allFields(model).map((f) => f.name),
      allFields(english).map((f) => f.name),
    );
    assert.strictEqual(CatalogTexts.english.formModel(english), english);
  });

  it('leaves no English help in any Russian form of the document, nested fields and array rows included', () => {
    const english: string[] = [];
    for (const op of catalog.operations) {
      const model = russian.formModel(buildFormModel(op));
      assert.match(model.summary, CYRILLIC, op.id);
      for (const f of allFields(model))
        if (f.description !== undefined && !CYRILLIC.test(f.description)) english.push(`${op.id} ${f.name}`);
    }
    assert.deepStrictEqual(english, []);
  });

  it('translates a body that is a bare array, keyed as the document\'s "[]" property', () => {
    const model = russian.formModel(buildFormModel(catalog.requireOperation('bulk_create_clients')));
    const rows = model.body!.fields[0];
    assert.strictEqual(model.body!.shape, 'array');
    assert.match(rows.description!, CYRILLIC);
  });
});
