// Chains and locations: GET /groups, GET /companies and GET /company/{location_id}, read from the seed business.
import type { Chain, Location } from '../model';
import type { Store } from '../store';
import { idParam, notFound, respond, type Handler } from './context';
import { respondPage } from './paging';

const FULL_ACCESS = {
  settings_access: 1,
  clients_access: 1,
  users_access: 1,
  loyalty_access: 1,
  loyalty_cards_manual_transactions_access: 1,
  network_services_access: 1,
};

function chainView(store: Store, chain: Chain) {
  const companies = store
    .filter('locations', (l) => l.chain_id === chain.id)
    .map((l) => ({ id: l.id, title: l.title }));
  return { id: chain.id, title: chain.title, companies, access: FULL_ACCESS };
}

export function locationView(store: Store, location: Location) {
  const { chain_id: _chain, ...fields } = location;
  const activeStaff = store.filter('staff', (s) => s.location_id === location.id && !s.fired && !s.hidden).length;
  return { ...fields, active_staff_count: activeStaff };
}

export const locationHandlers: Record<string, Handler> = {
  get_chain_list(ctx) {
    const chains = ctx.store.list('chains').map((c) => chainView(ctx.store, c));
    return respond(ctx, chains, { total_count: chains.length });
  },

  get_location_list(ctx) {
    const q = ctx.query;
    const title = typeof q.title === 'string' ? q.title.toLowerCase() : undefined;
    const mine = q.my === 1 && ctx.user ? new Set(ctx.user.location_ids) : undefined;
    const list = ctx.store.filter(
      'locations',
      (l) =>
        (q.group_id === undefined || l.chain_id === q.group_id) &&
        (q.city_id === undefined || l.city_id === q.city_id) &&
        (q.active === undefined || l.active === Number(q.active)) &&
        (title === undefined || l.title.toLowerCase().includes(title)) &&
        (mine === undefined || mine.has(l.id)),
    );
    return respondPage(ctx, list, (l) => locationView(ctx.store, l));
  },

  get_location(ctx) {
    const id = idParam(ctx, 'location_id');
    const location = ctx.store.get('locations', id);
    if (!location) throw notFound('Location', id);
    return respond(ctx, locationView(ctx.store, location));
  },
};
