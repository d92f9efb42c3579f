// The sandbox's parts on their own: the seed business, the store's derived indexes, the rate limiter (with a fake clock), the Authorization and
// Accept checks, and the catalog-driven router.
import * as assert from 'assert';
import { getCatalog } from '../../src/api/catalog';
import { acceptProblem } from '../../src/sandbox/accept';
import { CHAIN_ID, staff, services } from '../../src/sandbox/seed/business';
import { generateActivity } from '../../src/sandbox/seed/activity';
import { generateClients } from '../../src/sandbox/seed/clients';
import { generateWorkingHours } from '../../src/sandbox/seed/hours';
import { SeededRandom } from '../../src/sandbox/seed/random';
import { createSeedState } from '../../src/sandbox/seed';
import { SlidingWindowRateLimiter } from '../../src/sandbox/rate-limit';
import { parseAuthorization } from '../../src/sandbox/request-auth';
import { route } from '../../src/sandbox/router';
import type { CollectionName } from '../../src/sandbox/model';
import { Store } from '../../src/sandbox/store';
import { availabilityProblem } from '../../src/sandbox/handlers/schedules';

describe('the seed business', () => {
  const state = createSeedState();
  const ids = (name: CollectionName) => new Set(state.collections[name].map((x) => x.id));

  it('is generated the same way every time (no clock, no Math.random)', () => {
    const build = () => {
      const random = new SeededRandom(CHAIN_ID);
      const clients = generateClients(random);
      return { clients, activity: generateActivity(random, staff, services, clients, generateWorkingHours(staff)) };
    };
    assert.deepStrictEqual(build(), build());
  });

  it('has one chain with two locations, about 200 clients and a month of appointments', () => {
    assert.deepStrictEqual(
      state.collections.chains.map((c) => [c.id, c.title]),
      [[706028, 'Bloom Beauty Group']],
    );
    assert.deepStrictEqual(
      state.collections.locations.map((l) => l.id),
      [720441, 720442],
    );
    assert.strictEqual(state.collections.clients.length, 200);
    const days = new Set(state.collections.appointments.map((a) => a.datetime.slice(0, 10)));
    assert.strictEqual(days.size, 31);
    assert.ok([...days].every((d) => d.startsWith('2026-03-')));
  });

  it('gives clients unique, valid phone numbers and realistic names', () => {
    const phones = state.collections.clients.map((c) => c.phone);
    assert.strictEqual(new Set(phones).size, phones.length);
    assert.ok(phones.every((p) => /^1[0-9]{10}$/.test(p)));
    assert.ok(state.collections.clients.every((c) => /^[A-Z][a-z]+$/.test(c.name) && /^[A-Z][a-z]+$/.test(c.surname)));
  });

  it("contains every entity the OpenAPI document's path examples name", () => {
    const wanted: [CollectionName, number][] = [
      ['locations', 720441],
      ['chains', 706028],
      ['clients', 4240788],
      ['staff', 5905],
      ['loyaltyCards', 9250498],
      ['services', 2001],
      ['serviceCategories', 1001],
      ['appointments', 140967944],
      ['products', 232674],
      ['tags', 67345],
      ['positions', 301],
      ['stockDocuments', 22254960],
      ['goodsTransactions', 3428010],
      ['deposits', 220],
      ['memberships', 659878],
      ['membershipTypes', 97804],
      ['giftCardTypes', 27841],
      ['loyaltyPrograms', 12720],
      ['users', 12345],
      ['customFields', 1],
      ['loyaltyCardTypes', 8230],
      ['accounts', 90218],
      ['accounts', 23182],
    ];
    for (const [collection, id] of wanted) assert.ok(ids(collection).has(id), `${collection} ${id}`);
    const olivia = state.collections.clients.find((c) => c.id === 4240788)!;
    assert.deepStrictEqual([olivia.name, olivia.surname, olivia.phone], ['Olivia', 'Brown', '13155550179']);
  });

  it('links only to entities that exist, in the same location', () => {
    const byId = <K extends CollectionName>(name: K) => new Map(state.collections[name].map((x) => [x.id, x]));
    const staffById = byId('staff');
    const clientsById = byId('clients');
    const servicesById = byId('services');
    for (const a of state.collections.appointments) {
      assert.strictEqual(staffById.get(a.staff_id)?.location_id, a.location_id, `appointment ${a.id} staff`);
      assert.strictEqual(clientsById.get(a.client_id!)?.location_id, a.location_id, `appointment ${a.id} client`);
      for (const s of a.services)
        assert.strictEqual(servicesById.get(s.id)?.location_id, a.location_id, `appointment ${a.id} service`);
    }
    for (const card of state.collections.loyaltyCards) {
      assert.strictEqual(clientsById.get(card.client_id)?.phone, card.phone, `card ${card.id}`);
      assert.ok(ids('loyaltyCardTypes').has(card.type_id));
    }
  });

  it('never books a team member twice at the same time (a group event counts once)', () => {
    const byStaff = new Map<number, [number, number][]>();
    const events = new Set<number>();
    for (const a of state.collections.appointments) {
      if (a.activity_id) {
        if (events.has(a.activity_id)) continue;
        events.add(a.activity_id);
      }
      const start = Date.parse(a.datetime);
      const list = byStaff.get(a.staff_id) ?? [];
      list.push([start, start + a.seance_length * 1000]);
      byStaff.set(a.staff_id, list);
    }
    for (const [member, slots] of byStaff) {
      slots.sort((x, y) => x[0] - y[0]);
      for (let i = 1; i < slots.length; i++)
        assert.ok(slots[i][0] >= slots[i - 1][1], `team member ${member} overlaps`);
    }
  });

  it("books every appointment within its team member's working hours", () => {
    const store = new Store(createSeedState());
    for (const a of state.collections.appointments) {
      const member = store.get('staff', a.staff_id)!;
      const problem = availabilityProblem(store, member, a.datetime, a.seance_length, {
        recordId: a.id,
        activityId: a.activity_id || undefined,
      });
      assert.strictEqual(problem, undefined, `appointment ${a.id}`);
    }
  });
});

describe('Store.derived', () => {
  it('computes once and keeps the value until a collection it reads changes', () => {
    const store = new Store(createSeedState());
    let computed = 0;
    const count = () =>
      store.derived('test.staffCount', ['staff'], () => {
        computed++;
        return store.list('staff').length;
      });
    assert.strictEqual(count(), count());
    assert.strictEqual(computed, 1);
    store.update('clients', 4240788, { comment: 'another collection' });
    count();
    assert.strictEqual(computed, 1);
    store.remove('staff', 5923);
    assert.strictEqual(count(), 9);
    assert.strictEqual(computed, 2);
    store.replace(createSeedState());
    assert.strictEqual(count(), 10);
    assert.strictEqual(computed, 3);
  });
});

describe('SlidingWindowRateLimiter', () => {
  it('allows 5 per second, then asks to wait until the window frees up', () => {
    let now = 10_000;
    const limiter = new SlidingWindowRateLimiter({ perSecond: 5, perMinute: 200 }, () => now);
    for (let i = 0; i < 5; i++) {
      assert.deepStrictEqual(limiter.check('a'), { allowed: true });
      now += 100;
    }
    assert.deepStrictEqual(limiter.check('a'), { allowed: false, window: 'second', retryAfterSeconds: 1 });
    assert.deepStrictEqual(limiter.check('b'), { allowed: true }, 'another IP has its own budget');
    now = 11_001;
    assert.deepStrictEqual(limiter.check('a'), { allowed: true });
  });

  it('allows 200 per minute, and refused requests do not count', () => {
    let now = 0;
    const limiter = new SlidingWindowRateLimiter({ perSecond: 5, perMinute: 200 }, () => now);
    for (let i = 0; i < 200; i++) {
      assert.ok(limiter.check('a').allowed, `request ${i}`);
      now += 250;
    }
    const refused = limiter.check('a');
    assert.strictEqual(refused.allowed, false);
    assert.ok(
      !refused.allowed && refused.window === 'minute' && refused.retryAfterSeconds === 10,
      JSON.stringify(refused),
    );
    for (let i = 0; i < 10; i++) limiter.check('a');
    now = 60_001;
    assert.ok(limiter.check('a').allowed, 'the oldest request left the minute window');
  });
});

describe('request checks', () => {
  it('reads the partner and user tokens from the Authorization header', () => {
    assert.deepStrictEqual(parseAuthorization('Bearer abc, User def'), { partner: 'abc', user: 'def' });
    assert.deepStrictEqual(parseAuthorization('bearer abc,user def'), { partner: 'abc', user: 'def' });
    assert.deepStrictEqual(parseAuthorization('Bearer abc'), { partner: 'abc' });
    assert.deepStrictEqual(parseAuthorization('Basic abc'), {});
    assert.deepStrictEqual(parseAuthorization(undefined), {});
  });

  it('accepts the API media type, with parameters or among others, and nothing else', () => {
    assert.strictEqual(acceptProblem('application/vnd.api.v2+json'), undefined);
    assert.strictEqual(acceptProblem('application/vnd.api.v2+json;charset=UTF-8'), undefined);
    assert.strictEqual(acceptProblem('text/html, application/vnd.api.v2+json'), undefined);
    assert.match(acceptProblem(undefined)!, /missing/);
    assert.match(acceptProblem('*/*')!, /must be/);
    assert.match(acceptProblem('application/vnd.yclients.v2+json')!, /must be/);
  });

  it('routes from the catalog: operations, 405 with the allowed methods, 404', () => {
    const catalog = getCatalog();
    const card = route(catalog, 'DELETE', '/loyalty/cards/720441/9250498');
    assert.ok(card.kind === 'operation' && card.operation.id === 'remove_loyalty_card');
    assert.deepStrictEqual(card.kind === 'operation' && card.pathParams, { location_id: '720441', card_id: '9250498' });
    const literal = route(catalog, 'GET', '/labels/720441/clients');
    assert.ok(
      literal.kind === 'operation' && literal.operation.id === 'get_labels_clients',
      'literal segments win over parameters',
    );
    assert.deepStrictEqual(route(catalog, 'PUT', '/loyalty/cards/720441'), {
      kind: 'method-not-allowed',
      allowed: ['POST'],
    });
    assert.deepStrictEqual(route(catalog, 'GET', '/nothing/here'), { kind: 'not-found' });
  });
});
