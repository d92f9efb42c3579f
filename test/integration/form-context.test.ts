// Every form knows where it is: a form opened from a tree item takes that item's location, chain and client; from
// the palette it takes the default location, else the only choice, else asks with a quick pick of the live list.
// The card types follow the location the form holds, typed or picked; a client is found by name and their phone
// sent as digits; and Altegio's refusal of a field is said once, at the field. Real extension host, local sandbox.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { AltegioTestApi, PanelRecord } from '../../src/test-mode';
import { altegio, scriptedPrompter, useSandbox, withPrompter } from './helpers/altegio';
import {
  APP_START_MS,
  exchangeWith,
  formOf,
  open,
  openForm,
  until,
  type FormInit,
  type FormLookup,
  type FormResult,
} from './helpers/panels';

const MANHATTAN = 720441;
const BROOKLYN = 720442;
const CHAIN = 706028;
const ISSUE_CARD = 'issue_loyalty_card';

async function closeForms(api: AltegioTestApi): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  await until('every form to close', () => open(api, 'request form').length === 0);
}

/** Runs a command with a scripted prompter (which fails on any question it was not given an answer for). */
async function run(api: AltegioTestApi, picks: string[], command: string, ...args: unknown[]) {
  const prompter = scriptedPrompter({ pick: picks });
  await withPrompter(api, prompter, () => vscode.commands.executeCommand(command, ...args));
  return prompter.log;
}

async function formAfter(api: AltegioTestApi, operationId: string): Promise<PanelRecord> {
  return until(`the form of ${operationId}`, () => formOf(api, operationId), APP_START_MS);
}

/** The card types the host has sent to the form (it reads them as soon as it knows the chain). */
function cardTypes(form: PanelRecord, mark = 0): FormLookup | undefined {
  return form.posted
    .slice(mark)
    .find((m) => m.type === 'lookup' && m.field === 'loyalty_card_type_id' && m.status === 'ready') as
    FormLookup | undefined;
}

describe('Forms know where they are (real extension host, local sandbox)', function () {
  this.timeout(300_000);

  before(async () => {
    const api = await altegio();
    await useSandbox(api);
    await closeForms(api);
  });

  afterEach(async () => {
    const api = await altegio();
    await closeForms(api);
    await api.altegio.locations.select(undefined);
  });

  it('asks for the location from the palette when none is decided, then lists the card types of its chain', async () => {
    const api = await altegio();
    await api.altegio.locations.select(undefined);
    const log = await run(api, ['Bloom Beauty - Manhattan'], 'altegio.issueLoyaltyCard');
    assert.strictEqual(log.picks.length, 1);
    assert.strictEqual(log.picks[0].title, 'Location for "Issue a loyalty card to a client"');
    assert.deepStrictEqual(log.picks[0].labels, ['Bloom Beauty - Manhattan', 'Bloom Beauty - Brooklyn']);
    const form = await formAfter(api, ISSUE_CARD);
    assert.deepStrictEqual(form.last<FormInit>('init')!.values.path, { location_id: MANHATTAN });
    const types = await until('the card types', () => cardTypes(form));
    assert.ok(types.options.length > 0, 'the chain has card types');
  });

  it('opens the form without the location when the question is dismissed, with the locations as a dropdown', async () => {
    const api = await altegio();
    await api.altegio.locations.select(undefined);
    const prompter = scriptedPrompter({ pick: [undefined] });
    await withPrompter(api, prompter, () => vscode.commands.executeCommand('altegio.issueLoyaltyCard'));
    const form = await formAfter(api, ISSUE_CARD);
    assert.deepStrictEqual(form.last<FormInit>('init')!.values.path, {});
    const locations = await until('the locations', () =>
      form.posted.find((m) => m.type === 'lookup' && m.field === 'location_id' && m.status === 'ready'),
    );
    assert.deepStrictEqual(
      (locations as FormLookup).options.map((o) => o.value),
      [MANHATTAN, BROOKLYN],
    );
  });

  it('takes the tree item before the default location, the default location before the only choice', async () => {
    const api = await altegio();
    await api.altegio.locations.select({
      locationId: BROOKLYN,
      locationTitle: 'Bloom Beauty - Brooklyn',
      chainId: CHAIN,
    });
    // From a client in Manhattan: its location and its phone, as digits; nothing is asked.
    let log = await run(api, [], 'altegio.issueLoyaltyCard', {
      locationId: MANHATTAN,
      chainId: CHAIN,
      clientPhone: '+1 315 555-0175',
    });
    let form = await formAfter(api, ISSUE_CARD);
    assert.deepStrictEqual(form.last<FormInit>('init')!.values, {
      path: { location_id: MANHATTAN },
      query: {},
      body: { phone: 13155550175 },
    });
    assert.strictEqual(log.picks.length, 0);
    await closeForms(api);
    // From the palette: the default location.
    log = await run(api, [], 'altegio.issueLoyaltyCard');
    form = await formAfter(api, ISSUE_CARD);
    assert.deepStrictEqual(form.last<FormInit>('init')!.values.path, { location_id: BROOKLYN });
    await closeForms(api);
    // A chain's operation with no default location: the only chain these tokens see.
    await api.altegio.locations.select(undefined);
    log = await run(api, [], 'altegio.openOperation', 'get_chain_loyalty_card_type_list');
    form = await formAfter(api, 'get_chain_loyalty_card_type_list');
    assert.deepStrictEqual(form.last<FormInit>('init')!.values.path, { chain_id: CHAIN });
    assert.strictEqual(log.picks.length, 0);
  });

  it('reads the card types again when a location is typed into location_id', async () => {
    const api = await altegio();
    await api.altegio.locations.select(undefined);
    const form = await openForm(api, api.altegio.catalog().requireOperation(ISSUE_CARD));
    assert.deepStrictEqual(form.last<FormInit>('init')!.values.path, {});
    const unavailable = await until('the card types to wait for a location', () =>
      form.posted.find((m) => m.type === 'lookup' && m.field === 'loyalty_card_type_id'),
    );
    assert.strictEqual((unavailable as FormLookup).status, 'unavailable');
    const mark = form.posted.length;
    form.deliver({ type: 'change', seq: 1, values: { path: { location_id: MANHATTAN }, query: {}, body: {} } });
    const types = await until('the card types of the typed location', () => cardTypes(form, mark));
    assert.ok(types.options.length > 0);
    // Another location of the same chain: the chain's card types stay, nothing is read again.
    const again = form.posted.length;
    form.deliver({ type: 'change', seq: 2, values: { path: { location_id: BROOKLYN }, query: {}, body: {} } });
    await until('the validation of the change', () => form.posted.slice(again).find((m) => m.type === 'validation'));
    await new Promise((r) => setTimeout(r, 500));
    assert.strictEqual(
      form.posted.slice(again).find((m) => m.type === 'lookup' && m.field === 'loyalty_card_type_id'),
      undefined,
    );
  });

  it("finds a client by name and fills the phone with the client's digits", async () => {
    const api = await altegio();
    const form = await openForm(api, api.altegio.catalog().requireOperation(ISSUE_CARD), {
      context: { locationId: MANHATTAN, chainId: CHAIN },
    });
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
    const api = await altegio();
    const form = await openForm(api, api.altegio.catalog().requireOperation(ISSUE_CARD), {
      context: { locationId: MANHATTAN, chainId: CHAIN },
    });
    const result = await exchangeWith<FormResult>(
      form,
      {
        type: 'send',
        seq: 1,
        values: {
          path: { location_id: MANHATTAN },
          query: {},
          body: { loyalty_card_number: `CTX-${Date.now()}`, loyalty_card_type_id: '999999', phone: 13155550175 },
        },
      },
      'result',
    );
    assert.strictEqual(result.status, 422);
    assert.deepStrictEqual(
      result.issues.map((i) => [i.key, i.source]),
      [['body:loyalty_card_type_id', 'server']],
    );
    const refusal = result.issues[0].message;
    assert.strictEqual(result.message, 'Altegio refused 1 value; it is marked at its field.');
    assert.ok(!result.message?.includes(refusal), 'the banner does not repeat the field error');
    assert.ok(!JSON.stringify(result.summary).includes(refusal), 'nor does the summary');
  });
});
