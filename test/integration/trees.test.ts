// The API tree shows the whole document; the Business tree shows the sandbox's live data and pages it.
import * as assert from 'assert';
import { ApiTreeProvider, type ApiNode } from '../../src/views/api-tree';
import type { BusinessNode } from '../../src/views/business-tree';
import { CLIENT_COLLECTIONS, LOCATION_COLLECTIONS, staleAfterWrite } from '../../src/views/business-collections';
import * as vscode from 'vscode';
import { altegio, scriptedPrompter, succeeded, useSandbox, withPrompter } from './helpers/altegio';
import { waitFor } from './helpers/extension';
import { APP_START_MS, formOf, open, until, type FormInit } from './helpers/panels';

describe('API tree (real extension host)', () => {
  it("lists Altegio's 28 sections in documentation order, then Medical Records, with every operation", async () => {
    const api = await altegio();
    const tree = api.altegio.apiTree;
    await tree.setFilter('');
    const sections = tree.getChildren() as Extract<ApiNode, { kind: 'section' }>[];
    assert.strictEqual(sections.length, 29);
    assert.strictEqual(sections[0].section.name, 'Authentication B2B');
    assert.strictEqual(sections[27].section.name, 'Utilities');
    assert.strictEqual(sections[28].section.name, 'Medical Records');
    const operations = sections.flatMap((s) => tree.getChildren(s));
    assert.strictEqual(operations.length, api.altegio.catalog().operations.length);
    const item = tree.getTreeItem(
      operations.find((o) => o.kind === 'operation' && o.operation.id === 'issue_loyalty_card')!,
    );
    assert.strictEqual(item.label, 'POST Issue a loyalty card to a client');
    assert.strictEqual(item.description, '/loyalty/cards/{location_id}');
    assert.strictEqual(item.command?.command, 'altegio.openOperation');
    // A long summary is shortened where two would begin alike; the tooltip has it whole.
    const byPhone = tree.getTreeItem(
      operations.find((o) => o.kind === 'operation' && o.operation.id === 'get_loyalty_card_list_by_phone')!,
    );
    assert.strictEqual(byPhone.label, 'GET List … by phone');
    const tooltip = (byPhone.tooltip as vscode.MarkdownString).value.replace(/&nbsp;/g, ' ');
    assert.match(tooltip, /List a client's loyalty cards by phone/);
  });

  it('reads only the catalog index, and warms what a form needs once, after a section is open', async () => {
    const api = await altegio();
    let warmed = 0;
    const tree = new ApiTreeProvider(api.altegio.catalogIndex, api.altegio.operationSearch, () => warmed++);
    try {
      const sections = tree.getChildren() as Extract<ApiNode, { kind: 'section' }>[];
      await new Promise((r) => setTimeout(r, 30));
      assert.strictEqual(warmed, 0, 'listing the sections warms nothing');
      tree.getChildren(sections[1]);
      tree.getChildren(sections[2]);
      await waitFor('the warm-up', () => warmed > 0);
      await new Promise((r) => setTimeout(r, 30));
      assert.strictEqual(warmed, 1);
    } finally {
      tree.dispose();
    }
  });

  it('narrows to the operations that match the filter, and clears it', async () => {
    const api = await altegio();
    const tree = api.altegio.apiTree;
    await tree.setFilter('loyalty card');
    const sections = tree.getChildren() as Extract<ApiNode, { kind: 'section' }>[];
    assert.ok(sections.length >= 1 && sections.length < 29, `${sections.length} sections`);
    const ops = sections
      .flatMap((s) => tree.getChildren(s))
      .map((n) => (n as Extract<ApiNode, { kind: 'operation' }>).operation);
    assert.ok(ops.some((o) => o.id === 'issue_loyalty_card'));
    assert.ok(ops.every((o) => `${o.summary} ${o.path} ${o.section}`.toLowerCase().includes('loyalty')));
    await tree.setFilter('');
    assert.strictEqual(tree.getChildren().length, 29);
  });
});

describe('Business tree (real extension host, local sandbox)', () => {
  async function children(node?: BusinessNode): Promise<BusinessNode[]> {
    const api = await altegio();
    return api.altegio.businessTree.getChildren(node);
  }

  it('lists the signed-in user, the chain and its two locations', async () => {
    const api = await altegio();
    await useSandbox(api);
    api.altegio.businessTree.refresh();
    const [user] = await children();
    assert.strictEqual(user.kind, 'user');
    const chains = await children(user);
    assert.strictEqual(chains.length, 1);
    assert.strictEqual(chains[0].kind === 'chain' && chains[0].chain.title, 'Bloom Beauty Group');
    const locations = await children(chains[0]);
    assert.deepStrictEqual(
      locations.map((l) => l.kind === 'location' && l.ctx.locationId),
      [720441, 720442],
    );
  });

  it('pages the clients of a location with "Load more…" until all are loaded, without duplicates', async () => {
    const api = await altegio();
    await useSandbox(api);
    const tree = api.altegio.businessTree;
    tree.refresh();
    const [user] = await children();
    const [chain] = await children(user);
    const [manhattan] = await children(chain);
    const collections = await children(manhattan);
    const clients = collections.find((c) => c.kind === 'collection' && c.spec.key === 'clients')!;
    let rows = await children(clients);
    const first = rows.filter((r) => r.kind === 'row');
    assert.strictEqual(first.length, 50, 'the first page holds 50 clients');
    let more = rows.find((r) => r.kind === 'loadMore') as Extract<BusinessNode, { kind: 'loadMore' }> | undefined;
    assert.ok(more, 'a "Load more…" node ends the first page');
    const total = more.total!;
    assert.ok(total > 100, `total_count ${total}`);
    let pages = 1;
    while (more) {
      await tree.loadMore(more.key);
      pages++;
      rows = await children(clients);
      more = rows.find((r) => r.kind === 'loadMore') as typeof more;
      assert.ok(pages < 20, 'paging ends');
    }
    const ids = rows.filter((r) => r.kind === 'row').map((r) => (r as Extract<BusinessNode, { kind: 'row' }>).view.id);
    assert.strictEqual(ids.length, total, 'every client is loaded');
    assert.strictEqual(new Set(ids).size, ids.length, 'no client appears twice');
    assert.strictEqual(pages, Math.ceil(total / 50));
  });

  it("shows a client's loyalty cards under the client", async () => {
    const api = await altegio();
    await useSandbox(api);
    api.altegio.businessTree.refresh();
    const [user] = await children();
    const [chain] = await children(user);
    const [manhattan] = await children(chain);
    const clients = (await children(manhattan)).find((c) => c.kind === 'collection' && c.spec.key === 'clients')!;
    let olivia: BusinessNode | undefined;
    for (let rows = await children(clients); !olivia; rows = await children(clients)) {
      olivia = rows.find((r) => r.kind === 'row' && r.view.id === 4240788);
      const more = rows.find((r) => r.kind === 'loadMore') as Extract<BusinessNode, { kind: 'loadMore' }> | undefined;
      if (!olivia && !more) break;
      if (!olivia) await api.altegio.businessTree.loadMore(more!.key);
    }
    assert.ok(olivia, 'Olivia Brown (4240788) is among the clients');
    const [cards] = await children(olivia);
    assert.strictEqual(cards.kind === 'collection' && cards.spec.key, 'cards');
    const rows = await children(cards);
    assert.ok(
      rows.some((r) => r.kind === 'row' && r.view.id === 9250498),
      'card 9250498 is listed',
    );
  });

  it("says what to do next on an empty list: a client without cards offers to issue one, in a form at that client's place", async function () {
    // It opens a form: a webview that code-server can stall, which the load watchdog replaces (10 s, then 35 s), so
    // the test waits as long as the webview suites do for the app to start, not mocha's 20 s for tree calls.
    this.timeout(APP_START_MS + 30_000);
    const api = await altegio();
    await useSandbox(api);
    await api.altegio.locations.select(undefined);
    api.altegio.businessTree.refresh();
    const [user] = await children();
    const [chain] = await children(user);
    const [manhattan] = await children(chain);
    const clients = (await children(manhattan)).find((c) => c.kind === 'collection' && c.spec.key === 'clients')!;
    let empty: Extract<BusinessNode, { kind: 'message' }> | undefined;
    let client: Extract<BusinessNode, { kind: 'row' }> | undefined;
    for (const row of await children(clients)) {
      if (row.kind !== 'row') continue;
      const [cards] = await children(row);
      const found = (await children(cards)).find((r) => r.kind === 'message' && r.id.endsWith(':empty'));
      if (found?.kind === 'message') [empty, client] = [found, row];
      if (empty) break;
    }
    assert.ok(empty && client, 'a client of Manhattan has no loyalty card');
    const item = api.altegio.businessTree.getTreeItem(empty);
    assert.strictEqual(item.label, 'No loyalty cards yet');
    assert.strictEqual(item.description, 'Issue a loyalty card…');
    const phone = String(client.row.phone);
    assert.deepStrictEqual(item.command?.arguments, [
      'issue_loyalty_card',
      { context: { locationId: 720441, chainId: 706028, clientId: client.view.id, clientPhone: phone } },
    ]);
    // Run as VS Code runs it: the form opens at the client's location with their phone, and asks nothing.
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await until('every form to close', () => open(api, 'request form').length === 0);
    await vscode.commands.executeCommand(item.command!.command, ...item.command!.arguments!);
    const form = await until('the issue card form', () => formOf(api, 'issue_loyalty_card'), APP_START_MS);
    const values = form.last<FormInit>('init')!.values;
    assert.deepStrictEqual(values.path, { location_id: 720441 });
    assert.deepStrictEqual(values.body, { phone: Number(phone.replace(/\D/g, '')) });
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });
});

describe('Business tree after a write (real extension host, local sandbox)', () => {
  it('drops a removed card from its client without a manual refresh', async () => {
    const api = await altegio();
    await useSandbox(api);
    const { pipeline } = api.altegio;
    const tree = api.altegio.businessTree;
    tree.refresh();
    const number = `TREE${Date.now().toString().slice(-8)}`;
    await succeeded(
      pipeline.execute(
        {
          operation: api.altegio.catalog().requireOperation('issue_loyalty_card'),
          pathParams: { location_id: 720441 },
          body: { loyalty_card_number: number, loyalty_card_type_id: '8230', phone: 13155550179 },
        },
        { source: 'form' },
      ),
    );
    const [user] = await tree.getChildren();
    const [chain] = await tree.getChildren(user);
    const [manhattan] = await tree.getChildren(chain);
    const clients = (await tree.getChildren(manhattan)).find(
      (c) => c.kind === 'collection' && c.spec.key === 'clients',
    )!;
    let olivia: BusinessNode | undefined;
    for (let rows = await tree.getChildren(clients); !olivia; rows = await tree.getChildren(clients)) {
      olivia = rows.find((r) => r.kind === 'row' && r.view.id === 4240788);
      const more = rows.find((r) => r.kind === 'loadMore') as Extract<BusinessNode, { kind: 'loadMore' }> | undefined;
      if (!olivia && !more) break;
      if (!olivia) await tree.loadMore(more!.key);
    }
    const [cards] = await tree.getChildren(olivia);
    const listed = await tree.getChildren(cards);
    const card = listed.find((r) => r.kind === 'row' && r.view.label === number) as Extract<
      BusinessNode,
      { kind: 'row' }
    >;
    assert.ok(
      card,
      `the new card is listed under Olivia; listed: ${listed.map((r) => tree.getTreeItem(r).label).join(' | ')}`,
    );
    const changed = new Promise<void>((resolve) => {
      const sub = tree.onDidChangeTreeData(() => {
        sub.dispose();
        resolve();
      });
    });
    await withPrompter(api, scriptedPrompter({ confirm: [true] }), () =>
      vscode.commands.executeCommand('altegio.business.removeCard', card),
    );
    await changed;
    const after = await tree.getChildren(cards);
    assert.ok(
      !after.some((r) => r.kind === 'row' && r.view.label === number),
      'the removed card is gone from the tree',
    );
    assert.ok(
      after.some((r) => r.kind === 'row' && r.view.id === 9250498),
      'her other card is still there',
    );
  });
});

describe('Business collections (real extension host)', () => {
  it('declare which writes make them stale and which one adds their first row, naming only operations and tags of the document', async () => {
    const api = await altegio();
    const catalog = api.altegio.catalog();
    const tags = new Set(catalog.sections.map((s) => s.name));
    for (const spec of [...LOCATION_COLLECTIONS, ...CLIENT_COLLECTIONS]) {
      assert.ok(catalog.operation(spec.operationId)?.readOnly, `${spec.key} reads with ${spec.operationId}`);
      for (const rule of spec.staleAfter) {
        if ('tag' in rule) assert.ok(tags.has(rule.tag), `${spec.key}: no tag "${rule.tag}"`);
        else assert.ok(!catalog.operation(rule.operationId)?.readOnly, `${spec.key}: ${rule.operationId} writes`);
      }
      assert.ok(spec.empty().length > 0, `${spec.key} says when it is empty`);
      if (spec.create) {
        // The write an empty list offers adds a row to that very list (which is then read again).
        const create = catalog.operation(spec.create.operationId);
        assert.ok(create && !create.readOnly, `${spec.key}: ${spec.create.operationId} writes`);
        assert.ok(staleAfterWrite(spec, create), `${spec.key} is read again after ${create.id}`);
      }
    }
    const cards = CLIENT_COLLECTIONS.find((c) => c.key === 'cards')!;
    const clients = LOCATION_COLLECTIONS.find((c) => c.key === 'clients')!;
    assert.ok(staleAfterWrite(cards, catalog.requireOperation('remove_loyalty_card')));
    assert.ok(staleAfterWrite(cards, catalog.requireOperation('issue_loyalty_card')));
    assert.ok(staleAfterWrite(clients, catalog.requireOperation('create_client')));
    assert.ok(!staleAfterWrite(clients, catalog.requireOperation('issue_loyalty_card')));
  });
});
