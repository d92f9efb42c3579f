// Path parameters that name a typed entity of the business, and how to find it within the owners the path names
// (a client of that location, a card of that chain). An id that names nothing is a 404 before any handler runs.
import type { Store } from '../../store';
import { countryById } from '../dictionaries';
import type { LocationCollection } from '../request';

export interface ReferenceContext {
  store: Store;
  /** The operation's path template, to tell e.g. a product category from a service category. */
  path: string;
  params: Record<string, unknown>;
}

interface Reference {
  /** How the 404 message names it. */
  what: string;
  exists(ctx: ReferenceContext, id: number): boolean;
}

function locationOf(ctx: ReferenceContext): number | undefined {
  const id = ctx.params.location_id;
  return id === undefined ? undefined : Number(id);
}

function chainOf(ctx: ReferenceContext): number | undefined {
  if (ctx.params.chain_id !== undefined) return Number(ctx.params.chain_id);
  const location = locationOf(ctx);
  return location === undefined ? undefined : ctx.store.get('locations', location)?.chain_id;
}

/** Found, and (when the path names a location) at that location. */
function atLocation(entity: { location_id: number } | undefined, ctx: ReferenceContext): boolean {
  const location = locationOf(ctx);
  return !!entity && (location === undefined || entity.location_id === location);
}

/** For an id that names one of two collections: the first when the path has `word` in it, else the second. */
function atLocationIn(
  ctx: ReferenceContext,
  id: number,
  word: string,
  [ifWord, otherwise]: [LocationCollection, LocationCollection],
): boolean {
  return atLocation(ctx.store.get(ctx.path.includes(word) ? ifWord : otherwise, id), ctx);
}

function inChain(entity: { chain_id: number } | undefined, ctx: ReferenceContext): boolean {
  const chain = chainOf(ctx);
  return !!entity && (chain === undefined || entity.chain_id === chain);
}

const REFERENCES: Record<string, Reference> = {
  location_id: { what: 'Location', exists: (c, id) => !!c.store.get('locations', id) },
  chain_id: { what: 'Chain', exists: (c, id) => !!c.store.get('chains', id) },
  client_id: { what: 'Client', exists: (c, id) => atLocation(c.store.get('clients', id), c) },
  /** A patient of the medicine module: a client (patient_type clients); the sandbox keeps no walk-in visitors. */
  patient_id: {
    what: 'Patient',
    exists: (c, id) => c.params.patient_type === 'clients' && atLocation(c.store.get('clients', id), c),
  },
  team_member_id: { what: 'Team member', exists: (c, id) => atLocation(c.store.get('staff', id), c) },
  service_id: { what: 'Service', exists: (c, id) => atLocation(c.store.get('services', id), c) },
  record_id: {
    what: 'Appointment',
    exists: (c, id) => {
      const a = c.store.get('appointments', id);
      return atLocation(a, c) && !a!.deleted;
    },
  },
  visit_id: { what: 'Visit', exists: (c, id) => visitIds(c.store).has(id) },
  user_id: {
    what: 'User',
    exists: (c, id) => {
      const user = c.store.get('users', id);
      const location = locationOf(c);
      return !!user && (location === undefined || user.location_ids.includes(location));
    },
  },
  position_id: { what: 'Position', exists: (c, id) => atLocation(c.store.get('positions', id), c) },
  product_id: { what: 'Product', exists: (c, id) => atLocation(c.store.get('products', id), c) },
  document_id: { what: 'Document', exists: (c, id) => atLocation(c.store.get('stockDocuments', id), c) },
  card_id: { what: 'Loyalty card', exists: (c, id) => inChain(c.store.get('loyaltyCards', id), c) },
  membership_id: { what: 'Membership', exists: (c, id) => inChain(c.store.get('memberships', id), c) },
  deposit_id: { what: 'Client account', exists: (c, id) => inChain(c.store.get('deposits', id), c) },
  program_id: { what: 'Loyalty program', exists: (c, id) => inChain(c.store.get('loyaltyPrograms', id), c) },
  loyalty_program_id: {
    what: 'Loyalty program',
    exists: (c, id) => inChain(c.store.get('loyaltyPrograms', id), c),
  },
  loyalty_membership_type_id: {
    what: 'Membership type',
    exists: (c, id) => inChain(c.store.get('membershipTypes', id), c),
  },
  type_id: { what: 'Gift card type', exists: (c, id) => inChain(c.store.get('giftCardTypes', id), c) },
  field_id: {
    what: 'Custom field',
    exists: (c, id) => {
      const field = c.store.get('customFields', id);
      return (
        atLocation(field, c) && (c.params.field_category === undefined || field!.category === c.params.field_category)
      );
    },
  },
  tag_id: {
    what: 'Tag',
    exists: (c, id) => {
      const tag = c.store.get('tags', id);
      return atLocation(tag, c) && !tag!.deleted;
    },
  },
  category_id: {
    what: 'Category',
    exists: (c, id) => atLocationIn(c, id, '/goods', ['productCategories', 'serviceCategories']),
  },
  parent_category_id: {
    what: 'Product category',
    exists: (c, id) => id === 0 || atLocation(c.store.get('productCategories', id), c),
  },
  transaction_id: {
    what: 'Transaction',
    exists: (c, id) => atLocationIn(c, id, 'goods_transactions', ['goodsTransactions', 'financeTransactions']),
  },
  payment_transaction_id: {
    what: 'Payment transaction',
    exists: (c, id) => {
      const documentId = Number(c.params.document_id);
      if (!c.path.includes('loyalty_transaction'))
        return c.store.get('financeTransactions', id)?.document_id === documentId;
      return (
        c.store.get('depositTransactions', id)?.document_id === documentId ||
        c.store.get('loyaltyTransactions', id)?.document_id === documentId
      );
    },
  },
  country_id: { what: 'Country', exists: (_c, id) => !!countryById(id) },
  event_id: { what: 'Event', exists: (c, id) => atLocation(c.store.get('events', id), c) },
  entity_id: {
    what: 'Event',
    exists: (c, id) => c.params.entity_type !== 'activity' || atLocation(c.store.get('events', id), c),
  },
};

export function isTypedReference(param: string): boolean {
  return Object.prototype.hasOwnProperty.call(REFERENCES, param);
}

/** "Client 123 not found." for the first typed id in the path that names nothing; undefined when all exist. */
export function missingReference(ctx: ReferenceContext, order: readonly string[]): string | undefined {
  for (const name of order) {
    const ref = REFERENCES[name];
    const raw = ctx.params[name];
    if (!ref || raw === undefined) continue;
    const id = Number(raw);
    if (!Number.isInteger(id) || !ref.exists(ctx, id)) return `${ref.what} ${String(raw)} not found.`;
  }
  return undefined;
}

function visitIds(store: Store): Set<number> {
  return store.derived('appointments.visitIds', ['appointments'], () => {
    const ids = new Set<number>();
    for (const a of store.list('appointments')) if (!a.deleted) ids.add(a.visit_id);
    return ids;
  });
}
