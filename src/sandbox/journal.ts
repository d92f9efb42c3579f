// Makes the sandbox's writes durable: every change of the store becomes part of one journal line, written and
// fsynced before the request that made it is answered (`commit`). Requests that commit while a sync is under way
// share the next one, so a burst costs a few syncs, not one each. In the background the journal is folded into the
// snapshot (after a quiet moment, or once it outgrows the snapshot) and starts again nearly empty. A lock file keeps
// a second sandbox from writing to the same data.
import * as fs from 'fs';
import * as path from 'path';
import type { SandboxState } from './model';
import { journalPath, recoverState, SandboxDataError, syncDirectory, writeFileAtomic } from './persistence';
import { Store, type StoreChange } from './store';

export interface JournalOptions {
  /** Fold the journal into the snapshot after this long without writes. */
  quietCompactionMs?: number;
  /** Fold it in once it is this big (or as big as the snapshot, if that is bigger). */
  compactionBytes?: number;
  /** A background compaction failed (writes stay safe in the journal). */
  onError?: (error: Error) => void;
}

/** A failed journal write: the change is in memory but not on disk, so it must not be acknowledged. */
export class JournalWriteError extends Error {
  constructor(file: string, cause: unknown) {
    super(`The change could not be saved to ${file}: ${(cause as Error).message}`, { cause });
    this.name = 'JournalWriteError';
  }
}

interface Line {
  seq: number;
  text: string;
}

interface Waiter {
  seq: number;
  resolve: () => void;
  reject: (e: Error) => void;
}

export class Journal {
  private readonly journalFile: string;
  private handle!: fs.promises.FileHandle;
  /** Bytes of the journal on disk: where the next line goes. */
  private size = 0;
  private seq: number;
  private durableSeq: number;
  /** Changes since the last line was cut. */
  private pendingOps: string[] = [];
  /** Lines cut but not yet written. */
  private unwritten: Line[] = [];
  private waiters: Waiter[] = [];
  /** Every disk operation on the journal runs in this chain, one at a time. */
  private tail: Promise<void> = Promise.resolve();
  private writeQueued = false;
  private compaction: Promise<void> | undefined;
  /** While a compaction writes its snapshot (which includes lines up to `since`), the lines written after it. */
  private carried: { since: number; lines: Line[] } | undefined;
  private snapshotBytes = 0;
  private quietTimer: NodeJS.Timeout | undefined;
  private closed = false;
  private readonly unsubscribe: () => void;

  private constructor(
    readonly file: string,
    private readonly store: Store,
    seq: number,
    private readonly options: JournalOptions,
  ) {
    this.journalFile = journalPath(file);
    this.seq = seq;
    this.durableSeq = seq;
    this.unsubscribe = store.onChange((change) => this.record(change));
  }

  /**
   * Takes the data file for this process (refusing one another sandbox holds), reads what it keeps — the snapshot
   * and the journal on top — into a store (`fresh()` for a new file), and starts journaling that store's writes.
   */
  static async open(
    file: string,
    fresh: () => SandboxState,
    options: JournalOptions = {},
  ): Promise<{ store: Store; journal: Journal; replayed: number }> {
    await acquireLock(file);
    try {
      const recovered = recoverState(file);
      const store = new Store(recovered?.state ?? fresh(), recovered?.usedIds);
      const journal = new Journal(file, store, recovered?.seq ?? 0, options);
      // A new file, or journal lines replayed: the store holds more than the snapshot on disk.
      if (!recovered || recovered.replayed > 0) await journal.writeSnapshot();
      else journal.snapshotBytes = (await fs.promises.stat(file)).size;
      // Only now, with everything it held in the snapshot, may the old journal (and any torn tail) go.
      journal.handle = await fs.promises.open(journal.journalFile, 'w');
      await journal.handle.sync();
      await syncDirectory(path.dirname(file));
      return { store, journal, replayed: recovered?.replayed ?? 0 };
    } catch (e) {
      releaseLock(file);
      throw e;
    }
  }

  /** Resolves once every change made so far is on disk; rejects with JournalWriteError if it cannot be. */
  commit(): Promise<void> {
    if (this.closed) return Promise.reject(new JournalWriteError(this.file, new Error('the sandbox is closed')));
    this.cutLine();
    const target = this.seq;
    if (target <= this.durableSeq) return Promise.resolve();
    const done = new Promise<void>((resolve, reject) => this.waiters.push({ seq: target, resolve, reject }));
    this.queueWrite();
    return done;
  }

  /** Commits, then folds the journal into the snapshot now. */
  async flush(): Promise<void> {
    await this.commit();
    await this.compact();
  }

  /** Flushes, stops listening to the store and lets go of the data file. */
  async close(): Promise<void> {
    if (this.closed) return;
    try {
      await this.flush();
    } finally {
      this.closed = true;
      if (this.quietTimer) clearTimeout(this.quietTimer);
      this.unsubscribe();
      await this.exclusive(() => this.handle.close());
      releaseLock(this.file);
    }
  }

  private record(change: StoreChange): void {
    if (change.kind === 'put')
      this.pendingOps.push(`{"op":"put","c":${JSON.stringify(change.collection)},"v":${change.json}}`);
    else if (change.kind === 'delete')
      this.pendingOps.push(`{"op":"del","c":${JSON.stringify(change.collection)},"id":${change.id}}`);
    else this.pendingOps.push(`{"op":"state","v":${change.json}}`);
  }

  /** The changes so far become one line: the writes of one request stay together. */
  private cutLine(): void {
    if (!this.pendingOps.length) return;
    this.seq++;
    this.unwritten.push({ seq: this.seq, text: `{"seq":${this.seq},"ops":[${this.pendingOps.join(',')}]}\n` });
    this.pendingOps = [];
    if (this.quietTimer) clearTimeout(this.quietTimer);
    this.quietTimer = setTimeout(() => this.compactInBackground(), this.options.quietCompactionMs ?? 1000);
    this.quietTimer.unref();
  }

  private exclusive<T>(task: () => Promise<T>): Promise<T> {
    const run = this.tail.then(task);
    this.tail = run.then(
      () => undefined,
      () => undefined,
    );
    return run;
  }

  private queueWrite(): void {
    if (this.writeQueued) return;
    this.writeQueued = true;
    void this.exclusive(async () => {
      this.writeQueued = false;
      await this.writeUnwritten();
    });
  }

  /** Appends every cut line in one write and one sync; never throws (waiters hear about failures). */
  private async writeUnwritten(): Promise<void> {
    if (!this.unwritten.length) return;
    const batch = this.unwritten;
    this.unwritten = [];
    const bytes = Buffer.from(batch.map((l) => l.text).join(''), 'utf8');
    try {
      await this.handle.write(bytes, 0, bytes.length, this.size);
      await this.handle.datasync();
    } catch (e) {
      // Not on disk: drop any part that reached the file, keep the lines for the next commit, and say so.
      this.unwritten = [...batch, ...this.unwritten];
      await this.handle.truncate(this.size).catch(() => undefined);
      const error = new JournalWriteError(this.journalFile, e);
      const last = batch[batch.length - 1].seq;
      this.waiters = this.waiters.filter((w) => (w.seq <= last ? (w.reject(error), false) : true));
      return;
    }
    this.size += bytes.length;
    this.durableSeq = batch[batch.length - 1].seq;
    if (this.carried) this.carried.lines.push(...batch.filter((l) => l.seq > this.carried!.since));
    this.waiters = this.waiters.filter((w) => (w.seq <= this.durableSeq ? (w.resolve(), false) : true));
    if (this.size >= Math.max(this.options.compactionBytes ?? 1024 * 1024, this.snapshotBytes))
      this.compactInBackground();
  }

  private compactInBackground(): void {
    if (this.closed || this.compaction) return;
    this.compact().catch((e: Error) => this.options.onError?.(e));
  }

  /** Writes the snapshot, then starts the journal again with only the lines the snapshot does not include. */
  private compact(): Promise<void> {
    this.compaction ??= (async () => {
      try {
        if (this.quietTimer) clearTimeout(this.quietTimer);
        this.cutLine();
        if (this.quietTimer) clearTimeout(this.quietTimer);
        const since = this.seq;
        this.carried = { since, lines: [] };
        await this.writeSnapshot();
        await this.exclusive(async () => {
          await this.writeUnwritten();
          const text = this.carried!.lines.map((l) => l.text).join('');
          this.carried = undefined;
          const temp = `${this.journalFile}.${process.pid}.tmp`;
          const next = await fs.promises.open(temp, 'w');
          try {
            await next.writeFile(text, 'utf8');
            await next.sync();
            await fs.promises.rename(temp, this.journalFile);
          } catch (e) {
            await next.close();
            await fs.promises.rm(temp, { force: true });
            throw e;
          }
          // From the rename on, the new file is the journal: later lines must go there, whatever happens next.
          const previous = this.handle;
          this.handle = next;
          this.size = Buffer.byteLength(text);
          await previous.close().catch(() => undefined);
          await syncDirectory(path.dirname(this.journalFile));
        });
      } finally {
        this.carried = undefined;
        this.compaction = undefined;
      }
    })();
    return this.compaction;
  }

  private async writeSnapshot(): Promise<void> {
    const text = this.store.toJson({ journalSeq: this.seq });
    await writeFileAtomic(this.file, text);
    this.snapshotBytes = Buffer.byteLength(text);
  }
}

/** Data files this process has open, so a second sandbox here on the same file is refused too. */
const held = new Set<string>();

function lockPath(file: string): string {
  return `${file}.lock`;
}

/** Takes `FILE.lock`, or refuses when a live sandbox holds it; a lock left by a killed process is taken over. */
async function acquireLock(file: string): Promise<void> {
  const lock = lockPath(path.resolve(file));
  await fs.promises.mkdir(path.dirname(lock), { recursive: true });
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      await fs.promises.writeFile(lock, String(process.pid), { flag: 'wx' });
      held.add(lock);
      return;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
    const owner = Number(await fs.promises.readFile(lock, 'utf8').catch(() => ''));
    if (Number.isInteger(owner) && owner > 0 && (owner === process.pid ? held.has(lock) : isAlive(owner)))
      throw new SandboxDataError(
        file,
        `another sandbox (process ${owner}) is using it; stop it, or delete ${lock} if none is running`,
      );
    await fs.promises.rm(lock, { force: true });
  }
  throw new SandboxDataError(file, `its lock ${lock} could not be taken`);
}

function releaseLock(file: string): void {
  const lock = lockPath(path.resolve(file));
  if (!held.delete(lock)) return;
  try {
    fs.rmSync(lock, { force: true });
  } catch {
    // A lock left behind names a process that is gone, and the next start takes it over.
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}
