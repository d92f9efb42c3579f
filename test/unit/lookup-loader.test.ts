import * as assert from 'assert';
import { getCatalog } from '../../src/api/catalog';
import type { RequestInput } from '../../src/api/http-types';
import { lookupByKey } from '../../src/api/lookups';
import { LookupLoader } from '../../src/webviews/form/lookup-loader';

function fakeSession(answer: (input: RequestInput) => unknown) {
  const calls: RequestInput[] = [];
  return {
    calls,
    session: {
      async fetch(input: RequestInput) {
        calls.push(input);
        const data = answer(input);
        if (data instanceof Error) throw data;
        return { data } as never;
      },
    },
  };
}

describe('form lookups', () => {
  it('lists the card types of the chain as options, and reads them once for a while', async () => {
    const fake = fakeSession(() => [
      { id: 8231, title: 'Gold' },
      { id: 8232, title: 'Club' },
    ]);
    const loader = new LookupLoader(fake.session, getCatalog, (e) => (e instanceof Error ? e.message : String(e)));
    const result = await loader.load('loyalty_card_type_id', { locationId: 720441, chainId: 706028 });
    assert.deepStrictEqual(result, {
      status: 'ready',
      options: [
        { value: '8231', label: 'Gold', description: '#8231' },
        { value: '8232', label: 'Club', description: '#8232' },
      ],
    });
    assert.strictEqual(fake.calls[0].operation.id, 'get_chain_loyalty_card_type_list');
    assert.deepStrictEqual(fake.calls[0].pathParams, { chain_id: 706028 });
    await loader.load('loyalty_card_type_id', { locationId: 720441, chainId: 706028 });
    assert.strictEqual(fake.calls.length, 1, 'cached');
    await loader.load('loyalty_card_type_id', { locationId: 720441, chainId: 706028 }, true);
    assert.strictEqual(fake.calls.length, 2, 'read again when forced');
  });

  it('is unavailable without the chain or location the list needs, and asks nothing', async () => {
    const fake = fakeSession(() => []);
    const loader = new LookupLoader(fake.session, getCatalog, (e) => (e instanceof Error ? e.message : String(e)));
    assert.strictEqual((await loader.load('loyalty_card_type_id', { locationId: 720441 })).status, 'unavailable');
    assert.strictEqual((await loader.load('staff_id', {})).status, 'unavailable');
    assert.strictEqual((await loader.load('not_a_lookup', { locationId: 1 })).status, 'unavailable');
    assert.strictEqual(fake.calls.length, 0);
  });

  it('searches clients by what is typed', async () => {
    const fake = fakeSession((input) =>
      (input.body as { filters?: unknown[] }).filters
        ? [{ id: 7, name: 'James', surname: 'Smith', phone: '+13155550175' }]
        : [],
    );
    const loader = new LookupLoader(fake.session, getCatalog, (e) => (e instanceof Error ? e.message : String(e)));
    const result = await loader.load('client_id', { locationId: 720441, term: 'James' });
    assert.deepStrictEqual(result, {
      status: 'ready',
      options: [{ value: 7, label: 'James Smith', description: '+13155550175' }],
    });
    assert.deepStrictEqual((fake.calls[0].body as { filters: unknown }).filters, [
      { type: 'quick_search', state: { value: 'James' } },
    ]);
  });

  it('reports a failed read as an error, and tries again next time', async () => {
    let fail = true;
    const fake = fakeSession(() => (fail ? new Error('403 Forbidden') : [{ id: 1, name: 'Ann' }]));
    const loader = new LookupLoader(fake.session, getCatalog, (e) => (e instanceof Error ? e.message : String(e)));
    assert.deepStrictEqual(await loader.load('staff_id', { locationId: 1 }), {
      status: 'error',
      options: [],
      message: '403 Forbidden',
    });
    fail = false;
    assert.strictEqual((await loader.load('staff_id', { locationId: 1 })).status, 'ready');
  });

  it("searches clients for a phone field and offers the client's phone as digits", async () => {
    const fake = fakeSession(() => [{ id: 7, name: 'James', surname: 'Smith', phone: '+1 315 555-0175' }]);
    const loader = new LookupLoader(fake.session, getCatalog);
    const phones = await loader.loadSpec(lookupByKey('clientPhones')!, { locationId: 720441, term: 'James' });
    assert.deepStrictEqual(phones.options, [
      { value: '13155550175', label: 'James Smith', description: '+1 315 555-0175' },
    ]);
    // The same search for client_id is its own list (ids), not the phones read a moment ago.
    const ids = await loader.loadSpec(lookupByKey('clients')!, { locationId: 720441, term: 'James' });
    assert.deepStrictEqual(ids.options[0].value, 7);
    assert.strictEqual(fake.calls.length, 2);
  });

  it('lists the locations and chains of the business directory, and nothing without one', async () => {
    const directory = {
      read: () =>
        Promise.resolve({
          locations: [{ locationId: 720441, locationTitle: 'Manhattan', chainId: 706028, chainTitle: 'Bloom' }],
          chains: [{ chainId: 706028, chainTitle: 'Bloom' }],
        }),
    };
    const fake = fakeSession(() => []);
    const loader = new LookupLoader(fake.session, getCatalog, String, directory);
    assert.deepStrictEqual(await loader.load('location_id', {}), {
      status: 'ready',
      options: [{ value: 720441, label: 'Manhattan', description: '#720441 · Bloom' }],
    });
    assert.deepStrictEqual((await loader.load('chain_id', {})).options, [
      { value: 706028, label: 'Bloom', description: '#706028' },
    ]);
    assert.strictEqual(
      (await new LookupLoader(fake.session, getCatalog).load('location_id', {})).status,
      'unavailable',
    );
    assert.strictEqual(fake.calls.length, 0, 'the directory read them, not the loader');
  });

  it("keeps a chain's card types for every location of that chain", async () => {
    const fake = fakeSession(() => [{ id: 8231, title: 'Gold' }]);
    const loader = new LookupLoader(fake.session, getCatalog);
    await loader.load('loyalty_card_type_id', { locationId: 720441, chainId: 706028 });
    await loader.load('loyalty_card_type_id', { locationId: 720442, chainId: 706028 });
    assert.strictEqual(fake.calls.length, 1);
    const spec = lookupByKey('cardTypes')!;
    assert.strictEqual(
      LookupLoader.contextKey({ locationId: 1, chainId: 706028 }, spec),
      LookupLoader.contextKey({ locationId: 2, chainId: 706028 }, spec),
    );
  });
});
