// Clients of a location: create (one or in bulk), read, replace, delete, the filtered search with paging in the
// body, and the deprecated GET list with paging in the query.
import type { Client } from '../model';
import { compactOffset, nowEastern } from '../time';
import { searchClients } from './client-search';
import { clientView, fullName, legacyListView } from './client-view';
import { ApiError, fieldProblem } from './errors';
import type { Handler, HandlerContext } from './handler';
import { bodyOf, has, idParam, locationRecord, phoneDigits } from './request';
import { respond } from './responses';
import { respondPage } from './paging';

export function clientOf(ctx: HandlerContext): Client {
  return locationRecord(ctx, 'clients', 'client_id', 'Client');
}

const SCALAR_FIELDS = [
  'name',
  'surname',
  'middle_name',
  'email',
  'gender_id',
  'importance_id',
  'discount',
  'card',
  'birth_date',
  'comment',
  'spent',
  'balance',
  'sms_check',
  'sms_not',
] as const;

/** Validates what schemas cannot (phone digits, tag ids, birth date) and returns the fields to store. */
function clientFields(ctx: HandlerContext, body: Record<string, unknown>): Partial<Client> {
  const locationId = idParam(ctx, 'location_id');
  const fields: Partial<Client> = {};
  for (const key of SCALAR_FIELDS)
    if (has(body, key) && body[key] !== null) (fields as Record<string, unknown>)[key] = body[key];
  if (has(body, 'phone')) fields.phone = phoneDigits(body.phone);
  if (typeof fields.name === 'string' && fields.name.trim() === '')
    throw fieldProblem('name', 'name must not be empty');
  if (fields.birth_date && !/^\d{4}-\d{2}-\d{2}$/.test(fields.birth_date))
    throw fieldProblem('birth_date', 'birth_date must be a date like 1990-03-03');
  if (fields.discount !== undefined && (fields.discount < 0 || fields.discount > 100))
    throw fieldProblem('discount', 'discount must be between 0 and 100');
  if (has(body, 'categories') && body.categories !== null) {
    const ids = body.categories as number[];
    const unknown = ids.filter((id) => {
      const tag = ctx.store.get('tags', id);
      return !tag || tag.location_id !== locationId || tag.entity !== 1;
    });
    if (unknown.length)
      throw fieldProblem(
        'categories',
        `categories ${unknown.join(', ')} ${unknown.length === 1 ? 'is not a client tag' : 'are not client tags'} of location ${locationId}`,
      );
    fields.category_ids = ids;
  }
  if (has(body, 'custom_fields') && body.custom_fields !== null)
    fields.custom_fields = body.custom_fields as Record<string, unknown>;
  return fields;
}

export function newClient(ctx: HandlerContext, fields: Partial<Client>): Client {
  return {
    id: ctx.store.nextId('clients'),
    location_id: idParam(ctx, 'location_id'),
    name: '',
    surname: '',
    middle_name: '',
    phone: '',
    email: '',
    category_ids: [],
    gender_id: 0,
    discount: 0,
    importance_id: 0,
    card: '',
    birth_date: '',
    comment: '',
    sms_check: 0,
    sms_not: 0,
    spent: 0,
    balance: 0,
    visits: 0,
    first_visit_date: '',
    last_visit_date: '',
    last_change_date: compactOffset(nowEastern()),
    custom_fields: {},
    ...fields,
  };
}

function createOne(ctx: HandlerContext, body: Record<string, unknown>): Client {
  return ctx.store.insert('clients', newClient(ctx, clientFields(ctx, body)));
}

function contains(haystack: string, needle: unknown): boolean {
  return needle === undefined || haystack.toLowerCase().includes(String(needle).toLowerCase());
}

export const clientHandlers: Record<string, Handler> = {
  create_client(ctx) {
    return respond(ctx, clientView(ctx.store, createOne(ctx, bodyOf(ctx))));
  },

  get_client(ctx) {
    return respond(ctx, clientView(ctx.store, clientOf(ctx)));
  },

  update_client(ctx) {
    const client = clientOf(ctx);
    const fields = { ...clientFields(ctx, bodyOf(ctx)), last_change_date: compactOffset(nowEastern()) };
    return respond(ctx, clientView(ctx.store, ctx.store.update('clients', client.id, fields)!));
  },

  delete_client(ctx) {
    ctx.store.remove('clients', clientOf(ctx).id);
    return respond(ctx, null);
  },

  get_client_list(ctx) {
    return searchClients(ctx);
  },

  deprecated_get_client_list(ctx) {
    const locationId = idParam(ctx, 'location_id');
    const q = ctx.query as Record<string, string | number | undefined>;
    const phone = q.phone === undefined ? undefined : phoneDigits(q.phone);
    const after = q.changed_after === undefined ? undefined : Date.parse(String(q.changed_after));
    const before = q.changed_before === undefined ? undefined : Date.parse(String(q.changed_before));
    if (Number.isNaN(after))
      throw new ApiError(400, 'changed_after must be a date and time', {
        changed_after: ['changed_after must be a date and time like 2026-03-01T00:00:00-05:00'],
      });
    if (Number.isNaN(before))
      throw new ApiError(400, 'changed_before must be a date and time', {
        changed_before: ['changed_before must be a date and time like 2026-03-31T23:59:59-04:00'],
      });
    const list = ctx.store.filter('clients', (c) => {
      const changed = Date.parse(c.last_change_date.replace(/([+-]\d\d)(\d\d)$/, '$1:$2'));
      return (
        c.location_id === locationId &&
        contains(fullName(c), q.fullname) &&
        (phone === undefined || c.phone.includes(phone)) &&
        contains(c.email, q.email) &&
        contains(c.card, q.card) &&
        (q.paid_min === undefined || c.spent >= Number(q.paid_min)) &&
        (q.paid_max === undefined || c.spent <= Number(q.paid_max)) &&
        (q.id === undefined || c.id === q.id) &&
        (after === undefined || changed >= after) &&
        (before === undefined || changed <= before)
      );
    });
    return respondPage(ctx, list, (c) => legacyListView(ctx.store, c));
  },

  bulk_create_clients(ctx) {
    // Altegio takes a bare JSON array; the document models it as {"[]": [...]}, so both are accepted.
    const rows = (Array.isArray(ctx.body) ? ctx.body : bodyOf(ctx)['[]']) as Record<string, unknown>[];
    const created: { id: number; name: string; phone: string }[] = [];
    const errors: { phone: string; name: string; error: string }[] = [];
    for (const row of rows) {
      const name = typeof row.name === 'string' ? row.name : '';
      const phone = typeof row.phone === 'string' ? row.phone : String(row.phone ?? '');
      const digits = phoneDigits(phone);
      if (!name.trim()) errors.push({ phone, name, error: 'Name is required' });
      else if (!/^\+?[0-9]{9,15}$/.test(phone.replace(/[\s()-]/g, '')))
        errors.push({ phone, name, error: 'Phone must contain 9 to 15 digits' });
      else {
        const [first, ...rest] = name.trim().split(/\s+/);
        const client = ctx.store.insert(
          'clients',
          newClient(ctx, {
            name: first,
            surname: rest.join(' '),
            phone: digits,
            email: typeof row.email === 'string' ? row.email : '',
          }),
        );
        created.push({ id: client.id, name: fullName(client), phone: `+${client.phone}` });
      }
    }
    return respond(ctx, { created, errors });
  },
};
