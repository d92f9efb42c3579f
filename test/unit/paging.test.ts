import * as assert from 'assert';
import { AltegioClient } from '../../src/api/client';
import { getCatalog } from '../../src/api/catalog';
import { CancelledError } from '../../src/api/errors';
import type { ApiResponse, RequestInput } from '../../src/api/http-types';
import { fetchAllPages, nextPageInput, pageItems, readTotal, withPage } from '../../src/api/paging';
import { RateLimiter } from '../../src/api/rate-limiter';
import { FakeClock } from './helpers/fake-clock';
import { sendJson, startServer, type RecordedRequest, type TestServer } from './helpers/test-server';
import { TOKENS, operation } from './helpers/operations';

const catalog = getCatalog();
const locations = catalog.requireOperation('get_location_list'); // page/count in the query, meta.total_count
const clientSearch = catalog.requireOperation('get_client_list'); // page/page_size in the body, max 200
const fiscal = catalog.requireOperation('get_fiscal_transaction_list'); // page/editable_length, meta.count
const labelClients = catalog.requireOperation('get_labels_clients'); // page only, no size parameter
const visits = catalog.requireOperation('search_client_visits'); // from/to cursors in meta

interface ListServerOptions {
  items: number;
  /** The server's own page size when the request names none. */
  serverPageSize?: number;
  totalField?: 'total_count' | 'count' | null;
  ignorePage?: boolean;
}

/** A fake Altegio list: reads the page and size wherever the operation sends them and slices 1..items. */
function listHandler(options: ListServerOptions) {
  return (req: { url?: string }, res: Parameters<typeof sendJson>[0], recorded: RecordedRequest) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const source: Record<string, unknown> = recorded.body
      ? JSON.parse(recorded.body)
      : Object.fromEntries(url.searchParams);
    const page = options.ignorePage ? 1 : Number(source.page ?? 1);
    const size = Number(source.count ?? source.page_size ?? source.editable_length ?? options.serverPageSize ?? 10);
    const all = Array.from({ length: options.items }, (_, i) => ({ id: i + 1 }));
    const data = all.slice((page - 1) * size, page * size);
    const field = options.totalField === undefined ? 'total_count' : options.totalField;
    sendJson(res, 200, { success: true, data, meta: field ? { [field]: options.items } : [] });
  };
}

describe('paging', () => {
  let server: TestServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });
  async function serve(options: ListServerOptions): Promise<{ s: TestServer; client: AltegioClient }> {
    server = await startServer(listHandler(options));
    return {
      s: server,
      client: new AltegioClient({ baseUrl: server.baseUrl, credentials: () => TOKENS, rateLimiter: null }),
    };
  }
  const queryOf = (r: RecordedRequest) => Object.fromEntries(new URL(r.url, 'http://x').searchParams);

  it('reads every page with page/count in the query until total_count is reached', async () => {
    const { s, client } = await serve({ items: 45 });
    const progress: unknown[] = [];
    const result = await fetchAllPages(
      client,
      { operation: locations },
      { pageSize: 20, onProgress: (p) => progress.push(p) },
    );
    assert.deepStrictEqual(
      result.items.map((i) => (i as { id: number }).id),
      Array.from({ length: 45 }, (_, i) => i + 1),
    );
    assert.strictEqual(result.pages, 3);
    assert.strictEqual(result.total, 45);
    assert.strictEqual(result.truncated, false);
    assert.deepStrictEqual(s.requests.map(queryOf), [
      { page: '1', count: '20' },
      { page: '2', count: '20' },
      { page: '3', count: '20' },
    ]);
    assert.deepStrictEqual(progress, [
      { page: 1, items: 20, total: 45 },
      { page: 2, items: 40, total: 45 },
      { page: 3, items: 45, total: 45 },
    ]);
  });

  it('pages in the body with page/page_size, keeping the other body fields', async () => {
    const { s, client } = await serve({ items: 60 });
    const input: RequestInput = {
      operation: clientSearch,
      pathParams: { location_id: 1 },
      body: { fields: ['id'], order_by: 'name' },
    };
    const result = await fetchAllPages(client, input, { pageSize: 25 });
    assert.strictEqual(result.items.length, 60);
    assert.deepStrictEqual(
      s.requests.map((r) => JSON.parse(r.body)),
      [1, 2, 3].map((page) => ({ fields: ['id'], order_by: 'name', page, page_size: 25 })),
    );
    assert.ok(
      s.requests.every((r) => r.url === '/api/v1/company/1/clients/search'),
      'nothing paged in the query',
    );
  });

  it('uses the documented default page size when none is asked for', async () => {
    const { s, client } = await serve({ items: 30 });
    await fetchAllPages(client, { operation: clientSearch, pathParams: { location_id: 1 } });
    assert.strictEqual(clientSearch.paging?.defaultSize, 25);
    assert.deepStrictEqual(
      s.requests.map((r) => JSON.parse(r.body).page_size),
      [25, 25],
    );
  });

  it('reads the total from meta.count where the operation documents it', async () => {
    const { client } = await serve({ items: 12, totalField: 'count' });
    const result = await fetchAllPages(client, { operation: fiscal, pathParams: { location_id: 1 } }, { pageSize: 5 });
    assert.strictEqual(result.total, 12);
    assert.strictEqual(result.pages, 3);
    assert.strictEqual(result.items.length, 12);
  });

  it('stops on a short page when there is no total', async () => {
    const { s, client } = await serve({ items: 30, totalField: null });
    const result = await fetchAllPages(client, { operation: locations }, { pageSize: 20 });
    assert.strictEqual(result.items.length, 30);
    assert.strictEqual(result.total, undefined);
    assert.strictEqual(s.requests.length, 2);
  });

  it('stops when the total is reached, without asking for an empty page', async () => {
    const { s, client } = await serve({ items: 40 });
    await fetchAllPages(client, { operation: locations }, { pageSize: 20 });
    assert.strictEqual(s.requests.length, 2);
  });

  it('stops on an empty page when neither the size nor the total is known', async () => {
    assert.strictEqual(labelClients.paging?.sizeParam, undefined);
    const { s, client } = await serve({ items: 20, serverPageSize: 10, totalField: null });
    const result = await fetchAllPages(client, { operation: labelClients, pathParams: { location_id: 1 } });
    assert.strictEqual(result.items.length, 20);
    assert.strictEqual(s.requests.length, 3);
    assert.strictEqual(result.truncated, false);
  });

  it('stops at maxItems and says the result is truncated', async () => {
    const { s, client } = await serve({ items: 100 });
    const result = await fetchAllPages(client, { operation: locations }, { pageSize: 20, maxItems: 30 });
    assert.strictEqual(result.items.length, 30);
    assert.strictEqual(result.truncated, true);
    assert.strictEqual(result.pages, 2);
    assert.strictEqual(s.requests.length, 2);
  });

  it('stops at maxPages when the server ignores the page number', async () => {
    const { s, client } = await serve({ items: 50, ignorePage: true, totalField: null });
    const result = await fetchAllPages(client, { operation: locations }, { pageSize: 10, maxPages: 4 });
    assert.strictEqual(s.requests.length, 4);
    assert.strictEqual(result.truncated, true);
  });

  it('can be cancelled between pages', async () => {
    const { s, client } = await serve({ items: 100 });
    const controller = new AbortController();
    await assert.rejects(
      fetchAllPages(
        client,
        { operation: locations },
        {
          pageSize: 10,
          signal: controller.signal,
          onProgress: (p) => {
            if (p.page === 2) controller.abort();
          },
        },
      ),
      (e: unknown) => e instanceof CancelledError && /cancelled after 2 page/.test(e.message),
    );
    assert.strictEqual(s.requests.length, 2);
  });

  it('sends every page through the rate limiter', async () => {
    server = await startServer(listHandler({ items: 30 }));
    const clock = new FakeClock();
    const client = new AltegioClient({
      baseUrl: server.baseUrl,
      credentials: () => TOKENS,
      clock,
      rateLimiter: new RateLimiter({ marginMs: 0, clock, perSecond: 2, perMinute: 0 }),
    });
    const pending = fetchAllPages(client, { operation: locations }, { pageSize: 10 });
    for (let i = 0; i < 100 && server.requests.length < 2; i++) await new Promise((r) => setTimeout(r, 5));
    await new Promise((r) => setTimeout(r, 50));
    assert.strictEqual(server.requests.length, 2, 'the third page waits for a slot');
    await clock.advance(1000);
    assert.strictEqual((await pending).items.length, 30);
  });

  it('follows the from/to cursors that the visit history returns in meta', async () => {
    const pages: Record<string, { data: unknown[]; meta: unknown }> = {
      '2022-01-01': { data: [{ id: 1 }, { id: 2 }], meta: { from: '2022-03-01', to: '2022-12-31' } },
      '2022-03-01': { data: [{ id: 3 }], meta: { from: '2022-07-01', to: '2022-12-31' } },
      '2022-07-01': { data: [{ id: 4 }], meta: [] },
    };
    server = await startServer((_req, res, recorded) => {
      const page = pages[JSON.parse(recorded.body).from as string];
      sendJson(res, 200, { success: true, ...page });
    });
    const client = new AltegioClient({ baseUrl: server.baseUrl, credentials: () => TOKENS, rateLimiter: null });
    const body = {
      client_id: 5,
      client_phone: null,
      from: '2022-01-01',
      to: '2022-12-31',
      payment_statuses: [],
      attendance: null,
    };
    const result = await fetchAllPages(client, { operation: visits, pathParams: { location_id: 1 }, body });
    assert.deepStrictEqual(result.items, [{ id: 1 }, { id: 2 }, { id: 3 }, { id: 4 }]);
    assert.deepStrictEqual(
      server.requests.map((r) => JSON.parse(r.body).from),
      ['2022-01-01', '2022-03-01', '2022-07-01'],
    );
    assert.strictEqual(JSON.parse(server.requests[1].body).client_id, 5);
  });
});

describe('paging helpers', () => {
  const response = (data: unknown, meta: unknown = []): Pick<ApiResponse, 'data' | 'meta'> => ({ data, meta });

  it('withPage sets the page and a size clamped to the documented maximum', () => {
    assert.deepStrictEqual(withPage({ operation: locations, query: { my: 1 } }, 3, 50).query, {
      my: 1,
      page: 3,
      count: 50,
    });
    assert.deepStrictEqual(withPage({ operation: clientSearch, body: { a: 1 } }, 2, 1000).body, {
      a: 1,
      page: 2,
      page_size: 200,
    });
  });

  it('withPage refuses operations that are not paged by number, and bad numbers', () => {
    assert.throws(() => withPage({ operation: operation({ method: 'GET', path: '/x' }) }, 1), /not a paged list/);
    assert.throws(() => withPage({ operation: visits }, 1), /cursors/);
    assert.throws(() => withPage({ operation: locations }, 0), RangeError);
    assert.throws(() => withPage({ operation: locations }, 1, 0), RangeError);
  });

  it('readTotal reads total_count or count as documented, and nothing else', () => {
    assert.strictEqual(readTotal(locations, { meta: { total_count: 908 } }), 908);
    assert.strictEqual(readTotal(locations, { meta: { total_count: '12' } }), 12);
    assert.strictEqual(readTotal(locations, { meta: { count: 5 } }), undefined);
    assert.strictEqual(readTotal(fiscal, { meta: { count: 5 } }), 5);
    assert.strictEqual(readTotal(locations, { meta: [] }), undefined);
    assert.strictEqual(readTotal(locations, { meta: { total_count: -1 } }), undefined);
  });

  it('nextPageInput asks for the next page only while there can be more', () => {
    const first = withPage({ operation: locations }, 1, 2);
    assert.deepStrictEqual(nextPageInput(first, response([1, 2], { total_count: 5 }))?.query, { page: 2, count: 2 });
    assert.strictEqual(nextPageInput(first, response([1], { total_count: 5 })), undefined, 'short page');
    assert.strictEqual(nextPageInput(first, response([])), undefined, 'empty page');
    assert.strictEqual(
      nextPageInput(withPage({ operation: locations }, 2, 2), response([3, 4], { total_count: 4 })),
      undefined,
      'total reached',
    );
    assert.ok(nextPageInput(first, response([1, 2])), 'full page, no total: there may be more');
  });

  it('nextPageInput stops following a cursor that does not move', () => {
    const input: RequestInput = { operation: visits, body: { from: '2022-01-01', to: '2022-02-01' } };
    assert.strictEqual(nextPageInput(input, response([1], { from: '2022-01-01', to: '2022-02-01' })), undefined);
    assert.deepStrictEqual(nextPageInput(input, response([1], { from: '2022-01-15', to: '2022-02-01' }))?.body, {
      from: '2022-01-15',
      to: '2022-02-01',
    });
  });

  it('pageItems takes the list from data, or the list inside an object', () => {
    assert.deepStrictEqual(pageItems([1, 2]), [1, 2]);
    assert.deepStrictEqual(pageItems({ title: 'Root', children: [{ id: 1 }] }), [{ id: 1 }]);
    assert.deepStrictEqual(pageItems(null), []);
  });
});
