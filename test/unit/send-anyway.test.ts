// Send Anyway is offered only when every problem of a form is the schema's: a type, a format, a pattern, a missing
// body field — never a missing path parameter (no URL) and never a problem Altegio itself reported.
import * as assert from 'assert';
import { getCatalog } from '../../src/api/catalog';
import { buildFormModel, fieldKey, requestValues, type FormValues } from '../../src/api/form-model';
import { validateRequest } from '../../src/api/validation';
import type { FieldIssue } from '../../src/protocol/form-protocol';
import { sendAnywayProblems } from '../../src/protocol/send-anyway';

const catalog = getCatalog();

/** The issues a form shows for these values, as the host builds them (wording aside). */
function issuesOf(operationId: string, values: FormValues): FieldIssue[] {
  const op = catalog.requireOperation(operationId);
  const model = buildFormModel(op);
  return validateRequest(op, requestValues(model, values)).map((e) => ({
    key: fieldKey(e.location, e.field),
    message: e.message,
    source: 'schema',
    missing: e.kind === 'missing',
  }));
}

describe('Send Anyway', () => {
  it('is offered for a wrong type, format or pattern, and for a missing body field', () => {
    const issues = issuesOf('issue_loyalty_card', {
      path: { location_id: 720441 },
      query: {},
      body: { loyalty_card_number: '09090909', phone: 12 },
    });
    assert.deepStrictEqual(
      issues.map((i) => [i.key, i.missing]),
      [
        ['body:loyalty_card_type_id', true],
        ['body:phone', false],
      ],
    );
    assert.deepStrictEqual(sendAnywayProblems(issues), issues);
  });

  it('is not offered without a path parameter, since there is no URL to send to', () => {
    const issues = issuesOf('issue_loyalty_card', {
      path: {},
      query: {},
      body: { loyalty_card_number: '09090909', loyalty_card_type_id: '8230', phone: 12 },
    });
    assert.ok(issues.some((i) => i.key === 'path:location_id' && i.missing));
    assert.strictEqual(sendAnywayProblems(issues), undefined);
  });

  it('is offered for a path parameter of the wrong type (the URL can still be built)', () => {
    const issues = issuesOf('get_location', { path: { location_id: 'seven' }, query: {} });
    assert.deepStrictEqual(sendAnywayProblems(issues)?.length, 1);
  });

  it('is not offered when there is nothing to override, and ignores what Altegio reported', () => {
    assert.strictEqual(sendAnywayProblems([]), undefined);
    const server: FieldIssue = { key: 'body:phone', message: 'phone is taken', source: 'server', missing: false };
    assert.strictEqual(sendAnywayProblems([server]), undefined);
    const schema: FieldIssue = { key: 'body:phone', message: 'phone must be…', source: 'schema', missing: false };
    assert.deepStrictEqual(sendAnywayProblems([server, schema]), [schema]);
  });
});
