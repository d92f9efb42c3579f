// Stock: documents (sales, arrivals, write-offs…) and their goods transactions, which move product amounts in a
// storage; the combined inventory operation; the transaction search; bills of materials (tech cards) and the
// consumables of an appointment's services.
import type { GoodsTransaction, Product, StockDocument } from '../model';
import type { Store } from '../store';
import { compactOffset, nowEastern, wallClock } from '../time';
import { ApiError, fieldProblem } from './errors';
import type { Handler, HandlerContext } from './handler';
import { bodyOf, has, idParam, locationRecord, pathRecord } from './request';
import { respond, respondList } from './responses';
import { respondPage } from './paging';
import { pathShape } from './resources/paths';
import { documentOf, entitiesOf, entityOf, saveDocument } from './resources/records';

export const DOCUMENT_TYPES: Record<number, string> = {
  1: 'Product sale',
  2: 'Service provision',
  3: 'Arrival',
  4: 'Write-off',
  5: 'Transfer',
  6: 'Inventory',
  7: 'Visit',
  8: 'Consumables write-off',
  9: 'Client account top-up',
};
/** Document types whose goods leave the storage (the rest bring goods in). */
const OUTGOING = new Set([1, 2, 4, 7, 8]);
const DATETIME = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}(:\d{2})?$/;
const TECH_CARDS = pathShape('/technological_cards/{location_id}');
const CONSUMABLES = pathShape('/technological_cards/record_consumables/{location_id}/{record_id}');

interface TechCard {
  id: number;
  title: string;
  items: { id: number; storage_id: number; good_id: number; amount: number }[];
}

function documentView(store: Store, d: StockDocument) {
  const storage = store.get('storages', d.storage_id);
  const location = store.get('locations', d.location_id);
  const user = store.get('users', d.user_id);
  return {
    id: d.id,
    type_id: d.type_id,
    type: { id: d.type_id, title: DOCUMENT_TYPES[d.type_id] ?? 'Document' },
    storage_id: d.storage_id,
    user_id: d.user_id,
    company_id: d.location_id,
    number: d.number,
    comment: d.comment,
    create_date: d.create_date,
    storage: storage ? { id: storage.id, title: storage.title } : { id: 0, title: '' },
    company: { id: d.location_id, title: location?.title ?? '' },
    user: { id: user?.id ?? d.user_id, name: user?.name ?? '', phone: (user?.phone ?? '').replace(/^\+/, '') },
  };
}

function unitOf(product: Product | undefined, operationUnitType: number) {
  if (!product) return { id: 0, title: '' };
  return operationUnitType === 2
    ? { id: product.service_unit_id, title: product.service_unit_short_title }
    : { id: product.unit_id, title: product.unit_short_title };
}

export function goodsTransactionView(store: Store, t: GoodsTransaction) {
  const product = store.get('products', t.good_id);
  const storage = store.get('storages', t.storage_id);
  const master = t.master_id ? store.get('staff', t.master_id) : undefined;
  const unit = unitOf(product, t.operation_unit_type);
  return {
    id: t.id,
    document_id: t.document_id,
    type_id: t.type_id,
    type: { id: t.type_id, title: DOCUMENT_TYPES[t.type_id] ?? 'Document' },
    company_id: t.location_id,
    good_id: t.good_id,
    amount: t.amount,
    cost_per_unit: t.cost_per_unit,
    discount: t.discount,
    cost: t.cost,
    unit_id: unit.id,
    operation_unit_type: t.operation_unit_type,
    storage_id: t.storage_id,
    supplier_id: t.supplier_id,
    client_id: t.client_id ?? 0,
    master_id: t.master_id ?? 0,
    create_date: t.create_date,
    last_change_date: t.last_change_date,
    comment: t.comment,
    deleted: false,
    good: { id: t.good_id, title: product?.title ?? '' },
    storage: { id: t.storage_id, title: storage?.title ?? '' },
    master: master ? { id: master.id, name: master.name } : { id: 0, name: '' },
    unit,
  };
}

/** The row of the transaction search (amounts as the decimal strings Altegio sends there). */
function searchRow(store: Store, t: GoodsTransaction) {
  const view = goodsTransactionView(store, t);
  const client = t.client_id ? store.get('clients', t.client_id) : undefined;
  const document = store.get('stockDocuments', t.document_id);
  const record = document?.record_id ? store.get('appointments', document.record_id) : undefined;
  const service = record ? store.get('services', record.services[0]?.id ?? 0) : undefined;
  return {
    id: t.id,
    document_id: t.document_id,
    type_id: t.type_id,
    type: view.type.title,
    good: view.good,
    storage: view.storage,
    unit: view.unit,
    operation_unit_type: t.operation_unit_type,
    create_date: `${t.create_date.replace(' ', 'T')}${compactOffset(nowEastern()).slice(-5)}`,
    cost_per_unit: t.cost_per_unit.toFixed(2),
    cost: t.cost.toFixed(2),
    discount: t.discount.toFixed(2),
    master: { id: view.master.id, title: view.master.name },
    supplier: { id: t.supplier_id, title: t.supplier_id ? 'Supplier' : '' },
    record_id: document?.record_id ?? 0,
    service: { id: service?.id ?? 0, title: service?.title ?? '' },
    clients: client
      ? { id: client.id, name: `${client.name} ${client.surname}`.trim(), phone: `+${client.phone}` }
      : { id: 0, name: '', phone: '' },
  };
}

function documentOfPath(ctx: HandlerContext): StockDocument {
  return pathRecord(
    ctx,
    'stockDocuments',
    'document_id',
    'Document',
    (d) => ctx.pathParams.location_id === undefined || d.location_id === idParam(ctx, 'location_id'),
  );
}

function transactionOf(ctx: HandlerContext): GoodsTransaction {
  return locationRecord(ctx, 'goodsTransactions', 'transaction_id', 'Transaction');
}

function storageOf(ctx: HandlerContext, raw: unknown, field = 'storage_id') {
  const locationId = idParam(ctx, 'location_id');
  const storage = ctx.store.get('storages', Number(raw));
  if (!storage || storage.location_id !== locationId)
    throw fieldProblem(field, `${field} ${String(raw)} is not a storage of location ${locationId}`);
  return storage;
}

function documentFields(
  ctx: HandlerContext,
  body: Record<string, unknown>,
  current?: StockDocument,
): Partial<StockDocument> {
  const fields: Partial<StockDocument> = {};
  if (has(body, 'type_id') && body.type_id !== null) {
    const type = Number(body.type_id);
    if (!DOCUMENT_TYPES[type])
      throw fieldProblem('type_id', `type_id must be one of ${Object.keys(DOCUMENT_TYPES).join(', ')}`);
    fields.type_id = type;
  } else if (!current) throw fieldProblem('type_id', 'type_id is required');
  if (has(body, 'storage_id') && body.storage_id !== null) fields.storage_id = storageOf(ctx, body.storage_id).id;
  else if (!current) throw fieldProblem('storage_id', 'storage_id is required');
  if (has(body, 'create_date') && body.create_date !== null) {
    const date = String(body.create_date);
    if (!DATETIME.test(date)) throw fieldProblem('create_date', 'create_date must look like 2026-03-05 11:05:00');
    fields.create_date = date.length === 16 ? `${date}:00` : date;
  }
  if (has(body, 'comment') && body.comment !== null) fields.comment = String(body.comment);
  return fields;
}

function createDocument(ctx: HandlerContext, body: Record<string, unknown>): StockDocument {
  const locationId = idParam(ctx, 'location_id');
  const numbers = ctx.store.filter('stockDocuments', (d) => d.location_id === locationId).map((d) => d.number);
  return ctx.store.insert('stockDocuments', {
    id: ctx.store.nextId('stockDocuments'),
    location_id: locationId,
    type_id: 1,
    storage_id: 0,
    user_id: ctx.user?.id ?? 0,
    number: Math.max(0, ...numbers) + 1,
    comment: '',
    create_date: wallClock(nowEastern()),
    client_id: null,
    record_id: null,
    visit_id: null,
    ...documentFields(ctx, body),
  });
}

/** Moves `delta` of a product in or out of a storage; stock never goes below zero. */
function moveStock(store: Store, productId: number, storageId: number, delta: number, field: string): void {
  const product = store.get('products', productId);
  // A product that was removed has no stock left to move.
  if (!product) return;
  const current = product.amounts.find((a) => a.storage_id === storageId)?.amount ?? 0;
  const next = Math.round((current + delta) * 1000) / 1000;
  if (next < 0) throw fieldProblem(field, `only ${current} of ${product.title} are in storage ${storageId}`);
  const amounts = product.amounts.some((a) => a.storage_id === storageId)
    ? product.amounts.map((a) => (a.storage_id === storageId ? { ...a, amount: next } : a))
    : [...product.amounts, { storage_id: storageId, amount: next }];
  store.update('products', productId, { amounts });
}

/** A goods transaction from a body, in a document: checked, signed by the document's direction, stock moved. */
function transactionFields(
  ctx: HandlerContext,
  body: Record<string, unknown>,
  document: StockDocument,
  prefix = '',
  current?: GoodsTransaction,
): Omit<GoodsTransaction, 'id'> {
  const locationId = idParam(ctx, 'location_id');
  const goodId = Number(has(body, 'good_id') ? body.good_id : current?.good_id);
  const product = ctx.store.get('products', goodId);
  if (!product || product.location_id !== locationId)
    throw fieldProblem(`${prefix}good_id`, `${prefix}good_id ${goodId} is not a product of location ${locationId}`);
  const amount = Math.abs(Number(has(body, 'amount') ? body.amount : Math.abs(current?.amount ?? 0)));
  if (!amount) throw fieldProblem(`${prefix}amount`, `${prefix}amount must be greater than zero`);
  const signed = OUTGOING.has(document.type_id) ? -amount : amount;
  const ref = (name: 'master_id' | 'client_id', collection: 'staff' | 'clients') => {
    const raw = has(body, name) ? body[name] : current?.[name];
    const id = Number(raw ?? 0);
    if (!id) return null;
    const found = ctx.store.get(collection, id);
    if (!found || found.location_id !== locationId)
      throw fieldProblem(`${prefix}${name}`, `${prefix}${name} ${id} is not known at location ${locationId}`);
    return id;
  };
  const costPerUnit = Number(
    has(body, 'cost_per_unit') ? body.cost_per_unit : (current?.cost_per_unit ?? product.cost),
  );
  const discount = Number(has(body, 'discount') ? body.discount : (current?.discount ?? 0));
  const cost = has(body, 'cost') ? Number(body.cost) : Math.round(amount * costPerUnit * (100 - discount)) / 100;
  if (current) moveStock(ctx.store, current.good_id, current.storage_id, -current.amount, `${prefix}amount`);
  moveStock(ctx.store, product.id, document.storage_id, signed, `${prefix}amount`);
  const now = nowEastern();
  return {
    location_id: locationId,
    document_id: document.id,
    type_id: document.type_id,
    good_id: product.id,
    amount: signed,
    cost_per_unit: costPerUnit,
    discount,
    cost,
    storage_id: document.storage_id,
    client_id: ref('client_id', 'clients'),
    master_id: ref('master_id', 'staff'),
    supplier_id: Number((has(body, 'supplier_id') ? body.supplier_id : current?.supplier_id) ?? 0),
    operation_unit_type: Number(
      (has(body, 'operation_unit_type') ? body.operation_unit_type : current?.operation_unit_type) ?? 1,
    ),
    comment: String((has(body, 'comment') ? body.comment : current?.comment) ?? ''),
    create_date: current?.create_date ?? document.create_date,
    last_change_date: compactOffset(now),
  };
}

function removeTransaction(store: Store, t: GoodsTransaction): void {
  moveStock(store, t.good_id, t.storage_id, -t.amount, 'amount');
  store.remove('goodsTransactions', t.id);
}

function techCards(store: Store, locationId: number): TechCard[] {
  return entitiesOf(store, [TECH_CARDS], String(locationId)).map((r) => r.data as TechCard);
}

function techCardView(store: Store, card: TechCard) {
  return {
    id: card.id,
    title: card.title,
    technological_card_items: card.items.map((item) => {
      const product = store.get('products', item.good_id);
      return {
        id: item.id,
        technological_card_id: card.id,
        storage_id: item.storage_id,
        good_id: item.good_id,
        amount: item.amount,
        unit: product?.service_unit_short_title ?? '',
        price:
          product && product.unit_equals ? Math.round((product.actual_cost / product.unit_equals) * 10000) / 10000 : 0,
        title: product?.title ?? '',
      };
    }),
  };
}

type ServiceConsumables = {
  service_id: number;
  technological_card_ids: number[];
  consumables: { storage_id: number; good_id: number; amount: number }[];
};

/** An appointment's consumables by service: the tech cards linked, and the goods actually used. */
function consumablesOf(ctx: HandlerContext): ServiceConsumables[] {
  const record = ctx.store.get('appointments', idParam(ctx, 'record_id'))!;
  const saved = documentOf(ctx.store, CONSUMABLES, `${record.location_id}/${record.id}`)?.data as
    ServiceConsumables[] | undefined;
  if (saved) return saved;
  // Until changed, each service uses the default tech card of its team member's link.
  return record.services.map((s) => {
    const card = ctx.store.get('services', s.id)?.staff.find((l) => l.id === record.staff_id)?.technological_card_id;
    const items = card ? (techCards(ctx.store, record.location_id).find((c) => c.id === card)?.items ?? []) : [];
    return {
      service_id: s.id,
      technological_card_ids: card ? [card] : [],
      consumables: items.map((i) => ({ storage_id: i.storage_id, good_id: i.good_id, amount: i.amount })),
    };
  });
}

function consumablesView(ctx: HandlerContext, list: ServiceConsumables[]) {
  const recordId = idParam(ctx, 'record_id');
  const cards = techCards(ctx.store, idParam(ctx, 'location_id'));
  return list.map((entry) => ({
    service_id: entry.service_id,
    record_id: recordId,
    technological_cards: cards
      .filter((c) => entry.technological_card_ids.includes(c.id))
      .map((c) => techCardView(ctx.store, c)),
    consumables: entry.consumables.map((c, i) => {
      const product = ctx.store.get('products', c.good_id);
      return {
        goods_transaction_id: recordId * 10 + i,
        record_id: recordId,
        service_id: entry.service_id,
        storage_id: c.storage_id,
        good_id: c.good_id,
        price: product?.cost ?? 0,
        amount: c.amount,
        good: { id: c.good_id, title: product?.title ?? '', unit: product?.service_unit_short_title ?? '' },
      };
    }),
  }));
}

function serviceOfRecord(ctx: HandlerContext, list: ServiceConsumables[]): ServiceConsumables {
  const serviceId = idParam(ctx, 'service_id');
  const entry = list.find((e) => e.service_id === serviceId);
  if (!entry) throw new ApiError(404, `Appointment ${idParam(ctx, 'record_id')} has no service ${serviceId}.`);
  return entry;
}

function saveConsumables(ctx: HandlerContext, list: ServiceConsumables[]) {
  saveDocument(ctx.store, CONSUMABLES, `${idParam(ctx, 'location_id')}/${idParam(ctx, 'record_id')}`, list);
  return respondList(ctx, consumablesView(ctx, list));
}

export const inventoryHandlers: Record<string, Handler> = {
  create_document(ctx) {
    return respond(ctx, documentView(ctx.store, createDocument(ctx, bodyOf(ctx))));
  },

  get_document(ctx) {
    return respond(ctx, documentView(ctx.store, documentOfPath(ctx)));
  },

  update_document(ctx) {
    const d = documentOfPath(ctx);
    return respond(
      ctx,
      documentView(ctx.store, ctx.store.update('stockDocuments', d.id, documentFields(ctx, bodyOf(ctx), d))!),
    );
  },

  /** Removes the document and its goods transactions, putting their stock back. */
  delete_document(ctx) {
    const d = documentOfPath(ctx);
    for (const t of ctx.store.filter('goodsTransactions', (x) => x.document_id === d.id))
      removeTransaction(ctx.store, t);
    ctx.store.remove('stockDocuments', d.id);
    return respond(ctx, null);
  },

  create_transaction(ctx) {
    const body = bodyOf(ctx);
    const d = ctx.store.get('stockDocuments', Number(body.document_id));
    if (!d || d.location_id !== idParam(ctx, 'location_id'))
      throw fieldProblem(
        'document_id',
        `document_id ${String(body.document_id)} is not a document of location ${idParam(ctx, 'location_id')}`,
      );
    const t = ctx.store.insert('goodsTransactions', {
      id: ctx.store.nextId('goodsTransactions'),
      ...transactionFields(ctx, body, d),
    });
    return respond(ctx, goodsTransactionView(ctx.store, t));
  },

  get_transaction(ctx) {
    return respond(ctx, goodsTransactionView(ctx.store, transactionOf(ctx)));
  },

  update_transaction(ctx) {
    const t = transactionOf(ctx);
    const d = ctx.store.get('stockDocuments', t.document_id)!;
    const updated = ctx.store.update('goodsTransactions', t.id, transactionFields(ctx, bodyOf(ctx), d, '', t))!;
    return respond(ctx, goodsTransactionView(ctx.store, updated));
  },

  delete_transaction(ctx) {
    removeTransaction(ctx.store, transactionOf(ctx));
    return respond(ctx, null);
  },

  /** A document and its goods transactions in one call. */
  create_inventory_operation(ctx) {
    const body = bodyOf(ctx);
    const rows = (body.transactions ?? []) as Record<string, unknown>[];
    if (!Array.isArray(rows) || !rows.length)
      throw fieldProblem('transactions', 'transactions must list at least one product');
    const d = createDocument(ctx, body);
    const transactions = rows.map((row, i) =>
      ctx.store.insert('goodsTransactions', {
        id: ctx.store.nextId('goodsTransactions'),
        ...transactionFields(ctx, { master_id: body.master_id, ...row }, d, `transactions[${i}].`),
      }),
    );
    return respond(ctx, {
      document: documentView(ctx.store, d),
      transactions: transactions.map((t) => goodsTransactionView(ctx.store, t)),
    });
  },

  search_for_product_transactions(ctx) {
    const locationId = idParam(ctx, 'location_id');
    const q = ctx.query;
    const changed = (t: GoodsTransaction) => Date.parse(t.last_change_date.replace(/([+-]\d\d)(\d\d)$/, '$1:$2'));
    const list = ctx.store
      .filter(
        'goodsTransactions',
        (t) =>
          t.location_id === locationId &&
          (q.document_id === undefined || t.document_id === Number(q.document_id)) &&
          (q.start_date === undefined || t.create_date.slice(0, 10) >= String(q.start_date)) &&
          (q.end_date === undefined || t.create_date.slice(0, 10) <= String(q.end_date)) &&
          (q.changed_after === undefined || changed(t) >= Date.parse(String(q.changed_after))) &&
          (q.changed_before === undefined || changed(t) <= Date.parse(String(q.changed_before))),
      )
      .sort((a, b) => a.create_date.localeCompare(b.create_date) || a.id - b.id);
    return respondPage(ctx, list, (t) => searchRow(ctx.store, t));
  },

  get_document_product_transactions(ctx) {
    const d = documentOfPath(ctx);
    const list = ctx.store.filter('goodsTransactions', (t) => t.document_id === d.id);
    return respondList(
      ctx,
      list.map((t) => {
        const view = goodsTransactionView(ctx.store, t);
        return {
          id: view.id,
          document_id: view.document_id,
          type_id: view.type_id,
          company_id: view.company_id,
          good_id: view.good_id,
          amount: view.amount,
          cost_per_unit: view.cost_per_unit,
          discount: view.discount,
          cost: view.cost,
          unit_id: view.unit_id,
          operation_unit_type: view.operation_unit_type,
          storage_id: view.storage_id,
          supplier_id: view.supplier_id,
          record_id: d.record_id ?? 0,
          client_id: view.client_id,
          master_id: view.master_id,
          create_date: view.create_date,
          comment: view.comment,
          service_id: 0,
          user_id: d.user_id,
          deleted: false,
          pkg_amount: 0,
        };
      }),
    );
  },

  get_bill_of_materials_list(ctx) {
    const term = typeof ctx.query.search === 'string' ? ctx.query.search.toLowerCase() : '';
    const cards = techCards(ctx.store, idParam(ctx, 'location_id')).filter((c) => c.title.toLowerCase().includes(term));
    return respondPage(ctx, cards, (c) => techCardView(ctx.store, c));
  },

  get_team_member_service_bill_of_materials(ctx) {
    const service = ctx.store.get('services', idParam(ctx, 'service_id'))!;
    const link = service.staff.find((l) => l.id === idParam(ctx, 'team_member_id'));
    if (!link)
      throw new ApiError(404, `Team member ${idParam(ctx, 'team_member_id')} does not provide service ${service.id}.`);
    const card = link.technological_card_id
      ? (entityOf(ctx.store, TECH_CARDS, String(service.location_id), link.technological_card_id)?.data as
          TechCard | undefined)
      : undefined;
    if (!card) throw new ApiError(404, `No bill of materials is set for this team member and service.`);
    return respond(ctx, techCardView(ctx.store, card));
  },

  get_appointment_consumables(ctx) {
    return respondList(ctx, consumablesView(ctx, consumablesOf(ctx)));
  },

  create_technological_cards_record_consumables_technological_cards(ctx) {
    const list = consumablesOf(ctx);
    const entry = serviceOfRecord(ctx, list);
    const cardId = Number(bodyOf(ctx).technological_card_id);
    const card = techCards(ctx.store, idParam(ctx, 'location_id')).find((c) => c.id === cardId);
    if (!card)
      throw fieldProblem(
        'technological_card_id',
        `technological_card_id ${cardId} is not a bill of materials of this location`,
      );
    const updated = {
      ...entry,
      technological_card_ids: [...new Set([...entry.technological_card_ids, card.id])],
      consumables: [
        ...entry.consumables,
        ...card.items.map((i) => ({ storage_id: i.storage_id, good_id: i.good_id, amount: i.amount })),
      ],
    };
    return saveConsumables(
      ctx,
      list.map((e) => (e === entry ? updated : e)),
    );
  },

  unlink_appointment_service_association(ctx) {
    const list = consumablesOf(ctx);
    const entry = serviceOfRecord(ctx, list);
    if (!entry.technological_card_ids.length)
      throw new ApiError(404, `No bill of materials is linked to service ${entry.service_id} of this appointment.`);
    return saveConsumables(
      ctx,
      list.map((e) => (e === entry ? { ...e, technological_card_ids: [], consumables: [] } : e)),
    );
  },

  update_appointment_service_consumables(ctx) {
    const list = consumablesOf(ctx);
    const entry = serviceOfRecord(ctx, list);
    const locationId = idParam(ctx, 'location_id');
    const rows = (bodyOf(ctx).consumables ?? []) as { storage_id?: number; good_id?: number; amount?: number }[];
    const consumables = rows.map((row, i) => {
      const product = ctx.store.get('products', Number(row.good_id));
      if (!product || product.location_id !== locationId)
        throw fieldProblem(
          `consumables[${i}].good_id`,
          `consumables[${i}].good_id ${String(row.good_id)} is not a product of location ${locationId}`,
        );
      const storage = storageOf(ctx, row.storage_id, `consumables[${i}].storage_id`);
      const amount = Number(row.amount ?? 0);
      if (!(amount > 0))
        throw fieldProblem(`consumables[${i}].amount`, `consumables[${i}].amount must be greater than zero`);
      return { storage_id: storage.id, good_id: product.id, amount };
    });
    return saveConsumables(
      ctx,
      list.map((e) => (e === entry ? { ...e, consumables } : e)),
    );
  },
};
