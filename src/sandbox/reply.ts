// Writing answers: Altegio's error envelope, JSON serialisation, and the faults that act on the way out
// (connection reset, malformed JSON, slow body).
import type { IncomingMessage, ServerResponse } from 'http';
import type { Fault } from './faults';
import type { Timers } from './timers';

export interface Reply {
  status: number;
  headers?: Record<string, string>;
  /** A JSON value; undefined for an empty body. */
  body?: unknown;
}

export function errorReply(
  status: number,
  message: string,
  errors?: Record<string, string[]>,
  headers?: Record<string, string>,
): Reply {
  const meta: { message: string; errors?: Record<string, string[]> } = { message };
  if (errors && Object.keys(errors).length) meta.errors = errors;
  return { status, headers, body: { success: false, data: null, meta } };
}

/** Drops the TCP connection with a reset, so the client sees ECONNRESET rather than a clean end. */
export function resetConnection(req: IncomingMessage): void {
  const socket = req.socket as IncomingMessage['socket'] & { resetAndDestroy?: () => void };
  if (typeof socket.resetAndDestroy === 'function') socket.resetAndDestroy();
  else socket.destroy();
}

export async function sendReply(
  res: ServerResponse,
  reply: Reply,
  fault: Fault | undefined,
  timers: Timers,
): Promise<number> {
  let status = reply.status;
  let payload = reply.body === undefined ? '' : JSON.stringify(reply.body);
  if (fault?.malformedJson) {
    // A prefix of a JSON object without its closing brace never parses.
    const whole = payload || JSON.stringify({ success: true, data: null, meta: [] });
    payload = whole.slice(0, Math.max(1, Math.floor(whole.length * 0.6)));
    if (status === 204) status = 200;
  }
  const headers: Record<string, string | number> = { ...reply.headers };
  if (payload) {
    headers['Content-Type'] = 'application/json; charset=utf-8';
    headers['Content-Length'] = Buffer.byteLength(payload);
  }
  if (res.destroyed) return status;
  res.writeHead(status, headers);
  if (fault?.slowBodyMs) {
    const half = Math.floor(payload.length / 2);
    res.write(payload.slice(0, half));
    await timers.sleep(fault.slowBodyMs);
    if (!res.destroyed) res.end(payload.slice(half));
    return status;
  }
  res.end(payload);
  return status;
}
