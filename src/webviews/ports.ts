// What the rest of the extension asks of the webviews: open an operation's request form, show an exchange.
import type { OperationSpec } from '../api/catalog';
import type { Exchange } from '../services/request-pipeline';

export interface Prefill {
  pathParams?: Record<string, string | number>;
  query?: Record<string, unknown>;
  body?: Record<string, unknown>;
  /** Context for lookups that is not a parameter of the operation (e.g. the chain for card types). */
  context?: { locationId?: number; chainId?: number };
}

/** Opens an operation for the user to fill in and send (the request form). */
export interface OperationLauncher {
  open(operation: OperationSpec, prefill?: Prefill): Promise<void>;
}

/** Shows the result of a request (the response viewer). */
export interface ResponsePresenter {
  show(exchange: Exchange): Promise<void>;
}
