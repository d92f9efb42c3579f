// Fidelity to the real API: the official YCLIENTS API Blueprint's own examples, sent to the sandbox and held to our
// response schemas. Prints the figures (operations matched / missing, requests accepted / refused with the reason,
// response examples valid / invalid); fails on anything that is neither fidelity nor a listed blueprint error.
//
//   npm run test:fidelity                                  (the bundled document)
//   FIDELITY_DOCUMENT=/tmp/old.json npm run test:fidelity  (another version of it, e.g. for before/after figures)
import * as assert from 'assert';
import { getCatalog, loadCatalog, type Catalog, type OperationSpec } from '../../src/api/catalog';
import { validateRequest, validateResponse } from '../../src/api/validation';
import { startSandbox, type SandboxHandle } from '../../src/sandbox';
import { send } from '../unit/sandbox-support';
import {
  actionName,
  loadFixture,
  mapActions,
  type ActionMapping,
  type BlueprintAction,
  type BlueprintResponse,
  wrapExample,
} from './blueprint';
import { REQUEST_ERRORS, RESPONSE_ERRORS, STATUS_DECISIONS } from './decisions';
import { buildRequest } from './requests';
import { SandboxFacts } from './sandbox-facts';

let seedFacts: SandboxFacts | undefined;
/** The seed business's facts, read once. */
function facts(sandbox: SandboxHandle): SandboxFacts {
  return (seedFacts ??= new SandboxFacts(sandbox.credentials));
}

interface Outcome {
  key: string;
  ok: boolean;
  reason?: string;
}

/** Values of the blueprint's own business put aside for the sandbox's (SANDBOX_REFERENCES), for the report. */
const adapted = new Set<string>();

const fixture = loadFixture();
const catalog: Catalog = process.env.FIDELITY_DOCUMENT ? loadCatalog(process.env.FIDELITY_DOCUMENT) : getCatalog();
const mapping: ActionMapping = mapActions(fixture, catalog);

describe(`fidelity to the official blueprint (${fixture.source.repository}@${fixture.source.commit.slice(0, 7)})`, function () {
  this.timeout(300_000);
  let sandbox: SandboxHandle;
  const requests: Outcome[] = [];
  const responses: Outcome[] = [];
  const statuses: Outcome[] = [];

  before(async () => {
    sandbox = await startSandbox({ rateLimit: false, catalog });
    for (const { action, operation } of mapping.matched) {
      for (const [i, example] of action.requests.entries())
        requests.push(await sendExample(sandbox, action, i, example, operation));
      for (const [i, example] of action.responses.entries()) {
        const outcome = checkResponse(action, i, example, operation);
        if (outcome) responses.push(outcome);
        statuses.push(checkStatus(action, i, example, operation));
      }
    }
    report(mapping, requests, responses, statuses);
  });
  after(async () => {
    await sandbox?.close();
  });

  it('maps every action of the blueprint to an operation, or says why it is outside the B2B API', () => {
    assert.deepStrictEqual(
      mapping.missing.map((a) => `${actionName(a)} (line ${a.line})`),
      [],
    );
  });

  it('accepts every documented request, except the listed blueprint errors', () => {
    assertOnlyListed(requests, REQUEST_ERRORS, 'request');
  });

  it('holds every documented response example valid, except the listed blueprint errors', () => {
    assertOnlyListed(responses, RESPONSE_ERRORS, 'response');
  });

  it('documents every status the blueprint documents, except where Altegio decides otherwise', () => {
    assertOnlyListed(dedupe(statuses), STATUS_DECISIONS, 'status');
  });
});

async function sendExample(
  sandbox: SandboxHandle,
  action: BlueprintAction,
  index: number,
  example: BlueprintAction['requests'][number],
  op: OperationSpec,
): Promise<Outcome> {
  const key = `${actionName(action)} · request ${index + 1}`;
  if (example.bodyError) return { key, ok: false, reason: `the body is not JSON: ${example.bodyError}` };
  const request = buildRequest(action, example, op, facts(sandbox));
  for (const s of request.substituted) if (s.includes('(')) adapted.add(`${op.id} ${s}`);
  const problems = validateRequest(
    op,
    { pathParams: request.pathParams, query: request.query, body: request.body },
    { coerce: true },
  );
  if (problems.length)
    return {
      key,
      ok: false,
      reason: `our validation: ${problems.map((p) => `${p.location} ${p.message}`).join('; ')}`,
    };
  // Each request starts from the seed business, so a DELETE cannot take away what a later request needs.
  await sandbox.reset();
  const res = await send(sandbox, {
    method: request.method,
    path: request.path,
    body: request.body,
    auth: request.auth,
  });
  const expected = expectedStatuses(action);
  if (expected ? expected.includes(res.status) : res.status >= 200 && res.status < 300) return { key, ok: true };
  const message = (res.json as { meta?: { message?: string } } | undefined)?.meta?.message ?? res.text.slice(0, 200);
  return {
    key,
    ok: false,
    reason: `the sandbox answered ${res.status}: ${message} (${request.method} ${request.path})`,
  };
}

/** An action that documents only errors (no 2xx) expects one of them; otherwise a request is accepted by any 2xx. */
function expectedStatuses(action: BlueprintAction): number[] | undefined {
  const statuses = action.responses.map((r) => r.status);
  if (!statuses.length || statuses.some((s) => s >= 200 && s < 300)) return undefined;
  return statuses;
}

function checkResponse(
  action: BlueprintAction,
  index: number,
  example: BlueprintResponse,
  op: OperationSpec,
): Outcome | undefined {
  const key = `${actionName(action)} · response ${index + 1} (${example.status})`;
  if (example.bodyError) return { key, ok: false, reason: `the body is not JSON: ${example.bodyError}` };
  if (example.body === undefined) return undefined;
  const problems = validateResponse(op, example.status, wrapExample(op, example.status, example.body));
  return problems.length ? { key, ok: false, reason: problems.slice(0, 6).join('; ') } : { key, ok: true };
}

/** Whether our operation documents the status (with or without a body in the blueprint). */
function checkStatus(action: BlueprintAction, index: number, example: BlueprintResponse, op: OperationSpec): Outcome {
  const key = `${actionName(action)} · status ${example.status}`;
  if (op.responses.some((r) => r.status === example.status)) return { key, ok: true };
  const ours = op.responses.map((r) => r.status).join(', ');
  return { key, ok: false, reason: `${op.id} documents ${ours} (response ${index + 1})` };
}

function assertOnlyListed(outcomes: Outcome[], listed: Record<string, string>, what: string): void {
  const failing = outcomes.filter((o) => !o.ok);
  const unlisted = failing.filter((o) => !(o.key in listed)).map((o) => `${o.key}: ${o.reason}`);
  const known = new Set(outcomes.map((o) => o.key));
  const stale = Object.keys(listed).filter((k) => !failing.some((o) => o.key === k));
  assert.deepStrictEqual(unlisted, [], `${what} examples that fail and are not listed as blueprint errors`);
  assert.deepStrictEqual(
    stale.map((k) => (known.has(k) ? `${k} now passes` : `${k} is not an example of the blueprint`)),
    [],
    `listed ${what} errors that no longer apply`,
  );
}

function report(mapping: ActionMapping, requests: Outcome[], responses: Outcome[], statuses: Outcome[]): void {
  const operations = new Set(mapping.matched.map((m) => m.operation.id));
  const lines: string[] = [];
  const pct = (n: number, total: number) => (total ? `${((100 * n) / total).toFixed(1)} %` : '—');
  // The percentage is of the examples that are not listed as the blueprint's own mistakes (those are shown apart).
  const counted = (label: string, outcomes: Outcome[], good: string, bad: string, listed: Record<string, string>) => {
    const excused = outcomes.filter((o) => !o.ok && o.key in listed);
    const judged = outcomes.filter((o) => !excused.includes(o));
    const ok = judged.filter((o) => o.ok).length;
    lines.push(
      `${label}: ${ok} of ${judged.length} ${good} (${pct(ok, judged.length)}), ${judged.length - ok} ${bad}` +
        (excused.length ? `; ${excused.length} more listed in test/fidelity/decisions.ts` : ''),
    );
    for (const o of judged.filter((x) => !x.ok)) lines.push(`    ${bad}: ${o.key}: ${o.reason}`);
    for (const o of excused) lines.push(`    listed: ${o.key}: ${listed[o.key]}`);
  };
  lines.push(
    `blueprint ${fixture.source.repository}@${fixture.source.commit.slice(0, 7)}: ${fixture.actions.length} actions`,
  );
  lines.push(
    `operations: ${mapping.matched.length} actions matched to ${operations.size} operations, ` +
      `${mapping.missing.length} missing, ${mapping.outOfScope.length} outside the B2B API`,
  );
  for (const a of mapping.missing) lines.push(`    missing: ${actionName(a)} (line ${a.line})`);
  for (const m of mapping.matched.filter((x) => x.alias))
    lines.push(`    mapped by hand: ${actionName(m.action)} → ${m.operation.id} (${m.alias})`);
  const reasons = new Map<string, number>();
  for (const o of mapping.outOfScope) reasons.set(o.reason, (reasons.get(o.reason) ?? 0) + 1);
  for (const [reason, n] of reasons) lines.push(`    outside: ${n} × ${reason}`);
  const repairs = new Map<string, number>();
  for (const { action } of mapping.matched)
    for (const example of [...action.requests, ...action.responses])
      for (const r of example.repaired ?? []) repairs.set(r, (repairs.get(r) ?? 0) + 1);
  if (repairs.size)
    lines.push(
      `repaired slips of the blueprint's JSON (one reading each): ${[...repairs].map(([r, n]) => `${n} × ${r}`).join(', ')}`,
    );
  if (adapted.size) lines.push(`adapted to the sandbox's business (test/fidelity/decisions.ts), besides ids:`);
  for (const a of [...adapted].sort()) lines.push(`    ${a}`);
  counted('requests', requests, 'accepted', 'refused', REQUEST_ERRORS);
  counted('response examples', responses, 'valid', 'invalid', RESPONSE_ERRORS);
  counted('documented statuses', dedupe(statuses), 'documented by our operation', 'not documented', STATUS_DECISIONS);
  console.log(lines.map((l) => `  ${l}`).join('\n'));
}

/** One outcome per key (an action documents a status once, however many examples show it). */
function dedupe(outcomes: Outcome[]): Outcome[] {
  return [...new Map(outcomes.map((o) => [o.key, o])).values()];
}
