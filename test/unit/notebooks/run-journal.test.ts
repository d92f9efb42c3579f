import * as assert from 'assert';
import fc from 'fast-check';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { CsvError, parseCsv } from '../../../src/notebooks/core/csv';
import { FileJournalStore } from '../../../src/notebooks/core/journal-file';
import { runRows, type RowResult } from '../../../src/notebooks/core/row-runner';
import {
  journalFileName,
  rowKeys,
  RunJournal,
  type JournalStore,
  type RowRecord,
} from '../../../src/notebooks/core/run-journal';

class MemoryStore implements JournalStore {
  text = '';
  async read() {
    return this.text;
  }
  async append(line: string) {
    this.text += line;
  }
}

const CELL = 'POST /loyalty/cards/{{location_id}}';
const ROWS = [{ phone: '1' }, { phone: '2' }, { phone: '3' }];
const ok = (id: number): RowRecord => ({ state: 'done', status: 201, id });

describe('@each CSV files', () => {
  it('reads a header row and quoted fields with separators, quotes and line breaks inside', () => {
    const table = parseCsv(
      '\uFEFFname,phone,note\r\n"Lee, Ann",13155550175,"said ""hi""\nthen left"\r\nBob,13155550176,\r\n',
    );
    assert.deepStrictEqual(table.columns, ['name', 'phone', 'note']);
    assert.deepStrictEqual(table.rows, [
      { name: 'Lee, Ann', phone: '13155550175', note: 'said "hi"\nthen left' },
      { name: 'Bob', phone: '13155550176', note: '' },
    ]);
    assert.deepStrictEqual(table.ragged, []);
  });

  it('reads semicolon-separated files, and notes rows with too few or too many fields', () => {
    const table = parseCsv('name;phone\nAnn;1\nBob\nCid;3;extra');
    assert.deepStrictEqual(table.rows[0], { name: 'Ann', phone: '1' });
    assert.deepStrictEqual(table.ragged, [3, 4]);
  });

  it('refuses an unclosed quote and a header with an empty or repeated column, naming the line', () => {
    assert.throws(
      () => parseCsv('a,b\n"x,1\n'),
      (e: CsvError) => e.reason === 'unclosedQuote' && e.line === 2,
    );
    assert.throws(
      () => parseCsv('a,,b\n1,2,3'),
      (e: CsvError) => e.reason === 'unnamedColumn',
    );
    assert.throws(
      () => parseCsv('a,a\n1,2'),
      (e: CsvError) => e.reason === 'duplicateColumn' && e.column === 'a',
    );
  });

  it('has no rows for an empty file or a header only', () => {
    assert.deepStrictEqual(parseCsv('').rows, []);
    assert.deepStrictEqual(parseCsv('a,b\n').rows, []);
  });
});

describe('run journal', () => {
  it('keys rows by content, so reordering keeps identities and a second copy gets its own', () => {
    const [a, b, a2] = rowKeys([{ x: 1, y: 2 }, { x: 2 }, { y: 2, x: 1 }]);
    assert.notStrictEqual(a, b);
    assert.ok(a2.startsWith(a) && a2 !== a);
    assert.deepStrictEqual(rowKeys([{ x: 2 }, { x: 1, y: 2 }]), [b, a]);
  });

  it('skips acknowledged rows on a re-run and sends the rest', async () => {
    const store = new MemoryStore();
    const first = await RunJournal.open(store);
    const sent: number[] = [];
    const cancelAfter = 2;
    const summary = await runRows({
      journal: first,
      cell: CELL,
      rows: ROWS,
      isWrite: true,
      send: async (_row, i) => (sent.push(i), ok(i)),
      askAboutUnknown: async () => 'cancel',
      isCancelled: () => sent.length >= cancelAfter,
    });
    assert.strictEqual(summary.cancelled, true);
    assert.deepStrictEqual(sent, [0, 1]);
    const second = await RunJournal.open(store);
    const again: number[] = [];
    const results: RowResult[] = [];
    await runRows({
      journal: second,
      cell: CELL,
      rows: ROWS,
      isWrite: true,
      send: async (_row, i) => (again.push(i), ok(i)),
      askAboutUnknown: async () => 'cancel',
      onRow: (r) => results.push(r),
    });
    assert.deepStrictEqual(again, [2]);
    assert.deepStrictEqual(
      results.map((r) => [r.index, r.state, r.id]),
      [
        [0, 'skipped', 0],
        [1, 'skipped', 1],
        [2, 'done', 2],
      ],
    );
  });

  it('asks before re-sending a write whose outcome is unknown, and sends it only when told to', async () => {
    const store = new MemoryStore();
    const journal = await RunJournal.open(store);
    await runRows({
      journal,
      cell: CELL,
      rows: ROWS,
      isWrite: true,
      send: async (_row, i) => (i === 1 ? { state: 'unknown', error: 'connection reset' } : ok(i)),
      askAboutUnknown: async () => 'cancel',
    });
    for (const [choice, expected] of [
      ['cancel', []],
      ['skip', []],
      ['resend', [1]],
    ] as const) {
      const asked: number[][] = [];
      const sent: number[] = [];
      const copy = new MemoryStore();
      copy.text = store.text;
      await runRows({
        journal: await RunJournal.open(copy),
        cell: CELL,
        rows: ROWS,
        isWrite: true,
        send: async (_row, i) => (sent.push(i), ok(i)),
        askAboutUnknown: async (rows) => (asked.push(rows.map((r) => r.index)), choice),
      });
      assert.deepStrictEqual(asked, [[1]], choice);
      assert.deepStrictEqual(sent, expected, choice);
    }
  });

  it('sends a read again without asking, and forgets a cell’s rows after "start over"', async () => {
    const store = new MemoryStore();
    const journal = await RunJournal.open(store);
    await journal.sending('GET /x', rowKeys(ROWS)[0], 0);
    assert.deepStrictEqual(
      journal.plan('GET /x', ROWS, false).map((p) => p.action),
      ['send', 'send', 'send'],
    );
    assert.deepStrictEqual(
      journal.plan('GET /x', ROWS, true).map((p) => p.action),
      ['ask', 'send', 'send'],
    );
    await journal.reset('GET /x');
    const reopened = await RunJournal.open(store);
    assert.strictEqual(reopened.known('GET /x'), 0);
  });

  it('ignores a line torn by a crash and starts the next event on a line of its own', async () => {
    const store = new MemoryStore();
    const journal = await RunJournal.open(store);
    await journal.finish(CELL, rowKeys(ROWS)[0], 0, ok(0));
    store.text += '{"cell":"POST /loyalty/cards/{{location_id}}","key":"ab';
    const after = await RunJournal.open(store);
    assert.strictEqual(after.record(CELL, rowKeys(ROWS)[0])?.state, 'done');
    await after.finish(CELL, rowKeys(ROWS)[1], 1, ok(1));
    const again = await RunJournal.open(store);
    assert.strictEqual(again.record(CELL, rowKeys(ROWS)[1])?.state, 'done');
  });

  it('keeps its file beside the notebook and flushes every event to it', async () => {
    assert.strictEqual(journalFileName('cards.altegio.md'), 'cards.altegio-runs.jsonl');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'altegio-journal-'));
    try {
      const store = new FileJournalStore(path.join(dir, 'cards.altegio-runs.jsonl'));
      assert.strictEqual(await store.read(), '');
      const journal = await RunJournal.open(store);
      await journal.finish(CELL, 'k', 0, ok(7));
      const events = fs
        .readFileSync(store.file, 'utf8')
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l));
      assert.deepStrictEqual(
        events.map((e) => [e.cell, e.key, e.state, e.id]),
        [[CELL, 'k', 'done', 7]],
      );
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  describe('crashes at random points (property)', () => {
    class Crash extends Error {}

    /** A journal file and a server that die together at a chosen step; the file may keep half a line. */
    class World {
      text = '';
      applied = new Map<number, number>();
      step = 0;
      dead = false;
      constructor(
        private readonly crashAt: number | undefined,
        private readonly tear: boolean,
      ) {}
      tick(): void {
        if (this.dead) throw new Crash();
        if (this.step++ === this.crashAt) {
          this.dead = true;
          throw new Crash();
        }
      }
      store(): JournalStore {
        return {
          read: async () => this.text,
          append: async (line) => {
            if (this.dead) throw new Crash();
            if (this.step++ === this.crashAt) {
              this.dead = true;
              if (this.tear) this.text += line.slice(0, Math.floor(line.length / 2));
              throw new Crash();
            }
            this.text += line;
          },
        };
      }
      async send(index: number): Promise<RowRecord> {
        this.tick(); // dies before the request leaves
        this.applied.set(index, (this.applied.get(index) ?? 0) + 1);
        this.tick(); // dies after the server applied it, before the answer arrives
        return { state: 'done', status: 201, id: index };
      }
    }

    it('sends every row at most once and records every acknowledged row', async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.integer({ min: 1, max: 8 }),
          fc.array(fc.record({ at: fc.nat(40), tear: fc.boolean() }), { maxLength: 4 }),
          async (count, crashes) => {
            const rows = Array.from({ length: count }, (_, i) => ({ phone: String(13155550100 + (i % 5)) }));
            let text = '';
            const applied = new Map<number, number>();
            const acknowledged = new Set<string>();
            const keys = rowKeys(rows);
            // One run per planned crash, then one that runs to the end.
            for (const crash of [...crashes, undefined]) {
              const world = new World(crash?.at, crash?.tear ?? false);
              world.text = text;
              world.applied = applied;
              try {
                await runRows({
                  journal: await RunJournal.open(world.store()),
                  cell: CELL,
                  rows,
                  isWrite: true,
                  send: (_row, i) => world.send(i),
                  askAboutUnknown: async () => 'skip',
                  onRow: (r) => {
                    if (r.state === 'done') acknowledged.add(keys[r.index]);
                  },
                });
              } catch (e) {
                if (!(e instanceof Crash)) throw e;
              }
              text = world.text;
            }
            for (const [, n] of applied) assert.ok(n <= 1, 'a row was sent twice');
            const final = await RunJournal.open({ read: async () => text, append: async () => {} });
            for (const key of acknowledged) assert.strictEqual(final.record(CELL, key)?.state, 'done');
            rows.forEach((_row, i) => {
              const record = final.record(CELL, keys[i]);
              // After the last, uninterrupted run, every row is acknowledged or awaits the user's decision.
              assert.ok(record, `row ${i} was never tried`);
              if (record.state === 'done') assert.strictEqual(applied.get(i), 1, `row ${i} recorded but not applied`);
              else assert.ok(record.state === 'sending' || record.state === 'unknown', record.state);
            });
          },
        ),
        { numRuns: 300 },
      );
    });
  });
});
