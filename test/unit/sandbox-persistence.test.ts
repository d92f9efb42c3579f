// Persistence: with a data file the sandbox's state survives restarts, each write is on disk when it is answered,
// and a file that cannot be read stops the start instead of being replaced.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { SandboxDataError, startSandbox } from '../../src/sandbox';
import { journalPath } from '../../src/sandbox/persistence';
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

  it('has each write on disk when it is answered: in the journal, folded into the data file later, no temporary files', async () => {
    const sandbox = await startSandbox({ rateLimit: false, dataFile: file });
    try {
      await send(sandbox, {
        method: 'POST',
        path: '/clients/720441',
        body: { name: 'Journaled', phone: '12125550903' },
      });
      assert.ok(fs.readFileSync(journalPath(file), 'utf8').includes('Journaled'), 'in the journal when answered');
      assert.ok(!fs.readFileSync(file, 'utf8').includes('Journaled'));
      await sandbox.flush();
      assert.ok(fs.readFileSync(file, 'utf8').includes('Journaled'), 'in the data file after a flush');
      assert.strictEqual(fs.readFileSync(journalPath(file), 'utf8'), '', 'and the journal starts again');
      assert.deepStrictEqual(fs.readdirSync(path.dirname(file)).sort(), [
        'sandbox.json',
        'sandbox.json.journal',
        'sandbox.json.lock',
      ]);
    } finally {
      await sandbox.close();
    }
    assert.deepStrictEqual(fs.readdirSync(path.dirname(file)).sort(), ['sandbox.json', 'sandbox.json.journal']);
  });

  it('folds the journal into the data file by itself after a quiet moment', async () => {
    const sandbox = await startSandbox({ rateLimit: false, dataFile: file });
    try {
      await send(sandbox, { method: 'POST', path: '/clients/720441', body: { name: 'Folded', phone: '12125550905' } });
      const folded = () =>
        fs.readFileSync(file, 'utf8').includes('Folded') && fs.readFileSync(journalPath(file), 'utf8') === '';
      const deadline = Date.now() + 5000;
      while (!folded() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
      assert.ok(fs.readFileSync(file, 'utf8').includes('Folded'));
      assert.strictEqual(fs.readFileSync(journalPath(file), 'utf8'), '');
    } finally {
      await sandbox.close();
    }
  });

  it('refuses a second sandbox on the same data file while the first runs', async () => {
    const first = await startSandbox({ rateLimit: false, dataFile: file });
    try {
      await assert.rejects(startSandbox({ rateLimit: false, dataFile: file }), (e: Error) => {
        assert.ok(e instanceof SandboxDataError);
        assert.match(e.message, new RegExp(`another sandbox \\(process ${process.pid}\\) is using it`));
        return true;
      });
    } finally {
      await first.close();
    }
    const second = await startSandbox({ rateLimit: false, dataFile: file });
    await second.close();
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
