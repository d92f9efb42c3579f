// Which handler answers each operation. Routing itself comes from the OpenAPI document; this table only says, by
// operation id, which operations have behaviour of their own. Every other operation is answered by the generic
// resource engine from what its path says it is. Before any handler runs, every id in the path must name
// something that exists for the owners the path names (404 otherwise).
import type { Catalog, OperationSpec } from '../../api/catalog';
import { analyticsHandlers } from './analytics';
import { appointmentHandlers } from './appointments';
import { authHandlers } from './auth';
import { backOfficeHandlers } from './back-office';
import { clientHandlers } from './clients';
import { ApiError } from './errors';
import type { Handler } from './handler';
import { dictionaryHandlers } from './dictionaries';
import { eventHandlers } from './events';
import { financeHandlers } from './finance';
import { holdingHandlers } from './holdings';
import { inventoryHandlers } from './inventory';
import { locationHandlers } from './locations';
import { medicineHandlers } from './medicine';
import { messageHandlers } from './messages';
import { loyaltyAdminHandlers } from './loyalty-admin';
import { loyaltyCardHandlers } from './loyalty-cards';
import { peopleHandlers } from './people';
import { productHandlers } from './products';
import { ResourceEngine } from './resources/engine';
import { paramNames } from './resources/paths';
import { missingReference } from './resources/references';
import { scheduleHandlers } from './schedules';
import { serviceHandlers } from './services';
import { staffHandlers } from './staff';
import { tagHandlers } from './tags';
import { visitHandlers } from './visits';

export const STATEFUL_HANDLERS: Readonly<Record<string, Handler>> = {
  ...authHandlers,
  ...locationHandlers,
  ...serviceHandlers,
  ...staffHandlers,
  ...clientHandlers,
  ...appointmentHandlers,
  ...loyaltyCardHandlers,
  ...productHandlers,
  ...tagHandlers,
  ...backOfficeHandlers,
  ...holdingHandlers,
  ...scheduleHandlers,
  ...eventHandlers,
  ...dictionaryHandlers,
  ...peopleHandlers,
  ...inventoryHandlers,
  ...financeHandlers,
  ...analyticsHandlers,
  ...loyaltyAdminHandlers,
  ...visitHandlers,
  ...messageHandlers,
  ...medicineHandlers,
};

/**
 * The handler of each operation of the catalog. Fails at start-up when the table names an operation the document
 * does not have, so that a renamed operation id cannot silently fall back to the generic engine.
 */
export function handlerTable(catalog: Catalog): Map<string, Handler> {
  const unknown = Object.keys(STATEFUL_HANDLERS).filter((id) => !catalog.operation(id));
  if (unknown.length)
    throw new Error(`Sandbox handlers for operations missing from the OpenAPI document: ${unknown.join(', ')}`);
  const engine = new ResourceEngine(catalog);
  const generic = engine.handler();
  const handlerOf = (id: string) => STATEFUL_HANDLERS[id] ?? generic;
  return new Map(catalog.operations.map((op) => [op.id, checked(op, engine, handlerOf(op.id))]));
}

/** The handler, behind the check that every id in the path exists. */
function checked(op: OperationSpec, engine: ResourceEngine, handler: Handler): Handler {
  const order = paramNames(op.path);
  return (ctx) => {
    const missing =
      missingReference({ store: ctx.store, path: op.path, params: ctx.pathParams }, order) ?? engine.missingItem(ctx);
    if (missing) throw new ApiError(404, missing);
    return handler(ctx);
  };
}
