// Starts the local Altegio-compatible sandbox: a Node http server on a loopback address, serving every
// operation of the bundled OpenAPI document under /api/v1 from a seeded, optionally persisted, business.
// With a data file every write is journaled and synced before it is answered (see journal.ts).
import * as http from 'http';
import type { AddressInfo, Socket } from 'net';
import { getCatalog, type Catalog } from '../api/catalog';
import { API_PREFIX, createRequestListener } from './app';
import { DEMO_CREDENTIALS, type SandboxCredentials } from './credentials';
import { FaultInjector, type FaultOptions } from './faults';
import { handlerTable } from './handlers/registry';
import { admit, allowedAuthorities } from './gate';
import { Journal } from './journal';
import { ALTEGIO_RATE_LIMIT, SlidingWindowRateLimiter, type RateLimitOptions } from './rate-limit';
import { createSeedState } from './seed';
import { RequestStats, type SandboxStats } from './stats';
import { errorReply, sendReply } from './reply';
import { Store } from './store';
import { Timers } from './timers';

export interface SandboxOptions {
  /** 0 or omitted: a free port. */
  port?: number;
  /** A loopback address only (127.0.0.1 by default; "localhost" and "::1" are accepted). */
  host?: string;
  /**
   * Keep the state in this JSON file (and its journal, FILE.journal) across restarts: a write is on disk before
   * it is answered. In memory only when omitted.
   */
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
  /** Folds the journal into the data file now (every answered write is on disk already). */
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

  // A damaged data file, or one another sandbox holds, throws here, before anything listens.
  const opened = options.dataFile
    ? await Journal.open(options.dataFile, createSeedState, {
        onError: (e) => log(`could not fold the journal into ${options.dataFile}: ${e.message}`),
      })
    : undefined;
  const store = opened?.store ?? new Store(createSeedState());
  const journal = opened?.journal;
  if (opened?.replayed) log(`recovered ${opened.replayed} journaled writes into ${options.dataFile}`);

  const stats = new RequestStats();
  const faults = new FaultInjector(options.faults);
  const limits = options.rateLimit === undefined ? ALTEGIO_RATE_LIMIT : options.rateLimit;
  const limiter = limits === false ? undefined : new SlidingWindowRateLimiter(limits);
  const timers = new Timers();
  const credentials: SandboxCredentials = { ...DEMO_CREDENTIALS };
  let baseUrl = '';
  let origin = '';
  let authorities = new Set<string>();

  const app = createRequestListener({
    catalog,
    handlers,
    store,
    stats,
    faults,
    limiter,
    credentials,
    timers,
    log,
    commit: journal ? () => journal.commit() : () => Promise.resolve(),
    info: () => ({ name: 'Altegio local sandbox', baseUrl, origin, credentials }),
  });
  // The gate answers a missing Host itself, with the envelope (Node's own check answers with an empty body).
  const server = http.createServer({ requireHostHeader: false }, (req, res) => {
    const verdict = admit(req, authorities);
    if (verdict.ok) {
      req.url = verdict.target;
      app(req, res);
      return;
    }
    log(`${(req.method ?? '?').slice(0, 20)} → ${verdict.reply.status} (${verdict.reason})`);
    req.resume();
    void sendReply(res, verdict.reply, undefined, timers);
  });
  // CONNECT and protocol upgrades would otherwise end in a dropped connection: they get the envelope like the rest.
  const refuseRaw = (what: string) => (req: http.IncomingMessage, socket: Socket) => {
    log(`${(req.method ?? '?').slice(0, 20)} → 405 (${what})`);
    endRaw(socket, 405, `The sandbox serves the Altegio API over plain HTTP requests; ${what} is not supported.`);
  };
  server.on('connect', refuseRaw('CONNECT'));
  server.on('upgrade', refuseRaw('a protocol upgrade'));
  // What Node's parser refuses (a broken request line, oversized headers, a stalled request) gets the envelope too.
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Socket) => {
    const status = error.code === 'HPE_HEADER_OVERFLOW' ? 431 : error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 408 : 400;
    log(`unreadable request → ${status} (${error.code ?? error.message})`);
    if (error.code === 'ECONNRESET' || !socket.writable) {
      socket.destroy();
      return;
    }
    const message =
      status === 431
        ? 'The request headers are larger than the sandbox reads.'
        : status === 408
          ? 'The request did not arrive in time.'
          : `The request could not be read as HTTP/1.1 (${error.code ?? 'parse error'}).`;
    endRaw(socket, status, message);
  });
  const sockets = new Set<Socket>();
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port ?? 0, host, () => {
        server.off('error', reject);
        resolve();
      });
    });
  } catch (e) {
    await journal?.close();
    throw e;
  }
  const port = (server.address() as AddressInfo).port;
  authorities = allowedAuthorities(host, port);
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
      await journal?.flush();
    },
    flush: async () => {
      await journal?.flush();
    },
    close: () => {
      closing ??= (async () => {
        timers.cancelAll();
        const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
        // Idle keep-alive connections and requests stuck in an injected fault must not hold the close up.
        for (const socket of sockets) socket.destroy();
        await stopped;
        await journal?.close();
        log('stopped');
      })();
      return closing;
    },
  };
}

/** Answers on a socket Node's server no longer handles (CONNECT, upgrades, parse errors) and closes it. */
function endRaw(socket: Socket, status: number, message: string): void {
  const body = JSON.stringify(errorReply(status, message).body);
  socket.end(
    `HTTP/1.1 ${status} ${http.STATUS_CODES[status]}\r\nContent-Type: application/json; charset=utf-8\r\n` +
      `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
}
