// What every operation handler receives and returns.
import type { OperationSpec } from '../../api/catalog';
import type { User } from '../model';
import type { Store } from '../store';

export interface HandlerContext {
  op: OperationSpec;
  /** Validated and converted to their declared types. */
  pathParams: Record<string, unknown>;
  query: Record<string, unknown>;
  /** Parsed JSON (or the fields of a multipart body); undefined when none was sent. */
  body: unknown;
  store: Store;
  /** The user whose token came with the request, if any. */
  user: User | undefined;
}

export interface HandlerResult {
  status: number;
  /** A JSON value; undefined for an empty body (204). */
  body?: unknown;
}

export type Handler = (ctx: HandlerContext) => HandlerResult;
