// Keeps the sandbox state in a JSON file across restarts. Writes are atomic (a temporary file in the same
// directory, synced, then renamed over the old one) and debounced, so a burst of changes costs one write; close
// flushes. A file that cannot be read is an error at start: the sandbox never silently replaces someone's data.
import * as fs from 'fs';
import * as path from 'path';
import { COLLECTION_NAMES, STATE_VERSION, type SandboxState } from './model';
import type { Store } from './store';

export class SandboxDataError extends Error {
  constructor(
    readonly file: string,
    reason: string,
  ) {
    super(
      `The sandbox data file ${file} cannot be used: ${reason}. The sandbox never overwrites a data file it cannot read; ` +
        'repair it, or move it away to start again from the seeded business.',
    );
    this.name = 'SandboxDataError';
  }
}

/** The state stored in `file`, or undefined when there is no such file yet. */
export function readStateFile(file: string): SandboxState | undefined {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new SandboxDataError(file, `it could not be read (${(e as Error).message})`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (e) {
    throw new SandboxDataError(file, `it is not valid JSON (${(e as Error).message})`);
  }
  checkState(file, parsed);
  return parsed;
}

function checkState(file: string, value: unknown): asserts value is SandboxState {
  if (!value || typeof value !== 'object' || Array.isArray(value))
    throw new SandboxDataError(file, 'it does not hold a JSON object');
  const state = value as { version?: unknown; collections?: unknown };
  if (state.version !== STATE_VERSION) {
    throw new SandboxDataError(
      file,
      `it was written in format version ${JSON.stringify(state.version)}, and this sandbox reads version ${STATE_VERSION}`,
    );
  }
  if (!state.collections || typeof state.collections !== 'object')
    throw new SandboxDataError(file, 'it has no "collections" object');
  const collections = state.collections as Record<string, unknown>;
  for (const name of COLLECTION_NAMES) {
    const items = collections[name];
    if (!Array.isArray(items)) throw new SandboxDataError(file, `the "${name}" collection is missing or not a list`);
    const ids = new Set<number>();
    items.forEach((item, i) => {
      const id = (item as { id?: unknown } | null)?.id;
      if (typeof id !== 'number' || !Number.isInteger(id))
        throw new SandboxDataError(file, `${name}[${i}] has no integer "id"`);
      if (ids.has(id)) throw new SandboxDataError(file, `${name} holds id ${id} twice`);
      ids.add(id);
    });
  }
}

/** Writes `text` to `file` so that readers see either the old or the new content, never a part. */
export async function writeFileAtomic(file: string, text: string): Promise<void> {
  await fs.promises.mkdir(path.dirname(file), { recursive: true });
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${Date.now()}.tmp`);
  const handle = await fs.promises.open(temp, 'w');
  try {
    await handle.writeFile(text, 'utf8');
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    await fs.promises.rename(temp, file);
  } catch (e) {
    await fs.promises.rm(temp, { force: true });
    throw e;
  }
}

export interface StateFileOptions {
  /** Quiet time after the last change before writing. */
  debounceMs?: number;
  /** A steady stream of changes is still written at least this often. */
  maxDelayMs?: number;
  onError?: (error: Error) => void;
}

/** Saves the store to its file after changes: debounced, one write at a time, flushed on demand. */
export class StateFile {
  private timer: NodeJS.Timeout | undefined;
  private firstPendingAt: number | undefined;
  private dirty = false;
  private writing: Promise<void> = Promise.resolve();
  private readonly unsubscribe: () => void;

  constructor(
    readonly file: string,
    private readonly store: Store,
    private readonly options: StateFileOptions = {},
  ) {
    this.unsubscribe = store.onChange(() => this.schedule());
  }

  private schedule(): void {
    this.dirty = true;
    const now = Date.now();
    this.firstPendingAt ??= now;
    const debounce = this.options.debounceMs ?? 200;
    const wait = Math.max(0, Math.min(debounce, this.firstPendingAt + (this.options.maxDelayMs ?? 2000) - now));
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.flush().catch((e: Error) => this.options.onError?.(e));
    }, wait);
  }

  /** Writes pending changes now (and waits for a write already under way). */
  flush(): Promise<void> {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = undefined;
    }
    this.writing = this.writing
      .catch(() => undefined)
      .then(async () => {
        if (!this.dirty) return;
        this.dirty = false;
        this.firstPendingAt = undefined;
        try {
          await writeFileAtomic(this.file, this.store.toJson());
        } catch (e) {
          // Still unsaved: the next change or flush tries again.
          this.dirty = true;
          throw e;
        }
      });
    return this.writing;
  }

  /** Stops listening and writes what is pending. */
  async close(): Promise<void> {
    this.unsubscribe();
    await this.flush();
  }

  /** Marks the whole state as changed (e.g. the first save of a fresh seed). */
  markDirty(): void {
    this.schedule();
  }
}
