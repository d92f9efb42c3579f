// Every operation of the document answers from real state: none answers its documented example whatever is sent,
// an unknown id in any path is a 404, and what a create, update or delete did is what the matching read sees.
import * as assert from 'assert';
import { getCatalog } from '../../src/api/catalog';
import {
  answerHolds,
  cannedReasons,
  createdId,
  markBody,
  sendExample,
  UNKNOWN_ID,
  writePlan,
  entityPathParams,
} from './sandbox-probe';
import { exampleRequest, sharedSandbox } from './sandbox-support';

/** Creates whose answer carries no id and whose path has no list beside it: where to look for what they made. */
const READ_BACK: Record<string, string> = {
  assign_service_to_team_member: 'get_service',
  create_tag: 'get_tag_list_by_entity',
};

describe('sandbox state: no canned answers', function () {
  this.timeout(120_000);
  const catalog = getCatalog();
  const sandbox = sharedSandbox();
  const plan = writePlan(catalog);

  it('answers no operation with its example regardless of input', async () => {
    const canned: string[] = [];
    const tally = { echo: 0, unknownId: 0, noData: 0, refused: 0 };
    for (const op of catalog.operations) {
      const reasons = await cannedReasons(sandbox, op);
      if (!reasons.length) continue;
      canned.push(`${op.id} (${op.method} ${op.path}): ${reasons.join('; ')}`);
      if (reasons.some((r) => r.includes("document's example"))) tally.echo++;
      if (reasons.some((r) => r.includes('(unknown)'))) tally.unknownId++;
      if (reasons.some((r) => r.includes('no data'))) tally.noData++;
      if (reasons.some((r) => r.includes('example request answered'))) tally.refused++;
    }
    console.log(
      `      canned: ${canned.length} of ${catalog.operations.length} operations ` +
        `(answer their example: ${tally.echo}; success for an unknown id: ${tally.unknownId}; ` +
        `a read without data: ${tally.noData}; example request refused: ${tally.refused})`,
    );
    assert.deepStrictEqual(canned, []);
  });

  it('answers 404 for an unknown id in every path that has one', async () => {
    const failures: string[] = [];
    let probes = 0;
    for (const op of catalog.operations) {
      for (const p of entityPathParams(op)) {
        await sandbox.reset();
        probes++;
        const res = await sendExample(sandbox, op, { [p.name]: UNKNOWN_ID });
        const meta = (res.json as { success?: boolean; meta?: { message?: unknown } } | undefined) ?? {};
        if (res.status !== 404 || meta.success !== false || typeof meta.meta?.message !== 'string')
          failures.push(`${op.id}: ${p.name}=${UNKNOWN_ID} answered ${res.status} ${res.text.slice(0, 120)}`);
      }
    }
    assert.ok(probes > 150, `only ${probes} id parameters found`);
    assert.deepStrictEqual(failures, []);
  });

  it('finds what each creating operation created, with the matching read, list or delete', async () => {
    const failures: string[] = [];
    for (const { op, read, list: pathList, remove } of plan.creates) {
      const list = READ_BACK[op.id] ? catalog.requireOperation(READ_BACK[op.id]) : pathList;
      await sandbox.reset();
      const example = exampleRequest(op);
      const marked = markBody(example.body, op.requestBody?.schema, op.id);
      const res = await sendExample(sandbox, op, {}, marked?.body);
      if (res.status >= 300) {
        failures.push(`${op.id}: create answered ${res.status} ${res.text.slice(0, 160)}`);
        continue;
      }
      const id = createdId(res);
      const itemOp = read ?? remove;
      if (id !== undefined && itemOp) {
        const idParam = itemOp.path.match(/\{([^}]+)\}$/)![1];
        const back = await sendExample(sandbox, itemOp, { ...pathValues(op, example.path), [idParam]: id });
        if (back.status >= 300) failures.push(`${op.id}: ${itemOp.id} of the new id ${id} answered ${back.status}`);
        else if (itemOp === read && marked && !answerHolds(back, marked))
          failures.push(`${op.id}: ${read.id} of ${id} does not show ${marked.field} = ${String(marked.marker)}`);
        continue;
      }
      if (list && marked) {
        const back = await sendExample(sandbox, list, pathValues(op, example.path));
        if (!answerHolds(back, marked))
          failures.push(`${op.id}: ${list.id} does not list what was created (${marked.field})`);
        continue;
      }
      failures.push(`${op.id}: answered no id, and there is nothing to read it back with`);
    }
    assert.ok(plan.creates.length >= 25, `only ${plan.creates.length} creating operations found`);
    assert.deepStrictEqual(failures, []);
  });

  it('stores what each update sent, as the matching read shows', async () => {
    const failures: string[] = [];
    let checked = 0;
    for (const { op, read } of plan.updates) {
      await sandbox.reset();
      const example = exampleRequest(op);
      const marked = markBody(example.body, op.requestBody?.schema, op.id);
      if (!marked) continue;
      checked++;
      const res = await sendExample(sandbox, op, {}, marked.body);
      if (res.status >= 300) {
        failures.push(`${op.id}: update answered ${res.status} ${res.text.slice(0, 160)}`);
        continue;
      }
      const back = await sendExample(sandbox, read, pathValues(op, example.path));
      if (!answerHolds(back, marked))
        failures.push(`${op.id}: ${read.id} does not show ${marked.field} = ${String(marked.marker)} after the update`);
    }
    assert.ok(checked >= 20, `only ${checked} updates checked`);
    assert.deepStrictEqual(failures, []);
  });

  it('no longer finds what a delete removed', async () => {
    const failures: string[] = [];
    for (const { op, read } of plan.deletes) {
      await sandbox.reset();
      const first = await sendExample(sandbox, op);
      if (first.status >= 300) {
        failures.push(`${op.id}: delete answered ${first.status} ${first.text.slice(0, 160)}`);
        continue;
      }
      const again = read ? await sendExample(sandbox, read) : await sendExample(sandbox, op);
      if (again.status !== 404)
        failures.push(`${op.id}: ${read ? read.id : 'a second delete'} answered ${again.status}`);
    }
    assert.ok(plan.deletes.length >= 30, `only ${plan.deletes.length} deleting operations found`);
    assert.deepStrictEqual(failures, []);
  });
});

/** The path parameter values of a concrete path sent for `op` (to address the same owner in the read-back). */
function pathValues(op: { path: string }, concrete: string): Record<string, string> {
  const names = [...op.path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]);
  const template = new RegExp(`^${op.path.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{[^}]+\}/g, '([^/]+)')}$`);
  const found = template.exec(concrete.split('?')[0]);
  const out: Record<string, string> = {};
  names.forEach((n, i) => {
    if (found) out[n] = decodeURIComponent(found[i + 1]);
  });
  return out;
}
