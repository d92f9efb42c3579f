// What the rest of the extension asks of the webviews: open an operation's request form, show an exchange.
import type { OperationSpec } from '../api/catalog';
import type { EntityContext } from '../api/request-context';
import type { Exchange } from '../services/request-pipeline';

export interface Prefill {
  pathParams?: Record<string, string | number>;
  query?: Record<string, unknown>;
  body?: Record<string, unknown>;
  /**
   * Where the request happens, usually the tree item the command came from: it fills the parameters that name
   * a location, chain, client, team member or service, and gives lookups what they need (the chain of card types).
   */
  context?: EntityContext;
}

export interface OpenOptions {
  /**
   * A user asked for the form: a location or chain the operation needs and nothing decided is asked for with a
   * quick pick of the live list (Escape opens the form without it).
   */
  askForMissing?: boolean;
}

/** Opens an operation for the user to fill in and send (the request form). */
export interface OperationLauncher {
  open(operation: OperationSpec, prefill?: Prefill, options?: OpenOptions): Promise<void>;
}

/** Shows the result of a request (the response viewer). */
export interface ResponsePresenter {
  show(exchange: Exchange): Promise<void>;
}
