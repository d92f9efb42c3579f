// Crash durability of `--data`: several writers create and delete clients while the sandbox process is killed with
// SIGKILL at a random moment (sometimes mid-burst, sometimes while it folds its journal into the data file after a
// pause); after each restart every acknowledged write must be there, every acknowledged delete gone, and the files
// readable. Seeded, so a failing round can be replayed with RELIABILITY_SEED.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { DEMO_CREDENTIALS } from '../../src/sandbox';
import { startSandboxProcess, type SandboxProcess } from '../unit/helpers/sandbox-process';
import { ACCEPT } from '../unit/sandbox-support';
import { count, note } from './figures';
import { PROFILE } from './profile';

const ROUNDS = PROFILE.crashRounds;
const WRITERS = 4;
const HEADERS = {
  Accept: ACCEPT,
  Authorization: `Bearer ${DEMO_CREDENTIALS.partnerToken}, User ${DEMO_CREDENTIALS.userToken}`,
  'Content-Type': 'application/json',
};

/** mulberry32: small, seedable, good enough to pick moments and operations. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Ledger {
  /** Acknowledged creates, by id: the name they were given. */
  created: Map<number, string>;
  /** Acknowledged deletes. */
  deleted: Set<number>;
  /** Deletes sent whose answer never came: either outcome is right. */
  unsure: Set<number>;
  /** Ids a create answered with that an earlier create had already been given. */
  reused: number[];
}

async function writer(
  base: string,
  ledger: Ledger,
  mine: number[],
  next: () => number,
  random: () => number,
  stop: () => boolean,
  paused: () => boolean,
) {
  while (!stop()) {
    if (paused()) {
      await sleep(20);
      continue;
    }
    const del = mine.length > 0 && random() < 0.25;
    if (del) {
      const id = mine.splice(Math.floor(random() * mine.length), 1)[0];
      ledger.unsure.add(id);
      try {
        const res = await fetch(`${base}/client/720441/${id}`, { method: 'DELETE', headers: HEADERS });
        await res.arrayBuffer();
        if (res.ok) {
          ledger.deleted.add(id);
          ledger.unsure.delete(id);
        }
      } catch {
        return; // the process is gone
      }
      continue;
    }
    const n = next();
    const name = `Durable ${n}`;
    try {
      const res = await fetch(`${base}/clients/720441`, {
        method: 'POST',
        headers: HEADERS,
        body: JSON.stringify({ name, phone: `1${3_000_000_000 + n}` }),
      });
      const text = await res.text();
      if (!res.ok) throw new Error(`create answered ${res.status}: ${text}`);
      const id = (JSON.parse(text) as { data: { id: number } }).data.id;
      if (ledger.created.has(id)) ledger.reused.push(id);
      ledger.created.set(id, name);
      mine.push(id);
      count('crash: acknowledged writes');
    } catch (e) {
      if ((e as Error).message.startsWith('create answered')) throw e;
      return;
    }
  }
}

/** Ids whose acknowledged state the restarted sandbox does not have (checked 16 at a time). */
async function lostWrites(base: string, ledger: Ledger, ids: Iterable<number>): Promise<string[]> {
  const lost: string[] = [];
  const queue = [...ids].filter((id) => !ledger.unsure.has(id));
  const check = async (id: number) => {
    const res = await fetch(`${base}/client/720441/${id}`, { headers: HEADERS });
    const text = await res.text();
    if (ledger.deleted.has(id)) {
      if (res.status !== 404) lost.push(`delete of ${id} (answered ${res.status})`);
    } else if (
      res.status !== 200 ||
      (JSON.parse(text) as { data: { name: string } }).data.name !== ledger.created.get(id)
    ) {
      lost.push(`create of ${id} (answered ${res.status})`);
    }
  };
  await Promise.all(
    Array.from({ length: 16 }, async () => {
      for (let id = queue.pop(); id !== undefined; id = queue.pop()) await check(id);
    }),
  );
  return lost;
}

describe('crash durability of --data (SIGKILL at random moments)', function () {
  this.timeout(300_000);
  const seed = Number(process.env.RELIABILITY_SEED ?? Date.now() % 1_000_000);
  let dir: string;
  let proc: SandboxProcess | undefined;

  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sandbox-crash-'));
  });
  after(async () => {
    await proc?.kill();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it(`keeps every acknowledged write through ${ROUNDS} kills of ${WRITERS} busy writers`, async () => {
    const random = prng(seed);
    const file = path.join(dir, 'data.json');
    const ledger: Ledger = { created: new Map(), deleted: new Set(), unsure: new Set(), reused: [] };
    const mine: number[][] = Array.from({ length: WRITERS }, () => []);
    let serial = 0;
    const lost: string[] = [];
    proc = await startSandboxProcess(file);
    for (let round = 1; round <= ROUNDS; round++) {
      const before = new Set(ledger.created.keys());
      const bursty = random() < 0.5;
      const started = Date.now();
      let stopped = false;
      // Bursty rounds pause every writer now and then, long enough for the sandbox to fold its journal in.
      const paused = () => bursty && (Date.now() - started) % 1500 > 400;
      const writers = mine.map((own) =>
        writer(
          proc!.baseUrl,
          ledger,
          own,
          () => ++serial,
          random,
          () => stopped,
          paused,
        ),
      );
      await sleep(100 + random() * (bursty ? 2400 : 900));
      await proc.kill();
      count('crash: SIGKILLs');
      stopped = true;
      await Promise.all(writers);

      proc = await startSandboxProcess(file);
      JSON.parse(fs.readFileSync(file, 'utf8'));
      const fresh = [...ledger.created.keys()].filter((id) => !before.has(id));
      lost.push(...(await lostWrites(proc.baseUrl, ledger, [...fresh, ...ledger.deleted])));
    }
    // Everything once more at the end: nothing acknowledged in an early round went missing later.
    lost.push(...(await lostWrites(proc.baseUrl, ledger, ledger.created.keys())));
    count('crash: lost writes', new Set(lost).size);
    note('crash: seed', seed);
    count('crash: ids given out twice', ledger.reused.length);
    assert.deepStrictEqual([...new Set(lost)], [], `seed ${seed}`);
    assert.deepStrictEqual(ledger.reused, [], `seed ${seed}: ids of deleted clients were given out again`);
    assert.ok(ledger.created.size > ROUNDS, `only ${ledger.created.size} writes were acknowledged`);
  });
});
