// Contract: every operation of the OpenAPI document, called with the document's own examples and the demo
// tokens, answers with its documented success status and a body that matches its documented schema.
import * as assert from 'assert';
import { getCatalog } from '../../src/api/catalog';
import { validateResponse } from '../../src/api/validation';
import { startSandbox, type SandboxHandle } from '../../src/sandbox';
import { STATEFUL_HANDLERS } from '../../src/sandbox/handlers/registry';
import { exampleRequest, send } from './sandbox-support';

describe('sandbox contract: every documented operation', function () {
  this.timeout(60_000);
  const catalog = getCatalog();
  let sandbox: SandboxHandle;

  before(async () => {
    sandbox = await startSandbox({ rateLimit: false });
  });
  after(async () => {
    await sandbox.close();
  });

  it("answers each of the document's operations from its examples with a schema-valid success", async () => {
    const failures: string[] = [];
    let exercised = 0;
    for (const op of catalog.operations) {
      // Each operation starts from the seed business, so a DELETE cannot take away what a later GET needs.
      await sandbox.reset();
      const req = exampleRequest(op);
      const res = await send(sandbox, {
        method: req.method,
        path: req.path,
        body: req.body,
        rawBody: req.rawBody,
        auth: req.auth,
      });
      exercised++;
      if (res.status !== op.success.status) {
        failures.push(
          `${op.id}: ${req.method} ${req.path} answered ${res.status}, documented ${op.success.status}: ${res.text.slice(0, 300)}`,
        );
        continue;
      }
      const problems = validateResponse(op, res.status, res.json ?? (res.text === '' ? undefined : res.text));
      if (problems.length) failures.push(`${op.id}: ${problems.slice(0, 5).join('; ')}`);
    }
    assert.deepStrictEqual(failures, []);
    assert.strictEqual(exercised, catalog.operations.length);
  });

  it('counts every operation it was sent, once each', () => {
    const counted = sandbox.stats().operations;
    assert.strictEqual(Object.keys(counted).length, catalog.operations.length);
    for (const op of catalog.operations) assert.strictEqual(counted[op.id], 1, op.id);
  });

  it('has stateful handlers only for operations the document defines', () => {
    for (const id of Object.keys(STATEFUL_HANDLERS)) assert.ok(catalog.operation(id), id);
  });
});
