// One HTTP exchange over node:http/https, the client's transport: the request is written once (never retried here),
// redirects are not followed, the whole exchange has one deadline, the caller's signal cancels it, and the body is
// read up to a size limit (decompressed the way fetch does). It replaced node-fetch, whose own work per request was
// 3.4× a bare http.request on loopback (see the README's "Performance and benchmarks"). Every failure is an
// ExchangeFailure saying how far the exchange got, for transport-failure.ts to word.
// `http` and `https` are the modules VS Code patches for its proxy support, called at request time.
import * as http from 'http';
import * as https from 'https';
import * as zlib from 'zlib';

export interface WireRequest {
  url: string;
  method: string;
  headers: Record<string, string>;
  body?: string | Uint8Array;
}

export interface WireResponse {
  status: number;
  statusText: string;
  /** Lower-case names; a repeated header's values joined with ", " (as `Headers.get` does). */
  headers: Record<string, string>;
  /** The body, decompressed. */
  bytes: Uint8Array;
}

export interface ExchangeOptions {
  /** From the start of the exchange to the body's last byte. */
  timeoutMs: number;
  signal?: AbortSignal;
  /** The most body bytes read (after decompression); a longer answer fails with `tooLarge`. */
  maxBodyBytes?: number;
  /** Called once, when the status line and the headers have arrived (the server has counted the request then). */
  onHead?: () => void;
}

/** 256 MiB: far above any Altegio answer (lists are paged), far below what would exhaust the extension host. */
export const DEFAULT_MAX_BODY_BYTES = 256 * 1024 * 1024;

export class ExchangeFailure extends Error {
  override readonly name = 'ExchangeFailure';

  constructor(
    /** 'request' until the status line and headers arrived, 'response' while the body was read. */
    readonly phase: 'request' | 'response',
    override readonly cause: unknown,
    readonly details: {
      aborted?: 'cancelled' | 'timeout';
      status?: number;
      /** Set when the body was longer than this many bytes. */
      tooLarge?: number;
    } = {},
  ) {
    super(cause instanceof Error ? cause.message : String(cause));
  }
}

export function exchange(request: WireRequest, options: ExchangeOptions): Promise<WireResponse> {
  return new Promise<WireResponse>((resolve, reject) => {
    const maxBody = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
    let phase: 'request' | 'response' = 'request';
    let status: number | undefined;
    let settled = false;
    let req: http.ClientRequest | undefined;

    const finish = (): boolean => {
      if (settled) return false;
      settled = true;
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', onAbort);
      return true;
    };
    const fail = (cause: unknown, details: ExchangeFailure['details'] = {}): void => {
      if (!finish()) return;
      req?.destroy();
      reject(new ExchangeFailure(phase, cause, { status, ...details }));
    };
    const onAbort = (): void => fail(options.signal?.reason ?? new Error('cancelled'), { aborted: 'cancelled' });
    // A real timer, not an injectable clock: it races a real socket.
    const timer = setTimeout(
      () => fail(new Error(`no answer within ${options.timeoutMs} ms`), { aborted: 'timeout' }),
      options.timeoutMs,
    );
    if (options.signal?.aborted) return onAbort();
    options.signal?.addEventListener('abort', onAbort, { once: true });

    const headers: Record<string, string | number> = { ...request.headers };
    if (!hasHeader(headers, 'accept-encoding')) headers['Accept-Encoding'] = 'gzip, deflate, br';
    if (request.body !== undefined && !hasHeader(headers, 'content-length'))
      headers['Content-Length'] = Buffer.byteLength(request.body);
    try {
      // http.request throws at once for a URL or header Node refuses (ERR_INVALID_URL, ERR_INVALID_PROTOCOL, …).
      const url = new URL(request.url);
      req = (url.protocol === 'https:' ? https : http).request(url, { method: request.method, headers });
    } catch (e) {
      return fail(e);
    }
    req.on('error', (e) => fail(e));
    req.on('response', (res) => {
      phase = 'response';
      status = res.statusCode;
      options.onHead?.();
      // Read from our own record of the raw headers: Node's `res.headers` would build a second one.
      const headers = headerRecord(res.rawHeaders);
      const declared = Number(headers['content-length']);
      if (declared > maxBody) return fail(tooLargeError(maxBody), { tooLarge: maxBody });
      const chunks: Buffer[] = [];
      let received = 0;
      res.on('data', (chunk: Buffer) => {
        received += chunk.length;
        if (received > maxBody) return fail(tooLargeError(maxBody), { tooLarge: maxBody });
        chunks.push(chunk);
      });
      res.on('error', (e) => fail(e));
      // A connection that closes before the body's end: Node reports it as 'aborted' (ECONNRESET) or only closes.
      res.on('close', () => {
        if (!res.complete)
          fail(Object.assign(new Error('the connection closed before the answer ended'), { code: 'ECONNRESET' }));
      });
      res.on('end', () => {
        const body = chunks.length === 1 ? chunks[0] : Buffer.concat(chunks);
        const done = (bytes: Uint8Array): void => {
          if (!finish()) return;
          resolve({
            status: res.statusCode ?? 0,
            statusText: res.statusMessage ?? '',
            headers,
            bytes,
          });
        };
        const coding = headers['content-encoding'];
        if (coding === undefined || body.length === 0) return done(body);
        decode(coding, body, maxBody).then(done, (e: unknown) =>
          errorCodeOf(e) === 'ERR_BUFFER_TOO_LARGE' ? fail(tooLargeError(maxBody), { tooLarge: maxBody }) : fail(e),
        );
      });
    });
    req.end(request.body);
  });
}

/** The body as sent, or decompressed for the encodings fetch decodes (gzip, deflate, br); at most `max` bytes. */
function decode(encoding: string, body: Buffer, max: number): Promise<Uint8Array> {
  const coding = encoding.trim().toLowerCase();
  if (coding === '' || coding === 'identity') return Promise.resolve(body);
  const options = { maxOutputLength: max };
  return new Promise((resolve, reject) => {
    const done = (e: Error | null, out: Buffer) => (e ? reject(e) : resolve(out));
    if (coding === 'gzip' || coding === 'x-gzip')
      zlib.gunzip(body, { ...options, finishFlush: zlib.constants.Z_SYNC_FLUSH }, done);
    // "deflate" is zlib-wrapped by the standard, raw in some servers: the first byte tells them apart.
    else if (coding === 'deflate') ((body[0] & 0x0f) === 0x08 ? zlib.inflate : zlib.inflateRaw)(body, options, done);
    else if (coding === 'br') zlib.brotliDecompress(body, options, done);
    else resolve(body);
  });
}

function headerRecord(raw: string[]): Record<string, string> {
  const headers: Record<string, string> = {};
  for (let i = 0; i + 1 < raw.length; i += 2) {
    const name = raw[i].toLowerCase();
    headers[name] = Object.prototype.hasOwnProperty.call(headers, name)
      ? `${headers[name]}, ${raw[i + 1]}`
      : raw[i + 1];
  }
  return headers;
}

function hasHeader(headers: Record<string, unknown>, lowerCaseName: string): boolean {
  return Object.keys(headers).some((name) => name.toLowerCase() === lowerCaseName);
}

function tooLargeError(max: number): Error {
  return new RangeError(`the answer is longer than ${max} bytes`);
}

function errorCodeOf(e: unknown): unknown {
  return typeof e === 'object' && e !== null ? (e as { code?: unknown }).code : undefined;
}
