// Chains and locations: the chains list, the locations list with filters, and a location's create, read, change
// and removal. A new location joins the chain of the user who creates it, who gets access to it.
import type { Chain, Location } from '../model';
import type { Store } from '../store';
import { ApiError, fieldProblem, notFound } from './errors';
import type { Handler, HandlerContext } from './handler';
import { bodyOf, has, idParam } from './request';
import { respond } from './responses';
import { cityById, countryById } from './dictionaries';
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

  create_location(ctx) {
    const body = bodyOf(ctx);
    const chainId = ctx.user
      ? ctx.store.get('locations', ctx.user.location_ids[0] ?? 0)?.chain_id
      : ctx.store.list('chains')[0]?.id;
    const template = ctx.store.list('locations')[0];
    // A new location copies its settings from an existing one; with every location removed there is none.
    if (!template)
      throw new ApiError(409, 'No location is left to copy settings from; reset the sandbox to the seed business.');
    const id = ctx.store.nextId('locations');
    const location: Location = {
      ...template,
      id,
      chain_id: chainId ?? template.chain_id,
      title: '',
      public_title: '',
      short_descr: '',
      address: '',
      zip: '',
      coordinate_lat: 0,
      coordinate_lon: 0,
      phone: '',
      phones: [],
      email: '',
      site: '',
      social: {},
      description: '',
      group_priority: 0,
      ...locationFields(ctx, body),
    };
    if (!location.title.trim()) throw fieldProblem('title', 'title must not be empty');
    location.public_title ||= location.title;
    ctx.store.insert('locations', location);
    if (ctx.user) ctx.store.update('users', ctx.user.id, { location_ids: [...ctx.user.location_ids, id] });
    return respond(ctx, locationView(ctx.store, location));
  },

  update_location(ctx) {
    const id = idParam(ctx, 'location_id');
    const updated = ctx.store.update('locations', id, locationFields(ctx, bodyOf(ctx)))!;
    if (!updated.title.trim()) throw fieldProblem('title', 'title must not be empty');
    return respond(ctx, locationView(ctx.store, updated));
  },

  /** Removes the location; its users lose access to it. */
  delete_location(ctx) {
    const id = idParam(ctx, 'location_id');
    ctx.store.remove('locations', id);
    for (const user of ctx.store.filter('users', (u) => u.location_ids.includes(id)))
      ctx.store.update('users', user.id, { location_ids: user.location_ids.filter((l) => l !== id) });
    return respond(ctx, null);
  },
};

const TEXT_FIELDS = [
  'title',
  'public_title',
  'short_descr',
  'address',
  'zip',
  'email',
  'site',
  'description',
  'phone',
] as const;

/** The location fields a create or change body sets; country and city ids must name known ones. */
function locationFields(ctx: HandlerContext, body: Record<string, unknown>): Partial<Location> {
  const fields: Partial<Location> = {};
  for (const key of TEXT_FIELDS) if (has(body, key) && body[key] !== null) fields[key] = String(body[key]);
  for (const key of ['coordinate_lat', 'coordinate_lon', 'business_type_id'] as const)
    if (has(body, key) && body[key] !== null) fields[key] = Number(body[key]);
  if (has(body, 'phones') && Array.isArray(body.phones)) fields.phones = body.phones.map(String);
  if (has(body, 'social') && body.social && typeof body.social === 'object')
    fields.social = {
      ...(ctx.store.get('locations', Number(ctx.pathParams.location_id))?.social ?? {}),
      ...(body.social as Record<string, string>),
    };
  if (has(body, 'country_id') && body.country_id !== null) {
    const country = countryById(Number(body.country_id));
    if (!country)
      throw fieldProblem(
        'country_id',
        `country_id ${String(body.country_id)} is not a known country (see GET /countries)`,
      );
    fields.country_id = country.id;
    fields.country = country.full_title;
  } else if (has(body, 'country') && body.country !== null) fields.country = String(body.country);
  if (has(body, 'city_id') && body.city_id !== null) {
    const city = cityById(Number(body.city_id));
    if (!city) throw fieldProblem('city_id', `city_id ${String(body.city_id)} is not a known city (see GET /cities)`);
    fields.city_id = city.id;
    fields.city = city.title;
  } else if (has(body, 'city') && body.city !== null) fields.city = String(body.city);
  if (has(body, 'timezone') && typeof body.timezone === 'string') fields.timezone_name = body.timezone;
  return fields;
}
