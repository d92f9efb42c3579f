// multipart/form-data bodies (image upload): a record of fields, described as plain data for exports and
// history, and encoded only when the request is actually sent.
import { ValidationError } from './errors';
import type { MultipartPart } from './http-types';

/** A file to upload; a Blob or File can also be given directly. */
export interface FileUpload {
  filename: string;
  content: Uint8Array | Blob;
  contentType?: string;
}

export type MultipartValue = string | number | boolean | Blob | FileUpload | null | undefined;
export type MultipartBody = Record<string, MultipartValue>;

export function describeMultipart(body: unknown, operationId: string): MultipartPart[] {
  return entries(body, operationId).map(([name, value]) => {
    const file = asFile(value);
    if (!file) return { name, value: String(value) };
    return { name, filename: file.filename, contentType: file.contentType, sizeBytes: byteLength(file.content) };
  });
}

/** The body as multipart/form-data bytes with its Content-Type (and boundary), encoded by Node's own fetch classes. */
export async function toMultipart(
  body: unknown,
  operationId: string,
): Promise<{ bytes: Uint8Array; contentType: string }> {
  const form = new FormData();
  for (const [name, value] of entries(body, operationId)) {
    const file = asFile(value);
    if (!file) form.append(name, String(value));
    else form.append(name, new File([file.content], file.filename, { type: file.contentType ?? '' }));
  }
  const encoded = new Response(form);
  const contentType = encoded.headers.get('content-type') ?? 'multipart/form-data';
  return { bytes: new Uint8Array(await encoded.arrayBuffer()), contentType };
}

function entries(body: unknown, operationId: string): [string, Exclude<MultipartValue, null | undefined>][] {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    throw new ValidationError(`${operationId} sends a form: give the body as an object of fields. Nothing was sent.`, {
      operationId,
      sent: false,
      fieldErrors: { body: ['must be an object of form fields'] },
      reason: { code: 'invalidRequest', problems: [{ field: 'body', problem: 'formNotObject' }] },
    });
  }
  return Object.entries(body as MultipartBody).filter(
    (e): e is [string, Exclude<MultipartValue, null | undefined>] => e[1] !== undefined && e[1] !== null,
  );
}

function asFile(value: Exclude<MultipartValue, null | undefined>): FileUpload | undefined {
  if (isBlobLike(value)) {
    const name = (value as Blob & { name?: unknown }).name;
    return {
      filename: typeof name === 'string' && name ? name : 'upload',
      content: value,
      contentType: value.type || undefined,
    };
  }
  if (typeof value === 'object' && typeof value.filename === 'string' && value.content !== undefined) return value;
  return undefined;
}

/** Node's Blob and node-fetch's (fetch-blob) are different classes, so `instanceof` would miss one of them. */
function isBlobLike(value: unknown): value is Blob {
  return (
    typeof value === 'object' &&
    value !== null &&
    /^(Blob|File)$/.test(String((value as Record<symbol, unknown>)[Symbol.toStringTag]))
  );
}

function byteLength(content: Uint8Array | Blob): number {
  return isBlobLike(content) ? content.size : content.byteLength;
}
