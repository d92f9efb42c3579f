// Hostile input never breaks the sandbox: bodies it cannot keep are refused before anything is stored, counters keyed
// by client input stay bounded, odd request targets and aborted requests end cleanly, and only requests addressed to
// the sandbox itself (Host) are answered.
import * as assert from 'assert';
import * as fs from 'fs';
import * as net from 'net';
import * as os from 'os';
import * as path from 'path';
import { startSandbox, type SandboxHandle } from '../../src/sandbox';
import { MAX_BODY_DEPTH, MAX_OBJECT_KEYS } from '../../src/sandbox/body';
import { MAX_COUNTED_KEYS, RequestStats } from '../../src/sandbox/stats';
import { ACCEPT, authorization, send } from './sandbox-support';

/** One raw HTTP/1.1 exchange over a socket, for requests node:http refuses to build. */
export function rawRequest(port: number, head: string, body = ''): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    socket.on('data', (c: Buffer) => chunks.push(c));
    socket.on('error', reject);
    socket.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(text)?.[1] ?? 0);
      resolve({ status, text: text.slice(text.indexOf('\r\n\r\n') + 4) });
    });
    socket.write(`${head.replace(/\n/g, '\r\n')}\r\nConnection: close\r\n\r\n${body}`);
  });
}

function nested(depth: number): string {
  return `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
}

function envelopeMessage(json: unknown): string {
  const body = json as { success?: unknown; data?: unknown; meta?: { message?: unknown } };
  assert.strictEqual(body.success, false);
  assert.strictEqual(body.data, null);
  assert.strictEqual(typeof body.meta?.message, 'string');
  return body.meta!.message as string;
}

describe('sandbox hardening', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sandbox-hardening-'));
  });
  afterEach(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  describe('bodies it cannot keep (D1)', () => {
    it('refuses a body nested 5,000 levels deep with 400 and the envelope, and keeps saving later writes', async () => {
      const file = path.join(dir, 'data.json');
      const sandbox = await startSandbox({ rateLimit: false, dataFile: file });
      const body = `{"name":"Deep","phone":"13155550101","custom_fields":${nested(5000)}}`;
      const deep = await send(sandbox, {
        method: 'POST',
        path: '/clients/720441',
        rawBody: { contentType: 'application/json', data: Buffer.from(body) },
      });
      assert.strictEqual(deep.status, 400);
      assert.match(envelopeMessage(deep.json), new RegExp(`deeper than ${MAX_BODY_DEPTH} levels`));

      const next = await send(sandbox, {
        method: 'POST',
        path: '/clients/720441',
        body: { name: 'After Deep', phone: '13155550102' },
      });
      assert.ok(next.status >= 200 && next.status < 300, next.text);
      await sandbox.close();
      const again = await startSandbox({ rateLimit: false, dataFile: file });
      try {
        const found = await send(again, {
          method: 'POST',
          path: '/company/720441/clients/search',
          body: { filters: [{ type: 'quick_search', state: { value: 'Deep' } }] },
        });
        const names = (found.json as { data: { name: string }[] }).data.map((c) => c.name);
        assert.deepStrictEqual(names, ['After Deep'], 'the refused body was never stored; the next write was');
      } finally {
        await again.close();
      }
    });

    it('refuses an object with too many keys with 400, and an oversized body with 413', async () => {
      const sandbox = await startSandbox({ rateLimit: false });
      try {
        const fields = Object.fromEntries(Array.from({ length: MAX_OBJECT_KEYS + 1 }, (_, i) => [`k${i}`, i]));
        const wide = await send(sandbox, {
          method: 'POST',
          path: '/clients/720441',
          body: { name: 'Wide', phone: '13155550103', custom_fields: fields },
        });
        assert.strictEqual(wide.status, 400);
        assert.match(envelopeMessage(wide.json), new RegExp(`more than ${MAX_OBJECT_KEYS} keys`));
        const big = await send(sandbox, {
          method: 'POST',
          path: '/clients/720441',
          body: { name: 'Big', phone: '13155550104', comment: 'x'.repeat(2 * 1024 * 1024) },
        });
        assert.strictEqual(big.status, 413);
        envelopeMessage(big.json);
      } finally {
        await sandbox.close();
      }
    });
  });

  describe('request counters (D2)', () => {
    it(`keep at most ${MAX_COUNTED_KEYS} paths, each cut short, however many unique paths arrive`, () => {
      const stats = new RequestStats();
      for (let i = 0; i < 100_000; i++) stats.record('GET', `/${i}/${'x'.repeat(1000 + (i % 3000))}`);
      const snapshot = stats.snapshot();
      assert.strictEqual(snapshot.total, 100_000);
      assert.ok(Object.keys(snapshot.requests).length <= MAX_COUNTED_KEYS);
      assert.ok(JSON.stringify(snapshot).length < 1024 * 1024, `${JSON.stringify(snapshot).length} characters`);
      const counted = Object.values(snapshot.requests).reduce((a, b) => a + b, 0);
      assert.strictEqual(counted + snapshot.uncounted, 100_000, 'what no longer fits is still counted in total');
    });

    it('still counts the paths a test asks about, and GET /__sandbox/stats stays small', async () => {
      const sandbox = await startSandbox({ rateLimit: false });
      try {
        for (let i = 0; i < MAX_COUNTED_KEYS + 200; i++)
          await send(sandbox, { path: `/nowhere/${i}/${'y'.repeat(2000)}` });
        await send(sandbox, { path: '/company/720441' });
        const res = await fetch(`${sandbox.origin}/__sandbox/stats`);
        const text = await res.text();
        assert.ok(text.length < 1024 * 1024, `${text.length} characters`);
        const stats = JSON.parse(text) as { total: number; requests: Record<string, number> };
        assert.strictEqual(stats.total, MAX_COUNTED_KEYS + 201);
        assert.strictEqual(stats.requests['GET /company/720441'], 1);
      } finally {
        await sandbox.close();
      }
    });
  });

  describe('request targets (D4)', () => {
    let sandbox: SandboxHandle;
    before(async () => {
      sandbox = await startSandbox({ rateLimit: false });
    });
    after(async () => {
      await sandbox.close();
    });

    for (const target of ['http://[', '//[', '/\\[', '*', 'http://[::1', 'https://x:y@[/']) {
      it(`answers the request target ${JSON.stringify(target)} with 400 or 404 and the envelope, never 500`, async () => {
        const res = await rawRequest(sandbox.port, `GET ${target} HTTP/1.1\nHost: 127.0.0.1:${sandbox.port}`);
        assert.ok(res.status === 400 || res.status === 404, `${res.status} ${res.text}`);
        envelopeMessage(JSON.parse(res.text));
      });
    }

    it('serves an absolute-form target addressed to the sandbox like its path', async () => {
      const auth = authorization(sandbox).Authorization;
      const res = await rawRequest(
        sandbox.port,
        `GET ${sandbox.baseUrl}/company/720441 HTTP/1.1\nHost: 127.0.0.1:${sandbox.port}\nAccept: ${ACCEPT}\nAuthorization: ${auth}`,
      );
      assert.strictEqual(res.status, 200, res.text);
      assert.strictEqual((JSON.parse(res.text) as { data: { id: number } }).data.id, 720441);
    });
  });

  describe('aborted requests (D8)', () => {
    it('finishes a request on the server when the client gives up during injected latency', async () => {
      const lines: string[] = [];
      const sandbox = await startSandbox({ rateLimit: false, log: (l) => lines.push(l), faults: { latencyMs: 300 } });
      try {
        await assert.rejects(
          send(sandbox, {
            method: 'POST',
            path: '/clients/720441',
            body: { name: 'Aborted', phone: '13155550105' },
            timeoutMs: 50,
          }),
        );
        const deadline = Date.now() + 3000;
        while (!lines.some((l) => l.startsWith('POST /api/v1/clients/720441')) && Date.now() < deadline)
          await new Promise((r) => setTimeout(r, 20));
        assert.ok(
          lines.some((l) => l.startsWith('POST /api/v1/clients/720441')),
          `the request never finished: ${lines.join(' | ')}`,
        );
      } finally {
        await sandbox.close();
      }
    });
  });

  describe('the Host header (D10)', () => {
    let sandbox: SandboxHandle;
    before(async () => {
      sandbox = await startSandbox({ rateLimit: false });
    });
    after(async () => {
      await sandbox.close();
    });

    for (const host of [
      'evil.example',
      'evil.example:PORT',
      '127.0.0.1:1',
      'localhost',
      '127.0.0.1.evil.example:PORT',
    ]) {
      it(`refuses Host: ${host} with 403 and the envelope, without demo credentials`, async () => {
        const value = host.replace('PORT', String(sandbox.port));
        for (const target of ['/__sandbox/info', '/api/v1/company/720441']) {
          const res = await rawRequest(sandbox.port, `GET ${target} HTTP/1.1\nHost: ${value}\nAccept: ${ACCEPT}`);
          assert.strictEqual(res.status, 403, `${target}: ${res.text}`);
          assert.match(envelopeMessage(JSON.parse(res.text)), /DNS rebinding/);
          assert.ok(!res.text.includes(sandbox.credentials.partnerToken));
        }
      });
    }

    it('refuses an absolute-form target that names another host', async () => {
      const res = await rawRequest(
        sandbox.port,
        `GET http://evil.example:${sandbox.port}/__sandbox/info HTTP/1.1\nHost: 127.0.0.1:${sandbox.port}`,
      );
      assert.strictEqual(res.status, 403, res.text);
    });

    it('answers Host: 127.0.0.1:PORT and localhost:PORT', async () => {
      for (const host of [`127.0.0.1:${sandbox.port}`, `localhost:${sandbox.port}`, `LOCALHOST:${sandbox.port}`]) {
        const res = await rawRequest(sandbox.port, `GET /__sandbox/info HTTP/1.1\nHost: ${host}`);
        assert.strictEqual(res.status, 200, `${host}: ${res.text}`);
      }
    });
  });
});
