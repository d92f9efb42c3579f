// Money: financial transactions (create, read, change, delete, search, by visit or document), paying a sale
// document to a register or from a client's deposit, client deposits and their top-ups and history, fiscal
// receipts, and the day-end (Z) report.
import type { Deposit, DepositTransaction, FinanceTransaction, StockDocument } from '../model';
import type { Store } from '../store';
import { compactOffset, easternIso, nowEastern, wallClock } from '../time';
import { ApiError, fieldProblem, notFound } from './errors';
import type { Handler, HandlerContext } from './handler';
import { bodyOf, has, idParam, locationRecord, pathRecord, phoneDigits } from './request';
import { respond, respondList } from './responses';
import { fullName } from './client-view';
import { DOCUMENT_TYPES } from './inventory';
import { respondPage } from './paging';
import { payWithLoyalty, undoLoyaltyPayment, type LoyaltyPayment } from './sale-payments';
import { pathShape } from './resources/paths';
import { entitiesOf, insertEntity } from './resources/records';

/** Expense and income items (Altegio's "articles"). */
export const EXPENSES: Record<number, string> = {
  1: 'Rent',
  2: 'Salaries',
  3: 'Purchase of goods',
  5: 'Provision of services',
  7: 'Product sale',
  9: 'Client account top-up',
  10: 'Other income',
  2640: 'Corporate services',
};
const KKM = pathShape('/kkm_transactions/{location_id}');
const KKM_TYPES: Record<number, string> = {
  0: 'Sale operation',
  1: 'Sale return operation',
  6: 'Cash in',
  7: 'Cash out',
};
const KKM_STATUSES: Record<number, string> = {
  0: 'Connection error',
  1: 'Success',
  2: 'Sent for printing',
  3: 'Runtime error',
  5: 'Waiting for POS',
};
const DATETIME = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}(:\d{2})?$/;

/** The expense item of a transaction, named as Altegio names it. */
export function expenseView(t: Pick<FinanceTransaction, 'expense_id' | 'expense_title'>) {
  return { id: t.expense_id, title: EXPENSES[t.expense_id] ?? t.expense_title };
}

/** When, what for, from which account, how much and for whom: as a transaction and a visit's payments list them. */
export function transactionMoney(t: FinanceTransaction) {
  return {
    date: t.date,
    type_id: t.expense_id,
    expense_id: t.expense_id,
    account_id: t.account_id,
    amount: t.amount,
    client_id: t.client_id ?? 0,
  };
}

function accountView(store: Store, id: number) {
  const a = store.get('accounts', id);
  return a
    ? { id: a.id, title: a.title, type: a.type, comment: a.comment, company_id: a.location_id }
    : { id, title: '', type: 0, comment: '', company_id: 0 };
}

export function financeView(store: Store, t: FinanceTransaction) {
  const client = t.client_id ? store.get('clients', t.client_id) : undefined;
  return {
    id: t.id,
    ...transactionMoney(t),
    master_id: t.master_id ?? 0,
    supplier_id: t.supplier_id,
    comment: t.comment,
    item_id: 0,
    target_type_id: 0,
    record_id: t.record_id ?? 0,
    document_id: t.document_id ?? 0,
    expense: expenseView(t),
    account: accountView(store, t.account_id),
    client: client ? { id: client.id, name: fullName(client), phone: client.phone } : [],
    last_change_date: t.last_change_date,
    // The document shows these as lists (Altegio's empty PHP arrays); the ids above say who they are.
    master: [],
    supplier: [],
  };
}

/** The row of the transaction lists (ISO dates, amounts as decimal strings). */
function financeRow(store: Store, t: FinanceTransaction) {
  const client = t.client_id ? store.get('clients', t.client_id) : undefined;
  const master = t.master_id ? store.get('staff', t.master_id) : undefined;
  const account = store.get('accounts', t.account_id);
  return {
    id: t.id,
    document_id: t.document_id ?? 0,
    expense: expenseView(t),
    date: compactOffset(easternIso(t.date.slice(0, 10), t.date.slice(11, 19))),
    amount: t.amount.toFixed(2),
    comment: t.comment,
    master: master ? { id: master.id, title: master.name } : { id: 0, title: '' },
    supplier: { id: t.supplier_id, title: t.supplier_id ? `Supplier ${t.supplier_id}` : '' },
    account: { id: t.account_id, title: account?.title ?? '' },
    client: client
      ? { id: client.id, name: fullName(client), phone: `+${client.phone}` }
      : { id: 0, name: '', phone: '' },
    last_change_date: t.last_change_date,
  };
}

function financeOf(ctx: HandlerContext): FinanceTransaction {
  return locationRecord(ctx, 'financeTransactions', 'transaction_id', 'Transaction');
}

function accountOf(ctx: HandlerContext, raw: unknown, field = 'account_id') {
  const locationId = idParam(ctx, 'location_id');
  const account = ctx.store.get('accounts', Number(raw));
  if (!account || account.location_id !== locationId)
    throw fieldProblem(field, `${field} ${String(raw)} is not a cash register of location ${locationId}`);
  return account;
}

function optionalRef(
  ctx: HandlerContext,
  body: Record<string, unknown>,
  name: 'client_id' | 'master_id',
  fallback: number | null,
) {
  if (!has(body, name)) return fallback;
  const id = Number(body[name] ?? 0);
  if (!id) return null;
  const found = ctx.store.get(name === 'client_id' ? 'clients' : 'staff', id);
  if (!found || found.location_id !== idParam(ctx, 'location_id'))
    throw fieldProblem(name, `${name} ${id} is not known at location ${idParam(ctx, 'location_id')}`);
  return id;
}

function financeFields(
  ctx: HandlerContext,
  body: Record<string, unknown>,
  current?: FinanceTransaction,
): Omit<FinanceTransaction, 'id'> {
  const expenseId = Number(has(body, 'expense_id') ? body.expense_id : (current?.expense_id ?? 0));
  if (!EXPENSES[expenseId])
    throw fieldProblem('expense_id', `expense_id must be one of ${Object.keys(EXPENSES).join(', ')}`);
  const amount = Number(has(body, 'amount') ? body.amount : (current?.amount ?? 0));
  if (!amount) throw fieldProblem('amount', 'amount must not be zero');
  const accountId = has(body, 'account_id') ? accountOf(ctx, body.account_id).id : current?.account_id;
  if (accountId === undefined) throw fieldProblem('account_id', 'account_id is required');
  let date = current?.date ?? wallClock(nowEastern());
  if (has(body, 'date') && body.date !== null) {
    date = String(body.date);
    if (!DATETIME.test(date)) throw fieldProblem('date', 'date must look like 2026-03-05 11:05:00');
    if (date.length === 16) date += ':00';
  }
  let documentId = current?.document_id ?? null;
  if (has(body, 'document_id')) {
    documentId = body.document_id ? Number(body.document_id) : null;
    const d = documentId ? ctx.store.get('stockDocuments', documentId) : undefined;
    if (documentId && (!d || d.location_id !== idParam(ctx, 'location_id')))
      throw fieldProblem(
        'document_id',
        `document_id ${documentId} is not a document of location ${idParam(ctx, 'location_id')}`,
      );
  }
  return {
    location_id: idParam(ctx, 'location_id'),
    date,
    expense_id: expenseId,
    expense_title: EXPENSES[expenseId],
    account_id: accountId,
    amount,
    client_id: optionalRef(ctx, body, 'client_id', current?.client_id ?? null),
    master_id: optionalRef(ctx, body, 'master_id', current?.master_id ?? null),
    record_id: current?.record_id ?? null,
    document_id: documentId,
    supplier_id: Number((has(body, 'supplier_id') ? body.supplier_id : current?.supplier_id) ?? 0),
    comment: String((has(body, 'comment') ? body.comment : current?.comment) ?? ''),
    last_change_date: compactOffset(nowEastern()),
  };
}

// ---- Sales ------------------------------------------------------------------------------------------------------

function saleDocument(ctx: HandlerContext): StockDocument {
  const d = ctx.store.get('stockDocuments', idParam(ctx, 'document_id'))!;
  return d;
}

function depositOfClient(store: Store, clientId: number | null, chainId: number): Deposit | undefined {
  if (!clientId) return undefined;
  return store.find('deposits', (d) => d.client_id === clientId && d.chain_id === chainId);
}

/** What is sold in a document, what was paid and how, and what can still pay the rest. */
function saleState(ctx: HandlerContext, d: StockDocument) {
  const store = ctx.store;
  const chainId = store.get('locations', d.location_id)!.chain_id;
  const client = d.client_id ? store.get('clients', d.client_id) : undefined;
  const goods = store.filter('goodsTransactions', (t) => t.document_id === d.id);
  const record = d.record_id ? store.get('appointments', d.record_id) : undefined;
  const items = [
    ...goods.map((t) => ({
      id: t.id,
      type: 'good',
      title: store.get('products', t.good_id)?.title ?? '',
      amount: Math.abs(t.amount),
      default_cost_per_unit: t.cost_per_unit,
      default_cost_total: Math.round(t.cost_per_unit * Math.abs(t.amount) * 100) / 100,
      client_discount_percent: t.discount,
      cost_to_pay_total: t.cost,
    })),
    ...(record?.services ?? []).map((s) => ({
      id: s.id,
      type: 'service',
      document_id: d.id,
      title: store.get('services', s.id)?.title ?? '',
      amount: s.amount,
      default_cost_per_unit: s.first_cost,
      default_cost_total: s.first_cost * s.amount,
      client_discount_percent: s.discount,
      cost_to_pay_total: s.cost,
    })),
  ];
  const payments = store.filter('financeTransactions', (t) => t.document_id === d.id);
  const depositPayments = store.filter('depositTransactions', (t) => t.document_id === d.id);
  const loyaltyPayments = store.filter('loyaltyTransactions', (t) => t.document_id === d.id);
  const total = items.reduce((sum, i) => sum + i.cost_to_pay_total, 0);
  // A referral bonus goes to someone else's card; every other loyalty payment covers part of the document.
  const paid =
    payments.reduce((sum, p) => sum + p.amount, 0) -
    depositPayments.reduce((sum, p) => sum + p.amount, 0) +
    loyaltyPayments.filter((t) => t.type_id !== 4).reduce((sum, t) => sum + t.amount, 0);
  const due = Math.max(0, Math.round((total - paid) * 100) / 100);
  const deposit = depositOfClient(store, client?.id ?? null, chainId);
  const chain = store.get('chains', chainId);
  const register = store.find('accounts', (a) => a.location_id === d.location_id);
  // What every transaction of the sale names: the document, its first item and the chain.
  const ofSale = { document_id: d.id, sale_item_id: items[0]?.id ?? 0, sale_item_type: items[0]?.type ?? 'good' };
  const chainRef = { id: chainId, title: chain?.title ?? '' };
  return {
    state: {
      items,
      loyalty_transactions: [
        ...loyaltyPayments.map((t) => ({
          id: t.id,
          ...ofSale,
          amount: t.amount,
          type_id: t.type_id,
          created_at: t.created_date.slice(0, 19).replace('T', ' '),
          deposit_transaction_id: 0,
          chain: chainRef,
          type: { id: t.type_id, title: t.title },
          deposit: { id: 0, balance: 0, type: { id: 0, title: '' } },
        })),
        ...depositPayments.map((p) => {
          const account = store.get('deposits', p.deposit_id);
          return {
            id: p.id,
            ...ofSale,
            amount: -p.amount,
            type_id: 11,
            created_at: p.date_create.slice(0, 19).replace('T', ' '),
            deposit_transaction_id: p.id,
            chain: chainRef,
            type: { id: 11, title: 'Client account withdrawal' },
            deposit: {
              id: p.deposit_id,
              balance: account?.balance ?? 0,
              type: { id: account?.type_id ?? 5, title: account?.type_title ?? '' },
            },
          };
        }),
      ],
      payment_transactions: payments.map((p) => {
        const account = store.get('accounts', p.account_id);
        return {
          id: p.id,
          ...ofSale,
          expense_id: p.expense_id,
          account_id: p.account_id,
          amount: p.amount,
          created_at: p.date,
          account: {
            id: p.account_id,
            title: account?.title ?? '',
            is_cash: account?.type === 0,
            is_default: account?.id === register?.id,
          },
          expense: expenseView(p),
        };
      }),
    },
    kkm_state: { last_operation_type: 0, transactions: [] },
    payment_methods: [
      { slug: 'account', is_applicable: due > 0, applicable_amount: due, account_id: register?.id ?? 0 },
      ...(deposit
        ? [
            {
              slug: 'deposit',
              is_applicable: due > 0 && deposit.balance > 0,
              applicable_amount: Math.min(due, deposit.balance),
              deposit_id: deposit.id,
            },
          ]
        : []),
    ],
    due,
  };
}

function saleAnswer(ctx: HandlerContext, d: StockDocument) {
  const { due: _due, ...state } = saleState(ctx, d);
  return respond(ctx, state);
}

// ---- Deposits ---------------------------------------------------------------------------------------------------

function depositView(store: Store, d: Deposit) {
  const client = store.get('clients', d.client_id);
  return {
    id: d.id,
    salon_group_id: d.chain_id,
    client_id: d.client_id,
    balance: d.balance,
    type: { id: d.type_id, title: d.type_title },
    client: client ? { id: client.id, name: fullName(client), phone: `+${client.phone}` } : null,
  };
}

function depositTransactionView(store: Store, t: DepositTransaction) {
  const deposit = store.get('deposits', t.deposit_id);
  return {
    id: t.id,
    salon_id: t.location_id,
    salon_group_id: deposit?.chain_id ?? 0,
    document_id: t.document_id ?? 0,
    deposit_id: t.deposit_id,
    deposit_type_id: deposit?.type_id ?? 0,
    master_id: 0,
    user_id: t.user_id,
    amount: t.amount,
    comment: t.comment,
    date_create: t.date_create,
    deleted: false,
  };
}

// ---- Fiscal receipts --------------------------------------------------------------------------------------------

interface KkmTransaction {
  id: number;
  uuid: string;
  print_date: string;
  printed_count: number;
  sum: number;
  type_id: number;
  status_id: number;
  document_id: number;
  cashier_id: number;
}

function kkmView(store: Store, t: KkmTransaction) {
  const d = store.get('stockDocuments', t.document_id);
  const cashier = store.get('users', t.cashier_id);
  return {
    id: t.id,
    print_date: t.print_date,
    printed_count: t.printed_count,
    sum: t.sum,
    type: { id: t.type_id, title: KKM_TYPES[t.type_id] ?? 'Operation' },
    status: { id: t.status_id, title: KKM_STATUSES[t.status_id] ?? 'Unknown' },
    document: { id: t.document_id, type: d?.type_id ?? 0, type_title: DOCUMENT_TYPES[d?.type_id ?? 0] ?? '' },
    cashier: { id: t.cashier_id, name: cashier?.name ?? '' },
  };
}

export const financeHandlers: Record<string, Handler> = {
  create_financial_transaction(ctx) {
    const t = ctx.store.insert('financeTransactions', {
      id: ctx.store.nextId('financeTransactions'),
      ...financeFields(ctx, bodyOf(ctx)),
    });
    return respond(ctx, financeView(ctx.store, t));
  },

  get_financial_transaction(ctx) {
    return respond(ctx, financeView(ctx.store, financeOf(ctx)));
  },

  update_financial_transaction(ctx) {
    const t = financeOf(ctx);
    return respond(
      ctx,
      financeView(ctx.store, ctx.store.update('financeTransactions', t.id, financeFields(ctx, bodyOf(ctx), t))!),
    );
  },

  delete_financial_transaction(ctx) {
    ctx.store.remove('financeTransactions', financeOf(ctx).id);
    return respond(ctx, null);
  },

  get_transactions(ctx) {
    const locationId = idParam(ctx, 'location_id');
    const q = ctx.query;
    const num = (v: unknown) => (v === undefined ? undefined : Number(v));
    const changed = (t: FinanceTransaction) => Date.parse(t.last_change_date.replace(/([+-]\d\d)(\d\d)$/, '$1:$2'));
    const list = ctx.store
      .filter(
        'financeTransactions',
        (t) =>
          t.location_id === locationId &&
          Number(q.deleted ?? 0) !== 1 &&
          (num(q.account_id) === undefined || t.account_id === num(q.account_id)) &&
          (num(q.supplier_id) === undefined || t.supplier_id === num(q.supplier_id)) &&
          (num(q.client_id) === undefined || t.client_id === num(q.client_id)) &&
          (num(q.master_id) === undefined || t.master_id === num(q.master_id)) &&
          (num(q.document_id) === undefined || t.document_id === num(q.document_id)) &&
          (num(q.type) === undefined || t.expense_id === num(q.type)) &&
          (num(q.balance_is) !== 1 || t.amount > 0) &&
          (num(q.balance_is) !== 2 || t.amount < 0) &&
          (q.start_date === undefined || t.date.slice(0, 10) >= String(q.start_date)) &&
          (q.end_date === undefined || t.date.slice(0, 10) <= String(q.end_date)) &&
          (q.changed_after === undefined || changed(t) >= Date.parse(String(q.changed_after))) &&
          (q.changed_before === undefined || changed(t) <= Date.parse(String(q.changed_before))),
      )
      .sort((a, b) => a.date.localeCompare(b.date) || a.id - b.id);
    return respondPage(ctx, list, (t) => financeRow(ctx.store, t));
  },

  get_transactions_by_visit_or_appointment_id(ctx) {
    const locationId = idParam(ctx, 'location_id');
    // 0 (as Altegio's own examples send it) names nothing, like a missing filter.
    const recordId = Number(ctx.query.record_id ?? 0) || undefined;
    const visitId = Number(ctx.query.visit_id ?? 0) || undefined;
    // Without an appointment or a visit to look at there is nothing to list.
    const records = new Set(
      ctx.store
        .filter(
          'appointments',
          (a) =>
            a.location_id === locationId && (a.id === recordId || (visitId !== undefined && a.visit_id === visitId)),
        )
        .map((a) => a.id),
    );
    if (!records.size && (recordId !== undefined || visitId !== undefined))
      throw new ApiError(
        404,
        recordId !== undefined ? `Appointment ${recordId} not found.` : `Visit ${visitId} not found.`,
      );
    const list = ctx.store.filter('financeTransactions', (t) => t.record_id !== null && records.has(t.record_id));
    return respondList(
      ctx,
      list.map((t) => financeRow(ctx.store, t)),
    );
  },

  get_document_financial_transactions(ctx) {
    const documentId = idParam(ctx, 'document_id');
    const list = ctx.store.filter('financeTransactions', (t) => t.document_id === documentId);
    return respondList(
      ctx,
      list.map((t) => financeView(ctx.store, t)),
    );
  },

  get_sale_transaction(ctx) {
    return saleAnswer(ctx, saleDocument(ctx));
  },

  /** Pays (part of) what a sale document still owes: to a cash register, or from the client's deposit. */
  create_payment_with_loyalty_methods(ctx) {
    const d = saleDocument(ctx);
    const payment = (bodyOf(ctx).payment ?? {}) as {
      method?: { slug?: string; account_id?: number; deposit_id?: number };
      amount?: number;
    };
    const slug = payment.method?.slug;
    if (slug !== 'account' && slug !== 'deposit') {
      payWithLoyalty(ctx, d, payment as LoyaltyPayment, saleState(ctx, d).due);
      return saleAnswer(ctx, d);
    }
    const amount = Number(payment.amount);
    if (!(amount > 0)) throw fieldProblem('payment.amount', 'payment.amount must be greater than zero');
    // Paying more than is due is allowed (the document is then "paid over"), as in Altegio.
    const now = nowEastern();
    if (slug === 'account') {
      const account = accountOf(ctx, payment.method?.account_id, 'payment.method.account_id');
      ctx.store.insert('financeTransactions', {
        id: ctx.store.nextId('financeTransactions'),
        location_id: d.location_id,
        date: wallClock(now),
        expense_id: d.record_id ? 5 : 7,
        expense_title: EXPENSES[d.record_id ? 5 : 7],
        account_id: account.id,
        amount,
        client_id: d.client_id,
        master_id: null,
        record_id: d.record_id,
        document_id: d.id,
        supplier_id: 0,
        comment: '',
        last_change_date: compactOffset(now),
      });
    } else {
      const chainId = ctx.store.get('locations', d.location_id)!.chain_id;
      const deposit =
        ctx.store.get('deposits', Number(payment.method?.deposit_id)) ??
        depositOfClient(ctx.store, d.client_id, chainId);
      if (!deposit || deposit.chain_id !== chainId || deposit.client_id !== d.client_id)
        throw fieldProblem(
          'payment.method.deposit_id',
          "payment.method.deposit_id is not the deposit of the document's client",
        );
      if (deposit.balance < amount) throw fieldProblem('payment.amount', `the deposit holds only ${deposit.balance}`);
      ctx.store.update('deposits', deposit.id, { balance: Math.round((deposit.balance - amount) * 100) / 100 });
      ctx.store.insert('depositTransactions', {
        id: ctx.store.nextId('depositTransactions'),
        deposit_id: deposit.id,
        location_id: d.location_id,
        user_id: ctx.user?.id ?? 0,
        amount: -amount,
        comment: `Paid for document ${d.id}`,
        date_create: new Date().toISOString().replace('Z', '000Z'),
        document_id: d.id,
      });
    }
    return saleAnswer(ctx, d);
  },

  delete_location_account_payment(ctx) {
    const d = saleDocument(ctx);
    const t = pathRecord(
      ctx,
      'financeTransactions',
      'payment_transaction_id',
      'Payment transaction',
      (p) => p.document_id === d.id,
    );
    ctx.store.remove('financeTransactions', t.id);
    return saleAnswer(ctx, d);
  },

  /** Takes back a loyalty payment: the deposit, card, gift card or membership gets back what it gave. */
  delete_loyalty_payment_transaction(ctx) {
    const d = saleDocument(ctx);
    const id = idParam(ctx, 'payment_transaction_id');
    const loyalty = ctx.store.get('loyaltyTransactions', id);
    if (loyalty?.document_id === d.id && !ctx.store.get('depositTransactions', id)) {
      undoLoyaltyPayment(ctx, loyalty);
      return saleAnswer(ctx, d);
    }
    const t = ctx.store.get('depositTransactions', id);
    if (!t || t.document_id !== d.id) throw notFound('Payment transaction', id);
    const deposit = ctx.store.get('deposits', t.deposit_id);
    if (deposit)
      ctx.store.update('deposits', deposit.id, { balance: Math.round((deposit.balance - t.amount) * 100) / 100 });
    ctx.store.remove('depositTransactions', id);
    return saleAnswer(ctx, d);
  },

  get_client_account_list_by_location_and_client(ctx) {
    const client = ctx.store.get('clients', idParam(ctx, 'client_id'))!;
    const chainId = ctx.store.get('locations', client.location_id)!.chain_id;
    return respondList(
      ctx,
      ctx.store
        .filter('deposits', (d) => d.client_id === client.id && d.chain_id === chainId)
        .map((d) => depositView(ctx.store, d)),
    );
  },

  get_client_account_list_by_chain(ctx) {
    const chainId = idParam(ctx, 'chain_id');
    const q = ctx.query;
    const list = ctx.store.filter(
      'deposits',
      (d) =>
        d.chain_id === chainId &&
        (q.client_id === undefined || d.client_id === Number(q.client_id)) &&
        (q.type_id === undefined || d.type_id === Number(q.type_id)),
    );
    return respondPage(ctx, list, (d) => depositView(ctx.store, d));
  },

  get_client_account_by_chain_and_phone(ctx) {
    const chainId = idParam(ctx, 'chain_id');
    const digits = phoneDigits(ctx.pathParams.phone);
    const locations = new Set(ctx.store.filter('locations', (l) => l.chain_id === chainId).map((l) => l.id));
    const clients = new Set(
      ctx.store.filter('clients', (c) => locations.has(c.location_id) && c.phone === digits).map((c) => c.id),
    );
    return respondList(
      ctx,
      ctx.store
        .filter('deposits', (d) => d.chain_id === chainId && clients.has(d.client_id))
        .map((d) => depositView(ctx.store, d)),
    );
  },

  /** Tops up a deposit: a top-up document, the deposit transaction, and the money in the cash register. */
  create_client_account_topup_operation(ctx) {
    const locationId = idParam(ctx, 'location_id');
    const body = bodyOf(ctx) as {
      client_id?: number;
      deposit_id?: number;
      amount?: number;
      account_id?: number;
      master_id?: number;
      comment?: string;
    };
    const chainId = ctx.store.get('locations', locationId)!.chain_id;
    const deposit = ctx.store.get('deposits', Number(body.deposit_id));
    if (!deposit || deposit.chain_id !== chainId)
      throw fieldProblem(
        'deposit_id',
        `deposit_id ${String(body.deposit_id)} is not a client account of chain ${chainId}`,
      );
    if (body.client_id !== undefined && body.client_id !== deposit.client_id)
      throw fieldProblem('client_id', `client_id ${body.client_id} does not own deposit ${deposit.id}`);
    const amount = Number(body.amount);
    if (!(amount > 0)) throw fieldProblem('amount', 'amount must be greater than zero');
    const account = accountOf(ctx, body.account_id);
    const now = nowEastern();
    const numbers = ctx.store.filter('stockDocuments', (d) => d.location_id === locationId).map((d) => d.number);
    const d = ctx.store.insert('stockDocuments', {
      id: ctx.store.nextId('stockDocuments'),
      location_id: locationId,
      type_id: 9,
      storage_id: 0,
      user_id: ctx.user?.id ?? 0,
      number: Math.max(0, ...numbers) + 1,
      comment: String(body.comment ?? ''),
      create_date: wallClock(now),
      client_id: deposit.client_id,
      record_id: null,
      visit_id: null,
    });
    const t = ctx.store.insert('depositTransactions', {
      id: ctx.store.nextId('depositTransactions'),
      deposit_id: deposit.id,
      location_id: locationId,
      user_id: ctx.user?.id ?? 0,
      amount,
      comment: String(body.comment ?? 'Top-up payment'),
      date_create: now.replace(/(T\d\d:\d\d:\d\d)/, '$1.000'),
      document_id: d.id,
    });
    ctx.store.update('deposits', deposit.id, { balance: Math.round((deposit.balance + amount) * 100) / 100 });
    ctx.store.insert('financeTransactions', {
      id: ctx.store.nextId('financeTransactions'),
      location_id: locationId,
      date: wallClock(now),
      expense_id: 9,
      expense_title: EXPENSES[9],
      account_id: account.id,
      amount,
      client_id: deposit.client_id,
      master_id: body.master_id ? Number(body.master_id) : null,
      record_id: null,
      document_id: d.id,
      supplier_id: 0,
      comment: '',
      last_change_date: compactOffset(now),
    });
    const location = ctx.store.get('locations', locationId)!;
    const user = ctx.user;
    return respond(ctx, {
      document: {
        id: d.id,
        user_id: d.user_id,
        salon_id: locationId,
        type_id: 9,
        type: { id: 9, title: 'Account replenishment (advance payment)' },
        comment: d.comment,
        number: d.number,
        salon: { id: locationId, title: location.title, timezone_name: location.timezone_name },
        user: { id: user?.id ?? 0, name: user?.name ?? '', phone: user?.phone ?? '' },
      },
      deposits_transactions: [{ ...depositTransactionView(ctx.store, t), master_id: body.master_id ?? 0 }],
    });
  },

  get_chain_client_account_history(ctx) {
    const depositId = idParam(ctx, 'deposit_id');
    const list = ctx.store.filter('depositTransactions', (t) => t.deposit_id === depositId);
    return respondList(
      ctx,
      list.map((t) => {
        const {
          document_id: _d,
          deposit_id: _id,
          deposit_type_id: _type,
          master_id: _m,
          ...transaction
        } = depositTransactionView(ctx.store, t);
        return {
          deposit_transaction: transaction,
          deposit_transaction_type: t.amount >= 0 ? { id: 1, comment: 'Top-up' } : { id: 2, comment: 'Withdrawal' },
        };
      }),
    );
  },

  get_fiscal_transaction_list(ctx) {
    const locationId = idParam(ctx, 'location_id');
    const q = ctx.query;
    const list = entitiesOf(ctx.store, [KKM], String(locationId))
      .map((r) => r.data as KkmTransaction)
      .filter(
        (t) =>
          (q.type === undefined || t.type_id === Number(q.type)) &&
          (q.status === undefined || t.status_id === Number(q.status)) &&
          (q.start_date === undefined || t.print_date.slice(0, 10) >= String(q.start_date)) &&
          (q.end_date === undefined || t.print_date.slice(0, 10) <= String(q.end_date)),
      );
    return respondPage(ctx, list, (t) => kkmView(ctx.store, t));
  },

  /** Sends a document to the fiscal printer: a receipt waiting for the provider's callback. */
  print_fiscal_receipt(ctx) {
    const locationId = idParam(ctx, 'location_id');
    const body = bodyOf(ctx) as { document_id?: number; type?: number };
    const d = ctx.store.get('stockDocuments', Number(body.document_id));
    if (!d || d.location_id !== locationId)
      throw fieldProblem(
        'document_id',
        `document_id ${String(body.document_id)} is not a document of location ${locationId}`,
      );
    const type = Number(body.type ?? 0);
    if (!KKM_TYPES[type]) throw fieldProblem('type', `type must be one of ${Object.keys(KKM_TYPES).join(', ')}`);
    const sum =
      ctx.store.filter('financeTransactions', (t) => t.document_id === d.id).reduce((s, t) => s + t.amount, 0) ||
      ctx.store.filter('goodsTransactions', (t) => t.document_id === d.id).reduce((s, t) => s + t.cost, 0);
    const { record } = insertEntity(ctx.store, KKM, String(locationId), {
      uuid: uuidFor(ctx.store.nextId('records')),
      print_date: wallClock(nowEastern()),
      printed_count: 1,
      sum: Math.round(sum * 100) / 100,
      type_id: type,
      status_id: 2,
      document_id: d.id,
      cashier_id: ctx.user?.id ?? 0,
    });
    const t = record.data as KkmTransaction;
    return respond(ctx, {
      kkm_type: type,
      kkm_transactions: [kkmView(ctx.store, t)],
      status: t.status_id,
      bill_json: [{ uuid: t.uuid, sum: t.sum }],
    });
  },

  /** The fiscal provider's result for a receipt: success or error, by the receipt's request id. */
  handle_fiscalization_callback(ctx) {
    const body = bodyOf(ctx) as { id?: string; status?: string };
    const found = ctx.store
      .list('records')
      .find((r) => r.family === KKM && !r.document && (r.data as KkmTransaction).uuid === body.id);
    if (!found) throw new ApiError(404, `No fiscal receipt is waiting for request ${String(body.id)}.`);
    if (body.status !== 'success' && body.status !== 'error')
      throw fieldProblem('status', 'status must be success or error');
    ctx.store.update('records', found.id, {
      data: { ...(found.data as KkmTransaction), status_id: body.status === 'success' ? 1 : 3 },
    });
    return respond(ctx, null);
  },

  /** The day-end report of one date: appointments, clients, goods, and payments by cash register. */
  get_day_end_report_data(ctx) {
    const locationId = idParam(ctx, 'location_id');
    const date =
      typeof ctx.query.start_date === 'string' ? ctx.query.start_date.slice(0, 10) : nowEastern().slice(0, 10);
    const member = ctx.query.team_member_id === undefined ? undefined : Number(ctx.query.team_member_id);
    const records = ctx.store.filter(
      'appointments',
      (a) =>
        a.location_id === locationId &&
        !a.deleted &&
        a.datetime.slice(0, 10) === date &&
        (member === undefined || a.staff_id === member),
    );
    const visited = records.filter((a) => a.attendance === 1);
    const payments = ctx.store.filter(
      'financeTransactions',
      (t) =>
        t.location_id === locationId &&
        t.date.slice(0, 10) === date &&
        (member === undefined || t.master_id === member),
    );
    const goods = ctx.store.filter(
      'goodsTransactions',
      (t) =>
        t.location_id === locationId &&
        t.type_id === 1 &&
        t.create_date.slice(0, 10) === date &&
        (member === undefined || t.master_id === member),
    );
    const servicesPaid = visited.reduce((sum, a) => sum + a.services.reduce((s, x) => s + x.cost, 0), 0);
    const goodsPaid = goods.reduce((sum, t) => sum + t.cost, 0);
    const clients = new Set(records.map((a) => a.client_id).filter((id) => id !== null));
    const byAccount = new Map<string, number>();
    for (const p of payments) {
      const title = ctx.store.get('accounts', p.account_id)?.title ?? `Register ${p.account_id}`;
      byAccount.set(title, Math.round(((byAccount.get(title) ?? 0) + p.amount) * 100) / 100);
    }
    const discount = visited.reduce((sum, a) => sum + a.services.reduce((s, x) => s + (x.first_cost - x.cost), 0), 0);
    const round = (n: number) => Math.round(n * 100) / 100;
    return respond(ctx, {
      stats: {
        clients: clients.size,
        clients_average: clients.size ? round((servicesPaid + goodsPaid) / clients.size) : 0,
        records: records.length,
        records_average: records.length ? round(servicesPaid / records.length) : 0,
        visit_records: visited.length,
        non_visit_records: records.length - visited.length,
        targets: visited.reduce((sum, a) => sum + a.services.length, 0),
        targets_paid: round(servicesPaid),
        goods: goods.reduce((sum, t) => sum + Math.abs(t.amount), 0),
        goods_paid: round(goodsPaid),
        certificates: 0,
        certificates_paid: 0,
        abonement: 0,
        abonement_paid: 0,
      },
      paids: {
        accounts: [...byAccount].map(([title, amount]) => ({ title, amount })),
        discount: discount ? [{ title: 'Client discount', amount: round(discount) }] : [],
      },
    });
  },
};

function uuidFor(n: number): string {
  const hex = n.toString(16).padStart(12, '0');
  return `5a1d${hex.slice(0, 4)}-0000-4000-8000-${hex}`;
}
