// POST /company/{location_id}/clients/search: filters combined with AND/OR, sorting, a choice of fields and
// paging in the body (page, page_size ≤ 200, meta.total_count).
import type { Appointment, Client } from '../model';
import type { Store } from '../store';
import { ApiError } from './errors';
import type { HandlerContext, HandlerResult } from './handler';
import { bodyOf, idParam, phoneDigits } from './request';
import { respond } from './responses';
import { fullName } from './client-view';
import { paginate } from './paging';

type Filter = { type?: string; state?: Record<string, unknown> };
type Predicate = (c: Client) => boolean;

const DEFAULT_FIELDS = [
  'id',
  'name',
  'phone',
  'email',
  'discount',
  'first_visit_date',
  'last_visit_date',
  'sold_amount',
  'visits_count',
];

const SORT_KEYS: Record<string, (c: Client) => string | number> = {
  id: (c) => c.id,
  name: (c) => fullName(c).toLowerCase(),
  phone: (c) => c.phone,
  email: (c) => c.email.toLowerCase(),
  discount: (c) => c.discount,
  first_visit_date: (c) => c.first_visit_date,
  last_visit_date: (c) => c.last_visit_date,
  sold_amount: (c) => c.spent,
  visit_count: (c) => c.visits,
  visits_count: (c) => c.visits,
};

/** Filter types Altegio documents that need data the sandbox does not keep (sales documents). */
const UNMODELLED = new Set(['sale']);

function values(state: Record<string, unknown> | undefined): unknown[] {
  const value = state?.value;
  if (value === undefined || value === null || value === '') return [];
  return Array.isArray(value)
    ? value
    : String(value)
        .split(',')
        .map((v) => v.trim());
}

function numbersOf(state: Record<string, unknown> | undefined): number[] {
  return values(state)
    .map(Number)
    .filter((n) => Number.isFinite(n));
}

function range(state: Record<string, unknown> | undefined): { from?: number; to?: number } {
  const from = state?.from ?? (state?.value as { from?: unknown } | undefined)?.from;
  const to = state?.to ?? (state?.value as { to?: unknown } | undefined)?.to;
  return {
    from: from === undefined || from === '' ? undefined : Number(from),
    to: to === undefined || to === '' ? undefined : Number(to),
  };
}

/** A filter's predicate; `state.invert` negates it, as the documentation describes for every filter type. */
function predicateFor(filter: Filter, index: number, store: Store): Predicate {
  const predicate = basePredicate(filter, index, store);
  return filter.state?.invert === true ? (c) => !predicate(c) : predicate;
}

function basePredicate(filter: Filter, index: number, store: Store): Predicate {
  const field = `filters[${index}].type`;
  switch (filter.type) {
    case 'quick_search': {
      const text = String(filter.state?.value ?? '')
        .trim()
        .toLowerCase();
      const digits = phoneDigits(text);
      return (c) =>
        !text ||
        fullName(c).toLowerCase().includes(text) ||
        c.email.toLowerCase().includes(text) ||
        (digits.length >= 3 && c.phone.includes(digits));
    }
    case 'id': {
      const ids = new Set(numbersOf(filter.state));
      return (c) => ids.has(c.id);
    }
    case 'gender': {
      const words: Record<string, number> = { unknown: 0, male: 1, female: 2 };
      const wanted = new Set(values(filter.state).map((v) => words[String(v).toLowerCase()] ?? Number(v)));
      return (c) => wanted.has(c.gender_id);
    }
    case 'importance': {
      const wanted = new Set(numbersOf(filter.state));
      return (c) => wanted.has(c.importance_id);
    }
    case 'category': {
      const wanted = numbersOf(filter.state);
      return (c) => c.category_ids.some((id) => wanted.includes(id));
    }
    case 'sold_amount': {
      const { from, to } = range(filter.state);
      return (c) => (from === undefined || c.spent >= from) && (to === undefined || c.spent <= to);
    }
    case 'birthday': {
      // Compared as MM-DD so that a range finds birthdays in any year.
      const from = String(filter.state?.from ?? '').slice(-5);
      const to = String(filter.state?.to ?? '').slice(-5);
      return (c) => !!c.birth_date && (!from || c.birth_date.slice(5) >= from) && (!to || c.birth_date.slice(5) <= to);
    }
    case 'has_mobile_app':
    case 'has_passteam_card': {
      // No client of the sandbox has the mobile app or a Passteam card.
      const wanted = filter.state?.value === true || filter.state?.value === 1 || filter.state?.value === '1';
      return () => !wanted;
    }
    case 'passteam_card_ids':
      return () => false;
    case 'client':
      return clientPredicate(filter.state ?? {});
    case 'record':
      return recordPredicate(filter.state ?? {}, store);
    default:
      if (filter.type && UNMODELLED.has(filter.type)) {
        throw new ApiError(422, `The local sandbox does not model "${filter.type}" filters.`, {
          [field]: [`"${filter.type}" filters are not available in the local sandbox`],
        });
      }
      throw new ApiError(400, `Unknown filter type "${String(filter.type)}".`, {
        [field]: [`${field} "${String(filter.type)}" is not a known filter type`],
      });
  }
}

/** The `client` filter: sub-filters on the client's own fields (`id`, `birthday`). */
function clientPredicate(state: Record<string, unknown>): Predicate {
  const parts: Predicate[] = [];
  const sub = (name: string) => (state[name] ?? undefined) as Record<string, unknown> | undefined;
  if (sub('id')) {
    const ids = new Set(numbersOf(sub('id')));
    parts.push((c) => ids.has(c.id));
  }
  if (sub('birthday')) {
    const from = String(sub('birthday')!.from ?? '').slice(-5);
    const to = String(sub('birthday')!.to ?? '').slice(-5);
    parts.push(
      (c) => !!c.birth_date && (!from || c.birth_date.slice(5) >= from) && (!to || c.birth_date.slice(5) <= to),
    );
  }
  return (c) => parts.every((p) => p(c));
}

/**
 * The `record` filter: clients whose appointments match the sub-filters (team members, services, service
 * categories, attendance status, creation dates), optionally with a number of such appointments and an amount.
 */
function recordPredicate(state: Record<string, unknown>, store: Store): Predicate {
  const sub = (name: string) => (state[name] ?? undefined) as Record<string, unknown> | undefined;
  const list = (name: string) => (sub(name) ? new Set(numbersOf(sub(name))) : undefined);
  const staff = list('staff');
  const services = list('service');
  const categories = list('service_category');
  const statuses = list('status');
  const created = sub('created')
    ? { from: String(sub('created')!.from ?? ''), to: String(sub('created')!.to ?? '') }
    : undefined;
  const count = sub('records_count') ? range(sub('records_count')) : undefined;
  const amount = sub('sold_amount') ? range(sub('sold_amount')) : undefined;
  const categoryOf = (serviceId: number) => store.get('services', serviceId)?.category_id;
  const fits = (a: Appointment) =>
    !a.deleted &&
    (!staff || staff.has(a.staff_id)) &&
    (!services || a.services.some((s) => services.has(s.id))) &&
    (!categories || a.services.some((s) => categories.has(categoryOf(s.id) ?? -1))) &&
    (!statuses || statuses.has(a.attendance)) &&
    (!created ||
      ((!created.from || a.create_date.slice(0, 10) >= created.from) &&
        (!created.to || a.create_date.slice(0, 10) <= created.to)));
  const within = (n: number, r: { from?: number; to?: number } | undefined) =>
    !r || ((r.from === undefined || n >= r.from) && (r.to === undefined || n <= r.to));
  return (c) => {
    const mine = store.filter('appointments', (a) => a.client_id === c.id && fits(a));
    const sold = mine.reduce((sum, a) => sum + a.services.reduce((s, x) => s + x.cost * (x.amount || 1), 0), 0);
    return mine.length > 0 && within(mine.length, count) && within(sold, amount);
  };
}

function project(client: Client, fields: string[]): Record<string, unknown> {
  const all: Record<string, unknown> = {
    id: client.id,
    name: fullName(client),
    phone: `+${client.phone}`,
    email: client.email,
    discount: client.discount,
    first_visit_date: client.first_visit_date,
    last_visit_date: client.last_visit_date,
    sold_amount: client.spent,
    visits_count: client.visits,
    birth_date: client.birth_date,
    card: client.card,
    gender_id: client.gender_id,
    importance_id: client.importance_id,
    categories: client.category_ids,
  };
  const out: Record<string, unknown> = { id: client.id };
  for (const f of fields) if (f in all) out[f] = all[f];
  return out;
}

export function searchClients(ctx: HandlerContext): HandlerResult {
  const body = bodyOf(ctx) as {
    fields?: string[];
    order_by?: string;
    order_by_direction?: string;
    operation?: string;
    filters?: Filter[];
  };
  const locationId = idParam(ctx, 'location_id');
  const operation = String(body.operation ?? 'AND').toUpperCase();
  if (operation !== 'AND' && operation !== 'OR')
    throw new ApiError(400, 'operation must be AND or OR', { operation: ['operation must be AND or OR'] });
  const direction = String(body.order_by_direction ?? 'ASC').toUpperCase();
  if (direction !== 'ASC' && direction !== 'DESC')
    throw new ApiError(400, 'order_by_direction must be ASC or DESC', {
      order_by_direction: ['order_by_direction must be ASC or DESC'],
    });
  const orderBy = body.order_by ?? 'id';
  const key = SORT_KEYS[orderBy];
  if (!key)
    throw new ApiError(400, `order_by "${orderBy}" is not a sort field`, {
      order_by: [`order_by must be one of: ${Object.keys(SORT_KEYS).join(', ')}`],
    });
  const predicates = (body.filters ?? []).map((f, i) => predicateFor(f, i, ctx.store));
  const matches: Predicate = (c) =>
    predicates.length === 0 || (operation === 'AND' ? predicates.every((p) => p(c)) : predicates.some((p) => p(c)));
  const sign = direction === 'DESC' ? -1 : 1;
  const found = ctx.store
    .filter('clients', (c) => c.location_id === locationId && matches(c))
    .sort((a, b) => {
      const ka = key(a);
      const kb = key(b);
      // The id breaks ties so that pages never overlap or skip a client.
      return ka < kb ? -sign : ka > kb ? sign : a.id - b.id;
    });
  const fields = body.fields?.length ? body.fields : DEFAULT_FIELDS;
  const { items, meta } = paginate(ctx, found);
  return respond(
    ctx,
    items.map((c) => project(c, fields)),
    meta,
  );
}
