// The request forms and the response viewer in the real extension host, with their apps running in real
// webviews: a form for every operation, host-side validation, malformed messages refused, sending through the
// request pipeline, every request's own exchange, big answers in an editor, and panels restored from their
// saved state (the serializers). The tests watch the panels through the extension's test-mode observer: what
// the host posted to each app and what it refused.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { buildFormModel, initialValues } from '../../src/api/form-model';
import type { ResponseHostMessage } from '../../src/protocol/response-protocol';
import type { Exchange } from '../../src/services/request-pipeline';
import type { PanelRecord } from '../../src/test-mode';
import { issueTexts } from '../../src/webviews/form/form-strings';
import { formIssues } from '../../src/webviews/form/form-validation';
import type { ResponseViewer } from '../../src/webviews/response/response-viewer';
import { altegio, scriptedPrompter, succeeded, useSandbox, withPrompter } from './helpers/altegio';
import {
  APP_START_MS,
  closeAll,
  exchangeWith,
  formOf,
  open,
  openForm,
  postedAfter,
  showInViewer,
  sendForm,
  changeForm,
  until,
  valuesAt,
  type FormInit,
  type FormValidation,
} from './helpers/panels';

type ViewerShow = Extract<ResponseHostMessage, { type: 'show' }>;

const FORM_VIEW_TYPE = 'altegio.requestForm';
const RESPONSE_VIEW_TYPE = 'altegio.response';
const MANHATTAN = 720441;

function viewOf(record: PanelRecord): ViewerShow['view'] {
  return record.last<ViewerShow>('show')!.view;
}

describe('Request forms and response viewer (real webviews)', function () {
  this.timeout(600_000);
  // Panels are reused from test to test, as a user would keep them: in code-server every new webview risks
  // the slow first load described at APP_START_MS.
  before(closeAll);
  after(closeAll);

  it('builds the form of every operation in the document', async () => {
    const api = await altegio();
    const failures: string[] = [];
    for (const op of api.altegio.catalog().operations) {
      try {
        const model = buildFormModel(op);
        const values = initialValues(model, { locationId: MANHATTAN });
        const issues = formIssues(op, model, values, issueTexts());
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
        assert.deepStrictEqual(JSON.parse(JSON.stringify({ model, values, issues })), { model, values, issues });
        for (const issue of issues) assert.match(issue.key, /^(path|query|body):/);
      } catch (e) {
        failures.push(`${op.id}: ${e instanceof Error ? e.message : String(e)}`);
      }
    }
    assert.deepStrictEqual(failures, []);
    assert.ok(api.altegio.catalog().operations.length >= 274);
  });

  it('starts the form app of every field kind in a real webview and sends it the whole form', async () => {
    const api = await altegio();
    // Arrays of objects and nested objects; a bare-array body; a file upload; a lookup and a phone.
    // (Few panels: in code-server each new webview risks the slow first load described at APP_START_MS.)
    const ids = ['create_appointment', 'bulk_create_clients', 'upload_image', 'issue_loyalty_card'];
    for (const id of ids) {
      const op = api.altegio.catalog().requireOperation(id);
      const form = await openForm(api, op);
      const init = form.last<FormInit>('init')!;
      assert.ok(
        form.received.some((m) => m.type === 'ready'),
        `${id}: the app said ready`,
      );
      assert.strictEqual(init.model.pathFields.length + init.model.queryFields.length, op.parameters.length);
      assert.strictEqual(!!init.model.body, !!op.requestBody, `${id}: the body`);
      assert.deepStrictEqual(form.refusals, [], `${id}: the app posted nothing malformed`);
      assert.ok(!form.received.some((m) => m.type === 'cspViolation'), `${id}: no CSP violation`);
      // The loyalty card form stays open for the next tests.
      if (id !== 'issue_loyalty_card') form.panel.dispose();
    }
  });

  it('validates every change in the host and names each problem next to its field', async () => {
    const api = await altegio();
    const op = api.altegio.catalog().requireOperation('issue_loyalty_card');
    const form = await openForm(api, op, { pathParams: { location_id: MANHATTAN } });
    const invalid = await changeForm(
      form,
      1,
      valuesAt('abc', { loyalty_card_number: '', loyalty_card_type_id: 'gold', phone: '+1 (315) 555' }),
    );
    assert.strictEqual(invalid.seq, 1);
    const byKey = new Map(invalid.issues.map((i) => [i.key, i]));
    assert.match(byKey.get('path:location_id')!.message, /location_id must be an integer/);
    assert.match(byKey.get('body:phone')!.message, /phone must be 9 to 15 digits with the country code/);
    assert.match(byKey.get('body:loyalty_card_type_id')!.message, /digits only/);
    assert.strictEqual(byKey.get('body:loyalty_card_number')!.missing, true);
    const fixed = await changeForm(
      form,
      2,
      valuesAt(MANHATTAN, { loyalty_card_number: 'A-1', loyalty_card_type_id: '8231', phone: 13155550175 }),
    );
    assert.deepStrictEqual(fixed.issues, []);
  });

  it('sends the issues of restored values to the webview, and never sends invalid values', async () => {
    const api = await altegio();
    const op = api.altegio.catalog().requireOperation('create_client');
    const history = api.altegio.history;
    const before = history.entries().length;
    const values = { path: { location_id: MANHATTAN }, query: {}, body: { name: 'Ann', phone: '12ab' } };
    await api.altegio.forms.deserializeWebviewPanel(
      vscode.window.createWebviewPanel(FORM_VIEW_TYPE, 'restored', vscode.ViewColumn.Active),
      { operationId: op.id, values, ui: { tab: 'fields' } },
    );
    const form = await until('the restored form', () => formOf(api, op.id), APP_START_MS);
    assert.deepStrictEqual(
      form.last<FormInit>('init')!.issues.map((i) => i.key),
      ['body:phone'],
    );
    const mark = form.posted.length;
    const refused = await exchangeWith<FormValidation>(form, { type: 'send', seq: 3, values }, 'validation');
    assert.strictEqual(refused.issues.length, 1);
    await new Promise((r) => setTimeout(r, 300));
    assert.strictEqual(history.entries().length, before, 'nothing was sent');
    assert.strictEqual(postedAfter(form, mark, 'result'), undefined, 'no result: the send never started');
    form.panel.dispose();
  });

  it('refuses malformed webview messages, logs them, and acts on none', async () => {
    const api = await altegio();
    const op = api.altegio.catalog().requireOperation('issue_loyalty_card');
    const form = await openForm(api, op, { pathParams: { location_id: MANHATTAN } });
    const values = form.last<FormInit>('init')!.values;
    const history = api.altegio.history;
    const before = history.entries().length;
    const received = form.received.length;
    const refusals = form.refusals.length;
    const posted = form.posted.length;
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
      { type: 'rendered', fields: 4, issues: [] },
    ];
    for (const m of malformed) form.deliver(m);
    await new Promise((r) => setTimeout(r, 300));
    assert.strictEqual(form.refusals.length - refusals, malformed.length);
    // The app itself may still post (a lookup it shows), but none of these was taken or answered.
    const acted = ['send', 'change', 'chooseFile', 'lookupSearch', 'openDocs', 'rendered'];
    assert.deepStrictEqual(
      form.received.slice(received).filter((m) => acted.includes(m.type)),
      [],
      'not one was taken',
    );
    const answers = ['validation', 'result', 'sending', 'setValues', 'fileChosen'];
    assert.deepStrictEqual(
      form.posted.slice(posted).filter((m) => answers.includes(m.type)),
      [],
      'nothing was answered',
    );
    assert.strictEqual(history.entries().length, before, 'nothing was sent');
    const logged = api.observer.logLines.filter((l) =>
      l.includes('ignored a malformed message from the request form webview'),
    );
    assert.ok(logged.length >= malformed.length, `${logged.length} log lines`);

    const list = api.altegio.catalog().requireOperation('get_team_member_list');
    const viewer = await showInViewer(api, {
      operation: list,
      input: { operation: list, pathParams: { location_id: MANHATTAN } },
      environment: api.altegio.auth.environment,
      ...timing(),
      response: fakeResponse({ data: [] }),
    });
    const viewerRefusals = viewer.refusals.length;
    for (const m of [
      { type: 'copy', text: 1, what: 'json' },
      { type: 'saveCsv', csv: 'a', rows: -1 },
      { type: 'action', action: 'deleteAccount' },
      { type: 'pin' },
    ])
      viewer.deliver(m);
    assert.strictEqual(viewer.refusals.length - viewerRefusals, 4);
    assert.ok(!viewer.panel.title.endsWith('(pinned)'), 'not pinned');
    assert.ok(
      api.observer.logLines.some((l) => l.includes('ignored a malformed message from the response viewer webview')),
    );
  });

  it('sends a valid loyalty card form through the pipeline and shows the card in the form and the viewer', async () => {
    const api = await altegio();
    await useSandbox(api);
    const op = api.altegio.catalog().requireOperation('issue_loyalty_card');
    const form = await openForm(api, op, { pathParams: { location_id: MANHATTAN }, context: { chainId: 706028 } });
    const number = `IT-${Date.now()}`;
    const viewers = new Map(api.observer.panels.map((r) => [r, r.posted.length]));
    const result = await sendForm(
      form,
      1,
      valuesAt(MANHATTAN, { loyalty_card_number: number, loyalty_card_type_id: '8231', phone: 13155550175 }),
    );
    assert.strictEqual(result.outcome, 'success', result.message);
    const byLabel = Object.fromEntries(result.summary.map((i) => [i.label, i.value]));
    assert.strictEqual(byLabel.number, number);
    for (const label of ['type', 'balance', 'points', 'programs'])
      assert.ok(label in byLabel, `${label} in the summary`);
    const viewer = await until(
      'the viewer to show the card',
      () => open(api, 'response viewer').find((r) => postedAfter(r, viewers.get(r) ?? 0, 'show')),
      APP_START_MS,
    );
    assert.strictEqual(viewOf(viewer).operationId, op.id);
    assert.strictEqual(api.altegio.history.latest()?.operationId, op.id);
    // Remove the card again, declining first: the confirmation is the pipeline's.
    const remove = api.altegio.catalog().requireOperation('remove_loyalty_card');
    const removeForm = await openForm(api, remove, { pathParams: { location_id: MANHATTAN } });
    const card = (
      await api.altegio.pipeline.fetch({
        operation: api.altegio.catalog().requireOperation('get_loyalty_card_list_by_phone'),
        pathParams: { phone: '13155550175', chain_id: 706028, location_id: MANHATTAN },
      })
    ).data as { id: number; number: string }[];
    const cardId = card.find((c) => c.number === number)!.id;
    const values = { path: { location_id: MANHATTAN, card_id: cardId }, query: {} };
    const declined = scriptedPrompter({ confirm: [false] });
    const cancelled = await withPrompter(api, declined, () => sendForm(removeForm, 1, values));
    assert.strictEqual(cancelled.outcome, 'cancelled');
    assert.strictEqual(declined.log.confirms.length, 1);
    const removed = await withPrompter(api, scriptedPrompter({ confirm: [true] }), () =>
      sendForm(removeForm, 2, values),
    );
    assert.strictEqual(removed.outcome, 'success', removed.message);
  });

  it('gives every request its own exchange: two sent at once each show and copy what they sent', async () => {
    const api = await altegio();
    await useSandbox(api);
    const viewer = api.altegio.responses;
    const sandbox = api.altegio.sandbox.running!;
    const slow = api.altegio.catalog().requireOperation('get_team_member_list');
    const fast = api.altegio.catalog().requireOperation('get_service_list');
    // A spy on what the forms and the History hand to the viewer.
    const shown: Exchange[] = [];
    const show = viewer.show;
    viewer.show = function (this: ResponseViewer, exchange: Exchange) {
      shown.push(exchange);
      return show.call(this, exchange);
    };
    // The request that starts first finishes last: the window in which a shared "last exchange" goes wrong.
    sandbox.setFaults({ match: { operationId: slow.id }, latencyMs: 1500 });
    try {
      const slowForm = await openForm(api, slow, { pathParams: { location_id: MANHATTAN } });
      const fastForm = await openForm(api, fast, { pathParams: { location_id: MANHATTAN } });
      const [slowResult, fastResult] = await Promise.all([
        sendForm(slowForm, 1, slowForm.last<FormInit>('init')!.values),
        new Promise((r) => setTimeout(r, 200)).then(() =>
          sendForm(fastForm, 1, fastForm.last<FormInit>('init')!.values),
        ),
      ]);
      assert.strictEqual(slowResult.outcome, 'success', slowResult.message);
      assert.strictEqual(fastResult.outcome, 'success', fastResult.message);
      await until('the viewer to be handed both', () => shown.length === 2);
      assert.deepStrictEqual(
        shown.map((e) => e.operation.id),
        [fast.id, slow.id],
        'the second request finished first',
      );
      assert.strictEqual(shown[0].request?.path, `/services/${MANHATTAN}`);
      assert.strictEqual(shown[1].request?.path, `/staff/${MANHATTAN}`);
      // "Open Response" in the fast form shows the fast form's answer, though the slow one came in after it.
      fastForm.deliver({ type: 'openResponse' });
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
    const api = await altegio();
    await useSandbox(api);
    const { auth, history } = api.altegio;
    const form = await openForm(api, api.altegio.catalog().requireOperation('issue_loyalty_card'));
    const before = history.entries().length;
    const config = vscode.workspace.getConfiguration('altegio');
    await config.update('environment', 'production', vscode.ConfigurationTarget.Global);
    try {
      await auth.whenReady();
      const result = await sendForm(
        form,
        9,
        valuesAt(MANHATTAN, { loyalty_card_number: 'RO-1', loyalty_card_type_id: '8231', phone: 13155550175 }),
      );
      assert.strictEqual(result.outcome, 'blocked');
      assert.match(result.message ?? '', /read-only/);
      assert.strictEqual(history.entries().length, before, 'nothing was sent');
    } finally {
      await config.update('environment', undefined, vscode.ConfigurationTarget.Global);
      await auth.whenReady();
    }
  });

  it('explains 401, 403, 404, 422, 429 and an unknown outcome with what to do', async () => {
    const api = await altegio();
    const op = api.altegio.catalog().requireOperation('issue_loyalty_card');
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
        reason: status ? { code: 'status' } : { code: 'other' },
        advice: kind,
        [Symbol.for('altegio.api.error')]: true,
      });
      const viewer = await showInViewer(api, {
        operation: op,
        input: { operation: op, pathParams: { location_id: MANHATTAN } },
        environment: api.altegio.auth.environment,
        ...timing(),
        ...(response ? { response, request: response.request } : {}),
        error: error as unknown as NonNullable<Exchange['error']>,
      });
      const view = viewOf(viewer);
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
    const api = await altegio();
    const config = vscode.workspace.getConfiguration('altegio');
    await config.update('responseViewer.largeResponseThresholdMB', 0.1, vscode.ConfigurationTarget.Global);
    try {
      const op = api.altegio.catalog().requireOperation('get_team_member_list');
      const rows = Array.from({ length: 2000 }, (_v, i) => ({
        id: i,
        name: `Team member ${i}`,
        specialization: 'x'.repeat(40),
      }));
      const body = { success: true, data: rows, meta: { total_count: rows.length } };
      const text = JSON.stringify(body);
      const viewer = await showInViewer(api, {
        operation: op,
        input: { operation: op, pathParams: { location_id: MANHATTAN } },
        environment: api.altegio.auth.environment,
        ...timing(),
        response: fakeResponse(body, text.length),
      });
      const editor = await until('the JSON editor', () =>
        vscode.window.visibleTextEditors.find(
          (e) => e.document.uri.scheme === 'altegio' && e.document.uri.path.startsWith('/get_team_member_list-200'),
        ),
      );
      assert.strictEqual(editor.document.languageId, 'json');
      assert.deepStrictEqual(JSON.parse(editor.document.getText()).data.length, rows.length);
      assert.strictEqual(viewOf(viewer).bodyState, 'tooLarge');
      assert.strictEqual(viewOf(viewer).body, undefined, 'the body is not sent to the webview');
    } finally {
      await config.update('responseViewer.largeResponseThresholdMB', undefined, vscode.ConfigurationTarget.Global);
    }
  });

  it('keeps a pinned viewer and opens the next answer in a new one', async () => {
    const api = await altegio();
    const op = api.altegio.catalog().requireOperation('get_team_member_list');
    const exchange = (): Exchange => ({
      operation: op,
      input: { operation: op, pathParams: { location_id: MANHATTAN } },
      environment: api.altegio.auth.environment,
      ...timing(),
      response: fakeResponse({ data: [{ id: 1 }] }),
    });
    const first = await showInViewer(api, exchange());
    const others = open(api, 'response viewer').length - 1;
    first.deliver({ type: 'pin', pinned: true });
    await until('the pin', () => first.panel.title.endsWith('(pinned)'));
    const second = await showInViewer(api, exchange());
    assert.notStrictEqual(second, first);
    assert.strictEqual(open(api, 'response viewer').length, others + 2);
    const third = await showInViewer(api, exchange());
    assert.strictEqual(third, second, 'the unpinned viewer is reused');
    assert.strictEqual(open(api, 'response viewer').length, others + 2);
  });

  it('restores a viewer from the history entry its app kept, and a form from its values', async () => {
    const api = await altegio();
    await useSandbox(api);
    const op = api.altegio.catalog().requireOperation('get_team_member_list');
    await succeeded(
      api.altegio.pipeline.execute({ operation: op, pathParams: { location_id: MANHATTAN } }, { source: 'palette' }),
    );
    const entry = api.altegio.history.latest()!;
    const webview = vscode.window.createWebviewPanel(RESPONSE_VIEW_TYPE, 'restored', vscode.ViewColumn.Active);
    await api.altegio.responses.deserializeWebviewPanel(webview, { historyId: entry.id, pinned: true, tab: 0 });
    const restored = await until(
      'the restored viewer',
      () => open(api, 'response viewer').find((r) => r.last<ViewerShow>('show')?.view.historyId === entry.id),
      APP_START_MS,
    );
    const view = viewOf(restored);
    assert.ok(((view.body as { data?: unknown[] }).data ?? []).length > 0, 'the team members are shown');
    assert.ok(restored.last<ViewerShow>('show')!.pinned, 'still pinned');
    assert.match(restored.panel.title, /\(pinned\)$/);

    await api.altegio.forms.deserializeWebviewPanel(
      vscode.window.createWebviewPanel(FORM_VIEW_TYPE, 'restored', vscode.ViewColumn.Active),
      {
        operationId: 'get_team_member_list',
        values: { path: { location_id: MANHATTAN }, query: {} },
        ui: { tab: 'fields' },
      },
    );
    const form = await until('the restored form', () => formOf(api, 'get_team_member_list'), APP_START_MS);
    assert.deepStrictEqual(form.last<FormInit>('init')!.values.path, { location_id: MANHATTAN });

    const broken = vscode.window.createWebviewPanel(FORM_VIEW_TYPE, 'broken', vscode.ViewColumn.Active);
    let disposed = false;
    broken.onDidDispose(() => {
      disposed = true;
    });
    await api.altegio.forms.deserializeWebviewPanel(broken, {
      operationId: 'no_such_operation',
      values: { path: {}, query: {} },
      ui: { tab: 'fields' },
    });
    assert.ok(disposed, 'a state naming an unknown operation is not restored');
  });
});

/** When a made-up exchange started and how long it took. */
function timing(): Pick<Exchange, 'startedAt' | 'durationMs'> {
  return { startedAt: new Date().toISOString(), durationMs: 12 };
}
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
