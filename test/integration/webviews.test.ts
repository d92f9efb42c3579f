// The request forms and the response viewer in the real extension host, with their apps running in real
// webviews: a form for every operation, host-side validation, malformed messages refused, sending through the
// session, big answers in an editor, and panels restored from their saved state (the serializers).
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { OperationSpec } from '../../src/api/catalog';
import type { Exchange } from '../../src/services/request-pipeline';
import type { FormLauncher } from '../../src/webviews/form/form-launcher';
import type { FormPanel } from '../../src/webviews/form/form-panel';
import type { ResponseViewer } from '../../src/webviews/response/response-viewer';
import { altegio, scriptedPrompter, succeeded, useSandbox, withPrompter } from './helpers/altegio';
import { waitFor } from './helpers/extension';

/** waitFor, typed: resolves with the condition's value once it is there. */
async function until<T>(what: string, condition: () => T | undefined, timeoutMs = 15000): Promise<NonNullable<T>> {
  return (await waitFor(what, condition, timeoutMs)) as NonNullable<T>;
}

const FORM_VIEW_TYPE = 'altegio.requestForm';
const RESPONSE_VIEW_TYPE = 'altegio.response';
const MANHATTAN = 720441;

async function services() {
  const api = await altegio();
  return {
    api,
    forms: api.altegio.forms as unknown as FormLauncher,
    viewer: api.altegio.responses as unknown as ResponseViewer,
  };
}

/** Opens the form of an operation and waits until its app has rendered it in the webview. */
async function openForm(
  forms: FormLauncher,
  op: OperationSpec,
  prefill?: Parameters<FormLauncher['open']>[1],
): Promise<FormPanel> {
  return rendered(
    `the form of ${op.id}`,
    () => forms.open(op, prefill),
    () => forms.panelFor(op.id),
  );
}

/** Shows an exchange in the viewer and waits until its app has rendered it. */
async function showInViewer(
  viewer: ResponseViewer,
  exchange: Exchange,
): Promise<NonNullable<ResponseViewer['currentPanel']>> {
  return rendered(
    `the viewer of ${exchange.operation.id}`,
    () => viewer.show(exchange),
    () => viewer.currentPanel,
  );
}

/**
 * Runs `open`, then waits until `current()` (the panel, or the one that replaced it) has rendered. In code-server
 * a webview that loads while others do sometimes never gets its content; the extension then replaces the panel
 * (src/webviews/load-watchdog.ts, after 10 s and 35 s), hence the long wait.
 */
async function rendered<P extends { lastRendered: unknown }>(
  what: string,
  open: () => Promise<unknown>,
  current: () => P | undefined,
): Promise<P> {
  await open();
  await until(what, () => current()?.lastRendered, 60_000);
  return current()!;
}

async function closeAll(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  const { forms, viewer } = await services();
  await until('every panel to close', () => forms.openPanels.length === 0 && viewer.openPanels.length === 0);
}

describe('Request forms and response viewer (real webviews)', function () {
  this.timeout(600_000);
  // Panels are reused from test to test, as a user would keep them: in code-server every new webview risks
  // the slow first load described at rendered().
  before(closeAll);
  after(closeAll);

  it('builds the form of every operation in the document through the extension', async () => {
    const { api, forms } = await services();
    const failures: string[] = [];
    for (const op of api.catalog().operations) {
      try {
        const { model, start, issues } = forms.describe(op);
        assert.deepStrictEqual(
          model.pathFields.map((f) => f.name),
          op.parameters.filter((p) => p.in === 'path').map((p) => p.name),
        );
        assert.deepStrictEqual(
          model.queryFields.map((f) => f.name),
          op.parameters.filter((p) => p.in === 'query').map((p) => p.name),
        );
        assert.strictEqual(!!model.body, !!op.requestBody);
        if (model.body?.mode === 'fields') assert.ok(model.body.fields.length > 0, 'the body has fields');
        // What `init` carries must survive postMessage (JSON) unchanged.
        assert.deepStrictEqual(JSON.parse(JSON.stringify({ model, values: start.values, issues })), {
          model,
          values: start.values,
          issues,
        });
        for (const issue of issues) assert.match(issue.key, /^(path|query|body):/);
      } catch (e) {
        failures.push(`${op.id}: ${e instanceof Error ? e.message : String(e)}`);
      }
    }
    assert.deepStrictEqual(failures, []);
    assert.ok(api.catalog().operations.length >= 274);
  });

  it('renders forms of every field kind in the real webview', async () => {
    const { api, forms } = await services();
    // Arrays of objects and nested objects; a bare-array body; a file upload; a lookup and a phone.
    // (Few panels: in code-server each new webview risks the slow first load described at rendered().)
    const ids = ['create_appointment', 'bulk_create_clients', 'upload_image', 'issue_loyalty_card'];
    for (const id of ids) {
      const op = api.catalog().requireOperation(id);
      const panel = await openForm(forms, op);
      assert.ok(
        panel.lastRendered!.fields >= op.parameters.length + (op.requestBody ? 1 : 0),
        `${id}: ${panel.lastRendered!.fields} fields rendered`,
      );
      // The loyalty card form stays open for the next tests.
      if (id !== 'issue_loyalty_card') panel.panel.dispose();
    }
  });

  it('validates every change in the host and names each problem next to its field', async () => {
    const { api, forms } = await services();
    const op = api.catalog().requireOperation('issue_loyalty_card');
    const panel = await openForm(forms, op, { pathParams: { location_id: MANHATTAN } });
    panel.receive({
      type: 'change',
      seq: 1,
      values: {
        path: { location_id: 'abc' },
        query: {},
        body: { loyalty_card_number: '', loyalty_card_type_id: 'gold', phone: '+1 (315) 555' },
      },
    });
    await until('the host to validate the change', () => panel.issues.some((i) => i.key === 'body:phone'));
    const byKey = new Map(panel.issues.map((i) => [i.key, i]));
    assert.match(byKey.get('path:location_id')!.message, /location_id must be an integer/);
    assert.match(byKey.get('body:phone')!.message, /phone must be 9 to 15 digits, without \+, spaces or dashes/);
    assert.match(byKey.get('body:loyalty_card_type_id')!.message, /digits only/);
    assert.strictEqual(byKey.get('body:loyalty_card_number')!.missing, true);
    panel.receive({
      type: 'change',
      seq: 2,
      values: {
        path: { location_id: MANHATTAN },
        query: {},
        body: { loyalty_card_number: 'A-1', loyalty_card_type_id: '8231', phone: 13155550175 },
      },
    });
    await until('the host to validate the fixed values', () => panel.issues.length === 0).catch((e: Error) => {
      throw new Error(`${e.message}: ${JSON.stringify(panel.issues)}`);
    });
  });

  it('shows the issues of restored values in the webview, and never sends invalid values', async () => {
    const { api, forms } = await services();
    const op = api.catalog().requireOperation('create_client');
    const history = api.altegio.history;
    const before = history.entries().length;
    const values = { path: { location_id: MANHATTAN }, query: {}, body: { name: 'Ann', phone: '12ab' } };
    const panel = await rendered(
      'the restored form',
      () =>
        forms.deserializeWebviewPanel(
          vscode.window.createWebviewPanel(FORM_VIEW_TYPE, 'restored', vscode.ViewColumn.Active),
          { operationId: op.id, values, ui: { tab: 'fields' } },
        ),
      () => forms.panelFor(op.id),
    );
    assert.deepStrictEqual(panel.lastRendered!.issues, ['body:phone']);
    panel.receive({ type: 'send', seq: 3, values });
    await until('the host to refuse the send', () => panel.issues.length === 1);
    await new Promise((r) => setTimeout(r, 300));
    assert.strictEqual(history.entries().length, before, 'nothing was sent');
    assert.strictEqual(panel.lastResult, undefined);
    panel.panel.dispose();
  });

  it('refuses malformed webview messages, logs them, and acts on none', async () => {
    const { api, forms, viewer } = await services();
    const op = api.catalog().requireOperation('issue_loyalty_card');
    const panel = await openForm(forms, op, { pathParams: { location_id: MANHATTAN } });
    const values = panel.currentValues;
    const history = api.altegio.history;
    const before = history.entries().length;
    const malformed: unknown[] = [
      null,
      42,
      'send',
      [],
      {},
      { type: 'send' },
      { type: 'send', seq: 1 },
      { type: 'send', seq: 1, values: { path: 'x', query: {} } },
      { type: 'send', seq: 1, values: { path: {}, query: {}, body: JSON.parse('{"__proto__": {"x": 1}}') } },
      { type: 'change', seq: -1, values },
      { type: 'change', seq: 1, values, extra: true },
      { type: 'chooseFile', key: '/etc/passwd' },
      { type: 'lookupSearch', field: 'client_id', term: 'x'.repeat(5000) },
      { type: 'runCommand', command: 'workbench.action.quit' },
      { type: 'openDocs', url: 'https://evil.example' },
    ];
    for (const m of malformed) panel.receive(m);
    assert.strictEqual(panel.rejectedMessages, malformed.length);
    assert.deepStrictEqual(panel.currentValues, values, 'the values did not change');
    assert.strictEqual(history.entries().length, before, 'nothing was sent');
    const logged = api
      .logLines()
      .filter((l) => l.includes('ignored a malformed message from the request form webview'));
    assert.ok(logged.length >= malformed.length, `${logged.length} log lines`);

    const exchange: Exchange = {
      operation: api.catalog().requireOperation('get_team_member_list'),
      input: {
        operation: api.catalog().requireOperation('get_team_member_list'),
        pathParams: { location_id: MANHATTAN },
      },
      environment: api.altegio.auth.environment,
      ...timing(),
      response: fakeResponse({ data: [] }),
    };
    const response = await showInViewer(viewer, exchange);
    for (const m of [
      { type: 'copy', text: 1, what: 'json' },
      { type: 'saveCsv', csv: 'a', rows: -1 },
      { type: 'action', action: 'deleteAccount' },
      { type: 'pin' },
    ])
      response.receive(m);
    assert.strictEqual(response.rejectedMessages, 4);
    assert.strictEqual(response.pinned, false);
    assert.ok(api.logLines().some((l) => l.includes('ignored a malformed message from the response viewer webview')));
  });

  it('sends a valid loyalty card form through the session and shows the card in the form and the viewer', async () => {
    const { api, forms, viewer } = await services();
    await useSandbox(api);
    const op = api.catalog().requireOperation('issue_loyalty_card');
    const panel = await openForm(forms, op, { pathParams: { location_id: MANHATTAN }, context: { chainId: 706028 } });
    const number = `IT-${Date.now()}`;
    panel.receive({
      type: 'send',
      seq: 1,
      values: {
        path: { location_id: MANHATTAN },
        query: {},
        body: { loyalty_card_number: number, loyalty_card_type_id: '8231', phone: 13155550175 },
      },
    });
    const result = await until('the send to finish', () => panel.lastResult);
    assert.strictEqual(result.outcome, 'success', result.message);
    const byLabel = Object.fromEntries(result.summary.map((i) => [i.label, i.value]));
    assert.strictEqual(byLabel.number, number);
    for (const label of ['type', 'balance', 'points', 'programs'])
      assert.ok(label in byLabel, `${label} in the summary`);
    await until('the viewer to show the card', () => viewer.currentPanel);
    assert.strictEqual(api.altegio.history.latest()?.operationId, op.id);
    // Remove the card again, declining first: the confirmation is the session's.
    const remove = api.catalog().requireOperation('remove_loyalty_card');
    const removeForm = await openForm(forms, remove, { pathParams: { location_id: MANHATTAN } });
    const card = (
      await api.altegio.pipeline.fetch({
        operation: api.catalog().requireOperation('get_loyalty_card_list_by_phone'),
        pathParams: { phone: '13155550175', chain_id: 706028, location_id: MANHATTAN },
      })
    ).data as { id: number; number: string }[];
    const cardId = card.find((c) => c.number === number)!.id;
    const values = { path: { location_id: MANHATTAN, card_id: cardId }, query: {} };
    const declined = scriptedPrompter({ confirm: [false] });
    await withPrompter(api, declined, async () => {
      removeForm.receive({ type: 'send', seq: 1, values });
      await until('the declined send', () => removeForm.lastResult);
    });
    assert.strictEqual(removeForm.lastResult!.outcome, 'cancelled');
    assert.strictEqual(declined.log.confirms.length, 1);
    removeForm.lastResult = undefined;
    await withPrompter(api, scriptedPrompter({ confirm: [true] }), async () => {
      removeForm.receive({ type: 'send', seq: 2, values });
      await until('the confirmed send', () => removeForm.lastResult);
    });
    assert.strictEqual(removeForm.lastResult!.outcome, 'success', removeForm.lastResult!.message);
  });

  it('gives every request its own exchange: two sent at once each show and copy what they sent', async () => {
    const { api, forms, viewer } = await services();
    await useSandbox(api);
    const sandbox = api.altegio.sandbox.running!;
    const slow = api.catalog().requireOperation('get_team_member_list');
    const fast = api.catalog().requireOperation('get_service_list');
    const shown: Exchange[] = [];
    const show = viewer.show;
    viewer.show = function (this: ResponseViewer, exchange: Exchange) {
      shown.push(exchange);
      return show.call(this, exchange);
    };
    // The request that starts first finishes last: the window in which a shared "last exchange" goes wrong.
    sandbox.setFaults({ match: { operationId: slow.id }, latencyMs: 1500 });
    try {
      const slowForm = await openForm(forms, slow, { pathParams: { location_id: MANHATTAN } });
      const fastForm = await openForm(forms, fast, { pathParams: { location_id: MANHATTAN } });
      slowForm.lastResult = undefined;
      fastForm.lastResult = undefined;
      slowForm.receive({ type: 'send', seq: 1, values: slowForm.currentValues });
      await new Promise((r) => setTimeout(r, 200));
      fastForm.receive({ type: 'send', seq: 1, values: fastForm.currentValues });
      await until('both forms to get their answer', () => slowForm.lastResult && fastForm.lastResult);
      await until('the viewer to show both', () => shown.length === 2);
      assert.deepStrictEqual(
        shown.map((e) => e.operation.id),
        [fast.id, slow.id],
        'the second request finished first',
      );
      assert.strictEqual(shown[0].request?.path, `/services/${MANHATTAN}`);
      assert.strictEqual(shown[1].request?.path, `/staff/${MANHATTAN}`);
      // "Open Response" in the fast form shows the fast form's answer, though the slow one came in after it.
      fastForm.receive({ type: 'openResponse' });
      await until('the form to show its own answer again', () => shown.length === 3);
      assert.strictEqual(shown[2], shown[0]);

      // Two replays from the History at once: each shows its own answer and gets its own history entry.
      const entries = shown.slice(0, 2).map((e) => api.altegio.history.get(e.historyId!)!);
      shown.length = 0;
      await Promise.all([
        vscode.commands.executeCommand('altegio.history.replay', entries[1]),
        new Promise((r) => setTimeout(r, 200)).then(() =>
          vscode.commands.executeCommand('altegio.history.replay', entries[0]),
        ),
      ]);
      assert.deepStrictEqual(
        shown.map((e) => [e.operation.id, e.request?.path]),
        [
          [fast.id, `/services/${MANHATTAN}`],
          [slow.id, `/staff/${MANHATTAN}`],
        ],
      );
      // Copy as cURL and Open Response of each history entry give that entry's request and answer.
      for (const exchange of shown) {
        const entry = api.altegio.history.get(exchange.historyId!)!;
        assert.strictEqual(entry.path, exchange.request?.path);
        await vscode.commands.executeCommand('altegio.history.copyAsCurl', entry);
        assert.match(await vscode.env.clipboard.readText(), new RegExp(`${entry.path}['"\\s]`));
        await vscode.commands.executeCommand('altegio.history.openResponse', entry);
        const editor = await until('the response document', () =>
          vscode.window.visibleTextEditors.find((e) => e.document.uri.path.includes(entry.id)),
        );
        assert.deepStrictEqual(JSON.parse(editor.document.getText()), exchange.response?.body);
      }
    } finally {
      sandbox.setFaults(undefined);
      viewer.show = show;
    }
  });

  it('blocks a write in read-only production with a clear message, and sends nothing', async () => {
    const { api, forms } = await services();
    await useSandbox(api);
    const { auth, history } = api.altegio;
    const panel = await openForm(forms, api.catalog().requireOperation('issue_loyalty_card'));
    const before = history.entries().length;
    const config = vscode.workspace.getConfiguration('altegio');
    await config.update('environment', 'production', vscode.ConfigurationTarget.Global);
    try {
      await auth.whenReady();
      panel.lastResult = undefined;
      panel.receive({
        type: 'send',
        seq: 9,
        values: {
          path: { location_id: MANHATTAN },
          query: {},
          body: { loyalty_card_number: 'RO-1', loyalty_card_type_id: '8231', phone: 13155550175 },
        },
      });
      const result = await until('the blocked send', () => panel.lastResult);
      assert.strictEqual(result.outcome, 'blocked');
      assert.match(result.message ?? '', /read-only/);
      assert.strictEqual(history.entries().length, before, 'nothing was sent');
    } finally {
      await config.update('environment', undefined, vscode.ConfigurationTarget.Global);
      await auth.whenReady();
    }
  });

  it('explains 401, 403, 404, 422, 429 and an unknown outcome with what to do', async () => {
    const { api, viewer } = await services();
    const op = api.catalog().requireOperation('issue_loyalty_card');
    const cases: [number | undefined, string, RegExp, string[]][] = [
      [401, 'unauthorized', /Sign in again/, ['signIn']],
      [403, 'forbidden', /access right/, ['signIn']],
      [404, 'not_found', /Check the IDs in \/loyalty\/cards\/720441/, ['editRequest']],
      [422, 'unprocessable', /Fix the fields listed above/, ['editRequest']],
      [429, 'rate_limited', /Wait 3 s/, ['retry']],
      [undefined, 'outcome_unknown', /may or may not have taken effect/, ['openHistory']],
    ];
    for (const [status, kind, advice, actions] of cases) {
      const body = status
        ? {
            success: false,
            data: null,
            meta: { message: `Altegio says ${status}`, errors: { phone: ['phone is not valid'] } },
          }
        : undefined;
      const base = fakeResponse(body ?? {});
      const response = status
        ? {
            ...base,
            status,
            statusText: 'Error',
            ok: false,
            request: { ...base.request, path: '/loyalty/cards/720441' },
          }
        : undefined;
      const error = Object.assign(new Error(`POST /loyalty/cards/720441 (issue_loyalty_card) failed`), {
        name: 'AltegioError',
        kind,
        status,
        apiMessage: body?.meta.message,
        fieldErrors: body ? body.meta.errors : {},
        response,
        sent: true,
        retryAfterMs: status === 429 ? 2500 : undefined,
        hint: 'hint',
        [Symbol.for('altegio.api.error')]: true,
      });
      await viewer.show({
        operation: op,
        input: { operation: op, pathParams: { location_id: MANHATTAN } },
        environment: api.altegio.auth.environment,
        ...timing(),
        ...(response ? { response } : {}),
        error: error as never,
      });
      const view = viewer.currentPanel!.lastView!;
      assert.ok(view.error, `${kind}: an error is explained`);
      assert.match(view.error.advice, advice, kind);
      assert.deepStrictEqual(view.error.actions, actions, kind);
      if (status) {
        assert.strictEqual(view.error.apiMessage, `Altegio says ${status}`);
        assert.deepStrictEqual(view.error.fieldErrors, [['phone', ['phone is not valid']]]);
      }
    }
  });

  it('opens an answer over the size threshold in a read-only JSON editor, not in the webview', async () => {
    const { api, viewer } = await services();
    const config = vscode.workspace.getConfiguration('altegio');
    await config.update('responseViewer.largeResponseThresholdMB', 0.1, vscode.ConfigurationTarget.Global);
    try {
      const op = api.catalog().requireOperation('get_team_member_list');
      const rows = Array.from({ length: 2000 }, (_v, i) => ({
        id: i,
        name: `Team member ${i}`,
        specialization: 'x'.repeat(40),
      }));
      const body = { success: true, data: rows, meta: { total_count: rows.length } };
      const text = JSON.stringify(body);
      await viewer.show({
        operation: op,
        input: { operation: op, pathParams: { location_id: MANHATTAN } },
        environment: api.altegio.auth.environment,
        ...timing(),
        response: fakeResponse(body, text.length),
      });
      const panel = viewer.currentPanel!;
      const editor = await until('the JSON editor', () =>
        vscode.window.visibleTextEditors.find(
          (e) => e.document.uri.scheme === 'altegio' && e.document.uri.path.startsWith('/get_team_member_list-200'),
        ),
      );
      assert.strictEqual(editor.document.languageId, 'json');
      assert.deepStrictEqual(JSON.parse(editor.document.getText()).data.length, rows.length);
      assert.strictEqual(panel.lastView?.bodyState, 'tooLarge');
      assert.strictEqual(panel.lastView?.body, undefined, 'the body is not sent to the webview');
    } finally {
      await config.update('responseViewer.largeResponseThresholdMB', undefined, vscode.ConfigurationTarget.Global);
    }
  });

  it('shows 10,000 rows with only a screenful of them in the DOM', async () => {
    const { api, viewer } = await services();
    const op = api.catalog().requireOperation('get_client_list');
    const rows = Array.from({ length: 10_000 }, (_v, i) => ({
      id: 4_000_000 + i,
      name: `Client ${i}`,
      phone: `+1315555${String(i).padStart(4, '0')}`,
      visits_count: i % 40,
    }));
    const panel = await showInViewer(viewer, {
      operation: op,
      input: { operation: op, pathParams: { location_id: MANHATTAN } },
      environment: api.altegio.auth.environment,
      ...timing(),
      response: fakeResponse({ success: true, data: rows, meta: { total_count: rows.length } }),
    });
    const shown = panel.lastRendered!;
    assert.ok(shown.rows > 0 && shown.rows < 100, `${shown.rows} rows in the DOM`);
  });

  it('keeps a pinned viewer and opens the next answer in a new one', async () => {
    const { api, viewer } = await services();
    const op = api.catalog().requireOperation('get_team_member_list');
    const exchange = (): Exchange => ({
      operation: op,
      input: { operation: op, pathParams: { location_id: MANHATTAN } },
      environment: api.altegio.auth.environment,
      ...timing(),
      response: fakeResponse({ data: [{ id: 1 }] }),
    });
    const first = await showInViewer(viewer, exchange());
    first.receive({ type: 'pin', pinned: true });
    await until('the pin', () => first.pinned);
    assert.match(first.panel.title, /\(pinned\)$/);
    await viewer.show(exchange());
    assert.notStrictEqual(viewer.currentPanel, first);
    assert.strictEqual(viewer.openPanels.length, 2);
    await viewer.show(exchange());
    assert.strictEqual(viewer.openPanels.length, 2, 'the unpinned viewer is reused');
  });

  it('restores a viewer from the history entry its app kept, and a form from its values', async () => {
    const { api, forms, viewer } = await services();
    await useSandbox(api);
    const op = api.catalog().requireOperation('get_team_member_list');
    await succeeded(
      api.altegio.pipeline.execute({ operation: op, pathParams: { location_id: MANHATTAN } }, { source: 'palette' }),
    );
    const entry = api.altegio.history.latest()!;
    const restored = await rendered(
      'the restored viewer',
      () =>
        viewer.deserializeWebviewPanel(
          vscode.window.createWebviewPanel(RESPONSE_VIEW_TYPE, 'restored', vscode.ViewColumn.Active),
          { historyId: entry.id, pinned: true, tab: 0 },
        ),
      () => viewer.openPanels.find((p) => p.pinned && p.lastRendered),
    );
    const shown = restored.lastRendered!;
    assert.ok(shown.rows > 0, 'the team members are in the table');
    assert.strictEqual(restored.pinned, true);

    await rendered(
      'the restored form',
      () =>
        forms.deserializeWebviewPanel(
          vscode.window.createWebviewPanel(FORM_VIEW_TYPE, 'restored', vscode.ViewColumn.Active),
          {
            operationId: 'get_team_member_list',
            values: { path: { location_id: MANHATTAN }, query: {} },
            ui: { tab: 'fields' },
          },
        ),
      () => forms.panelFor('get_team_member_list'),
    );

    const broken = vscode.window.createWebviewPanel(FORM_VIEW_TYPE, 'broken', vscode.ViewColumn.Active);
    let disposed = false;
    broken.onDidDispose(() => {
      disposed = true;
    });
    await forms.deserializeWebviewPanel(broken, {
      operationId: 'no_such_operation',
      values: { path: {}, query: {} },
      ui: { tab: 'fields' },
    });
    assert.ok(disposed, 'a state naming an unknown operation is not restored');
  });
});

function fakeResponse(body: unknown, sizeBytes = JSON.stringify(body).length): NonNullable<Exchange['response']> {
  const data = (body as { data?: unknown }).data;
  return {
    status: 200,
    statusText: 'OK',
    ok: true,
    headers: { 'content-type': 'application/json' },
    durationMs: 12,
    sizeBytes,
    rawText: JSON.stringify(body),
    body,
    data,
    meta: (body as { meta?: unknown }).meta,
    attempts: 1,
    request: {
      operationId: 'test',
      method: 'GET',
      url: 'http://127.0.0.1/api/v1/test',
      path: '/test',
      headers: { Accept: 'application/vnd.api.v2+json', Authorization: 'Bearer ***' },
    },
  };
}

/** When a made-up exchange started and how long it took. */
function timing(): Pick<Exchange, 'startedAt' | 'durationMs'> {
  return { startedAt: new Date().toISOString(), durationMs: 12 };
}
