// Who works where and what else is kept about people: users' access to locations (invite, copy permissions,
// remove), the deprecated users list, custom fields of clients and appointments, and a chain's clients by phone.
import type { CustomField, User } from '../model';
import type { Store } from '../store';
import { fullName } from './client-view';
import { fieldProblem, notFound } from './errors';
import type { Handler, HandlerContext } from './handler';
import { bodyOf, idParam, pathRecord, phoneDigits } from './request';
import { accepted, respond, respondList } from './responses';
import { customFieldView } from './back-office';
import { pathShape } from './resources/paths';
import { documentOf, saveDocument } from './resources/records';

const PERMISSIONS = pathShape('/company/{location_id}/users/{user_id}/permissions');
const FIELD_TYPES = new Set(['text', 'number', 'select', 'date', 'datetime']);
const CODE = /^[a-z][a-z0-9_]{0,49}$/;

type Permission = { slug: string; value: boolean };

function permissionsOf(store: Store, locationId: number, userId: number): Permission[] {
  const doc = documentOf(store, PERMISSIONS, `${locationId}/${userId}`)?.data as
    { user_permissions?: Permission[] } | undefined;
  return doc?.user_permissions ?? [];
}

function userOf(ctx: HandlerContext): User {
  const id = idParam(ctx, 'user_id');
  const user = ctx.store.get('users', id);
  if (!user) throw notFound('User', id);
  return user;
}

/** A location of the same chain as the path's location, for the permission-copy calls. */
function chainLocation(ctx: HandlerContext, raw: unknown, field: string): number {
  const here = ctx.store.get('locations', idParam(ctx, 'location_id'))!;
  const there = ctx.store.get('locations', Number(raw));
  if (!there || there.chain_id !== here.chain_id)
    throw fieldProblem(field, `${field} ${String(raw)} is not a location of chain ${here.chain_id}`);
  return there.id;
}

function customFieldOf(ctx: HandlerContext): CustomField {
  return pathRecord(
    ctx,
    'customFields',
    'field_id',
    'Custom field',
    (f) => f.location_id === idParam(ctx, 'location_id') && f.category === ctx.pathParams.field_category,
  );
}

function fieldCategory(ctx: HandlerContext): CustomField['category'] {
  const category = String(ctx.pathParams.field_category);
  if (category !== 'client' && category !== 'record')
    throw fieldProblem('field_category', 'field_category must be client or record');
  return category;
}

/** The custom field a body describes, checked: a known type, a code unique in its category, values for a list. */
function customFieldFields(ctx: HandlerContext, current?: CustomField): Omit<CustomField, 'id'> {
  const body = bodyOf(ctx) as Partial<{
    type: string;
    code: string;
    title: string;
    user_can_edit: boolean;
    show_in_ui: boolean;
    values: string[] | null;
  }>;
  const locationId = idParam(ctx, 'location_id');
  const category = fieldCategory(ctx);
  const type = body.type ?? current?.type_code ?? 'text';
  if (!FIELD_TYPES.has(type)) throw fieldProblem('type', `type must be one of ${[...FIELD_TYPES].join(', ')}`);
  const code = body.code ?? current?.code ?? '';
  if (!CODE.test(code))
    throw fieldProblem('code', 'code must be lower-case letters, digits and underscores, starting with a letter');
  const clash = ctx.store.find(
    'customFields',
    (f) => f.location_id === locationId && f.category === category && f.code === code && f.id !== current?.id,
  );
  if (clash) throw fieldProblem('code', `code ${code} is already used by custom field ${clash.id}`);
  const title = body.title ?? current?.title ?? '';
  if (!title.trim()) throw fieldProblem('title', 'title must not be empty');
  const values = body.values === undefined ? (current?.values ?? null) : body.values;
  if (type === 'select' && (!values || !values.length)) throw fieldProblem('values', 'a select field needs its values');
  return {
    location_id: locationId,
    category,
    code,
    title,
    type_code: type as CustomField['type_code'],
    values: type === 'select' ? values : null,
    show_in_ui: body.show_in_ui ?? current?.show_in_ui ?? true,
    user_can_edit: body.user_can_edit ?? current?.user_can_edit ?? true,
  };
}

export const peopleHandlers: Record<string, Handler> = {
  /** Takes away the user's access to the location (the account itself stays). */
  remove_user_from_location(ctx) {
    const user = userOf(ctx);
    const locationId = idParam(ctx, 'location_id');
    ctx.store.update('users', user.id, { location_ids: user.location_ids.filter((l) => l !== locationId) });
    return respond(ctx, null);
  },

  /** Invites people by email or phone: an existing user gets access, anyone else a user awaiting approval. */
  create_user_invitation(ctx) {
    const locationId = idParam(ctx, 'location_id');
    const invites = (bodyOf(ctx).invites ?? []) as { name?: string; search?: string; position?: string }[];
    if (!Array.isArray(invites) || !invites.length)
      throw fieldProblem('invites', 'invites must name at least one person');
    invites.forEach((invite, i) => {
      const search = String(invite.search ?? '').trim();
      const isEmail = search.includes('@');
      if (!search || (!isEmail && phoneDigits(search).length < 9))
        throw fieldProblem(`invites[${i}].search`, `invites[${i}].search must be an email address or a phone number`);
      const digits = phoneDigits(search);
      const existing = ctx.store.find('users', (u) => (isEmail ? u.email === search : phoneDigits(u.phone) === digits));
      if (existing) {
        if (!existing.location_ids.includes(locationId))
          ctx.store.update('users', existing.id, { location_ids: [...existing.location_ids, locationId] });
        return;
      }
      ctx.store.insert('users', {
        id: ctx.store.nextId('users'),
        name: String(invite.name ?? '').trim() || search,
        phone: isEmail ? '' : `+${digits}`,
        email: isEmail ? search : '',
        password: '',
        user_token: '',
        avatar: 'https://app.alteg.io/images/no-master-sm.png',
        information: String(invite.position ?? ''),
        is_approved: false,
        is_email_confirmed: false,
        is_non_deletable: false,
        role: 'administrator',
        location_ids: [locationId],
      });
    });
    return accepted(ctx);
  },

  copy_user_permissions_to_locations(ctx) {
    const user = userOf(ctx);
    const from = idParam(ctx, 'location_id');
    const links = (bodyOf(ctx).user_company_links ?? []) as { company_id: number; user_permissions?: Permission[] }[];
    let locations = user.location_ids;
    links.forEach((link, i) => {
      const to = chainLocation(ctx, link.company_id, `user_company_links[${i}].company_id`);
      if (!locations.includes(to)) locations = [...locations, to];
      const current = documentOf(ctx.store, PERMISSIONS, `${from}/${user.id}`)?.data as
        Record<string, unknown> | undefined;
      saveDocument(ctx.store, PERMISSIONS, `${to}/${user.id}`, {
        is_editable: true,
        staff_id: 0,
        user_role: 'administrator',
        has_any_paid_permission: false,
        ...current,
        user_permissions: link.user_permissions ?? permissionsOf(ctx.store, from, user.id),
      });
    });
    ctx.store.update('users', user.id, { location_ids: locations });
    return respond(ctx, null);
  },

  remove_user_from_locations(ctx) {
    const user = userOf(ctx);
    const links = (bodyOf(ctx).user_company_links ?? []) as { company_id: number }[];
    const gone = new Set(
      links.map((link, i) => chainLocation(ctx, link.company_id, `user_company_links[${i}].company_id`)),
    );
    ctx.store.update('users', user.id, { location_ids: user.location_ids.filter((l) => !gone.has(l)) });
    return respond(ctx, null);
  },

  deprecated_get_location_users(ctx) {
    const locationId = idParam(ctx, 'location_id');
    const users = ctx.store.filter('users', (u) => u.location_ids.includes(locationId));
    return respondList(
      ctx,
      users.map((u) => {
        const allowed = new Map(permissionsOf(ctx.store, locationId, u.id).map((p) => [p.slug, p.value]));
        const staff = ctx.store.find('staff', (s) => s.user_id === u.id && s.location_id === locationId);
        return {
          id: u.id,
          firstname: u.name.split(' ')[0],
          login: phoneDigits(u.phone) || u.email,
          email: u.email,
          phone: phoneDigits(u.phone),
          access: {
            stat_access: u.role === 'owner',
            timetable_access: allowed.get('timetable_access') ?? true,
            clients_access: allowed.get('clients_access') ?? false,
            finances_access: allowed.get('finances_access') ?? false,
            master_id: staff?.id ?? 0,
          },
        };
      }),
    );
  },

  create_custom_field(ctx) {
    const field = ctx.store.insert('customFields', { id: ctx.store.nextId('customFields'), ...customFieldFields(ctx) });
    return respond(ctx, customFieldView(field));
  },

  update_custom_field(ctx) {
    const field = customFieldOf(ctx);
    ctx.store.update('customFields', field.id, customFieldFields(ctx, field));
    return respond(ctx, null);
  },

  delete_custom_field(ctx) {
    ctx.store.remove('customFields', customFieldOf(ctx).id);
    return respond(ctx, null);
  },

  /** The chain's clients with this phone: a person is a client of each location they visit. */
  get_chain_client_by_phone_number(ctx) {
    const chainId = idParam(ctx, 'chain_id');
    const digits = phoneDigits(ctx.query.phone);
    if (digits.length < 9) throw fieldProblem('phone', 'phone must be a full phone number, like +13155550175');
    const locations = new Set(ctx.store.filter('locations', (l) => l.chain_id === chainId).map((l) => l.id));
    const clients = ctx.store.filter('clients', (c) => locations.has(c.location_id) && c.phone === digits);
    return respond(ctx, {
      salon_group_id: chainId,
      phone: digits,
      clients: clients.map((c) => ({ id: c.id, company_id: c.location_id, name: fullName(c), email: c.email })),
    });
  },
};
