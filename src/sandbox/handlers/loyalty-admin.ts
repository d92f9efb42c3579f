// Loyalty beyond the cards themselves: the chain's membership types, gift card types and programs (create, read,
// change, archive, clone, delete), memberships (list, freeze, balance, period, use for event series), the
// location's and the signed-in user's views of them, loyalty transactions, and loyalty applied inside a visit.
import type {
  Entities,
  GiftCard,
  GiftCardType,
  LoyaltyCard,
  LoyaltyProgram,
  LoyaltyTransaction,
  Membership,
  MembershipType,
} from '../model';
import type { Store } from '../store';
import { nowEastern } from '../time';
import { ApiError, fieldProblem } from './errors';
import type { Handler, HandlerContext } from './handler';
import { bodyOf, has, idParam, pathRecord, phoneDigits, queryIds } from './request';
import { respond, respondList } from './responses';
import { chainOf, chainRecords, inChainOf } from './chain-records';
import { giftCardView, membershipView } from './holdings';
import { cardView, programBasics, programRuleViews } from './loyalty-cards';
import { respondPage } from './paging';
import { pathShape } from './resources/paths';
import { documentOf, entitiesOf, saveDocument } from './resources/records';

const TRANSACTION_TYPES: Record<number, string> = {
  1: 'Promotion discount',
  2: 'Program accrual',
  3: 'Card withdrawal',
  4: 'Referral accrual',
  5: 'Manual top-up',
  6: 'Manual withdrawal',
  10: 'Manual transaction',
};
const PERIOD_UNITS: Record<number, number> = { 1: 1, 2: 7, 3: 30, 4: 365 };
const CODES = pathShape('/loyalty/generate_code/{location_id}/{product_id}');
const SCHEDULE_DAYS = pathShape('/company/{location_id}/schedules/{schedule_id}/days');
const CUMULATIVE_DISCOUNT = {
  id: 5,
  title: 'Cumulative discount',
  is_discount: true,
  is_cashback: false,
  is_static: false,
  is_accumulative: true,
};

/** The chain's membership or gift card types whose ids the query lists. */
function chainTypesById<K extends 'membershipTypes' | 'giftCardTypes'>(ctx: HandlerContext, types: K): Entities[K][] {
  const chainId = chainOf(ctx);
  const ids = queryIds(ctx);
  return ctx.store.filter(types, (t) => t.chain_id === chainId && ids.has(t.id));
}

// ---- Membership types -------------------------------------------------------------------------------------------

function membershipTypeView(t: MembershipType) {
  return {
    id: t.id,
    title: t.title,
    cost: t.cost,
    period: t.period,
    period_unit_id: t.period_unit_id,
    is_united_balance: true,
    united_balance_services_count: t.visits,
    allow_freeze: t.allow_freeze,
    freeze_limit: t.freeze_limit,
    salon_group_id: t.chain_id,
    is_archived: t.is_archived ?? false,
    is_allow_empty_code: false,
  };
}

function membershipTypeFields(body: Record<string, unknown>, current?: MembershipType): Partial<MembershipType> {
  const fields: Partial<MembershipType> = {};
  if (has(body, 'title') && body.title !== null) fields.title = String(body.title);
  for (const key of ['cost', 'period', 'period_unit_id', 'freeze_limit'] as const)
    if (has(body, key) && body[key] !== null) fields[key] = Number(body[key]);
  if (has(body, 'allow_freeze') && body.allow_freeze !== null) fields.allow_freeze = Boolean(body.allow_freeze);
  if (has(body, 'united_balance_services_count') && body.united_balance_services_count !== null)
    fields.visits = Number(body.united_balance_services_count);
  const title = fields.title ?? current?.title ?? '';
  if (!title.trim()) throw fieldProblem('title', 'title must not be empty');
  if ((fields.cost ?? current?.cost ?? 0) < 0) throw fieldProblem('cost', 'cost must not be negative');
  const unit = fields.period_unit_id ?? current?.period_unit_id ?? 3;
  if (!PERIOD_UNITS[unit])
    throw fieldProblem('period_unit_id', 'period_unit_id must be 1 (days), 2 (weeks), 3 (months) or 4 (years)');
  return fields;
}

const membershipTypes = chainRecords({
  collection: 'membershipTypes',
  param: 'loyalty_membership_type_id',
  what: 'Membership type',
  defaults: {
    title: '',
    cost: 0,
    period: 30,
    period_unit_id: 1,
    allow_freeze: false,
    freeze_limit: 0,
    visits: 1,
    service_category_id: 0,
  },
  fields: membershipTypeFields,
  view: membershipTypeView,
});

// ---- Gift card types --------------------------------------------------------------------------------------------

function giftCardTypeView(t: GiftCardType) {
  return {
    id: t.id,
    title: t.title,
    balance: t.balance,
    is_multi: t.is_multi,
    company_group_id: t.chain_id,
    item_type_id: t.item_type_id ?? 0,
    expiration_type_id: t.expiration_type_id ?? 2,
    expiration_date: t.expiration_date ?? '',
    expiration_timeout: t.expiration_timeout,
    expiration_timeout_unit_id: t.expiration_timeout_unit_id,
    is_allow_empty_code: t.is_allow_empty_code ?? false,
  };
}

function giftCardTypeFields(body: Record<string, unknown>, current?: GiftCardType): Partial<GiftCardType> {
  const fields: Partial<GiftCardType> = {};
  if (has(body, 'title') && body.title !== null) fields.title = String(body.title);
  for (const key of [
    'balance',
    'expiration_timeout',
    'expiration_timeout_unit_id',
    'item_type_id',
    'expiration_type_id',
  ] as const)
    if (has(body, key) && body[key] !== null) fields[key] = Number(body[key]);
  for (const key of ['is_multi', 'is_allow_empty_code'] as const)
    if (has(body, key) && body[key] !== null) fields[key] = Boolean(body[key]);
  if (has(body, 'expiration_date')) fields.expiration_date = (body.expiration_date as string | null) ?? null;
  if (!(fields.title ?? current?.title ?? '').trim()) throw fieldProblem('title', 'title must not be empty');
  if ((fields.balance ?? current?.balance ?? 0) <= 0)
    throw fieldProblem('balance', 'balance must be greater than zero');
  return fields;
}

const giftCardTypes = chainRecords({
  collection: 'giftCardTypes',
  param: 'type_id',
  what: 'Gift card type',
  defaults: { title: '', balance: 0, is_multi: false, expiration_timeout: 12, expiration_timeout_unit_id: 3 },
  fields: giftCardTypeFields,
  view: giftCardTypeView,
});

// ---- Programs ---------------------------------------------------------------------------------------------------

export function programView(p: LoyaltyProgram) {
  return {
    ...programBasics(p),
    loyalty_card_type_ids: p.card_type_ids,
    allowed_service_ids: p.allowed_service_ids ?? [],
    allowed_good_ids: p.allowed_good_ids ?? [],
    allowed_good_category_ids: p.allowed_good_category_ids ?? [],
    usage_limit: p.usage_limit ?? 0,
    expiration_timeout: p.expiration_timeout ?? 0,
    expiration_timeout_unit: p.expiration_timeout_unit ?? 'month',
    expiration_notification_timeout: p.expiration_notification_timeout ?? 0,
    on_changed_notification_template: p.on_changed_notification_template ?? null,
    rules: programRuleViews(p),
  };
}

function programFields(
  body: Record<string, unknown>,
  current: LoyaltyProgram | undefined,
  ctx: HandlerContext,
): Partial<LoyaltyProgram> {
  const chainId = chainOf(ctx);
  const fields: Partial<LoyaltyProgram> = {};
  if (has(body, 'title') && body.title !== null) fields.title = String(body.title);
  if (!(fields.title ?? current?.title ?? '').trim()) throw fieldProblem('title', 'title must not be empty');
  if (has(body, 'loyalty_card_type_ids') && body.loyalty_card_type_ids !== null) {
    const ids = (body.loyalty_card_type_ids as number[]).map(Number);
    const unknown = ids.filter((id) => ctx.store.get('loyaltyCardTypes', id)?.chain_id !== chainId);
    if (unknown.length)
      throw fieldProblem(
        'loyalty_card_type_ids',
        `card types ${unknown.join(', ')} are not card types of chain ${chainId}`,
      );
    fields.card_type_ids = ids;
  }
  if (has(body, 'allowed_service_ids') && body.allowed_service_ids !== null) {
    const locations = new Set(ctx.store.filter('locations', (l) => l.chain_id === chainId).map((l) => l.id));
    const ids = (body.allowed_service_ids as number[]).map(Number);
    const unknown = ids.filter((id) => !locations.has(ctx.store.get('services', id)?.location_id ?? -1));
    if (unknown.length)
      throw fieldProblem('allowed_service_ids', `services ${unknown.join(', ')} are not services of chain ${chainId}`);
    fields.allowed_service_ids = ids;
  }
  for (const key of ['allowed_good_ids', 'allowed_good_category_ids'] as const)
    if (has(body, key) && body[key] !== null) fields[key] = (body[key] as number[]).map(Number);
  for (const key of ['usage_limit', 'expiration_timeout', 'expiration_notification_timeout'] as const)
    if (has(body, key) && body[key] !== null) fields[key] = Number(body[key]);
  if (has(body, 'expiration_timeout_unit') && body.expiration_timeout_unit !== null)
    fields.expiration_timeout_unit = String(body.expiration_timeout_unit);
  if (has(body, 'on_changed_notification_template'))
    fields.on_changed_notification_template =
      (body.on_changed_notification_template as { type: string; body: string } | null) ?? null;
  return fields;
}

const programs = chainRecords({
  collection: 'loyaltyPrograms',
  param: 'loyalty_program_id',
  what: 'Loyalty program',
  defaults: {
    title: '',
    value: 0,
    loyalty_type: CUMULATIVE_DISCOUNT,
    item_type_id: 1,
    value_unit_id: 1,
    card_type_ids: [],
    rules: [],
  },
  fields: programFields,
  view: programView,
});

// ---- Memberships ------------------------------------------------------------------------------------------------

function membershipOf(ctx: HandlerContext): Membership {
  return pathRecord(ctx, 'memberships', 'membership_id', 'Membership', inChainOf(ctx));
}

function addDays(iso: string, days: number): string {
  return new Date(Date.parse(iso) + days * 86_400_000).toISOString().slice(0, 10);
}

/** The memberships of a client of the chain (a person is a client of each location; the phone joins them). */
function membershipsOfClient(store: Store, clientId: number): Membership[] {
  const client = store.get('clients', clientId)!;
  const chainId = store.get('locations', client.location_id)!.chain_id;
  const same = new Set(store.filter('clients', (c) => c.phone === client.phone).map((c) => c.id));
  return store.filter('memberships', (m) => m.chain_id === chainId && same.has(m.client_id));
}

function usable(m: Membership, today: string): boolean {
  return !m.is_frozen && m.remaining_visits > 0 && m.status_id !== 3 && m.expiration_date.slice(0, 10) >= today;
}

// ---- Loyalty inside a visit -------------------------------------------------------------------------------------

function transactionView(store: Store, t: LoyaltyTransaction) {
  const program = t.program_id ? store.get('loyaltyPrograms', t.program_id) : undefined;
  return {
    id: t.id,
    status_id: 1,
    amount: t.amount,
    type_id: t.type_id,
    program_id: t.program_id ?? 0,
    card_id: t.card_id,
    salon_group_id: t.chain_id,
    item_id: t.record_id ?? 0,
    item_type_id: t.record_id ? 7 : 0,
    item_record_id: t.record_id ?? 0,
    goods_transaction_id: 0,
    is_discount: program?.loyalty_type.is_discount ?? t.type_id === 1,
    is_loyalty_withdraw: t.type_id === 3,
    type: { id: t.type_id, title: TRANSACTION_TYPES[t.type_id] ?? t.title },
    created_date: t.created_date,
  };
}

/** The appointment of a visit named by a body, which must be at the location. */
function visitRecord(ctx: HandlerContext) {
  const body = bodyOf(ctx) as { record_id?: number; visit_id?: number };
  const locationId = idParam(ctx, 'location_id');
  const record = ctx.store.get('appointments', Number(body.record_id));
  if (!record || record.deleted || record.location_id !== locationId)
    throw fieldProblem(
      'record_id',
      `record_id ${String(body.record_id)} is not an appointment of location ${locationId}`,
    );
  if (body.visit_id !== undefined && record.visit_id !== Number(body.visit_id))
    throw fieldProblem('visit_id', `visit_id ${body.visit_id} is not the visit of appointment ${record.id}`);
  return record;
}

function cardForVisit(ctx: HandlerContext, clientId: number | null): LoyaltyCard {
  const card = ctx.store.get('loyaltyCards', idParam(ctx, 'card_id'))!;
  const client = clientId === null ? undefined : ctx.store.get('clients', clientId);
  if (!client || client.phone !== card.phone)
    throw fieldProblem('card_id', `card ${card.number} does not belong to the client of this visit`);
  return card;
}

/** What the visit-loyalty calls answer: the visit's payments, loyalty transactions and items. */
function visitState(ctx: HandlerContext, visitId: number) {
  const records = ctx.store.filter('appointments', (a) => a.visit_id === visitId && !a.deleted);
  const ids = new Set(records.map((a) => a.id));
  return {
    payment_transactions: ctx.store
      .filter('financeTransactions', (t) => t.record_id !== null && ids.has(t.record_id))
      .map((t) => ({
        id: t.id,
        amount: t.amount,
        account_id: t.account_id,
        expense_id: t.expense_id,
        record_id: t.record_id,
      })),
    loyalty_transactions: ctx.store
      .filter('loyaltyTransactions', (t) => t.visit_id === visitId)
      .map((t) => transactionView(ctx.store, t)),
    kkm_transaction_details_container: { last_operation_type: 0, transactions: [] },
    items: records.flatMap((a) =>
      a.services.map((s) => ({
        id: a.id * 10 + a.services.indexOf(s),
        item_id: s.id,
        item_type_id: 7,
        record_id: a.id,
        item_title: ctx.store.get('services', s.id)?.title ?? '',
        amount: s.amount,
        first_cost: s.first_cost,
      })),
    ),
  };
}

function visitCost(ctx: HandlerContext, visitId: number): number {
  return ctx.store
    .filter('appointments', (a) => a.visit_id === visitId && !a.deleted)
    .reduce((sum, a) => sum + a.services.reduce((s, x) => s + x.cost, 0), 0);
}

function addTransaction(
  ctx: HandlerContext,
  fields: Omit<LoyaltyTransaction, 'id' | 'created_date'>,
): LoyaltyTransaction {
  return ctx.store.insert('loyaltyTransactions', {
    id: ctx.store.nextId('loyaltyTransactions'),
    created_date: nowEastern(),
    ...fields,
  });
}

function changeBalance(ctx: HandlerContext, card: LoyaltyCard, delta: number): void {
  const current = ctx.store.get('loyaltyCards', card.id)!;
  ctx.store.update('loyaltyCards', card.id, { balance: Math.round((current.balance + delta) * 100) / 100 });
}

/** Removes a visit's loyalty transactions that match, undoing their effect on the card balance. */
function undoTransactions(ctx: HandlerContext, visitId: number, match: (t: LoyaltyTransaction) => boolean): void {
  for (const t of ctx.store.filter('loyaltyTransactions', (x) => x.visit_id === visitId && match(x))) {
    const card = ctx.store.get('loyaltyCards', t.card_id);
    if (card && (t.type_id === 3 || t.type_id === 4)) changeBalance(ctx, card, -t.amount);
    ctx.store.remove('loyaltyTransactions', t.id);
  }
}

export const loyaltyAdminHandlers: Record<string, Handler> = {
  chain_loyalty_membership_types_list(ctx) {
    const chainId = chainOf(ctx);
    return respondList(ctx, ctx.store.filter('membershipTypes', (t) => t.chain_id === chainId).map(membershipTypeView));
  },

  chain_loyalty_membership_types_create: membershipTypes.create,
  chain_loyalty_membership_types_read: membershipTypes.read,
  chain_loyalty_membership_types_update: membershipTypes.update,
  /** Removes the type; memberships already sold keep their terms. */
  chain_loyalty_membership_types_delete: membershipTypes.delete,

  chain_loyalty_membership_types_clone(ctx) {
    const { id: _id, ...t } = membershipTypes.recordOf(ctx);
    const copy = ctx.store.insert('membershipTypes', {
      ...t,
      id: ctx.store.nextId('membershipTypes'),
      title: `${t.title} (copy)`,
      is_archived: false,
    });
    return respond(ctx, membershipTypeView(copy));
  },

  chain_loyalty_membership_types_archive(ctx) {
    const t = membershipTypes.recordOf(ctx);
    return respond(ctx, membershipTypeView(ctx.store.update('membershipTypes', t.id, { is_archived: true })!));
  },

  chain_loyalty_membership_types_restore(ctx) {
    const t = membershipTypes.recordOf(ctx);
    return respond(ctx, membershipTypeView(ctx.store.update('membershipTypes', t.id, { is_archived: false })!));
  },

  chain_loyalty_certificate_types_list(ctx) {
    const chainId = chainOf(ctx);
    const title = typeof ctx.query.title === 'string' ? ctx.query.title.toLowerCase() : '';
    const list = ctx.store.filter(
      'giftCardTypes',
      (t) => t.chain_id === chainId && t.title.toLowerCase().includes(title),
    );
    return respondPage(ctx, list, (t) => {
      const { company_group_id: _chain, expiration_date: _date, ...view } = giftCardTypeView(t);
      return view;
    });
  },

  chain_loyalty_certificate_types_create: giftCardTypes.create,
  chain_loyalty_certificate_types_get: giftCardTypes.read,
  chain_loyalty_certificate_types_update: giftCardTypes.update,
  chain_loyalty_certificate_types_delete: giftCardTypes.delete,

  create_chain_loyalty_program: programs.create,
  get_chain_loyalty_program: programs.read,
  update_chain_loyalty_program: programs.update,
  delete_chain_loyalty_program: programs.delete,

  get_chain_loyalty_transaction_list(ctx) {
    const chainId = chainOf(ctx);
    const q = ctx.query;
    const list = (v: unknown) => (v === undefined ? undefined : new Set((Array.isArray(v) ? v : [v]).map(Number)));
    const types = list(q.types);
    const locations = list(q.company_ids);
    const visits = list(q.visit_ids);
    const after = q.created_after === undefined ? undefined : String(q.created_after).slice(0, 10);
    const before = q.created_before === undefined ? undefined : String(q.created_before).slice(0, 10);
    const rows = ctx.store.filter(
      'loyaltyTransactions',
      (t) =>
        t.chain_id === chainId &&
        (!types || types.has(t.type_id)) &&
        (!locations || (t.location_id !== null && locations.has(t.location_id))) &&
        (!visits || (t.visit_id != null && visits.has(t.visit_id))) &&
        (after === undefined || t.created_date.slice(0, 10) >= after) &&
        (before === undefined || t.created_date.slice(0, 10) <= before),
    );
    return respondPage(ctx, rows, (t) => transactionView(ctx.store, t));
  },

  /** The notification each program sends when a client's discount changes, and the chain's default. */
  get_chain_loyalty_notification_template_list(ctx) {
    const chainId = chainOf(ctx);
    const programs = ctx.store.filter('loyaltyPrograms', (p) => p.chain_id === chainId);
    return respondList(
      ctx,
      programs.map((p) => ({
        program_id: p.id,
        program_title: p.title,
        type: p.on_changed_notification_template?.type ?? 'default',
        body: p.on_changed_notification_template?.body ?? `Your ${p.title} balance has changed.`,
      })),
    );
  },

  get_membership_list(ctx) {
    const chainId = chainOf(ctx);
    return respondList(
      ctx,
      ctx.store.filter('memberships', (m) => m.chain_id === chainId).map((m) => membershipView(ctx.store, m)),
    );
  },

  chain_loyalty_memberships_freeze(ctx) {
    const m = membershipOf(ctx);
    const type = ctx.store.get('membershipTypes', m.type_id);
    if (!type?.allow_freeze)
      throw new ApiError(400, 'Subscription cannot be frozen', { membership_id: ['Subscription cannot be frozen'] });
    const till = String(bodyOf(ctx).freeze_till ?? '');
    if (Number.isNaN(Date.parse(till)))
      throw fieldProblem('freeze_till', 'freeze_till must be a date and time like 2026-12-31T23:59:59-05:00');
    const days = Math.max(1, Math.ceil((Date.parse(till) - Date.now()) / 86_400_000));
    const updated = ctx.store.update('memberships', m.id, { is_frozen: true, freeze_period: days, freeze_till: till })!;
    return respond(ctx, {
      id: updated.id,
      number: updated.number,
      is_frozen: true,
      freeze_period: days,
      freeze_till: till,
    });
  },

  chain_loyalty_memberships_unfreeze(ctx) {
    const m = membershipOf(ctx);
    const updated = ctx.store.update('memberships', m.id, { is_frozen: false, freeze_till: null })!;
    return respond(ctx, {
      id: updated.id,
      number: updated.number,
      is_frozen: false,
      freeze_period: updated.freeze_period,
    });
  },

  chain_loyalty_memberships_set_balance(ctx) {
    const m = membershipOf(ctx);
    const body = bodyOf(ctx) as {
      united_balance_services_count?: number | null;
      services_balance_count?: { service_id: number; balance: number }[] | null;
    };
    const fields: Partial<Membership> = {};
    if (body.united_balance_services_count != null) {
      if (body.united_balance_services_count < 0)
        throw fieldProblem('united_balance_services_count', 'the balance must not be negative');
      fields.remaining_visits = body.united_balance_services_count;
    }
    if (body.services_balance_count) fields.services_balance = body.services_balance_count;
    ctx.store.update('memberships', m.id, fields);
    return respond(ctx, null);
  },

  chain_loyalty_memberships_set_period(ctx) {
    const m = membershipOf(ctx);
    const body = bodyOf(ctx) as { period?: number; period_unit_id?: number };
    const period = Number(body.period);
    const unit = Number(body.period_unit_id ?? 1);
    if (!(period > 0)) throw fieldProblem('period', 'period must be greater than zero');
    if (!PERIOD_UNITS[unit])
      throw fieldProblem('period_unit_id', 'period_unit_id must be 1 (days), 2 (weeks), 3 (months) or 4 (years)');
    const expiration = `${addDays(nowEastern(), period * PERIOD_UNITS[unit])}T23:59:59-05:00`;
    ctx.store.update('memberships', m.id, { period, period_unit_id: unit, expiration_date: expiration });
    return respond(ctx, { id: m.id, period, period_unit_id: unit, expiration_date: expiration });
  },

  get_membership_type_list_by_id(ctx) {
    return respondList(ctx, chainTypesById(ctx, 'membershipTypes').map(membershipTypeView));
  },

  get_membership_type_list(ctx) {
    const chainId = chainOf(ctx);
    const title = typeof ctx.query.title === 'string' ? ctx.query.title.toLowerCase() : '';
    const list = ctx.store.filter(
      'membershipTypes',
      (t) => t.chain_id === chainId && !t.is_archived && t.title.toLowerCase().includes(title),
    );
    return respondPage(ctx, list, membershipTypeView);
  },

  get_gift_card_type_list_by_id(ctx) {
    return respondList(ctx, chainTypesById(ctx, 'giftCardTypes').map(giftCardTypeView));
  },

  get_gift_card_type_list(ctx) {
    const chainId = chainOf(ctx);
    const title = typeof ctx.query.title === 'string' ? ctx.query.title.toLowerCase() : '';
    return respondPage(
      ctx,
      ctx.store.filter('giftCardTypes', (t) => t.chain_id === chainId && t.title.toLowerCase().includes(title)),
      giftCardTypeView,
    );
  },

  get_location_loyalty_program_list(ctx) {
    const chainId = chainOf(ctx);
    return respondList(
      ctx,
      ctx.store
        .filter('loyaltyPrograms', (p) => p.chain_id === chainId)
        .map((p) => {
          const { rules: _rules, ...view } = programView(p);
          return view;
        }),
    );
  },

  /** The signed-in user's own cards: those issued to their phone in the chain. */
  get_user_loyalty_cards(ctx) {
    const chainId = chainOf(ctx);
    const phone = phoneDigits(ctx.user?.phone);
    return respondList(
      ctx,
      ctx.store
        .filter('loyaltyCards', (c) => c.chain_id === chainId && c.phone === phone)
        .map((c) => cardView(ctx.store, c)),
    );
  },

  get_user_memberships(ctx) {
    return respondList(
      ctx,
      userHoldings(ctx, 'memberships').map((m) => membershipView(ctx.store, m as Membership)),
    );
  },

  get_user_gift_cards(ctx) {
    return respondList(
      ctx,
      userHoldings(ctx, 'giftCards').map((g) => giftCardView(ctx.store, g as GiftCard)),
    );
  },

  search_memberships_for_event(ctx) {
    const today = nowEastern().slice(0, 10);
    const list = membershipsOfClient(ctx.store, idParam(ctx, 'client_id')).filter((m) => usable(m, today));
    return respondList(
      ctx,
      list.map((m) => membershipView(ctx.store, m)),
    );
  },

  /** Whether a membership can pay for a series of group events: visits left, last date, and each day's fit. */
  check_memberships_for_event(ctx) {
    const m = membershipOf(ctx);
    if (!membershipsOfClient(ctx.store, idParam(ctx, 'client_id')).some((x) => x.id === m.id))
      throw new ApiError(404, `Membership ${m.id} is not a membership of client ${idParam(ctx, 'client_id')}.`);
    const type = ctx.store.get('membershipTypes', m.type_id);
    const locationId = idParam(ctx, 'location_id');
    const ids = (
      Array.isArray(ctx.query.schedule_day_ids) ? ctx.query.schedule_day_ids : [ctx.query.schedule_day_ids]
    ).map(Number);
    const days = entitiesOf(ctx.store, [SCHEDULE_DAYS], String(locationId));
    const today = nowEastern().slice(0, 10);
    return respond(ctx, {
      membership_id: m.id,
      last_date: m.expiration_date.slice(0, 10),
      visits_left: m.remaining_visits,
      is_usable: usable(m, today),
      schedule_days: ids.map((id) => {
        const day = days.find((d) => (d.data as { id: number }).id === id);
        if (!day)
          throw fieldProblem(
            'schedule_day_ids',
            `schedule day ${id} is not a repeating-schedule day of location ${locationId}`,
          );
        const master = (day.data as { events_master?: { id?: number } }).events_master?.id;
        const category = ctx.store.find(
          'services',
          (s) => s.staff.some((l) => l.id === master) && s.category_id === type?.service_category_id,
        );
        return { id, is_bookable: usable(m, today) && !!category };
      }),
    });
  },

  get_loyalty_transactions_by_visit(ctx) {
    const visitId = idParam(ctx, 'visit_id');
    // Documented without the envelope: a bare list.
    return {
      status: 200,
      body: ctx.store
        .filter('loyaltyTransactions', (t) => t.visit_id === visitId)
        .map((t) => transactionView(ctx.store, t)),
    };
  },

  /** A new code for a gift card or membership sold as a product: unique per product, never handed out twice. */
  generate_loyalty_code(ctx) {
    const locationId = idParam(ctx, 'location_id');
    const productId = idParam(ctx, 'product_id');
    const scope = `${locationId}/${productId}`;
    const last = ((documentOf(ctx.store, CODES, scope)?.data as { last?: number } | undefined)?.last ?? 0) + 1;
    saveDocument(ctx.store, CODES, scope, { last });
    return respond(ctx, { code: `${String(productId).slice(-4)}${String(last).padStart(6, '0')}` });
  },

  /** Pays part of a visit with the card's balance (capped by the balance and the visit's cost). */
  apply_loyalty_card_deduction(ctx) {
    const record = visitRecord(ctx);
    const card = cardForVisit(ctx, record.client_id);
    const asked = Number(bodyOf(ctx).amount ?? 0);
    if (asked < 0) throw fieldProblem('amount', 'amount must not be negative');
    undoTransactions(ctx, record.visit_id, (t) => t.card_id === card.id && t.type_id === 3);
    const fresh = ctx.store.get('loyaltyCards', card.id)!;
    const amount = Math.min(asked, fresh.balance, visitCost(ctx, record.visit_id));
    if (amount > 0) {
      addTransaction(ctx, {
        card_id: card.id,
        chain_id: card.chain_id,
        location_id: record.location_id,
        amount: -amount,
        title: TRANSACTION_TYPES[3],
        type_id: 3,
        program_id: null,
        visit_id: record.visit_id,
        record_id: record.id,
      });
      changeBalance(ctx, fresh, -amount);
    }
    return { status: 200, body: visitState(ctx, record.visit_id) };
  },

  cancel_loyalty_card_withdrawal(ctx) {
    const record = visitRecord(ctx);
    const card = cardForVisit(ctx, record.client_id);
    undoTransactions(ctx, record.visit_id, (t) => t.card_id === card.id && t.type_id === 3);
    return { status: 200, body: visitState(ctx, record.visit_id) };
  },

  apply_discount_promotion(ctx) {
    const record = visitRecord(ctx);
    const card = cardForVisit(ctx, record.client_id);
    const program = ctx.store.get('loyaltyPrograms', idParam(ctx, 'program_id'))!;
    if (!program.card_type_ids.includes(card.type_id))
      throw fieldProblem('program_id', `program ${program.id} does not apply to cards of type ${card.type_id}`);
    if (!program.loyalty_type.is_discount)
      throw fieldProblem('program_id', `program ${program.id} is not a discount promotion`);
    undoTransactions(ctx, record.visit_id, (t) => t.program_id === program.id && t.type_id === 1);
    const discount = Math.round(((visitCost(ctx, record.visit_id) * program.value) / 100) * 100) / 100;
    addTransaction(ctx, {
      card_id: card.id,
      chain_id: card.chain_id,
      location_id: record.location_id,
      amount: discount,
      title: TRANSACTION_TYPES[1],
      type_id: 1,
      program_id: program.id,
      visit_id: record.visit_id,
      record_id: record.id,
    });
    return { status: 200, body: visitState(ctx, record.visit_id) };
  },

  cancel_discount_promotion(ctx) {
    const record = visitRecord(ctx);
    cardForVisit(ctx, record.client_id);
    undoTransactions(ctx, record.visit_id, (t) => t.program_id === idParam(ctx, 'program_id') && t.type_id === 1);
    return { status: 200, body: visitState(ctx, record.visit_id) };
  },

  /** Credits the client who recommended this one: 5% of the visit to the referrer's card. */
  apply_referral_program(ctx) {
    const record = visitRecord(ctx);
    const chainId = chainOf(ctx);
    if (ctx.store.get('locations', record.location_id)!.chain_id !== chainId)
      throw fieldProblem('record_id', `appointment ${record.id} is not in chain ${chainId}`);
    const phone = phoneDigits(bodyOf(ctx).referrer_phone);
    const visitor = record.client_id === null ? undefined : ctx.store.get('clients', record.client_id);
    if (!phone || phone === visitor?.phone)
      throw fieldProblem('referrer_phone', 'referrer_phone must be the phone of another client');
    const card = ctx.store.find('loyaltyCards', (c) => c.chain_id === chainId && c.phone === phone);
    if (!card)
      throw fieldProblem(
        'referrer_phone',
        `no loyalty card in chain ${chainId} has phone ${phone}, so the bonus has nowhere to go`,
      );
    undoTransactions(ctx, record.visit_id, (t) => t.type_id === 4);
    const bonus = Math.round(visitCost(ctx, record.visit_id) * 5) / 100;
    addTransaction(ctx, {
      card_id: card.id,
      chain_id: chainId,
      location_id: record.location_id,
      amount: bonus,
      title: TRANSACTION_TYPES[4],
      type_id: 4,
      program_id: null,
      visit_id: record.visit_id,
      record_id: record.id,
    });
    changeBalance(ctx, card, bonus);
    return { status: 200, body: visitState(ctx, record.visit_id) };
  },
};

/** The signed-in user's memberships or gift cards, as a client of the location in `company_id` (or any). */
function userHoldings(ctx: HandlerContext, kind: 'memberships' | 'giftCards') {
  const phone = phoneDigits(ctx.user?.phone);
  const locationId = ctx.query.company_id === undefined ? undefined : Number(ctx.query.company_id);
  const chainId = locationId === undefined ? undefined : ctx.store.get('locations', locationId)?.chain_id;
  if (locationId !== undefined && chainId === undefined) throw new ApiError(404, `Location ${locationId} not found.`);
  const clients = new Set(ctx.store.filter('clients', (c) => c.phone === phone).map((c) => c.id));
  return ctx.store.filter(
    kind,
    (h: { client_id: number; chain_id: number }) =>
      clients.has(h.client_id) && (chainId === undefined || h.chain_id === chainId),
  );
}
