// Visits: the appointments a client's arrival groups, with what was sold and paid. Read a visit and its details,
// edit it (attendance, services, goods, payments), print its receipt, search a client's visit history, and the
// appointments made through the partner's integration.
import type { Appointment, FinanceTransaction } from '../model';
import type { Store } from '../store';
import { compactOffset, nowEastern, wallClock } from '../time';
import { ApiError, fieldProblem, notFound } from './errors';
import type { Handler, HandlerContext } from './handler';
import { bodyOf, idParam, phoneDigits } from './request';
import { respond } from './responses';
import { EXPENSES, expenseView, transactionMoney } from './finance';
import { goodsTransactionView } from './inventory';
import { respondPage } from './paging';

const PAYMENT_STATUSES = ['not_paid', 'paid_not_full', 'paid_full', 'paid_over'] as const;
const VISITS_PER_PAGE = 25;

function recordsOfVisit(store: Store, visitId: number): Appointment[] {
  return store.filter('appointments', (a) => a.visit_id === visitId && !a.deleted);
}

function visitDocumentOf(store: Store, record: Appointment) {
  return store.find('stockDocuments', (d) => d.record_id === record.id && d.type_id === 7);
}

function serviceItems(store: Store, a: Appointment) {
  return a.services.map((s) => ({
    id: s.id,
    title: store.get('services', s.id)?.title ?? '',
    cost: s.cost,
    cost_per_unit: s.first_cost,
    discount: s.discount,
    first_cost: s.first_cost,
    amount: s.amount,
  }));
}

function goodsOf(store: Store, a: Appointment) {
  const d = visitDocumentOf(store, a);
  return d ? store.filter('goodsTransactions', (t) => t.document_id === d.id) : [];
}

function paymentsOf(store: Store, records: Appointment[]): FinanceTransaction[] {
  const ids = new Set(records.map((a) => a.id));
  return store.filter('financeTransactions', (t) => t.record_id !== null && ids.has(t.record_id));
}

function visitCost(store: Store, records: Appointment[]): number {
  return records.reduce(
    (sum, a) => sum + a.services.reduce((s, x) => s + x.cost, 0) + goodsOf(store, a).reduce((s, t) => s + t.cost, 0),
    0,
  );
}

function paymentStatus(store: Store, records: Appointment[]): (typeof PAYMENT_STATUSES)[number] {
  const cost = Math.round(visitCost(store, records) * 100);
  const paid = Math.round(paymentsOf(store, records).reduce((s, t) => s + t.amount, 0) * 100);
  if (!paid) return 'not_paid';
  if (paid < cost) return 'paid_not_full';
  return paid === cost ? 'paid_full' : 'paid_over';
}

function recordInVisit(ctx: HandlerContext): Appointment {
  const record = ctx.store.get('appointments', idParam(ctx, 'record_id'))!;
  if (record.visit_id !== idParam(ctx, 'visit_id'))
    throw new ApiError(404, `Appointment ${record.id} is not part of visit ${idParam(ctx, 'visit_id')}.`);
  return record;
}

/** Sets the appointment's services from the body; each must be a service of its location. */
function replaceServices(ctx: HandlerContext, record: Appointment, rows: Record<string, unknown>[]) {
  return rows.map((row, i) => {
    const service = ctx.store.get('services', Number(row.id));
    if (!service || service.location_id !== record.location_id)
      throw fieldProblem(
        `services[${i}].id`,
        `services[${i}].id ${String(row.id)} is not a service of location ${record.location_id}`,
      );
    const firstCost = Number(row.first_cost ?? row.cost_per_unit ?? service.price_min);
    const discount = Number(row.discount ?? 0);
    return {
      id: service.id,
      first_cost: firstCost,
      discount,
      cost: Number(row.cost ?? Math.round(firstCost * (100 - discount)) / 100),
      amount: Number(row.amount ?? 1),
    };
  });
}

/** Records the goods sold in the visit, in the visit's document (created on first use), moving stock out. */
function replaceGoods(ctx: HandlerContext, record: Appointment, rows: Record<string, unknown>[]) {
  let d = visitDocumentOf(ctx.store, record);
  if (!d) {
    const numbers = ctx.store
      .filter('stockDocuments', (x) => x.location_id === record.location_id)
      .map((x) => x.number);
    d = ctx.store.insert('stockDocuments', {
      id: ctx.store.nextId('stockDocuments'),
      location_id: record.location_id,
      type_id: 7,
      storage_id: 0,
      user_id: ctx.user?.id ?? 0,
      number: Math.max(0, ...numbers) + 1,
      comment: '',
      create_date: wallClock(record.datetime),
      client_id: record.client_id,
      record_id: record.id,
      visit_id: record.visit_id,
    });
  }
  // Put back what the visit sold before, then take out what it sells now.
  for (const t of ctx.store.filter('goodsTransactions', (x) => x.document_id === d!.id)) {
    moveStock(ctx.store, t.good_id, t.storage_id, -t.amount);
    ctx.store.remove('goodsTransactions', t.id);
  }
  rows.forEach((row, i) => {
    const product = ctx.store.get('products', Number(row.good_id));
    if (!product || product.location_id !== record.location_id)
      throw fieldProblem(
        `goods_transactions[${i}].good_id`,
        `goods_transactions[${i}].good_id ${String(row.good_id)} is not a product of location ${record.location_id}`,
      );
    const storage = ctx.store.get('storages', Number(row.storage_id));
    if (!storage || storage.location_id !== record.location_id)
      throw fieldProblem(
        `goods_transactions[${i}].storage_id`,
        `goods_transactions[${i}].storage_id ${String(row.storage_id)} is not a storage of location ${record.location_id}`,
      );
    const amount = -Math.abs(Number(row.amount ?? 1));
    const costPerUnit = Number(row.cost_per_unit ?? product.cost);
    const discount = Number(row.discount ?? 0);
    moveStock(ctx.store, product.id, storage.id, amount);
    const master = Number(row.master_id ?? 0);
    ctx.store.insert('goodsTransactions', {
      id: ctx.store.nextId('goodsTransactions'),
      location_id: record.location_id,
      document_id: d!.id,
      type_id: 7,
      good_id: product.id,
      amount,
      cost_per_unit: costPerUnit,
      discount,
      cost: Math.round(Math.abs(amount) * costPerUnit * (100 - discount)) / 100,
      storage_id: storage.id,
      client_id: record.client_id,
      master_id:
        master && ctx.store.get('staff', master)?.location_id === record.location_id ? master : record.staff_id,
      supplier_id: 0,
      operation_unit_type: Number(row.operation_unit_type ?? 1),
      comment: '',
      create_date: wallClock(record.datetime),
      last_change_date: compactOffset(nowEastern()),
    });
  });
}

function moveStock(store: Store, productId: number, storageId: number, delta: number): void {
  const product = store.get('products', productId);
  if (!product) return;
  const amounts = product.amounts.some((a) => a.storage_id === storageId)
    ? product.amounts.map((a) =>
        a.storage_id === storageId ? { ...a, amount: Math.round((a.amount + delta) * 1000) / 1000 } : a,
      )
    : [...product.amounts, { storage_id: storageId, amount: delta }];
  store.update('products', productId, { amounts });
}

function detailsOf(ctx: HandlerContext, records: Appointment[]) {
  const store = ctx.store;
  return {
    payment_transactions: paymentsOf(store, records).map((t) => ({
      id: t.id,
      document_id: t.document_id ?? 0,
      ...transactionMoney(t),
      record_id: t.record_id ?? 0,
      expense: expenseView(t),
      account: { id: t.account_id, title: store.get('accounts', t.account_id)?.title ?? '' },
    })),
    loyalty_transactions: store
      .filter('loyaltyTransactions', (t) => t.visit_id === records[0]?.visit_id)
      .map((t) => ({
        id: t.id,
        amount: t.amount,
        type_id: t.type_id,
        card_id: t.card_id,
        program_id: t.program_id ?? 0,
      })),
    kkm_transaction_details_container: { last_operation_type: 0 },
    items: records.flatMap((a) => [
      ...serviceItems(store, a).map((s) => ({ ...s, type: 'service', record_id: a.id })),
      ...goodsOf(store, a).map((t) => ({
        id: t.id,
        type: 'good',
        record_id: a.id,
        title: store.get('products', t.good_id)?.title ?? '',
        cost: t.cost,
        amount: Math.abs(t.amount),
      })),
    ]),
  };
}

export const visitHandlers: Record<string, Handler> = {
  get_visit(ctx) {
    const records = recordsOfVisit(ctx.store, idParam(ctx, 'visit_id'));
    const first = records[0];
    return respond(ctx, {
      attendance: first.attendance,
      datetime: compactOffset(first.datetime),
      // The document (after the blueprint's example) types the visit comment as a number; none is 0.
      comment: first.comment || 0,
      payment_status: paymentStatus(ctx.store, records),
      records: records.map((a) => ({
        id: a.id,
        company_id: a.location_id,
        staff_id: a.staff_id,
        services: serviceItems(ctx.store, a),
        goods_transactions: goodsOf(ctx.store, a).map((t) => goodsTransactionView(ctx.store, t)),
      })),
    });
  },

  get_visit_details(ctx) {
    const record = recordInVisit(ctx);
    if (record.location_id !== idParam(ctx, 'location_id'))
      throw new ApiError(404, `Appointment ${record.id} not found.`);
    // Documented without the envelope.
    return { status: 200, body: detailsOf(ctx, recordsOfVisit(ctx.store, record.visit_id)) };
  },

  /** Edits the visit as the front desk does: attendance, services, goods sold and payments. */
  update_visit(ctx) {
    const record = recordInVisit(ctx);
    const body = bodyOf(ctx) as {
      attendance?: number | null;
      comment?: string | null;
      services?: Record<string, unknown>[] | null;
      goods_transactions?: Record<string, unknown>[] | null;
      new_transactions?: { amount?: number; account_id?: number }[] | null;
      deleted_transaction_ids?: number[] | null;
    };
    const changes: Partial<Appointment> = { last_change_date: compactOffset(nowEastern()) };
    if (body.attendance != null) {
      if (![-1, 0, 1, 2].includes(body.attendance))
        throw fieldProblem('attendance', 'attendance must be -1, 0, 1 or 2');
      changes.attendance = body.attendance;
    }
    if (body.comment != null) changes.comment = body.comment;
    if (body.services) changes.services = replaceServices(ctx, record, body.services);
    if (body.goods_transactions) replaceGoods(ctx, record, body.goods_transactions);
    for (const id of body.deleted_transaction_ids ?? []) {
      const t = ctx.store.get('financeTransactions', id);
      if (!t || t.record_id !== record.id)
        throw fieldProblem('deleted_transaction_ids', `payment ${id} is not a payment of appointment ${record.id}`);
      ctx.store.remove('financeTransactions', id);
    }
    (body.new_transactions ?? []).forEach((row, i) => {
      const account = ctx.store.get('accounts', Number(row.account_id));
      if (!account || account.location_id !== record.location_id)
        throw fieldProblem(
          `new_transactions[${i}].account_id`,
          `new_transactions[${i}].account_id ${String(row.account_id)} is not a cash register of location ${record.location_id}`,
        );
      const now = nowEastern();
      ctx.store.insert('financeTransactions', {
        id: ctx.store.nextId('financeTransactions'),
        location_id: record.location_id,
        date: wallClock(now),
        expense_id: 5,
        expense_title: EXPENSES[5],
        account_id: account.id,
        amount: Number(row.amount ?? 0),
        client_id: record.client_id,
        master_id: record.staff_id,
        record_id: record.id,
        document_id: null,
        supplier_id: 0,
        comment: '',
        last_change_date: compactOffset(now),
      });
    });
    ctx.store.update('appointments', record.id, changes);
    const records = recordsOfVisit(ctx.store, record.visit_id);
    ctx.store.update('appointments', record.id, {
      paid_full:
        paymentStatus(ctx.store, records) === 'paid_full' || paymentStatus(ctx.store, records) === 'paid_over' ? 1 : 0,
    });
    return respond(ctx, null);
  },

  /** The receipt of a visit: its lines, total, payments and what is still due. */
  get_visit_receipt_pdf(ctx) {
    const visitId = idParam(ctx, 'visit_id');
    const records = recordsOfVisit(ctx.store, visitId);
    // The visit of a location that was removed is gone with it.
    const location = records.length ? ctx.store.get('locations', records[0].location_id) : undefined;
    if (!location) throw notFound('Visit', visitId);
    const { items, payment_transactions } = detailsOf(ctx, records);
    const total = Math.round(items.reduce((s, i) => s + i.cost, 0) * 100) / 100;
    const paid = Math.round(payment_transactions.reduce((s, p) => s + p.amount, 0) * 100) / 100;
    return respond(ctx, {
      visit_id: visitId,
      file_name: `receipt-${visitId}.pdf`,
      company: { id: location.id, title: location.title, address: location.address },
      date: wallClock(records[0].datetime),
      lines: items.map((i) => ({ title: i.title, amount: i.amount, cost: i.cost })),
      total,
      paid,
      due: Math.max(0, Math.round((total - paid) * 100) / 100),
    });
  },

  /** A client's visits (by id or phone) in a period, newest first, 25 at a time; the next page starts at `to`. */
  search_client_visits(ctx) {
    const locationId = idParam(ctx, 'location_id');
    const body = bodyOf(ctx) as {
      client_id?: number | null;
      client_phone?: string | null;
      from?: string | null;
      to?: string | null;
      payment_statuses?: string[];
      attendance?: number | null;
    };
    const client = body.client_id
      ? ctx.store.get('clients', body.client_id)
      : body.client_phone
        ? ctx.store.find('clients', (c) => c.location_id === locationId && c.phone === phoneDigits(body.client_phone))
        : undefined;
    if (!body.client_id && !body.client_phone) throw fieldProblem('client_id', 'send client_id or client_phone');
    if (!client || client.location_id !== locationId)
      throw fieldProblem(body.client_id ? 'client_id' : 'client_phone', `no such client at location ${locationId}`);
    const statuses = new Set(body.payment_statuses ?? []);
    const unknown = [...statuses].filter((s) => !(PAYMENT_STATUSES as readonly string[]).includes(s));
    if (unknown.length)
      throw fieldProblem('payment_statuses', `payment_statuses must be among ${PAYMENT_STATUSES.join(', ')}`);
    const byVisit = new Map<number, Appointment[]>();
    for (const a of ctx.store.filter('appointments', (x) => x.client_id === client.id && !x.deleted)) {
      const day = a.datetime.slice(0, 10);
      if ((body.from && day < body.from) || (body.to && day > body.to)) continue;
      if (body.attendance != null && a.attendance !== body.attendance) continue;
      byVisit.set(a.visit_id, [...(byVisit.get(a.visit_id) ?? []), a]);
    }
    const visits = [...byVisit.values()]
      .filter((records) => !statuses.size || statuses.has(paymentStatus(ctx.store, records)))
      .sort((x, y) => y[0].datetime.localeCompare(x[0].datetime));
    const page = visits.slice(0, VISITS_PER_PAGE);
    const next = visits[VISITS_PER_PAGE];
    return respond(
      ctx,
      page.map((records) => ({
        visit_id: records[0].visit_id,
        date: wallClock(records[0].datetime),
        attendance: records[0].attendance,
        payment_status: paymentStatus(ctx.store, records),
        records: records.map((a) => ({ id: a.id, staff_id: a.staff_id, services: serviceItems(ctx.store, a) })),
        goods_transactions: records.flatMap((a) =>
          goodsOf(ctx.store, a).map((t) => goodsTransactionView(ctx.store, t)),
        ),
      })),
      { total_count: visits.length, from: body.from ?? null, to: next ? next[0].datetime.slice(0, 10) : null },
    );
  },

  /** Appointments the partner's integration made: booked online or through this API. */
  get_partner_appointment_list(ctx) {
    const q = ctx.query;
    const locationId = q.salon_id === undefined ? undefined : Number(q.salon_id);
    const allowed = new Set(ctx.user?.location_ids ?? ctx.store.list('locations').map((l) => l.id));
    const between = (value: string, from: unknown, to: unknown) =>
      (from === undefined || value >= String(from)) && (to === undefined || value <= String(to));
    const list = ctx.store
      .filter(
        'appointments',
        (a) =>
          (a.online || a.via_api === true) &&
          allowed.has(a.location_id) &&
          (locationId === undefined || a.location_id === locationId) &&
          (q.user_id === undefined || a.created_user_id === Number(q.user_id)) &&
          between(a.datetime.slice(0, 10), q.start_date, q.end_date) &&
          between(a.create_date.slice(0, 10), q.created_start_date, q.created_end_date),
      )
      .sort((x, y) => x.datetime.localeCompare(y.datetime) || x.id - y.id);
    return respondPage(ctx, list, (a) => {
      const location = ctx.store.get('locations', a.location_id);
      return {
        id: a.id,
        date: wallClock(a.datetime),
        datetime: compactOffset(a.datetime),
        create_date: a.create_date,
        comment: a.comment,
        deleted: a.deleted,
        attendance: a.attendance,
        length: a.seance_length,
        online: a.online,
        api_id: a.api_id,
        prepaid: 0,
        activity_id: a.activity_id,
        services: a.services.map((s) => ({
          id: s.id,
          title: ctx.store.get('services', s.id)?.title ?? '',
          cost: s.cost,
          discount: s.discount,
          amount: s.amount,
        })),
        company: { id: a.location_id, title: location?.title ?? '' },
      };
    });
  },
};
