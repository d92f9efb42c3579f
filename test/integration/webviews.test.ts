// The request forms and the response viewer in the real extension host, with their apps running in real
// webviews: a form for every operation, host-side validation, malformed messages refused, sending through the
// session, big answers in an editor, and panels restored from their saved state (the serializers).
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { OperationSpec } from '../../src/api/catalog';
import type { Exchange } from '../../src/services/session';
import type { FormLauncher } from '../../src/webviews/form/form-launcher';
import type { FormPanel } from '../../src/webviews/form/form-panel';
import type { ResponseViewer } from '../../src/webviews/response/response-viewer';
import { altegio, scriptedPrompter, useSandbox, withPrompter } from './helpers/altegio';
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
    forms: api.services.launcher as unknown as FormLauncher,
    viewer: api.services.responses as unknown as ResponseViewer,
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
    const history = api.services.session.history;
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
    const history = api.services.session.history;
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
      environment: api.services.session.environment,
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
    assert.strictEqual(api.services.session.history.latest()?.operationId, op.id);
    // Remove the card again, declining first: the confirmation is the session's.
    const remove = api.catalog().requireOperation('remove_loyalty_card');
    const removeForm = await openForm(forms, remove, { pathParams: { location_id: MANHATTAN } });
    const card = (
      await api.services.session.fetch({
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

  it('blocks a write in read-only production with a clear message, and sends nothing', async () => {
    const { api, forms } = await services();
    await useSandbox(api);
    const session = api.services.session;
    const panel = await openForm(forms, api.catalog().requireOperation('issue_loyalty_card'));
    const before = session.history.entries().length;
    const config = vscode.workspace.getConfiguration('altegio');
    await config.update('environment', 'production', vscode.ConfigurationTarget.Global);
    try {
      await session.whenReady();
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
      assert.strictEqual(session.history.entries().length, before, 'nothing was sent');
    } finally {
      await config.update('environment', undefined, vscode.ConfigurationTarget.Global);
      await session.whenReady();
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
        environment: api.services.session.environment,
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
        environment: api.services.session.environment,
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
      environment: api.services.session.environment,
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
      environment: api.services.session.environment,
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
    await api.services.session.execute(
      { operation: op, pathParams: { location_id: MANHATTAN } },
      { source: 'palette' },
    );
    const entry = api.services.session.history.latest()!;
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
