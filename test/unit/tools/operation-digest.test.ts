// What altegio_describe_operation tells a model about an operation: parameters and a trimmed body schema that
// still say what is required and allowed, an example call that fits the schema, and nothing sensitive.
import * as assert from 'assert';
import { getCatalog } from '../../../src/api/catalog';
import { getRussianCatalogue } from '../../../src/api/catalog-l10n';
import { validateRequest } from '../../../src/api/validation';
import { digestOperation, trimSchema } from '../../../src/tools/core/operation-digest';

const catalog = getCatalog();

describe('operation digests for the Copilot tools', () => {
  it('describes every operation of the document in a few kilobytes', () => {
    for (const op of catalog.operations) {
      const digest = digestOperation(op, { locationId: 720441, chainId: 706028 });
      const size = JSON.stringify(digest).length;
      assert.ok(size < 8000, `${op.id}: ${size} characters`);
      assert.deepStrictEqual(
        digest.parameters.map((p) => p.name),
        op.parameters.map((p) => p.name),
        op.id,
      );
      assert.strictEqual(digest.writes, !op.readOnly, op.id);
      assert.strictEqual(digest.destructive, op.destructive, op.id);
    }
  });

  it('gives an example call that passes validation once the values the docs lack are filled in', () => {
    let complete = 0;
    for (const op of catalog.operations) {
      const digest = digestOperation(op, { locationId: 720441, chainId: 706028 });
      const problems = validateRequest(op, digest.example, { coerce: true });
      const missing = problems.filter((p) => p.kind === 'missing');
      assert.strictEqual(missing.length, digest.exampleLacks?.length ?? 0, `${op.id} names what its example lacks`);
      if (problems.length === 0) complete++;
    }
    assert.ok(complete > catalog.operations.length * 0.8, `${complete} complete examples`);
  });

  it('fills the example with the default location, as a form does', () => {
    const digest = digestOperation(catalog.requireOperation('issue_loyalty_card'), { locationId: 999 });
    assert.deepStrictEqual(digest.example.pathParams, { location_id: 999 });
    assert.deepStrictEqual((digest.body!.schema as { required: string[] }).required.sort(), [
      'loyalty_card_number',
      'loyalty_card_type_id',
      'phone',
    ]);
    assert.strictEqual(digest.answer.list, false);
    assert.ok(digest.answer.fields.includes('number'));
  });

  it('describes the fields in Russian from the Russian catalogue, by the same field keys', () => {
    const russian = getRussianCatalogue();
    const op = catalog.requireOperation('issue_loyalty_card');
    const digest = digestOperation(op, {
      summary: russian.summary(op.id),
      describeField: (where, fieldPath, english) => russian.field(op.id, `${where}:${fieldPath}`) ?? english,
    });
    const cyrillic = /[а-яё]/i;
    assert.match(digest.summary, cyrillic);
    assert.match(digest.parameters[0].description!, cyrillic);
    const props = (digest.body!.schema as { properties: Record<string, { description: string }> }).properties;
    for (const [name, prop] of Object.entries(props)) assert.match(prop.description, cyrillic, name);
  });

  it('never shows a password or a token from the documented examples', () => {
    const digest = digestOperation(catalog.requireOperation('authorize_user'));
    const text = JSON.stringify(digest.example);
    const documented = catalog.requireOperation('authorize_user').requestBody?.example as { password?: string };
    assert.ok(documented?.password, 'the document has an example password');
    assert.ok(!text.includes(documented.password), text);
  });

  it('keeps types, required fields, enums and descriptions, and drops examples and vendor keywords', () => {
    const trimmed = trimSchema(
      {
        type: 'object',
        required: ['kind'],
        'x-altegio-note': 'internal',
        properties: {
          kind: { type: 'string', enum: ['a', 'b'], description: 'What it is', examples: ['a'] },
          rows: {
            type: 'array',
            items: { type: 'object', properties: { id: { type: 'integer', description: 'Row id' } } },
          },
        },
      },
      (path, english) => `${path}: ${english}`,
    );
    assert.deepStrictEqual(trimmed, {
      type: 'object',
      properties: {
        kind: { type: 'string', enum: ['a', 'b'], description: 'kind: What it is' },
        rows: {
          type: 'array',
          items: { type: 'object', properties: { id: { type: 'integer', description: 'rows[].id: Row id' } } },
        },
      },
      required: ['kind'],
    });
  });
});
