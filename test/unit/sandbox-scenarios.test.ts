// Scenarios against the sandbox's state: sign-in, the loyalty-card life cycle, clients, paging, appointments and
// the other entity families with real create/read/update/delete.
import * as assert from 'assert';
import { DEMO_CREDENTIALS } from '../../src/sandbox';
import { createSeedState } from '../../src/sandbox/seed';
import { sharedSandbox, send } from './sandbox-support';

type Envelope<T = unknown> = {
  success: boolean;
  data: T;
  meta: Record<string, unknown> & { errors?: Record<string, string[]> };
};
type Card = {
  id: number;
  number: string;
  type_id: number;
  balance: number;
  points: number;
  programs: { id: number }[];
};
type ClientRow = { id: number; name: string; phone: string };

function env<T>(json: unknown): Envelope<T> {
  return json as Envelope<T>;
}

describe('sandbox scenarios', () => {
  const sandbox = sharedSandbox();

  describe('signing in through POST /auth', () => {
    it('gives the demo user their user token, which then opens user operations', async () => {
      const res = await send(sandbox, {
        method: 'POST',
        path: '/auth',
        auth: 'partner',
        body: { login: DEMO_CREDENTIALS.login, password: DEMO_CREDENTIALS.password },
      });
      assert.strictEqual(res.status, 201);
      const user = env<{ id: number; user_token: string; name: string }>(res.json).data;
      assert.strictEqual(user.user_token, DEMO_CREDENTIALS.userToken);
      assert.strictEqual(user.name, DEMO_CREDENTIALS.userName);
      const location = await send(sandbox, {
        path: '/company/720441',
        auth: 'none',
        headers: { Authorization: `Bearer ${DEMO_CREDENTIALS.partnerToken}, User ${user.user_token}` },
      });
      assert.strictEqual(location.status, 200);
      assert.strictEqual(env<{ title: string }>(location.json).data.title, 'Bloom Beauty - Manhattan');
    });

    it('accepts the login as a phone number, and the owner from the reference data', async () => {
      const byPhone = await send(sandbox, {
        method: 'POST',
        path: '/auth',
        auth: 'partner',
        body: { login: '+13155550176', password: DEMO_CREDENTIALS.password },
      });
      assert.strictEqual(byPhone.status, 201);
      const owner = await send(sandbox, {
        method: 'POST',
        path: '/auth',
        auth: 'partner',
        body: { login: 'j.smith@example.com', password: 'testpass' },
      });
      assert.strictEqual(owner.status, 201);
      assert.strictEqual(env<{ id: number }>(owner.json).data.id, 12345);
    });

    it('refuses a wrong password with a 401 envelope', async () => {
      const res = await send(sandbox, {
        method: 'POST',
        path: '/auth',
        auth: 'partner',
        body: { login: DEMO_CREDENTIALS.login, password: 'wrong' },
      });
      assert.strictEqual(res.status, 401);
      assert.deepStrictEqual(res.json, {
        success: false,
        data: null,
        meta: { message: 'Incorrect login or password.' },
      });
    });
  });

  describe('the loyalty card life cycle', () => {
    // A client of Manhattan without a card.
    const seed = createSeedState().collections;
    const carded = new Set(seed.loyaltyCards.map((c) => c.phone));
    const phone = seed.clients.find((c) => c.location_id === 720441 && !carded.has(c.phone))!.phone;

    it('issues a card, lists it by phone, moves its balance, deletes it (204) and it is gone', async () => {
      const issued = await send(sandbox, {
        method: 'POST',
        path: '/loyalty/cards/720441',
        body: { loyalty_card_number: 'BLOOM-0001', loyalty_card_type_id: '8230', phone: Number(phone) },
      });
      assert.strictEqual(issued.status, 200, issued.text);
      const card = env<Card>(issued.json).data;
      assert.strictEqual(card.number, 'BLOOM-0001');
      assert.strictEqual(card.type_id, 8230);
      assert.strictEqual(card.balance, 0);
      assert.strictEqual(card.points, 0);
      assert.deepStrictEqual(
        card.programs.map((p) => p.id),
        [12720, 12723],
        'the programs linked to the card type',
      );

      const listed = await send(sandbox, { path: `/loyalty/cards/${phone}/706028/720441` });
      assert.strictEqual(listed.status, 200);
      assert.deepStrictEqual(
        env<Card[]>(listed.json).data.map((c) => c.id),
        [card.id],
      );
      assert.deepStrictEqual(env(listed.json).meta, { total_count: 1 });

      const topUp = await send(sandbox, {
        method: 'POST',
        path: `/company/720441/loyalty/cards/${card.id}/manual_transaction`,
        body: { amount: 25, title: 'Welcome bonus' },
      });
      assert.strictEqual(env<Card>(topUp.json).data.balance, 25);
      const withdraw = await send(sandbox, {
        method: 'POST',
        path: `/chain/706028/loyalty/cards/${card.id}/manual_transaction`,
        body: { amount: -5 },
      });
      assert.strictEqual(env<Card>(withdraw.json).data.balance, 20);
      const overdraw = await send(sandbox, {
        method: 'POST',
        path: `/company/720441/loyalty/cards/${card.id}/manual_transaction`,
        body: { amount: -50 },
      });
      assert.strictEqual(overdraw.status, 422);
      assert.ok(env(overdraw.json).meta.errors?.amount);

      const removed = await send(sandbox, { method: 'DELETE', path: `/loyalty/cards/720441/${card.id}` });
      assert.strictEqual(removed.status, 204);
      assert.strictEqual(removed.text, '');

      const after = await send(sandbox, { path: `/loyalty/cards/${phone}/706028/720441` });
      assert.deepStrictEqual(env<Card[]>(after.json).data, []);
      const again = await send(sandbox, { method: 'DELETE', path: `/loyalty/cards/720441/${card.id}` });
      assert.strictEqual(again.status, 404);
    });

    it('lists the seeded reference card by phone and by client id, and the types still available to its holder', async () => {
      const byPhone = env<Card[]>(
        (await send(sandbox, { path: '/loyalty/cards/13155550179/706028/720441' })).json,
      ).data;
      assert.deepStrictEqual(
        byPhone.map((c) => [c.id, c.number, c.balance]),
        [[9250498, '0070602809250498', 12.5]],
      );
      const byClient = env<Card[]>((await send(sandbox, { path: '/loyalty/client_cards/4240788' })).json).data;
      assert.deepStrictEqual(
        byClient.map((c) => c.id),
        [9250498],
      );
      const types = env<{ id: number }[]>(
        (await send(sandbox, { path: '/loyalty/card_types/client/720441/13155550179' })).json,
      ).data;
      assert.deepStrictEqual(
        types.map((t) => t.id),
        [8231, 8232],
      );
      const chainTypes = await send(sandbox, { path: '/chain/706028/loyalty/card_types', auth: 'partner' });
      assert.deepStrictEqual(env(chainTypes.json).data, [
        { id: 8230, title: 'Bloom Cashback' },
        { id: 8231, title: 'Bloom Club' },
        { id: 8232, title: 'Bloom Gold' },
      ]);
    });
  });

  describe('clients', () => {
    it('creates a client that the search then finds, by name and by phone', async () => {
      const created = await send(sandbox, {
        method: 'POST',
        path: '/clients/720441',
        body: {
          name: 'Zelda',
          surname: 'Quartermaine',
          phone: '+1 (212) 555-0999'.replace(/[^+0-9]/g, ''),
          email: 'zelda@example.com',
          categories: [101],
        },
      });
      assert.strictEqual(created.status, 201, created.text);
      const client = env<{ id: number; phone: string; categories: { title: string }[] }>(created.json).data;
      assert.strictEqual(client.phone, '+12125550999');
      assert.deepStrictEqual(
        client.categories.map((c) => c.title),
        ['Loyal'],
      );

      const byName = await send(sandbox, {
        method: 'POST',
        path: '/company/720441/clients/search',
        body: { filters: [{ type: 'quick_search', state: { value: 'quartermaine' } }] },
      });
      assert.deepStrictEqual(
        env<ClientRow[]>(byName.json).data.map((c) => [c.id, c.name]),
        [[client.id, 'Zelda Quartermaine']],
      );
      const byPhone = await send(sandbox, {
        method: 'POST',
        path: '/company/720441/clients/search',
        body: { fields: ['id', 'phone'], filters: [{ type: 'quick_search', state: { value: '2125550999' } }] },
      });
      assert.deepStrictEqual(env(byPhone.json).data, [{ id: client.id, phone: '+12125550999' }]);
      assert.deepStrictEqual(env(byPhone.json).meta, { total_count: 1 });

      const updated = await send(sandbox, {
        method: 'PUT',
        path: `/client/720441/${client.id}`,
        body: { name: 'Zelda', surname: 'Quartermaine-Jones', phone: '12125550999' },
      });
      assert.strictEqual(env<{ surname: string }>(updated.json).data.surname, 'Quartermaine-Jones');
      assert.strictEqual((await send(sandbox, { method: 'DELETE', path: `/client/720441/${client.id}` })).status, 204);
      assert.strictEqual((await send(sandbox, { path: `/client/720441/${client.id}` })).status, 404);
    });

    it('pages through all clients of a location: pages add up to total_count with no duplicates', async () => {
      const seen: number[] = [];
      let total = -1;
      for (let page = 1; page < 100; page++) {
        const res = await send(sandbox, {
          method: 'POST',
          path: '/company/720441/clients/search',
          body: { page, page_size: 37, order_by: 'name' },
        });
        const body = env<ClientRow[]>(res.json);
        total = body.meta.total_count as number;
        if (body.data.length === 0) break;
        assert.ok(body.data.length <= 37);
        seen.push(...body.data.map((c) => c.id));
      }
      assert.strictEqual(total, 150);
      assert.strictEqual(seen.length, total);
      assert.strictEqual(new Set(seen).size, total);
    });

    it('pages the deprecated GET list with page and count (default 20)', async () => {
      const first = env<ClientRow[]>((await send(sandbox, { path: '/clients/720442' })).json);
      assert.strictEqual(first.data.length, 20);
      assert.strictEqual(first.meta.total_count, 50);
      const ids = new Set<number>();
      for (let page = 1; page <= 3; page++) {
        const res = env<ClientRow[]>((await send(sandbox, { path: `/clients/720442?page=${page}&count=20` })).json);
        for (const c of res.data) ids.add(c.id);
      }
      assert.strictEqual(ids.size, 50);
      const filtered = env<ClientRow[]>(
        (await send(sandbox, { path: '/clients/720441?fullname=olivia%20brown' })).json,
      );
      assert.deepStrictEqual(
        filtered.data.map((c) => c.id),
        [4240788],
      );
    });

    it('caps page_size at the documented maximum of 200', async () => {
      const res = env<ClientRow[]>(
        (await send(sandbox, { method: 'POST', path: '/company/720441/clients/search', body: { page_size: 1000 } }))
          .json,
      );
      assert.strictEqual(res.data.length, 150);
    });

    it('creates clients in bulk, reporting bad rows', async () => {
      const res = await send(sandbox, {
        method: 'POST',
        path: '/clients/720442/bulk',
        body: [
          { name: 'Ann Lee', phone: '+13475550888' },
          { name: 'Bad Phone', phone: '+123' },
        ],
      });
      const data = env<{ created: ClientRow[]; errors: { error: string }[] }>(res.json).data;
      assert.deepStrictEqual(
        data.created.map((c) => c.name),
        ['Ann Lee'],
      );
      assert.deepStrictEqual(
        data.errors.map((e) => e.error),
        ['Phone must contain 9 to 15 digits'],
      );
    });
  });

  describe('appointments', () => {
    const body = (datetime: string) => ({
      staff_id: 5905,
      services: [{ id: 2001, first_cost: 90, discount: 10, cost: 81 }],
      client: { phone: '13155550179', name: 'Olivia Brown' },
      datetime,
      seance_length: 3600,
      comment: 'Trim',
    });

    it('books, reads, lists by date, refuses a clash and deletes', async () => {
      const created = await send(sandbox, {
        method: 'POST',
        path: '/records/720441',
        body: body('2026-04-02T10:00:00-04:00'),
      });
      assert.strictEqual(created.status, 201, created.text);
      const record = env<{
        id: number;
        client: { id: number };
        staff: { name: string };
        date: string;
        services: { title: string }[];
      }>(created.json).data;
      assert.strictEqual(record.client.id, 4240788);
      assert.strictEqual(record.staff.name, 'Emma Johnson');
      assert.strictEqual(record.date, '2026-04-02 10:00:00');
      assert.deepStrictEqual(
        record.services.map((s) => s.title),
        ["Women's haircut"],
      );

      const clash = await send(sandbox, {
        method: 'POST',
        path: '/records/720441',
        body: body('2026-04-02T10:30:00-04:00'),
      });
      assert.strictEqual(clash.status, 422);
      assert.ok(env(clash.json).meta.errors?.datetime);

      const listed = env<{ id: number }[]>(
        (await send(sandbox, { path: '/records/720441?start_date=2026-04-02&end_date=2026-04-02' })).json,
      );
      assert.deepStrictEqual(
        listed.data.map((r) => r.id),
        [record.id],
      );

      assert.strictEqual((await send(sandbox, { method: 'DELETE', path: `/record/720441/${record.id}` })).status, 204);
      assert.strictEqual((await send(sandbox, { path: `/record/720441/${record.id}` })).status, 404);
    });

    it('creates the client of a booking when the phone is new, as Altegio does', async () => {
      const created = await send(sandbox, {
        method: 'POST',
        path: '/records/720441',
        body: { ...body('2026-04-03T12:00:00-04:00'), client: { phone: '19175550777', name: 'Nina Park' } },
      });
      assert.strictEqual(created.status, 201, created.text);
      const search = await send(sandbox, {
        method: 'POST',
        path: '/company/720441/clients/search',
        body: { filters: [{ type: 'quick_search', state: { value: 'Nina Park' } }] },
      });
      assert.strictEqual(env<ClientRow[]>(search.json).data.length, 1);
    });

    it('lists a month of seeded appointments, page by page', async () => {
      const first = env<{ id: number }[]>(
        (await send(sandbox, { path: '/records/720441?start_date=2026-03-01&end_date=2026-03-31' })).json,
      );
      assert.strictEqual(first.data.length, 50, 'count defaults to 50');
      assert.ok((first.meta.total_count as number) > 300);
    });
  });

  describe('other families with real state', () => {
    it('creates, patches and deletes a service', async () => {
      const created = await send(sandbox, {
        method: 'POST',
        path: '/services/720441',
        body: {
          title: 'Scalp massage',
          category_id: 1001,
          price_min: 30,
          price_max: 30,
          staff: [{ id: 5907, seance_length: 1800 }],
        },
      });
      assert.strictEqual(created.status, 201, created.text);
      const id = env<{ id: number }>(created.json).data.id;
      const patched = await send(sandbox, { method: 'PATCH', path: `/services/720441/${id}`, body: { price_max: 40 } });
      assert.strictEqual(env<{ price_max: number }>(patched.json).data.price_max, 40);
      const byStaff = env<{ id: number }[]>(
        (await send(sandbox, { path: '/services/720441?staff_id=5907' })).json,
      ).data.map((s) => s.id);
      assert.ok(byStaff.includes(id));
      assert.strictEqual((await send(sandbox, { method: 'DELETE', path: `/services/720441/${id}` })).status, 204);
      assert.strictEqual((await send(sandbox, { path: `/company/720441/services/${id}` })).status, 404);
    });

    it('updates and deletes a team member', async () => {
      const updated = await send(sandbox, {
        method: 'PUT',
        path: '/staff/720441/5909',
        body: { specialization: 'Senior aesthetician' },
      });
      assert.strictEqual(env<{ specialization: string }>(updated.json).data.specialization, 'Senior aesthetician');
      assert.strictEqual((await send(sandbox, { method: 'DELETE', path: '/staff/720441/5909' })).status, 204);
      const list = env<{ id: number }[]>((await send(sandbox, { path: '/staff/720441' })).json).data.map((s) => s.id);
      assert.ok(!list.includes(5909));
    });

    it('creates, searches, updates and deletes a product', async () => {
      const created = await send(sandbox, {
        method: 'POST',
        path: '/goods/720441',
        body: {
          title: 'Rose hand balm',
          category_id: 289633,
          cost: 18,
          sale_unit_id: 4835,
          service_unit_id: 3548,
          unit_equals: 50,
        },
      });
      const id = env<{ good_id: number }>(created.json).data.good_id;
      const found = env<{ good_id: number }[]>((await send(sandbox, { path: '/goods/720441?term=rose' })).json).data;
      assert.deepStrictEqual(
        found.map((p) => p.good_id),
        [id],
      );
      const updated = await send(sandbox, {
        method: 'PUT',
        path: `/goods/720441/${id}`,
        body: {
          title: 'Rose hand balm 50 ml',
          category_id: 289633,
          cost: 19,
          sale_unit_id: 4835,
          service_unit_id: 3548,
          unit_equals: 50,
        },
      });
      assert.strictEqual(env<{ cost: number }>(updated.json).data.cost, 19);
      assert.strictEqual((await send(sandbox, { method: 'DELETE', path: `/goods/720441/${id}` })).status, 200);
      assert.strictEqual((await send(sandbox, { path: `/goods/720441/${id}` })).status, 404);
    });

    it('creates (200 "Accepted"), lists, updates and deletes a tag', async () => {
      const created = await send(sandbox, {
        method: 'POST',
        path: '/labels/720441',
        body: { title: 'Bridal party', color: '#aa00ff', entity: 2 },
      });
      assert.strictEqual(created.status, 200);
      assert.deepStrictEqual(env(created.json).meta, { message: 'Accepted' });
      const tags = env<{ id: number; title: string }[]>(
        (await send(sandbox, { path: '/labels/720441/record' })).json,
      ).data;
      const tag = tags.find((t) => t.title === 'Bridal party')!;
      assert.ok(tag);
      assert.strictEqual(
        (
          await send(sandbox, {
            method: 'PUT',
            path: `/labels/720441/${tag.id}`,
            body: { title: 'Bridal', color: '#aa00ff' },
          })
        ).status,
        200,
      );
      assert.strictEqual((await send(sandbox, { method: 'DELETE', path: `/labels/720441/${tag.id}` })).status, 200);
      const after = env<{ id: number }[]>((await send(sandbox, { path: '/labels/720441/2' })).json).data;
      assert.ok(!after.some((t) => t.id === tag.id));
    });

    it('reads chains and locations from the seed business', async () => {
      const chains = env<{ id: number; companies: { id: number }[] }[]>(
        (await send(sandbox, { path: '/groups' })).json,
      ).data;
      assert.deepStrictEqual(
        chains.map((c) => [c.id, c.companies.map((l) => l.id)]),
        [[706028, [720441, 720442]]],
      );
      const locations = env<{ id: number }[]>(
        (await send(sandbox, { path: '/companies?group_id=706028', auth: 'partner' })).json,
      );
      assert.deepStrictEqual(
        locations.data.map((l) => l.id),
        [720441, 720442],
      );
    });
  });
});
