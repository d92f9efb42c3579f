// A sandbox in a child process that reports its own memory after a full garbage collection, for the memory-bound
// test: run with `node --expose-gc`, it answers a "measure" message with process.memoryUsage() taken after gc().
import { startSandbox } from '../../../src/sandbox';

const gc = (globalThis as { gc?: () => void }).gc;

void (async () => {
  // Altegio's rate limit stays on: its per-address table is part of what is measured.
  const sandbox = await startSandbox({ port: 0 });
  process.on('message', (message) => {
    if (message !== 'measure') return;
    gc?.();
    gc?.();
    process.send!({ collected: gc !== undefined, ...process.memoryUsage() });
  });
  process.on('disconnect', () => void sandbox.close().then(() => process.exit(0)));
  process.send!({ port: sandbox.port });
})();
