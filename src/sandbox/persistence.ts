// The sandbox's data on disk: a snapshot (FILE, the whole state as JSON, replaced atomically) and an append-only
// journal (FILE.journal, one line per acknowledged write since the snapshot). At start the snapshot is read and
// the journal replayed on top; a torn last line — what a kill in the middle of an append leaves — is ignored. A
// file that cannot be read is an error at start: the sandbox never silently replaces someone's data.
import * as fs from 'fs';
import * as path from 'path';
import { COLLECTION_NAMES, STATE_VERSION, type SandboxState } from './model';

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

export function journalPath(file: string): string {
  return `${file}.journal`;
}

/** The state stored in `file`, or undefined when there is no such file yet. */
export function readStateFile(file: string): SandboxState | undefined {
  return readSnapshot(file)?.state;
}

interface Snapshot {
  state: SandboxState;
  /** The last journal line the snapshot includes. */
  seq: number;
  /** The highest id each collection ever used (deleted entities included). */
  usedIds: Record<string, number>;
}

function readSnapshot(file: string): Snapshot | undefined {
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
  const { journalSeq: seq, usedIds } = parsed as { journalSeq?: unknown; usedIds?: unknown };
  if (seq !== undefined && !isSeq(seq)) throw new SandboxDataError(file, '"journalSeq" is not a whole number');
  const ids: Record<string, number> = {};
  if (usedIds && typeof usedIds === 'object')
    for (const [name, id] of Object.entries(usedIds))
      if (isSeq(id) && COLLECTION_NAMES.includes(name as never)) ids[name] = id;
  return { state: parsed, seq: (seq as number | undefined) ?? 0, usedIds: ids };
}

export interface RecoveredState {
  state: SandboxState;
  /** The last journal line applied (or included in the snapshot): the journal continues after it. */
  seq: number;
  /** Journal lines applied on top of the snapshot. */
  replayed: number;
  /** The highest id each collection ever used, deleted entities included. */
  usedIds: Record<string, number>;
}

/**
 * The state kept in `file` and its journal, or undefined when neither exists yet. Throws SandboxDataError for a
 * damaged snapshot, a journal line damaged before the last one, or a journal without its snapshot.
 */
export function recoverState(file: string): RecoveredState | undefined {
  const snapshot = readSnapshot(file);
  const journal = journalPath(file);
  let text = '';
  try {
    text = fs.readFileSync(journal, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT')
      throw new SandboxDataError(journal, `it could not be read (${(e as Error).message})`);
  }
  if (!snapshot) {
    if (text.trim() === '') return undefined;
    throw new SandboxDataError(journal, `it holds changes to ${file}, which is missing; move the journal away too`);
  }
  const maps = new Map(COLLECTION_NAMES.map((name) => [name as string, new Map<number, unknown>()]));
  const load = (state: SandboxState) => {
    for (const name of COLLECTION_NAMES)
      maps.set(name, new Map((state.collections[name] as { id: number }[]).map((item) => [item.id, item])));
  };
  load(snapshot.state);
  let seq = snapshot.seq;
  const usedIds = { ...snapshot.usedIds };
  let lastSeen = 0;
  let replayed = 0;
  const lines = text.split('\n');
  lines.forEach((line, i) => {
    const last = i === lines.length - 1;
    if (line === '') return;
    let entry: JournalEntry;
    try {
      entry = parseEntry(line);
    } catch (e) {
      // Only an append cut short by a kill can damage the end; anything earlier is not ours to guess about.
      if (last) return;
      throw new SandboxDataError(journal, `line ${i + 1} is damaged (${(e as Error).message})`);
    }
    if (entry.seq <= lastSeen) throw new SandboxDataError(journal, `line ${i + 1} is out of order`);
    lastSeen = entry.seq;
    if (entry.seq <= snapshot.seq) return;
    for (const op of entry.ops) {
      if (op.op === 'state') {
        checkState(journal, op.v);
        load(op.v);
        // A reset starts the ids again from the state it puts back.
        for (const name of Object.keys(usedIds)) delete usedIds[name];
      } else if (op.op === 'put') {
        const id = (op.v as { id: number }).id;
        maps.get(op.c)!.set(id, op.v);
        usedIds[op.c] = Math.max(usedIds[op.c] ?? 0, id);
      } else {
        maps.get(op.c)!.delete(op.id);
      }
    }
    seq = entry.seq;
    replayed++;
  });
  const collections = Object.fromEntries(COLLECTION_NAMES.map((name) => [name, [...maps.get(name)!.values()]]));
  return {
    state: { version: STATE_VERSION, collections } as SandboxState,
    seq: Math.max(seq, lastSeen),
    replayed,
    usedIds,
  };
}

/** One journal line: the writes of one or more requests, in order. */
export interface JournalEntry {
  seq: number;
  ops: JournalOp[];
}

export type JournalOp =
  { op: 'put'; c: string; v: unknown } | { op: 'del'; c: string; id: number } | { op: 'state'; v: SandboxState };

function parseEntry(line: string): JournalEntry {
  const entry = JSON.parse(line) as { seq?: unknown; ops?: unknown };
  if (!entry || typeof entry !== 'object' || !isSeq(entry.seq) || !Array.isArray(entry.ops))
    throw new Error('not a journal entry');
  for (const op of entry.ops as Record<string, unknown>[]) {
    const known = COLLECTION_NAMES.includes(op?.c as never);
    const ok =
      (op?.op === 'put' && known && Number.isInteger((op.v as { id?: unknown } | null)?.id)) ||
      (op?.op === 'del' && known && Number.isInteger(op.id)) ||
      op?.op === 'state';
    if (!ok) throw new Error(`an unknown change ${JSON.stringify(op).slice(0, 80)}`);
  }
  return entry as JournalEntry;
}

function isSeq(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
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

/**
 * Writes `text` to `file` so that readers see either the old or the new content, never a part, and the new content
 * survives a crash once this resolves: a synced temporary file renamed over the old one, then the directory synced.
 */
export async function writeFileAtomic(file: string, text: string): Promise<void> {
  const dir = path.dirname(file);
  await fs.promises.mkdir(dir, { recursive: true });
  const temp = path.join(dir, `.${path.basename(file)}.${process.pid}.${Date.now()}.tmp`);
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
  await syncDirectory(dir);
}

/** Makes a rename or a new file in `dir` durable. */
export async function syncDirectory(dir: string): Promise<void> {
  let handle: fs.promises.FileHandle | undefined;
  try {
    handle = await fs.promises.open(dir, 'r');
    await handle.sync();
  } catch (e) {
    // Some systems (Windows above all) cannot open or sync a directory; a rename there is as durable as they make it.
    if (!UNSYNCABLE_DIRECTORY.has((e as NodeJS.ErrnoException).code ?? '')) throw e;
  } finally {
    await handle?.close();
  }
}

const UNSYNCABLE_DIRECTORY = new Set(['EISDIR', 'EPERM', 'EACCES', 'EINVAL', 'ENOTSUP']);
