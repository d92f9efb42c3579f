// Which operations have a stateful handler. Routing itself comes from the OpenAPI document; this table only
// says, by operation id, who answers. Every other operation answers with its documented example.
import type { Catalog } from '../../api/catalog';
import { appointmentHandlers } from './appointments';
import { authHandlers } from './auth';
import { backOfficeHandlers } from './back-office';
import { clientHandlers } from './clients';
import type { Handler } from './context';
import { exampleHandler } from './examples';
import { holdingHandlers } from './holdings';
import { locationHandlers } from './locations';
import { loyaltyCardHandlers } from './loyalty-cards';
import { productHandlers } from './products';
import { serviceHandlers } from './services';
import { staffHandlers } from './staff';
import { tagHandlers } from './tags';

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
};

/**
 * The handler of each operation of the catalog. Fails at start-up when the table names an operation the document
 * does not have, so that a renamed operation id cannot silently fall back to its example.
 */
export function handlerTable(catalog: Catalog): Map<string, Handler> {
  const unknown = Object.keys(STATEFUL_HANDLERS).filter((id) => !catalog.operation(id));
  if (unknown.length)
    throw new Error(`Sandbox handlers for operations missing from the OpenAPI document: ${unknown.join(', ')}`);
  return new Map(catalog.operations.map((op) => [op.id, STATEFUL_HANDLERS[op.id] ?? exampleHandler]));
}
