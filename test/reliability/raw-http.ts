// One HTTP/1.1 exchange written byte by byte over a socket, so the fuzzer can send what node:http would refuse to
// build (odd methods, targets, header values, bodies that lie about their length), and read the answer back.
import * as net from 'net';

export interface RawAnswer {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}

export interface RawRequest {
  method: string;
  target: string;
  headers: [string, string][];
  body?: Buffer;
  /** Send the body in chunks of this size (Transfer-Encoding: chunked) instead of with a Content-Length. */
  chunked?: number;
}

export function encodeRequest(req: RawRequest): Buffer {
  const lines = [`${req.method} ${req.target} HTTP/1.1`, ...req.headers.map(([k, v]) => `${k}: ${v}`)];
  const body = req.body ?? Buffer.alloc(0);
  const parts: Buffer[] = [];
  if (req.chunked && body.length) {
    lines.push('Transfer-Encoding: chunked');
    for (let i = 0; i < body.length; i += req.chunked) {
      const chunk = body.subarray(i, i + req.chunked);
      parts.push(Buffer.from(`${chunk.length.toString(16)}\r\n`), chunk, Buffer.from('\r\n'));
    }
    parts.push(Buffer.from('0\r\n\r\n'));
  } else if (body.length) {
    lines.push(`Content-Length: ${body.length}`);
    parts.push(body);
  }
  lines.push('Connection: close');
  return Buffer.concat([Buffer.from(`${lines.join('\r\n')}\r\n\r\n`, 'latin1'), ...parts]);
}

/** Sends `bytes` and reads until the server closes; `localAddress` picks the source address (any 127.x.y.z). */
export function exchange(
  port: number,
  bytes: Buffer,
  options: { localAddress?: string; timeoutMs?: number; head?: boolean } = {},
): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const socket = net.connect({ port, host: '127.0.0.1', localAddress: options.localAddress });
    const chunks: Buffer[] = [];
    const timer = setTimeout(
      () => socket.destroy(new Error(`no answer within ${options.timeoutMs ?? 15_000} ms`)),
      options.timeoutMs ?? 15_000,
    );
    socket.on('data', (c: Buffer) => chunks.push(c));
    const finish = (error?: Error) => {
      clearTimeout(timer);
      const all = Buffer.concat(chunks);
      const answer = parseAnswer(all, options.head === true);
      // A server may close hard after answering (the rest of a refused body unread): the answer still counts.
      if (answer) resolve(answer);
      else reject(error ?? new Error(`not an HTTP answer: ${JSON.stringify(all.subarray(0, 200).toString('latin1'))}`));
    };
    socket.on('end', () => finish());
    socket.on('error', (e) => finish(e));
    // Write without ending: a half-closed socket makes Node's server drop the answer; `Connection: close` ends it.
    socket.on('connect', () => socket.write(bytes));
  });
}

/** `head`: the answer to a HEAD request, whose Content-Length describes a body that is not sent. */
function parseAnswer(all: Buffer, head: boolean): RawAnswer | undefined {
  const headEnd = all.indexOf('\r\n\r\n');
  if (headEnd < 0) return undefined;
  const [statusLine, ...headerLines] = all.subarray(0, headEnd).toString('latin1').split('\r\n');
  const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(statusLine)?.[1]);
  if (!status) return undefined;
  const headers: Record<string, string> = {};
  for (const line of headerLines) {
    const colon = line.indexOf(':');
    if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  let body = all.subarray(headEnd + 4);
  if (head) return { status, headers, body };
  const length = Number(headers['content-length']);
  if (Number.isInteger(length)) {
    if (body.length < length) return undefined;
    body = body.subarray(0, length);
  } else if (/chunked/i.test(headers['transfer-encoding'] ?? '')) {
    body = dechunk(body);
  }
  return { status, headers, body };
}

function dechunk(data: Buffer): Buffer {
  const out: Buffer[] = [];
  let at = 0;
  for (;;) {
    const lineEnd = data.indexOf('\r\n', at);
    if (lineEnd < 0) break;
    const size = parseInt(data.subarray(at, lineEnd).toString('latin1'), 16);
    if (!size) break;
    out.push(data.subarray(lineEnd + 2, lineEnd + 2 + size));
    at = lineEnd + 2 + size + 2;
  }
  return Buffer.concat(out);
}
