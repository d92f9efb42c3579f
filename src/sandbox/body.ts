// Reading and decoding request bodies: JSON for almost every operation, multipart/form-data for image uploads.
import type { IncomingMessage } from 'http';
import type { OperationSpec } from '../api/catalog';

export const MAX_BODY_BYTES = 1024 * 1024;

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
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        reject(new BodyError(413, `The request body is larger than ${limit} bytes.`));
        req.resume();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
    // A client that hangs up mid-body never sends 'end'; settle so the request's pipeline can finish.
    req.on('close', () => {
      if (!req.complete) reject(new BodyError(400, 'The connection closed before the whole body arrived.'));
    });
  });
}

/** The body as the handlers and validation see it; undefined when none was sent. */
export function decodeBody(op: OperationSpec, raw: Buffer, contentType: string | undefined): unknown {
  if (raw.length === 0) return undefined;
  if (op.requestBody?.contentType === 'multipart/form-data') return decodeMultipart(raw, contentType);
  const text = raw.toString('utf8');
  if (!text.trim()) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch (e) {
    throw new BodyError(400, `The request body is not valid JSON: ${(e as Error).message}`);
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
  for (const part of raw.toString('latin1').split(delimiter).slice(1)) {
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
