// The run journal's file beside the notebook: each event appended and flushed to disk before the run goes on.
import { promises as fs } from 'fs';
import type { JournalStore } from './run-journal';

export class FileJournalStore implements JournalStore {
  constructor(readonly file: string) {}

  async read(): Promise<string> {
    try {
      return await fs.readFile(this.file, 'utf8');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return '';
      throw e;
    }
  }

  async append(line: string): Promise<void> {
    const handle = await fs.open(this.file, 'a');
    try {
      await handle.appendFile(line, 'utf8');
      // "sending" must be on disk before the request leaves, or a crash could forget a write that happened.
      await handle.sync();
    } finally {
      await handle.close();
    }
  }
}
