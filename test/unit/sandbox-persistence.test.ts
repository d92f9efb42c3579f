// Persistence: with a data file the sandbox's state survives restarts, writes are atomic, and a file that cannot
// be read stops the start instead of being replaced.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { SandboxDataError, startSandbox } from '../../src/sandbox';
import { send } from './sandbox-support';

describe('sandbox persistence', () => {
  let dir: string;
  let file: string;

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sandbox-data-'));
    file = path.join(dir, 'nested', 'sandbox.json');
  });
  afterEach(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  async function searchByName(sandbox: Awaited<ReturnType<typeof startSandbox>>, name: string): Promise<number[]> {
    const res = await send(sandbox, {
      method: 'POST',
      path: '/company/720441/clients/search',
      body: { filters: [{ type: 'quick_search', state: { value: name } }] },
    });
    return (res.json as { data: { id: number }[] }).data.map((c) => c.id);
  }

  it('keeps the state in the data file across a restart', async () => {
    const first = await startSandbox({ rateLimit: false, dataFile: file });
    assert.ok(fs.existsSync(file), 'a new data file is written at once with the seed business');
    const created = await send(first, {
      method: 'POST',
      path: '/clients/720441',
      body: { name: 'Persisted', surname: 'Person', phone: '12125550901' },
    });
    const id = (created.json as { data: { id: number } }).data.id;
    await send(first, { method: 'DELETE', path: '/loyalty/cards/720441/9250498' });
    await first.close();

    const second = await startSandbox({ rateLimit: false, dataFile: file });
    try {
      assert.deepStrictEqual(await searchByName(second, 'Persisted Person'), [id]);
      const cards = await send(second, { path: '/loyalty/cards/13155550179/706028/720441' });
      assert.deepStrictEqual((cards.json as { data: unknown[] }).data, []);
      const next = await send(second, {
        method: 'POST',
        path: '/clients/720441',
        body: { name: 'Next', phone: '12125550902' },
      });
      assert.ok((next.json as { data: { id: number } }).data.id > id, 'ids keep counting up after a restart');
    } finally {
      await second.close();
    }
  });

  it('saves changes without waiting for close (debounced), leaving no temporary files', async () => {
    const sandbox = await startSandbox({ rateLimit: false, dataFile: file });
    try {
      await send(sandbox, {
        method: 'POST',
        path: '/clients/720441',
        body: { name: 'Debounced', phone: '12125550903' },
      });
      const deadline = Date.now() + 3000;
      while (!fs.readFileSync(file, 'utf8').includes('Debounced') && Date.now() < deadline)
        await new Promise((r) => setTimeout(r, 50));
      assert.ok(fs.readFileSync(file, 'utf8').includes('Debounced'));
      assert.deepStrictEqual(fs.readdirSync(path.dirname(file)), ['sandbox.json']);
    } finally {
      await sandbox.close();
    }
  });

  it('keeps data in memory only without a data file', async () => {
    const first = await startSandbox({ rateLimit: false });
    await send(first, { method: 'POST', path: '/clients/720441', body: { name: 'Ephemeral', phone: '12125550904' } });
    await first.close();
    const second = await startSandbox({ rateLimit: false });
    try {
      assert.deepStrictEqual(await searchByName(second, 'Ephemeral'), []);
    } finally {
      await second.close();
    }
  });

  it('refuses to start on a file that is not JSON, and leaves the file alone', async () => {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, '{"version": 1, "collections": {"clients": [');
    await assert.rejects(startSandbox({ dataFile: file }), (e: Error) => {
      assert.ok(e instanceof SandboxDataError);
      assert.ok(e.message.includes(file));
      assert.match(e.message, /not valid JSON/);
      assert.match(e.message, /never overwrites/);
      return true;
    });
    assert.strictEqual(fs.readFileSync(file, 'utf8'), '{"version": 1, "collections": {"clients": [');
  });

  it('refuses a file of another format version or with a damaged collection', async () => {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, JSON.stringify({ version: 99, collections: {} }));
    await assert.rejects(startSandbox({ dataFile: file }), /format version 99/);
    const good = await startSandbox({ rateLimit: false, dataFile: path.join(dir, 'good.json') });
    await good.close();
    const state = JSON.parse(fs.readFileSync(path.join(dir, 'good.json'), 'utf8')) as {
      collections: Record<string, unknown[]>;
    };
    state.collections.clients.push({ name: 'no id' });
    fs.writeFileSync(file, JSON.stringify(state));
    await assert.rejects(startSandbox({ dataFile: file }), /clients\[\d+\] has no integer "id"/);
  });

  it('writes the seed back on reset', async () => {
    const sandbox = await startSandbox({ rateLimit: false, dataFile: file });
    try {
      await send(sandbox, { method: 'DELETE', path: '/client/720441/4240788' });
      await sandbox.flush();
      assert.ok(!fs.readFileSync(file, 'utf8').includes('"id":4240788,'));
      await sandbox.reset();
      assert.ok(fs.readFileSync(file, 'utf8').includes('"id":4240788,'));
    } finally {
      await sandbox.close();
    }
  });
});
