// A client's gift cards and memberships, looked up by phone within the chain of the location in the query.
import type { Entities, GiftCard, Membership } from '../model';
import type { Store } from '../store';
import { notFound } from './errors';
import type { Handler, HandlerContext } from './handler';
import { phoneDigits } from './request';
import { respondList } from './responses';

const GIFT_CARD_STATUS: Record<number, string> = { 1: 'Issued', 2: 'Activated', 3: 'Used', 4: 'Expired' };
const MEMBERSHIP_STATUS: Record<number, string> = { 1: 'Issued', 2: 'Activated', 3: 'Expired' };

/** The gift cards or memberships, within the chain, of the clients with the phone in the query. */
function heldByPhone<K extends 'giftCards' | 'memberships'>(ctx: HandlerContext, holdings: K): Entities[K][] {
  const { chainId, clientIds } = clientIdsByPhone(ctx);
  return ctx.store.filter(holdings, (h) => h.chain_id === chainId && clientIds.has(h.client_id));
}

/** The ids of the chain's clients with this phone (a person is a client of each location they visit). */
function clientIdsByPhone(ctx: HandlerContext): { chainId: number; clientIds: Set<number> } {
  const locationId = ctx.query.company_id as number;
  const location = ctx.store.get('locations', locationId);
  if (!location) throw notFound('Location', locationId);
  const chainLocations = new Set(
    ctx.store.filter('locations', (l) => l.chain_id === location.chain_id).map((l) => l.id),
  );
  const digits = phoneDigits(ctx.query.phone);
  const clientIds = new Set(
    ctx.store.filter('clients', (c) => chainLocations.has(c.location_id) && c.phone === digits).map((c) => c.id),
  );
  return { chainId: location.chain_id, clientIds };
}

export function giftCardView(store: Store, card: GiftCard) {
  const type = store.get('giftCardTypes', card.type_id);
  return {
    id: card.id,
    number: card.number,
    balance: card.balance,
    default_balance: type?.balance ?? card.balance,
    type_id: card.type_id,
    status_id: card.status_id,
    created_date: card.created_date,
    expiration_date: card.expiration_date,
    type: {
      id: card.type_id,
      title: type?.title ?? '',
      balance: type?.balance ?? 0,
      is_multi: type?.is_multi ?? false,
      company_group_id: card.chain_id,
      item_type_id: 0,
      expiration_type_id: 2,
      expiration_date: null,
      expiration_timeout: type?.expiration_timeout ?? 0,
      expiration_timeout_unit_id: type?.expiration_timeout_unit_id ?? 3,
      is_allow_empty_code: false,
      item_type: { id: 0, title: 'No restrictions' },
    },
    status: { id: card.status_id, title: GIFT_CARD_STATUS[card.status_id] ?? 'Issued' },
  };
}

export function membershipView(store: Store, membership: Membership) {
  const type = store.get('membershipTypes', membership.type_id);
  const category = type ? store.get('serviceCategories', type.service_category_id) : undefined;
  const status = MEMBERSHIP_STATUS[membership.status_id] ?? 'Issued';
  return {
    id: membership.id,
    number: membership.number,
    balance_string: `${category?.title ?? 'Visits'} (x${membership.remaining_visits})`,
    is_frozen: membership.is_frozen,
    freeze_period: membership.freeze_period,
    period: membership.period ?? type?.period ?? 0,
    period_unit_id: membership.period_unit_id ?? type?.period_unit_id ?? 3,
    expiration_date: membership.expiration_date,
    status: { id: membership.status_id, title: status, extended_title: status },
    balance_container: {
      links: category
        ? [{ count: membership.remaining_visits, category: { id: category.id, category_id: 1, title: category.title } }]
        : [],
    },
    type: {
      id: membership.type_id,
      salon_group_id: membership.chain_id,
      title: type?.title ?? '',
      period: membership.period ?? type?.period ?? 0,
      period_unit_id: membership.period_unit_id ?? type?.period_unit_id ?? 3,
      allow_freeze: type?.allow_freeze ?? false,
      freeze_limit: type?.freeze_limit ?? 0,
      is_allow_empty_code: false,
      is_united_balance: false,
      united_balance_services_count: 0,
    },
  };
}

export const holdingHandlers: Record<string, Handler> = {
  get_client_gift_cards(ctx) {
    return respondList(
      ctx,
      heldByPhone(ctx, 'giftCards').map((g) => giftCardView(ctx.store, g)),
    );
  },

  get_client_memberships(ctx) {
    return respondList(
      ctx,
      heldByPhone(ctx, 'memberships').map((m) => membershipView(ctx.store, m)),
    );
  },
};
