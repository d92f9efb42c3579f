// With a data file, a 2xx means the write is on disk: a process killed with SIGKILL the moment after it answered
// loses nothing it acknowledged, and a journal whose last line was torn by the kill is read up to that line.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { DEMO_CREDENTIALS, SandboxDataError, startSandbox } from '../../src/sandbox';
import { journalPath, recoverState } from '../../src/sandbox/persistence';
import { startSandboxProcess } from './helpers/sandbox-process';
import { ACCEPT, send } from './sandbox-support';

const AUTH = `Bearer ${DEMO_CREDENTIALS.partnerToken}, User ${DEMO_CREDENTIALS.userToken}`;

async function createClient(baseUrl: string, name: string, phone: string): Promise<number> {
  const res = await fetch(`${baseUrl}/clients/720441`, {
    method: 'POST',
    headers: { Accept: ACCEPT, Authorization: AUTH, 'Content-Type': 'application/json' },
    body: JSON.stringify({ name, phone }),
  });
  const text = await res.text();
  assert.ok(res.status >= 200 && res.status < 300, text);
  return (JSON.parse(text) as { data: { id: number } }).data.id;
}

describe('sandbox durability', () => {
  let dir: string;
  let file: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sandbox-durable-'));
    file = path.join(dir, 'data.json');
  });
  afterEach(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('keeps a write that was answered 2xx when the process is killed with SIGKILL right after (D3)', async function () {
    this.timeout(60_000);
    const acknowledged: number[] = [];
    for (let round = 0; round < 3; round++) {
      const proc = await startSandboxProcess(file);
      try {
        acknowledged.push(await createClient(proc.baseUrl, `Killed Right After ${round}`, `1315555020${round}`));
      } finally {
        await proc.kill();
      }
    }
    const sandbox = await startSandbox({ rateLimit: false, dataFile: file });
    try {
      for (const id of acknowledged) {
        const res = await send(sandbox, { path: `/client/720441/${id}` });
        assert.strictEqual(res.status, 200, `client ${id} was acknowledged, then lost: ${res.text}`);
      }
    } finally {
      await sandbox.close();
    }
  });

  it('never gives out the id of a deleted client again, after a clean stop or a SIGKILL', async function () {
    this.timeout(30_000);
    const proc = await startSandboxProcess(file);
    let deleted: number;
    try {
      deleted = await createClient(proc.baseUrl, 'Deleted Last', '13155550220');
      const res = await fetch(`${proc.baseUrl}/client/720441/${deleted}`, {
        method: 'DELETE',
        headers: { Accept: ACCEPT, Authorization: AUTH },
      });
      assert.ok(res.ok, await res.text());
    } finally {
      await proc.kill();
    }
    for (let restart = 0; restart < 2; restart++) {
      const sandbox = await startSandbox({ rateLimit: false, dataFile: file });
      try {
        const next = await send(sandbox, {
          method: 'POST',
          path: '/clients/720441',
          body: { name: `After Delete ${restart}`, phone: `1315555022${restart + 1}` },
        });
        assert.ok((next.json as { data: { id: number } }).data.id > deleted, next.text);
      } finally {
        await sandbox.close();
      }
    }
  });

  it('answers 500, never 2xx, when a write cannot be journaled, and journals it with the next write that can', async () => {
    const sandbox = await startSandbox({ rateLimit: false, dataFile: file });
    // A spy on Node's FileHandle: the next journal append fails as a full disk would.
    const probe = await fs.promises.open(path.join(dir, 'probe'), 'w');
    const fileHandle = Object.getPrototypeOf(probe) as { write: (...args: unknown[]) => Promise<unknown> };
    await probe.close();
    const write = fileHandle.write;
    fileHandle.write = () => Promise.reject(Object.assign(new Error('no space left on device'), { code: 'ENOSPC' }));
    let failed;
    try {
      failed = await send(sandbox, {
        method: 'POST',
        path: '/clients/720441',
        body: { name: 'Disk Full', phone: '13155550230' },
      });
    } finally {
      fileHandle.write = write;
    }
    try {
      assert.strictEqual(failed.status, 500, failed.text);
      assert.match((failed.json as { meta: { message: string } }).meta.message, /could not be saved.*no space left/);
      const next = await send(sandbox, {
        method: 'POST',
        path: '/clients/720441',
        body: { name: 'Disk Back', phone: '13155550231' },
      });
      assert.ok(next.status >= 200 && next.status < 300, next.text);
      // What a restart would read right now: both writes, the one answered 500 carried by the next commit.
      const names = recoverState(file)!.state.collections.clients.map((c) => (c as { name: string }).name);
      assert.ok(names.includes('Disk Full') && names.includes('Disk Back'));
    } finally {
      await sandbox.close();
    }
  });

  it('ignores a torn last journal line, and keeps every line before it', async function () {
    this.timeout(30_000);
    const proc = await startSandboxProcess(file);
    let id: number;
    try {
      id = await createClient(proc.baseUrl, 'Before Tear', '13155550210');
    } finally {
      await proc.kill();
    }
    const journal = fs.readFileSync(journalPath(file), 'utf8');
    assert.ok(journal.endsWith('\n') && journal.includes('Before Tear'), journal.slice(0, 200));
    // What a kill in the middle of the next append would leave behind.
    fs.appendFileSync(journalPath(file), '{"seq":99,"ops":[{"op":"put","coll');
    const sandbox = await startSandbox({ rateLimit: false, dataFile: file });
    try {
      assert.strictEqual((await send(sandbox, { path: `/client/720441/${id}` })).status, 200);
      const next = await send(sandbox, {
        method: 'POST',
        path: '/clients/720441',
        body: { name: 'After Tear', phone: '13155550211' },
      });
      assert.ok(next.status >= 200 && next.status < 300, next.text);
    } finally {
      await sandbox.close();
    }
    const again = await startSandbox({ rateLimit: false, dataFile: file });
    await again.close();
  });

  it('refuses to start on a journal damaged before its last line, and leaves it alone', async () => {
    const first = await startSandbox({ rateLimit: false, dataFile: file });
    await first.close();
    const damaged = `{"seq":1,"ops":[]}\nnot json\n{"seq":2,"ops":[]}\n`;
    fs.writeFileSync(journalPath(file), damaged);
    await assert.rejects(
      startSandbox({ dataFile: file }),
      (e: Error) => e instanceof SandboxDataError && /line 2/.test(e.message),
    );
    assert.strictEqual(fs.readFileSync(journalPath(file), 'utf8'), damaged);
  });
});
