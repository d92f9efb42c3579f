// Send Anyway in the real extension host: a form whose only problems are the schema's is sent after a modal that
// lists them (whose default is not to send), the offer and the choice are logged, destructive operations still
// ask, production read-only still blocks, and a missing path parameter is never overridden. The tests watch the
// form through the extension's test-mode observer.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { FormValues } from '../../src/api/form-model';
import type { FormHostMessage } from '../../src/protocol/form-protocol';
import type { AltegioTestApi, PanelRecord } from '../../src/test-mode';
import { altegio, scriptedPrompter, useSandbox, withPrompter } from './helpers/altegio';
import { waitFor } from './helpers/extension';

type FormInit = Extract<FormHostMessage, { type: 'init' }>;
type FormResult = Extract<FormHostMessage, { type: 'result' }>;
type FormValidation = Extract<FormHostMessage, { type: 'validation' }>;

const MANHATTAN = 720441;
/** A webview app may need a replacement panel in code-server before it starts (src/webviews/load-watchdog.ts). */
const APP_START_MS = 60_000;

async function until<T>(what: string, condition: () => T | undefined, timeoutMs = 15000): Promise<NonNullable<T>> {
  return (await waitFor(what, condition, timeoutMs)) as NonNullable<T>;
}

/** Opens the form of an operation and waits until its app has started. */
async function formOf(api: AltegioTestApi, operationId: string): Promise<PanelRecord> {
  await api.altegio.forms.open(api.altegio.catalog().requireOperation(operationId), {
    pathParams: { location_id: MANHATTAN },
  });
  return until(
    `the form of ${operationId}`,
    () =>
      api.observer.panels.find(
        (r) => r.name === 'request form' && !r.disposed && r.last<FormInit>('init')?.model.operationId === operationId,
      ),
    APP_START_MS,
  );
}

/** Delivers a message as if the app had posted it and waits for the host's next message of a type. */
async function answerTo<M extends { type: string }>(record: PanelRecord, message: unknown, type: M['type']) {
  const mark = record.posted.length;
  record.deliver(message);
  return until(`"${type}" after ${JSON.stringify(message).slice(0, 50)}`, () =>
    record.posted.slice(mark).find((m): m is M & { type: string } => m.type === type),
  );
}

const badPhone: FormValues = {
  path: { location_id: MANHATTAN },
  query: {},
  body: { loyalty_card_number: `SA-${Date.now()}`, loyalty_card_type_id: '8231', phone: 12 },
};

describe('Send Anyway (real extension host, local sandbox)', function () {
  this.timeout(300_000);

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('sends values with schema problems only after the modal that lists them, and logs the offer and the choice', async () => {
    const api = await altegio();
    await useSandbox(api);
    const form = await formOf(api, 'issue_loyalty_card');
    const history = api.altegio.history;
    const before = history.entries().length;

    const declined = scriptedPrompter({ risk: [false] });
    const notSent = await withPrompter(api, declined, () =>
      answerTo<FormResult>(form, { type: 'sendAnyway', seq: 1, values: badPhone }, 'result'),
    );
    assert.strictEqual(notSent.outcome, 'cancelled');
    assert.strictEqual(history.entries().length, before, 'declined: nothing was sent');
    assert.strictEqual(declined.log.risks.length, 1);
    const asked = declined.log.risks[0];
    assert.match(asked.message, /POST \/loyalty\/cards\/720441/);
    assert.match(asked.detail, /phone must be 9 to 15 digits/);
    assert.deepStrictEqual([asked.safe, asked.risky], ['Review the Form', 'Send Anyway']);

    const accepted = scriptedPrompter({ risk: [true] });
    const sent = await withPrompter(api, accepted, () =>
      answerTo<FormResult>(form, { type: 'sendAnyway', seq: 2, values: badPhone }, 'result'),
    );
    // The sandbox holds the same rules: its answer is what the user asked to see.
    assert.strictEqual(sent.outcome, 'failure');
    assert.strictEqual(sent.status, 400);
    assert.ok(sent.issues.some((i) => i.key === 'body:phone' && i.source === 'server'));
    assert.strictEqual(history.entries().length, before + 1);
    assert.strictEqual(history.latest()?.status, 400);
    assert.deepStrictEqual(history.latest()?.body, badPhone.body);

    const lines = api.observer.logLines;
    assert.ok(lines.some((l) => /Send Anyway offered for POST \/loyalty\/cards\/720441 .*phone must be/.test(l)));
    assert.ok(lines.some((l) => /Send Anyway declined for POST \/loyalty\/cards\/720441/.test(l)));
    assert.ok(lines.some((l) => /Send Anyway chosen for POST \/loyalty\/cards\/720441/.test(l)));
  });

  it('never overrides a missing path parameter, and a plain Send never sends invalid values', async () => {
    const api = await altegio();
    await useSandbox(api);
    const form = await formOf(api, 'issue_loyalty_card');
    const history = api.altegio.history;
    const before = history.entries().length;
    const results = () => form.posted.filter((m) => m.type === 'result').length;
    const resultsBefore = results();
    // No scripted answers: any question would fail the test.
    await withPrompter(api, scriptedPrompter({}), async () => {
      const refused = await answerTo<FormValidation>(
        form,
        { type: 'sendAnyway', seq: 11, values: { ...badPhone, path: {} } },
        'validation',
      );
      assert.ok(refused.issues.some((i) => i.key === 'path:location_id' && i.missing));
      await answerTo<FormValidation>(form, { type: 'send', seq: 12, values: badPhone }, 'validation');
      await new Promise((r) => setTimeout(r, 500));
    });
    assert.strictEqual(results(), resultsBefore, 'no result: nothing was attempted');
    assert.strictEqual(history.entries().length, before, 'nothing was sent');
  });

  it('still asks before a destructive operation, after Send Anyway', async () => {
    const api = await altegio();
    await useSandbox(api);
    const form = await formOf(api, 'remove_loyalty_card');
    const history = api.altegio.history;
    const before = history.entries().length;
    const prompts = scriptedPrompter({ risk: [true], confirm: [false] });
    const result = await withPrompter(api, prompts, () =>
      answerTo<FormResult>(
        form,
        {
          type: 'sendAnyway',
          seq: 21,
          values: { path: { location_id: MANHATTAN, card_id: 'not-a-number' }, query: {} },
        },
        'result',
      ),
    );
    assert.strictEqual(result.outcome, 'cancelled');
    assert.strictEqual(prompts.log.risks.length, 1);
    assert.strictEqual(prompts.log.confirms.length, 1, 'the destructive confirmation came next');
    assert.strictEqual(history.entries().length, before, 'nothing was sent');
  });

  it('is refused in read-only production before anything is asked', async () => {
    const api = await altegio();
    await useSandbox(api);
    const form = await formOf(api, 'issue_loyalty_card');
    const { auth, history } = api.altegio;
    const before = history.entries().length;
    const config = vscode.workspace.getConfiguration('altegio');
    await config.update('environment', 'production', vscode.ConfigurationTarget.Global);
    try {
      await auth.whenReady();
      const result = await withPrompter(api, scriptedPrompter({}), () =>
        answerTo<FormResult>(form, { type: 'sendAnyway', seq: 31, values: badPhone }, 'result'),
      );
      assert.strictEqual(result.outcome, 'blocked');
      assert.strictEqual(history.entries().length, before, 'nothing was sent');
    } finally {
      await config.update('environment', undefined, vscode.ConfigurationTarget.Global);
      await auth.whenReady();
    }
  });
});
