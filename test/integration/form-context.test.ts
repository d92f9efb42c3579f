// Every form knows where it is: a form opened from a tree item takes that item's location, chain and client; from
// the palette it takes the default location, else the only choice, else asks with a quick pick of the live list.
// The card types follow the location the form holds, typed or picked; a client is found by name and their phone
// sent as digits; and Altegio's refusal of a field is said once, at the field. Real extension host, local sandbox.
// One form panel serves every test that needs a webview (in code-server each new one may load slowly).
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { OperationSpec } from '../../src/api/catalog';
import { buildFormModel, initialValues } from '../../src/api/form-model';
import type { AltegioTestApi, PanelRecord } from '../../src/test-mode';
import { resolveFormContext } from '../../src/webviews/form/form-context-resolver';
import { LookupLoader } from '../../src/webviews/form/lookup-loader';
import type { Prefill } from '../../src/webviews/ports';
import { altegio, scriptedPrompter, useSandbox, type PickAnswer } from './helpers/altegio';
import {
  APP_START_MS,
  exchangeWith,
  formOf,
  open,
  sendForm,
  until,
  valuesAt,
  type FormInit,
  type FormLookup,
} from './helpers/panels';
import type { FormHostMessage } from '../../src/protocol/form-protocol';

type FormSetValues = Extract<FormHostMessage, { type: 'setValues' }>;

const MANHATTAN = 720441;
const BROOKLYN = 720442;
const CHAIN = 706028;
const ISSUE_CARD = 'issue_loyalty_card';
const FORM_VIEW_TYPE = 'altegio.requestForm';

/** Decides a form's context as the launcher does, with a scripted user; resolves with it and the questions asked. */
async function contextFor(api: AltegioTestApi, op: OperationSpec, prefill: Prefill, ask: boolean, picks: PickAnswer[]) {
  const prompter = scriptedPrompter({ pick: picks });
  const a = api.altegio;
  const ctx = await resolveFormContext(
    op,
    prefill,
    { auth: a.auth, locations: a.locations, directory: a.directory, prompter, log: a.log },
    ask,
  );
  return { ctx, picks: prompter.log.picks, values: initialValues(buildFormModel(op), ctx, {}) };
}

/** The lookup of a field the host posted to the form after `mark`, once it is no longer loading. */
function lookupAfter(form: PanelRecord, mark: number, field: string): FormLookup | undefined {
  return form.posted.slice(mark).find((m) => m.type === 'lookup' && m.field === field && m.status !== 'loading') as
    FormLookup | undefined;
}

describe('Forms know where they are (real extension host, local sandbox)', function () {
  this.timeout(300_000);
  let api: AltegioTestApi;
  let issueCard: OperationSpec;

  before(async () => {
    api = await altegio();
    await useSandbox(api);
    issueCard = api.altegio.catalog().requireOperation(ISSUE_CARD);
    await api.altegio.locations.select(undefined);
  });

  after(async () => {
    await api.altegio.locations.select(undefined);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('asks a user for the location when nothing decides it, with the live list, and takes its chain', async () => {
    const asked = await contextFor(api, issueCard, {}, true, ['Bloom Beauty - Manhattan']);
    assert.strictEqual(asked.picks.length, 1);
    assert.strictEqual(asked.picks[0].title, 'Location for "Issue a loyalty card to a client"');
    assert.deepStrictEqual(asked.picks[0].labels, ['Bloom Beauty - Manhattan', 'Bloom Beauty - Brooklyn']);
    assert.deepStrictEqual(asked.ctx, { locationId: MANHATTAN, chainId: CHAIN });
    assert.deepStrictEqual(asked.values.path, { location_id: MANHATTAN });
    // Dismissed: the form opens without a location (its field is a dropdown of the locations).
    const dismissed = await contextFor(api, issueCard, {}, true, [undefined]);
    assert.strictEqual(dismissed.ctx.locationId, undefined);
    // Opened by code, nobody is asked.
    const quiet = await contextFor(api, issueCard, {}, false, []);
    assert.strictEqual(quiet.picks.length, 0);
  });

  it('takes the tree item before the default location, the default location before the only choice', async () => {
    await api.altegio.locations.select({
      locationId: BROOKLYN,
      locationTitle: 'Bloom Beauty - Brooklyn',
      chainId: CHAIN,
    });
    try {
      const tree = await contextFor(
        api,
        issueCard,
        { context: { locationId: MANHATTAN, chainId: CHAIN, clientPhone: '+1 315 555-0175' } },
        true,
        [],
      );
      assert.deepStrictEqual(tree.values, {
        path: { location_id: MANHATTAN },
        query: {},
        body: { phone: 13155550175 },
      });
      const palette = await contextFor(api, issueCard, {}, true, []);
      assert.deepStrictEqual(palette.values.path, { location_id: BROOKLYN });
    } finally {
      await api.altegio.locations.select(undefined);
    }
    // No default location: a chain's operation takes the only chain these tokens see, and asks nothing.
    const chainOp = api.altegio.catalog().requireOperation('get_chain_loyalty_card_type_list');
    const only = await contextFor(api, chainOp, {}, true, []);
    assert.deepStrictEqual(only.values.path, { chain_id: CHAIN });
  });

  it('lists the locations and chains the tokens see as the options of location_id and chain_id', async () => {
    const a = api.altegio;
    const loader = new LookupLoader(a.pipeline, a.catalog, String, a.directory);
    const locations = await loader.load('location_id', {});
    assert.strictEqual(locations.status, 'ready');
    assert.deepStrictEqual(
      locations.options.map((o) => [o.value, o.label]),
      [
        [MANHATTAN, 'Bloom Beauty - Manhattan'],
        [BROOKLYN, 'Bloom Beauty - Brooklyn'],
      ],
    );
    assert.deepStrictEqual(
      (await loader.load('chain_id', {})).options.map((o) => o.value),
      [CHAIN],
    );
  });

  describe('in a form', () => {
    let form: PanelRecord;

    before(async () => {
      // A form restored after a reload knows nothing but its values: no location, so no chain for the card types.
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await until('every form to close', () => open(api, 'request form').length === 0);
      await api.altegio.forms.deserializeWebviewPanel(
        vscode.window.createWebviewPanel(FORM_VIEW_TYPE, 'restored', vscode.ViewColumn.Active),
        { operationId: ISSUE_CARD, values: { path: {}, query: {}, body: {} }, ui: { tab: 'fields' } },
      );
      form = await until('the restored form', () => formOf(api, ISSUE_CARD), APP_START_MS);
    });

    it('reads the card types when a location is typed into location_id, and not again for one of the same chain', async () => {
      assert.deepStrictEqual(form.last<FormInit>('init')!.values.path, {});
      const waiting = await until('the card types to wait for a location', () =>
        lookupAfter(form, 0, 'loyalty_card_type_id'),
      );
      assert.strictEqual(waiting.status, 'unavailable');
      const mark = form.posted.length;
      form.deliver({ type: 'change', seq: 1, values: { path: { location_id: MANHATTAN }, query: {}, body: {} } });
      const types = await until('the card types of the typed location', () =>
        lookupAfter(form, mark, 'loyalty_card_type_id'),
      );
      assert.strictEqual(types.status, 'ready');
      assert.ok(types.options.length > 0, 'the chain has card types');
      const again = form.posted.length;
      form.deliver({ type: 'change', seq: 2, values: { path: { location_id: BROOKLYN }, query: {}, body: {} } });
      await until('the validation of the change', () => form.posted.slice(again).find((m) => m.type === 'validation'));
      await new Promise((r) => setTimeout(r, 500));
      assert.strictEqual(
        form.posted.slice(again).find((m) => m.type === 'lookup' && m.field === 'loyalty_card_type_id'),
        undefined,
        'the same chain: its card types stay',
      );
    });

    it("finds a client by name and fills the phone with the client's digits", async () => {
      // The search reads the clients of the location the form holds: James Smith is a client of Manhattan.
      const mark = form.posted.length;
      form.deliver({ type: 'change', seq: 3, values: { path: { location_id: MANHATTAN }, query: {}, body: {} } });
      await until('the validation of the change', () => form.posted.slice(mark).find((m) => m.type === 'validation'));
      const found = await exchangeWith<FormLookup>(
        form,
        { type: 'lookupSearch', field: 'phone', term: 'James Smith' },
        'lookup',
        15000,
        (m) => m.field === 'phone' && m.status !== 'loading',
      );
      assert.strictEqual(found.status, 'ready');
      const james = found.options.find((o) => o.label === 'James Smith');
      assert.ok(james, found.options.map((o) => o.label).join());
      assert.strictEqual(james.value, '13155550175', 'the digits are sent');
      assert.strictEqual(james.description, '+13155550175', 'the phone as Altegio keeps it is shown');
    });

    it("says Altegio's refusal of a field once: at the field, with the banner only counting it", async () => {
      const result = await sendForm(
        form,
        4,
        valuesAt(MANHATTAN, {
          loyalty_card_number: `CTX-${Date.now()}`,
          loyalty_card_type_id: '999999',
          phone: 13155550175,
        }),
      );
      assert.strictEqual(result.status, 422);
      assert.deepStrictEqual(
        result.issues.map((i) => [i.key, i.source]),
        [['body:loyalty_card_type_id', 'server']],
      );
      const refusal = result.issues[0].message;
      assert.strictEqual(result.message, 'Altegio refused 1 value; it is marked at its field.');
      assert.ok(!JSON.stringify(result.summary).includes(refusal), 'nor does the summary repeat it');
    });

    it("puts a tree item's location and client phone into the open form", async () => {
      const mark = form.posted.length;
      await vscode.commands.executeCommand('altegio.issueLoyaltyCard', {
        locationId: MANHATTAN,
        chainId: CHAIN,
        clientPhone: '+1 315 555-0179',
      });
      const set = await until('the new values', () =>
        form.posted.slice(mark).find((m): m is FormSetValues => m.type === 'setValues'),
      );
      const values = set.values;
      assert.deepStrictEqual(values.path, { location_id: MANHATTAN });
      assert.strictEqual((values.body as { phone?: unknown }).phone, 13155550179);
    });
  });
});
