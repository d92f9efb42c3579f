// Running operations: history is recorded, destructive operations ask first and respect a cancel,
// read-only production blocks writes before anything is sent.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { BusinessNode } from '../../src/views/business-tree';
import { altegio, scriptedPrompter, succeeded, useSandbox, withPrompter } from './helpers/altegio';
import { waitFor } from './helpers/extension';

describe('Running operations (real extension host, local sandbox)', () => {
  it('records every request in the history, newest first, and replays one', async () => {
    const api = await altegio();
    await useSandbox(api);
    const history = api.altegio.history;
    await history.clear();
    await succeeded(
      api.altegio.pipeline.execute(
        {
          operation: api.altegio.catalog().requireOperation('get_team_member_list'),
          pathParams: { location_id: 720441 },
        },
        { source: 'palette' },
      ),
    );
    const [entry] = history.entries();
    assert.strictEqual(entry.method, 'GET');
    assert.strictEqual(entry.path, '/staff/720441');
    assert.strictEqual(entry.status, 200);
    assert.ok(entry.durationMs !== undefined && entry.durationMs >= 0);
    assert.ok(entry.hasResponse);
    const stored = await history.response(entry.id);
    assert.ok(Array.isArray((stored?.body as { data?: unknown[] }).data), 'the response body is kept');
    await vscode.commands.executeCommand('altegio.history.replay', entry);
    assert.strictEqual(history.entries().length, 2);
    assert.strictEqual(history.entries()[0].path, '/staff/720441');
  });

  it('opens the request form of the operation chosen in "Run Operation…"', async () => {
    const api = await altegio();
    await useSandbox(api);
    const op = api.altegio.catalog().requireOperation('get_loyalty_card_type_list');
    // No default location: the form's location is asked for with the live list.
    await api.altegio.locations.select(undefined);
    const prompter = scriptedPrompter({
      pick: ['Bloom Beauty - Manhattan'],
      search: [
        { query: '', pick: () => undefined },
        {
          query: 'card types',
          pick: (items) => items.find((i) => (i.value as { operation: { id: string } }).operation.id === op.id)!.value,
        },
      ],
    });
    await withPrompter(api, prompter, () => vscode.commands.executeCommand('altegio.runOperation'));
    await withPrompter(api, prompter, () => vscode.commands.executeCommand('altegio.runOperation'));
    assert.deepStrictEqual(prompter.log.picks[0].labels, ['Bloom Beauty - Manhattan', 'Bloom Beauty - Brooklyn']);
    assert.strictEqual(
      prompter.log.searches[0].items.length,
      api.altegio.catalog().operations.length,
      'every operation before typing',
    );
    const tab = await waitFor('the request form tab', () =>
      vscode.window.tabGroups.all
        .flatMap((g) => g.tabs)
        .find((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.includes('altegio.requestForm')),
    );
    assert.match(tab!.label, new RegExp(op.method));
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('ranks "Run Operation…" by words: "clients search" offers the client search first, safe operations before destructive ones', async () => {
    const api = await altegio();
    const prompter = scriptedPrompter({
      search: [
        { query: 'clients search', pick: undefined },
        { query: 'clients', pick: undefined },
        { query: 'клиенты', pick: undefined },
      ],
    });
    for (let i = 0; i < 3; i++) {
      await withPrompter(api, prompter, () => vscode.commands.executeCommand('altegio.runOperation'));
    }
    const [clientsSearch, clients, russian] = prompter.log.searches;
    assert.match(clientsSearch.items[0], /^POST · Search\/list clients/);
    const firstDestructive = clients.items.findIndex((i) => /campaign|Delete/.test(i));
    assert.ok(firstDestructive === -1 || firstDestructive >= 10, `first destructive item at ${firstDestructive}`);
    assert.strictEqual(russian.items[0], clients.items[0], 'Russian words find what English ones do');
  });

  it('offers the API tree filtered by the words when "Run Operation…" finds nothing', async () => {
    const api = await altegio();
    const prompter = scriptedPrompter({ search: [{ query: 'xyzzy frobnicate', pick: (items) => items[0].value }] });
    await withPrompter(api, prompter, () => vscode.commands.executeCommand('altegio.runOperation'));
    assert.deepStrictEqual(prompter.log.searches[0].items.length, 1);
    assert.match(prompter.log.searches[0].items[0], /xyzzy frobnicate/);
    assert.strictEqual(api.altegio.apiTree.filter, 'xyzzy frobnicate');
    assert.deepStrictEqual(api.altegio.apiTree.getChildren(), [], 'the tree shows that nothing matched');
    await api.altegio.apiTree.setFilter('');
  });

  it('asks before removing a loyalty card, names the card and the location, and respects a cancel', async () => {
    const api = await altegio();
    await useSandbox(api);
    const { pipeline, history } = api.altegio;
    // A fresh card to remove.
    const issued = await succeeded(
      pipeline.execute(
        {
          operation: api.altegio.catalog().requireOperation('issue_loyalty_card'),
          pathParams: { location_id: 720441 },
          body: { loyalty_card_number: `IT${Date.now()}`, loyalty_card_type_id: '8230', phone: 13155550179 },
        },
        { source: 'form' },
      ),
    );
    const card = issued.response!.data as { id: number; number: string };
    const node = {
      kind: 'row',
      parentKey: 'test',
      client: undefined,
      ctx: { locationId: 720441, locationTitle: 'Bloom Beauty - Manhattan', chainId: 706028 },
      row: card,
      view: { id: card.id, label: card.number, icon: 'credit-card', kind: 'card' },
      spec: { key: 'cards' },
    } as unknown as BusinessNode;
    const listCards = async () =>
      (
        await pipeline.fetch({
          operation: api.altegio.catalog().requireOperation('get_loyalty_card_list_by_phone'),
          pathParams: { phone: '13155550179', chain_id: 706028, location_id: 720441 },
        })
      ).data as { id: number }[];
    const historyBefore = history.entries().length;

    const decline = scriptedPrompter({ confirm: [false] });
    await withPrompter(api, decline, () => vscode.commands.executeCommand('altegio.business.removeCard', node));
    assert.strictEqual(decline.log.confirms.length, 1, 'one modal confirmation');
    assert.match(decline.log.confirms[0].message, new RegExp(card.number));
    assert.match(decline.log.confirms[0].message, /Bloom Beauty - Manhattan/);
    assert.match(decline.log.confirms[0].detail, /720441/);
    assert.ok(
      (await listCards()).some((c) => c.id === card.id),
      'the card is still there after a cancel',
    );
    assert.strictEqual(history.entries().length, historyBefore, 'nothing was sent');

    const accept = scriptedPrompter({ confirm: [true] });
    await withPrompter(api, accept, () => vscode.commands.executeCommand('altegio.business.removeCard', node));
    assert.strictEqual(accept.log.confirms.length, 1, 'asked exactly once');
    assert.ok(!(await listCards()).some((c) => c.id === card.id), 'the card is gone');
    assert.strictEqual(history.entries()[0].status, 204);
    assert.strictEqual(history.entries()[0].method, 'DELETE');
  });

  it('blocks every write in read-only production before anything is sent', async () => {
    const api = await altegio();
    await useSandbox(api);
    const config = vscode.workspace.getConfiguration('altegio');
    const { auth, pipeline, history } = api.altegio;
    const before = history.entries().length;
    await config.update('environment', 'production', vscode.ConfigurationTarget.Global);
    try {
      await auth.whenReady();
      assert.strictEqual(auth.environment.readOnly, true, 'production is read-only by default');
      const prompter = scriptedPrompter({});
      for (const id of ['issue_loyalty_card', 'remove_loyalty_card', 'create_client', 'update_client']) {
        const op = api.altegio.catalog().requireOperation(id);
        await withPrompter(api, prompter, () =>
          assert.rejects(
            pipeline.execute(
              { operation: op, pathParams: { location_id: 720441, card_id: 1, client_id: 1 }, body: {} },
              { source: 'form' },
            ),
            (e: Error) => e.name === 'ReadOnlyError' && /read-only/.test(e.message),
          ),
        );
      }
      assert.strictEqual(prompter.log.confirms.length, 0, 'no confirmation is asked for a blocked write');
      assert.strictEqual(history.entries().length, before, 'nothing was sent');
    } finally {
      await config.update('environment', undefined, vscode.ConfigurationTarget.Global);
      await auth.whenReady();
    }
  });
});
