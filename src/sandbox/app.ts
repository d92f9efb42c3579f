// The request pipeline of the sandbox, in the order the real API is experienced: count → faults → rate limit →
// route (404/405) → Accept (400) → Authorization (401) → body and parameter validation (400/422) → the
// operation's handler → the answer (where the remaining faults act).
import type { IncomingMessage, ServerResponse } from 'http';
import type { Catalog } from '../api/catalog';
import { coerceRequest, groupFieldErrors, normaliseBody, validateRequest, type FieldError } from '../api/validation';
import { acceptProblem } from './accept';
import { BodyError, decodeBody, readBody } from './body';
import type { SandboxCredentials } from './credentials';
import { describeFault, FAULT_HEADER, FaultHeaderError, type Fault, type FaultInjector } from './faults';
import { ApiError } from './handlers/errors';
import type { Handler } from './handlers/handler';
import type { SlidingWindowRateLimiter } from './rate-limit';
import { errorReply, resetConnection, sendReply, type Reply } from './reply';
import { authenticate } from './request-auth';
import { route } from './router';
import type { RequestStats } from './stats';
import type { Store } from './store';
import type { Timers } from './timers';

export const API_PREFIX = '/api/v1';
const CONTROL_PREFIX = '/__sandbox/';
const AUTH_NEEDED = 'Authentication needed.';

export interface SandboxApp {
  catalog: Catalog;
  handlers: Map<string, Handler>;
  store: Store;
  stats: RequestStats;
  faults: FaultInjector;
  limiter: SlidingWindowRateLimiter | undefined;
  credentials: SandboxCredentials;
  timers: Timers;
  /** Answers GET /__sandbox/info. */
  info: () => unknown;
  /** Resolves once every change made so far is on disk (at once without a data file); no 2xx before it. */
  commit: () => Promise<void>;
  log: (line: string) => void;
}

export function createRequestListener(app: SandboxApp): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    handle(app, req, res).catch((e: Error) => {
      app.log(`internal error: ${e.stack ?? e.message}`);
      if (!res.headersSent && !res.destroyed) {
        void sendReply(
          res,
          errorReply(500, `The sandbox failed to handle this request: ${e.message}`),
          undefined,
          app.timers,
        );
      }
    });
  };
}

function isLoopback(address: string | undefined): boolean {
  return !!address && (address === '::1' || address.startsWith('127.') || address.startsWith('::ffff:127.'));
}

async function handle(app: SandboxApp, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const started = performance.now();
  const method = (req.method ?? 'GET').toUpperCase();
  const url = new URL(req.url ?? '/', 'http://sandbox.invalid');
  const finish = async (reply: Reply, fault?: Fault, note = '') => {
    const status = await sendReply(res, reply, fault, app.timers);
    app.log(
      `${method} ${url.pathname} → ${status} in ${Math.round(performance.now() - started)} ms${fault ? ` [fault ${describeFault(fault)}]` : ''}${note}`,
    );
  };

  if (url.pathname.startsWith(CONTROL_PREFIX)) return finish(control(app, req, method, url.pathname));
  if (url.pathname !== API_PREFIX && !url.pathname.startsWith(`${API_PREFIX}/`)) {
    return finish(errorReply(404, `Not found: the API lives under ${API_PREFIX}.`));
  }
  const apiPath = url.pathname.slice(API_PREFIX.length) || '/';
  app.stats.record(method, apiPath);
  const target = route(app.catalog, method, apiPath);
  const op = target.kind === 'operation' ? target.operation : undefined;
  if (op) app.stats.recordOperation(op.id);

  let fault: Fault | undefined;
  try {
    fault = app.faults.pick(
      { method, path: apiPath, templatePath: op?.path, operationId: op?.id },
      headerValue(req, FAULT_HEADER),
    );
  } catch (e) {
    if (e instanceof FaultHeaderError) return finish(errorReply(400, e.message));
    throw e;
  }
  if (fault?.latencyMs) await app.timers.sleep(fault.latencyMs);
  if (fault?.reset === 'before-body') {
    resetConnection(req);
    app.log(`${method} ${url.pathname} → connection reset before the body was read [fault ${describeFault(fault)}]`);
    return;
  }
  if (fault?.status) {
    const retryAfter = fault.retryAfter ?? (fault.status === 429 || fault.status === 503 ? 1 : undefined);
    const headers = retryAfter === undefined ? undefined : { 'Retry-After': String(retryAfter) };
    return finish(errorReply(fault.status, injectedMessage(fault.status), undefined, headers), fault);
  }

  const body = memoise(() => readBody(req));
  const { reply, note } = await answer(app, req, method, apiPath, url, target, body);
  if (fault?.reset === 'after-body') {
    // The request was read and carried out; only the answer is lost (the "outcome unknown" case for writes).
    await body().catch(() => undefined);
    resetConnection(req);
    app.log(
      `${method} ${url.pathname} → ${reply.status} computed, then connection reset [fault ${describeFault(fault)}]`,
    );
    return;
  }
  return finish(reply, fault, note);
}

/** Everything from the rate limit to the operation's handler; the body is read only when it is needed. */
async function answer(
  app: SandboxApp,
  req: IncomingMessage,
  method: string,
  apiPath: string,
  url: URL,
  target: ReturnType<typeof route>,
  rawBody: () => Promise<Buffer>,
): Promise<{ reply: Reply; note?: string }> {
  if (app.limiter) {
    const decision = app.limiter.check(req.socket.remoteAddress ?? 'unknown');
    if (!decision.allowed) {
      return {
        reply: errorReply(
          429,
          `Too many requests: over the limit of ${app.limiter.describe(decision.window)} per IP address. Retry after ${decision.retryAfterSeconds} s.`,
          undefined,
          { 'Retry-After': String(decision.retryAfterSeconds) },
        ),
      };
    }
  }
  if (target.kind === 'not-found')
    return { reply: errorReply(404, `No operation of the Altegio API matches ${method} ${API_PREFIX}${apiPath}.`) };
  if (target.kind === 'method-not-allowed') {
    return {
      reply: errorReply(
        405,
        `${method} is not allowed on ${API_PREFIX}${apiPath}; allowed: ${target.allowed.join(', ')}.`,
        undefined,
        { Allow: target.allowed.join(', ') },
      ),
    };
  }
  const operation = target.operation;

  const acceptIssue = acceptProblem(headerValue(req, 'accept'));
  if (acceptIssue) return { reply: errorReply(400, acceptIssue) };

  const auth = authenticate(operation, headerValue(req, 'authorization'), app.store, app.credentials.partnerToken);
  if (!auth.ok) return { reply: errorReply(401, AUTH_NEEDED), note: ` (${auth.reason})` };

  let body: unknown;
  try {
    body = decodeBody(operation, await rawBody(), headerValue(req, 'content-type'));
  } catch (e) {
    if (e instanceof BodyError) return { reply: errorReply(e.status, e.message) };
    throw e;
  }

  const values = coerceRequest(operation, {
    pathParams: target.pathParams,
    query: queryValues(url.searchParams),
    body,
  });
  const problems = validateRequest(operation, values);
  if (problems.length) return { reply: validationReply(problems) };

  const scope = scopeProblem(app.store, values.pathParams ?? {});
  if (scope) return { reply: errorReply(404, scope) };
  let reply: Reply;
  try {
    reply = app.handlers.get(operation.id)!({
      op: operation,
      pathParams: values.pathParams ?? {},
      query: values.query ?? {},
      // One form of each value for the handlers: "8230" where the schema says integer is read as 8230.
      body: normaliseBody(operation, values.body),
      store: app.store,
      user: auth.user,
    });
  } catch (e) {
    if (!(e instanceof ApiError)) throw e;
    reply = errorReply(e.status, e.message, e.errors);
  }
  try {
    await app.commit();
  } catch (e) {
    return { reply: errorReply(500, (e as Error).message), note: ' (not saved)' };
  }
  return { reply };
}

function memoise<T>(fn: () => Promise<T>): () => Promise<T> {
  let promise: Promise<T> | undefined;
  return () => (promise ??= fn());
}

function headerValue(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value.join(', ') : value;
}

/** Query values by parameter name: `ids[]=1&ids[]=2` and repeated keys become lists. */
function queryValues(params: URLSearchParams): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [rawKey, value] of params) {
    const isList = rawKey.endsWith('[]');
    const key = isList ? rawKey.slice(0, -2) : rawKey;
    const current = out[key];
    if (current === undefined) out[key] = isList ? [value] : value;
    else out[key] = Array.isArray(current) ? [...current, value] : [current, value];
  }
  return out;
}

/**
 * 400 when a value has the wrong type or format, 422 when the request is well-formed but incomplete
 * (Altegio answers a missing required field with 422).
 */
function validationReply(problems: FieldError[]): Reply {
  const status = problems.some((p) => p.kind === 'invalid') ? 400 : 422;
  // Messages start with the field's name as sent ("seance_length is required"): never capitalised.
  const message =
    problems.length === 1
      ? problems[0].message
      : `${problems.length} problems: ${problems.map((p) => p.message).join('; ')}`;
  return errorReply(status, message, groupFieldErrors(problems));
}

/** Every operation is scoped to a location or chain of this business; others are not found. */
function scopeProblem(store: Store, pathParams: Record<string, unknown>): string | undefined {
  const locationId = pathParams.location_id;
  if (typeof locationId === 'number' && !store.get('locations', locationId)) return `Location ${locationId} not found.`;
  const chainId = pathParams.chain_id;
  if (typeof chainId === 'number' && !store.get('chains', chainId)) return `Chain ${chainId} not found.`;
  return undefined;
}

function injectedMessage(status: number): string {
  if (status === 429) return 'Too many requests.';
  if (status === 503) return 'Service temporarily unavailable.';
  if (status >= 500) return 'Internal server error.';
  return 'Request failed.';
}

function control(app: SandboxApp, req: IncomingMessage, method: string, pathname: string): Reply {
  // The control endpoints publish demo credentials: only ever to the machine itself.
  if (!isLoopback(req.socket.remoteAddress))
    return errorReply(403, 'The sandbox control endpoints answer loopback clients only.');
  if (method !== 'GET')
    return errorReply(405, `${method} is not allowed on ${pathname}; allowed: GET.`, undefined, { Allow: 'GET' });
  if (pathname === '/__sandbox/info') return { status: 200, body: app.info() };
  if (pathname === '/__sandbox/stats') return { status: 200, body: app.stats.snapshot() };
  return errorReply(404, `Unknown sandbox control endpoint ${pathname}; known: /__sandbox/info, /__sandbox/stats.`);
}
