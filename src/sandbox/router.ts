// Resolves a request to an operation of the OpenAPI document: nothing here lists routes, the catalog does.
import { HTTP_METHODS, type Catalog, type HttpMethod, type OperationSpec } from '../api/catalog';

export type Route =
  | { kind: 'operation'; operation: OperationSpec; pathParams: Record<string, string> }
  | { kind: 'method-not-allowed'; allowed: HttpMethod[] }
  | { kind: 'not-found' };

/** `apiPath` is relative to /api/v1, e.g. `/loyalty/cards/720441`. */
export function route(catalog: Catalog, method: string, apiPath: string): Route {
  const match = catalog.match(method, apiPath);
  if (match) return { kind: 'operation', operation: match.operation, pathParams: match.pathParams };
  const allowed = HTTP_METHODS.filter((m) => catalog.match(m, apiPath) !== undefined);
  return allowed.length ? { kind: 'method-not-allowed', allowed } : { kind: 'not-found' };
}
