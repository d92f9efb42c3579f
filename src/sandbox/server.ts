// Starts the local Altegio-compatible sandbox: a Node http server on a loopback address, serving every
// operation of the bundled OpenAPI document under /api/v1 from a seeded, optionally persisted, business.
import * as http from 'http';
import type { AddressInfo, Socket } from 'net';
import { getCatalog, type Catalog } from '../api/catalog';
import { API_PREFIX, createRequestListener } from './app';
import { DEMO_CREDENTIALS, type SandboxCredentials } from './credentials';
import { FaultInjector, type FaultOptions } from './faults';
import { handlerTable } from './handlers/registry';
import { readStateFile, StateFile } from './persistence';
import { ALTEGIO_RATE_LIMIT, SlidingWindowRateLimiter, type RateLimitOptions } from './rate-limit';
import { createSeedState } from './seed';
import { RequestStats, type SandboxStats } from './stats';
import { Store } from './store';
import { Timers } from './timers';

export interface SandboxOptions {
  /** 0 or omitted: a free port. */
  port?: number;
  /** A loopback address only (127.0.0.1 by default; "localhost" and "::1" are accepted). */
  host?: string;
  /** Keep the state in this JSON file across restarts; in memory only when omitted. */
  dataFile?: string;
  /** Altegio's limit (5/s and 200/min per IP) by default; false turns it off. */
  rateLimit?: false | RateLimitOptions;
  faults?: FaultOptions;
  /** One line per request and lifecycle event; never contains a token. */
  log?: (line: string) => void;
  /** The catalog to serve; the bundled document by default. */
  catalog?: Catalog;
}

export interface SandboxHandle {
  /** E.g. http://127.0.0.1:8787/api/v1 */
  baseUrl: string;
  /** E.g. http://127.0.0.1:8787 (where /__sandbox/info lives). */
  origin: string;
  port: number;
  credentials: SandboxCredentials;
  /** Requests received so far, by method and path and by operation. */
  stats(): SandboxStats;
  resetStats(): void;
  /** Replaces the fault rules (and restarts their "first N" counters); undefined removes them. */
  setFaults(faults: FaultOptions | undefined): void;
  /** Puts the seed business back (and saves it, with a data file). */
  reset(): Promise<void>;
  /** Writes pending changes to the data file now. */
  flush(): Promise<void>;
  close(): Promise<void>;
}

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '::1']);

export async function startSandbox(options: SandboxOptions = {}): Promise<SandboxHandle> {
  const requestedHost = options.host ?? '127.0.0.1';
  if (!LOOPBACK_HOSTS.has(requestedHost) && !/^127\.\d+\.\d+\.\d+$/.test(requestedHost)) {
    throw new Error(
      `The sandbox only listens on a loopback address (127.0.0.1, ::1 or localhost), not "${requestedHost}".`,
    );
  }
  const host = requestedHost === 'localhost' ? '127.0.0.1' : requestedHost;
  const log = options.log ?? (() => undefined);
  const catalog = options.catalog ?? getCatalog();
  const handlers = handlerTable(catalog);

  // A corrupt data file throws here, before anything listens.
  const saved = options.dataFile ? readStateFile(options.dataFile) : undefined;
  const store = new Store(saved ?? createSeedState());
  const stateFile = options.dataFile
    ? new StateFile(options.dataFile, store, {
        onError: (e) => log(`could not save ${options.dataFile}: ${e.message}`),
      })
    : undefined;
  if (stateFile && !saved) {
    // A new data file starts as the seed business, written at once so the file exists from the first moment.
    stateFile.markDirty();
    await stateFile.flush();
  }

  const stats = new RequestStats();
  const faults = new FaultInjector(options.faults);
  const limits = options.rateLimit === undefined ? ALTEGIO_RATE_LIMIT : options.rateLimit;
  const limiter = limits === false ? undefined : new SlidingWindowRateLimiter(limits);
  const timers = new Timers();
  const credentials: SandboxCredentials = { ...DEMO_CREDENTIALS };
  let baseUrl = '';
  let origin = '';

  const server = http.createServer(
    createRequestListener({
      catalog,
      handlers,
      store,
      stats,
      faults,
      limiter,
      credentials,
      timers,
      log,
      info: () => ({ name: 'Altegio local sandbox', baseUrl, origin, credentials }),
    }),
  );
  const sockets = new Set<Socket>();
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  origin = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  baseUrl = `${origin}${API_PREFIX}`;
  log(
    `listening at ${baseUrl}${options.dataFile ? `, data in ${options.dataFile}` : ', data in memory'}${limiter ? '' : ', rate limit off'}`,
  );

  let closing: Promise<void> | undefined;
  return {
    baseUrl,
    origin,
    port,
    credentials,
    stats: () => stats.snapshot(),
    resetStats: () => stats.reset(),
    setFaults: (next) => faults.set(next),
    reset: async () => {
      store.replace(createSeedState());
      await stateFile?.flush();
    },
    flush: async () => {
      await stateFile?.flush();
    },
    close: () => {
      closing ??= (async () => {
        timers.cancelAll();
        const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
        // Idle keep-alive connections and requests stuck in an injected fault must not hold the close up.
        for (const socket of sockets) socket.destroy();
        await stopped;
        await stateFile?.close();
        log('stopped');
      })();
      return closing;
    },
  };
}
