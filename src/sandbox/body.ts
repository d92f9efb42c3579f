// Reading and decoding request bodies: JSON for almost every operation, multipart/form-data for image uploads.
// Every body passes the same limits before any handler sees it — size (413), nesting depth and keys per object
// (400) — so nothing is stored that the sandbox could not serialise, save or answer with again.
import type { IncomingMessage } from 'http';
import type { OperationSpec } from '../api/catalog';

export const MAX_BODY_BYTES = 1024 * 1024;
/** Altegio's deepest documented body is four levels; JSON.stringify recurses, so depth must stay far from the stack. */
export const MAX_BODY_DEPTH = 32;
export const MAX_OBJECT_KEYS = 1000;
/** Objects, arrays and scalars together. */
export const MAX_BODY_VALUES = 100_000;

export class BodyError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = 'BodyError';
  }
}

export function readBody(req: IncomingMessage, limit = MAX_BODY_BYTES): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const closedEarly = () => new BodyError(400, 'The connection closed before the whole body arrived.');
    // A request the client gave up on while it waited (an injected latency, a slow handler before it) has already
    // emitted 'close': listeners attached now would never fire, and the request would never finish.
    if (req.destroyed) {
      reject(closedEarly());
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    const settle = (fn: () => void) => {
      if (settled) return;
      settled = true;
      fn();
    };
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        settle(() => reject(new BodyError(413, `The request body is larger than ${limit} bytes.`)));
        req.resume();
        return;
      }
      if (!settled) chunks.push(chunk);
    });
    req.on('end', () => settle(() => resolve(Buffer.concat(chunks))));
    req.on('error', (e) => settle(() => reject(e)));
    // A client that hangs up mid-body never sends 'end'; settle so the request's pipeline can finish.
    req.on('close', () => settle(() => reject(closedEarly())));
  });
}

/** The body as the handlers and validation see it; undefined when none was sent. */
export function decodeBody(op: OperationSpec, raw: Buffer, contentType: string | undefined): unknown {
  if (raw.length === 0) return undefined;
  if (op.requestBody?.contentType === 'multipart/form-data') return decodeMultipart(raw, contentType);
  const text = raw.toString('utf8');
  if (!text.trim()) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(text) as unknown;
  } catch (e) {
    throw new BodyError(400, `The request body is not valid JSON: ${(e as Error).message}`);
  }
  checkBodyShape(value);
  return value;
}

/**
 * Refuses a body nested deeper than MAX_BODY_DEPTH, with an object of more than MAX_OBJECT_KEYS keys, or of more
 * than MAX_BODY_VALUES values. Iterative, so a hostile depth cannot overflow the stack here either.
 */
export function checkBodyShape(value: unknown): void {
  const pending: [unknown, number][] = [[value, 0]];
  let values = 0;
  while (pending.length) {
    const [item, depth] = pending.pop()!;
    if (++values > MAX_BODY_VALUES)
      throw new BodyError(413, `The request body has more than ${MAX_BODY_VALUES} values.`);
    if (item === null || typeof item !== 'object') continue;
    if (depth >= MAX_BODY_DEPTH)
      throw new BodyError(400, `The request body is nested deeper than ${MAX_BODY_DEPTH} levels.`);
    const children = Array.isArray(item) ? item : Object.values(item);
    if (!Array.isArray(item) && children.length > MAX_OBJECT_KEYS)
      throw new BodyError(400, `An object in the request body has more than ${MAX_OBJECT_KEYS} keys.`);
    for (const child of children) pending.push([child, depth + 1]);
  }
}

/**
 * The fields of a multipart body. Files are described, not kept: the sandbox stores no uploads, it only needs to
 * know that a part was sent (validation checks the required ones).
 */
function decodeMultipart(raw: Buffer, contentType: string | undefined): Record<string, string> {
  const boundary = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType ?? '');
  if (!boundary) throw new BodyError(400, 'A multipart/form-data body needs a Content-Type header with a boundary.');
  const delimiter = `--${boundary[1] ?? boundary[2].trim()}`;
  const fields: Record<string, string> = {};
  const parts = raw.toString('latin1').split(delimiter).slice(1);
  if (parts.length > MAX_OBJECT_KEYS)
    throw new BodyError(400, `A multipart body has more than ${MAX_OBJECT_KEYS} parts.`);
  for (const part of parts) {
    if (part.startsWith('--')) break;
    const headerEnd = part.indexOf('\r\n\r\n');
    if (headerEnd < 0) continue;
    const headers = part.slice(0, headerEnd);
    const content = part.slice(headerEnd + 4).replace(/\r\n$/, '');
    const name = /name="([^"]*)"/i.exec(headers)?.[1];
    if (!name) continue;
    const filename = /filename="([^"]*)"/i.exec(headers)?.[1];
    fields[name] =
      filename === undefined
        ? Buffer.from(content, 'latin1').toString('utf8')
        : `${filename} (${content.length} bytes)`;
  }
  return fields;
}
