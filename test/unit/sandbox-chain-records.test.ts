// The chain's loyalty terms (membership types, gift card types, programs) share one create/read/update/delete
// implementation: each is held to the same life cycle through the sandbox's HTTP API.
import * as assert from 'assert';
import { sharedSandbox, send } from './sandbox-support';

const CHAIN = 706028;
const OTHER_CHAIN = 706029;

type Envelope = { data: Record<string, unknown> | null; meta: { message?: string; errors?: Record<string, string[]> } };
const data = (json: unknown) => (json as Envelope).data!;

interface Collection {
  name: string;
  path: string;
  what: string;
  create: Record<string, unknown>;
  /** A change of some fields, and what the view then shows for them. */
  update: Record<string, unknown>;
  changed: Record<string, unknown>;
  /** A field the update leaves alone, with the value the create gave it. */
  kept: [string, unknown];
  /** A body its checks refuse, and the field they name. */
  invalid: Record<string, unknown>;
  invalidField: string;
}

const COLLECTIONS: Collection[] = [
  {
    name: 'membership types',
    path: `/chain/${CHAIN}/loyalty/abonement_types`,
    what: 'Membership type',
    create: { title: 'Ten visits', cost: 300, united_balance_services_count: 10 },
    update: { title: 'Ten visits', cost: 280 },
    changed: { cost: 280 },
    kept: ['united_balance_services_count', 10],
    invalid: { title: 'Ten visits', cost: -1 },
    invalidField: 'cost',
  },
  {
    name: 'gift card types',
    path: `/chain/${CHAIN}/loyalty/certificate_types`,
    what: 'Gift card type',
    create: { title: 'Spa day', balance: 150, is_multi: false, item_type_id: 0, expiration_type_id: 2 },
    update: { title: 'Spa day', balance: 200, is_multi: false, item_type_id: 0, expiration_type_id: 2 },
    changed: { balance: 200 },
    kept: ['expiration_timeout', 12],
    invalid: { title: 'Spa day', balance: 0, is_multi: false, item_type_id: 0, expiration_type_id: 2 },
    invalidField: 'balance',
  },
  {
    name: 'loyalty programs',
    path: `/chain/${CHAIN}/loyalty/programs`,
    what: 'Loyalty program',
    create: { title: 'Spring cashback', usage_limit: 3 },
    update: { title: 'Spring cashback 2026' },
    changed: { title: 'Spring cashback 2026' },
    kept: ['usage_limit', 3],
    invalid: { title: '  ' },
    invalidField: 'title',
  },
];

describe("sandbox: the chain's loyalty terms", () => {
  const sandbox = sharedSandbox();

  for (const c of COLLECTIONS) {
    describe(c.name, () => {
      it('creates a record of the chain, reads it, changes only the fields given, deletes it, then answers 404', async () => {
        const created = await send(sandbox, { method: 'POST', path: c.path, body: c.create });
        assert.ok(created.status < 300, created.text);
        const id = data(created.json).id as number;
        const read = await send(sandbox, { path: `${c.path}/${id}` });
        assert.strictEqual(read.status, 200, read.text);
        assert.deepStrictEqual(data(read.json), data(created.json));

        const updated = await send(sandbox, { method: 'PUT', path: `${c.path}/${id}`, body: c.update });
        assert.strictEqual(updated.status, 200, updated.text);
        for (const [key, value] of Object.entries(c.changed)) assert.deepStrictEqual(data(updated.json)[key], value);
        assert.deepStrictEqual(data(updated.json)[c.kept[0]], c.kept[1]);
        assert.deepStrictEqual(data((await send(sandbox, { path: `${c.path}/${id}` })).json), data(updated.json));

        const deleted = await send(sandbox, { method: 'DELETE', path: `${c.path}/${id}` });
        assert.ok(deleted.status < 300, deleted.text);
        const gone = await send(sandbox, { path: `${c.path}/${id}` });
        assert.strictEqual(gone.status, 404);
        assert.strictEqual((gone.json as Envelope).meta.message, `${c.what} ${id} not found.`);
      });

      it('answers 404 for a record of another chain, and leaves it as it was', async () => {
        const id = data((await send(sandbox, { method: 'POST', path: c.path, body: c.create })).json).id as number;
        const elsewhere = `${c.path.replace(String(CHAIN), String(OTHER_CHAIN))}/${id}`;
        assert.strictEqual((await send(sandbox, { path: elsewhere })).status, 404);
        assert.strictEqual((await send(sandbox, { method: 'PUT', path: elsewhere, body: c.update })).status, 404);
        assert.strictEqual((await send(sandbox, { method: 'DELETE', path: elsewhere })).status, 404);
        const kept = await send(sandbox, { path: `${c.path}/${id}` });
        assert.strictEqual(kept.status, 200);
        assert.deepStrictEqual(data(kept.json).title, c.create.title);
      });

      it('refuses a body its checks reject with a 422 naming the field, and stores nothing for it', async () => {
        const before = data((await send(sandbox, { method: 'POST', path: c.path, body: c.create })).json).id as number;
        const refused = await send(sandbox, { method: 'POST', path: c.path, body: c.invalid });
        assert.strictEqual(refused.status, 422, refused.text);
        assert.ok((refused.json as Envelope).meta.errors?.[c.invalidField], refused.text);
        // The body is checked before a record is made: the refused one took no id and left no record.
        const after = data((await send(sandbox, { method: 'POST', path: c.path, body: c.create })).json).id as number;
        assert.strictEqual(after, before + 1);
      });
    });
  }
});
