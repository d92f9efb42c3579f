// Memory stays bounded whatever clients send: 100,000 requests (30,000 in the quick profile), each with its own 1–4 KB path and from its own
// source address (any 127.x.y.z is the machine itself), through the rate limit, the request counters and the router
// of a sandbox process. Its resident memory after a full garbage collection may grow by at most 50 MB; the peak while
// the requests ran (garbage included) is reported too, and GET /__sandbox/stats stays small.
import * as assert from 'assert';
import { fork, type ChildProcess } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { DEMO_CREDENTIALS } from '../../src/sandbox';
import { ACCEPT } from '../unit/sandbox-support';
import { count, note } from './figures';
import { PROFILE } from './profile';
import { encodeRequest, exchange } from './raw-http';

const REQUESTS = PROFILE.memoryRequests;
const WARM_UP = PROFILE.memoryWarmUp;
const IN_FLIGHT = 48;
const MAX_GROWTH_MB = 50;

function rssMb(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)![1]) / 1024;
}

/** The i-th loopback address, skipping x.y.z.0 and x.y.z.255. */
function sourceAddress(i: number): string {
  const n = Math.floor(i / 254);
  return `127.${(n >> 8) & 255}.${n & 255}.${(i % 254) + 1}`;
}

interface MeasuredSandbox {
  child: ChildProcess;
  port: number;
  /** Resident and heap memory after a full collection, in MB. */
  measure(): Promise<{ rss: number; heapUsed: number }>;
}

function startMeasuredSandbox(): Promise<MeasuredSandbox> {
  const child = fork(path.join(__dirname, 'helpers', 'measured-sandbox.ts'), [], {
    execArgv: ['--expose-gc', '--import', 'tsx'],
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  const next = () =>
    new Promise<Record<string, number | boolean>>((resolve, reject) => {
      child.once('message', (m) => resolve(m as Record<string, number | boolean>));
      child.once('exit', (code) => reject(new Error(`the sandbox exited (${code})`)));
    });
  return next().then(({ port }) => ({
    child,
    port: port as number,
    measure: async () => {
      const reply = next();
      child.send('measure');
      const m = await reply;
      assert.ok(m.collected, 'the child runs with --expose-gc');
      return { rss: (m.rss as number) / 1048576, heapUsed: (m.heapUsed as number) / 1048576 };
    },
  }));
}

async function send(proc: MeasuredSandbox, i: number): Promise<number> {
  const target =
    i % 10 === 0
      ? '/api/v1/company/720441'
      : `/api/v1/company/${i}/unknown/${i.toString(36)}-${'p'.repeat(1000 + ((i * 7919) % 3000))}`;
  const res = await exchange(
    proc.port,
    encodeRequest({
      method: 'GET',
      target,
      headers: [
        ['Host', `127.0.0.1:${proc.port}`],
        ['Accept', ACCEPT],
        ['Authorization', `Bearer ${DEMO_CREDENTIALS.partnerToken}, User ${DEMO_CREDENTIALS.userToken}`],
      ],
    }),
    { localAddress: sourceAddress(i) },
  );
  return res.status;
}

async function run(proc: MeasuredSandbox, from: number, to: number): Promise<Map<number, number>> {
  const statuses = new Map<number, number>();
  let next = from;
  await Promise.all(
    Array.from({ length: IN_FLIGHT }, async () => {
      for (let i = next++; i < to; i = next++) {
        const status = await send(proc, i);
        statuses.set(status, (statuses.get(status) ?? 0) + 1);
      }
    }),
  );
  count('memory: requests tried', to - from);
  return statuses;
}

describe('memory bound under unique paths and source addresses', function () {
  this.timeout(300_000);
  let proc: MeasuredSandbox | undefined;

  before(async function () {
    if (process.platform !== 'linux') this.skip(); // any 127.x.y.z as a source address is a Linux habit
    proc = await startMeasuredSandbox();
  });
  after(() => {
    proc?.child.kill('SIGKILL');
  });

  it(`grows by at most ${MAX_GROWTH_MB} MB over ${REQUESTS.toLocaleString('en-US')} requests`, async () => {
    const sandbox = proc!;
    await run(sandbox, 0, WARM_UP);
    const baseline = await sandbox.measure();
    let peak = baseline.rss;
    const sampler = setInterval(() => (peak = Math.max(peak, rssMb(sandbox.child.pid!))), 200);
    let statuses: Map<number, number>;
    try {
      statuses = await run(sandbox, WARM_UP, WARM_UP + REQUESTS);
    } finally {
      clearInterval(sampler);
    }
    const after = await sandbox.measure();
    const stats = await fetch(`http://127.0.0.1:${sandbox.port}/__sandbox/stats`).then((r) => r.text());
    const mb = (n: number) => Math.round(n * 10) / 10;
    note('memory: RSS baseline (MB)', mb(baseline.rss));
    note('memory: RSS growth (MB)', mb(after.rss - baseline.rss));
    note('memory: heap growth (MB)', mb(after.heapUsed - baseline.heapUsed));
    note('memory: RSS peak growth before collection (MB)', mb(peak - baseline.rss));
    note('memory: /__sandbox/stats size (KB)', Math.round(stats.length / 1024));
    note('memory: statuses', [...statuses].map(([s, n]) => `${s}×${n}`).join(' '));
    assert.ok(statuses.get(200)! >= REQUESTS / 10 - 1, 'the sandbox kept answering real requests');
    assert.ok(after.rss - baseline.rss <= MAX_GROWTH_MB, `RSS grew by ${mb(after.rss - baseline.rss)} MB`);
    assert.ok(stats.length < 1024 * 1024, `GET /__sandbox/stats answered ${stats.length} characters`);
  });
});
