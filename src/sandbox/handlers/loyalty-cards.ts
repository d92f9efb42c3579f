// Loyalty cards: issue, list by phone or by client, delete, and manual deposits/withdrawals from a location or
// the chain. Cards belong to a chain and a phone number; programs come from the card's type.
import type { Location, LoyaltyCard, LoyaltyCardType, LoyaltyProgram } from '../model';
import type { Store } from '../store';
import { nowEastern } from '../time';
import { clientByPhone } from './client-view';
import { fieldProblem, notFound } from './errors';
import type { Handler, HandlerContext } from './handler';
import { bodyOf, idParam, pathRecord, phoneDigits } from './request';
import { respond, respondList } from './responses';

/** What every view of a loyalty program starts with: its name, what it gives and to whom. */
export function programBasics(p: LoyaltyProgram) {
  return {
    id: p.id,
    title: p.title,
    value: p.value,
    loyalty_type_id: p.loyalty_type.id,
    item_type_id: p.item_type_id,
    value_unit_id: p.value_unit_id,
    group_id: p.chain_id,
    loyalty_type: p.loyalty_type,
  };
}

export function programRuleViews(p: LoyaltyProgram) {
  return p.rules.map((r) => ({
    id: r.id,
    loyalty_program_id: p.id,
    loyalty_type_id: p.loyalty_type.id,
    value: r.value,
    parameter: r.parameter,
  }));
}

/** The programs of a card type, as a card shows them: without the program's limits and allowed items. */
export function programViews(store: Store, typeId: number) {
  return store
    .filter('loyaltyPrograms', (p) => p.card_type_ids.includes(typeId))
    .map((p) => ({ ...programBasics(p), rules: programRuleViews(p) }));
}

export function cardView(store: Store, card: LoyaltyCard) {
  const type = store.get('loyaltyCardTypes', card.type_id);
  const chain = store.get('chains', card.chain_id);
  return {
    id: card.id,
    balance: card.balance,
    points: card.points,
    paid_amount: card.paid_amount,
    sold_amount: card.sold_amount,
    visits_count: card.visits_count,
    number: card.number,
    type_id: card.type_id,
    salon_group_id: card.chain_id,
    type: { id: card.type_id, title: type?.title ?? 'Deleted card type', salon_group_id: card.chain_id },
    salon_group: { id: card.chain_id, title: chain?.title ?? '' },
    programs: programViews(store, card.type_id),
  };
}

function locationOf(ctx: HandlerContext): Location {
  const id = idParam(ctx, 'location_id');
  const location = ctx.store.get('locations', id);
  if (!location) throw notFound('Location', id);
  return location;
}

/** A card of the chain the path names (directly or through a location). */
function cardInChain(ctx: HandlerContext, chainId: number): LoyaltyCard {
  return pathRecord(ctx, 'loyaltyCards', 'card_id', 'Loyalty card', (c) => c.chain_id === chainId);
}

function cardsOfPhone(store: Store, chainId: number, phone: string): LoyaltyCard[] {
  const digits = phoneDigits(phone);
  return store.filter('loyaltyCards', (c) => c.chain_id === chainId && c.phone === digits);
}

/** Adds a manual transaction to a card; a withdrawal may not take the balance below zero. */
function manualTransaction(ctx: HandlerContext, card: LoyaltyCard, locationId: number | null) {
  const { amount, title } = bodyOf(ctx) as { amount: number; title?: string | null };
  if (amount === 0) throw fieldProblem('amount', 'amount must not be zero');
  const balance = Math.round((card.balance + amount) * 100) / 100;
  if (balance < 0)
    throw fieldProblem(
      'amount',
      `amount ${amount} would take the balance of card ${card.number} below zero (balance ${card.balance})`,
    );
  ctx.store.insert('loyaltyTransactions', {
    id: ctx.store.nextId('loyaltyTransactions'),
    card_id: card.id,
    chain_id: card.chain_id,
    location_id: locationId,
    amount,
    title: title ?? (amount > 0 ? 'Manual deposit' : 'Manual withdrawal'),
    type_id: 10,
    program_id: null,
    created_date: nowEastern(),
  });
  return respond(ctx, cardView(ctx.store, ctx.store.update('loyaltyCards', card.id, { balance })!));
}

function cardTypeOf(ctx: HandlerContext, location: Location, raw: string): LoyaltyCardType {
  const type = ctx.store.get('loyaltyCardTypes', Number(raw));
  if (!type || type.chain_id !== location.chain_id) {
    throw fieldProblem(
      'loyalty_card_type_id',
      `loyalty_card_type_id ${raw} is not a card type of chain ${location.chain_id}`,
    );
  }
  return type;
}

export const loyaltyCardHandlers: Record<string, Handler> = {
  /**
   * Issues a card to an existing client of the location. Unlike an appointment, issuing never creates a client:
   * a mistyped phone would otherwise create a stranger holding a card, so it is a 422 on `phone` instead.
   */
  issue_loyalty_card(ctx) {
    const location = locationOf(ctx);
    const body = bodyOf(ctx) as { loyalty_card_number: string; loyalty_card_type_id: string; phone: number };
    const type = cardTypeOf(ctx, location, body.loyalty_card_type_id);
    const number = body.loyalty_card_number.trim();
    if (!number) throw fieldProblem('loyalty_card_number', 'loyalty_card_number must not be empty');
    const client = clientByPhone(ctx.store, location.id, body.phone);
    if (!client) {
      throw fieldProblem(
        'phone',
        `phone ${body.phone} is not the phone of a client of location ${location.id}; create the client first`,
      );
    }
    if (ctx.store.find('loyaltyCards', (c) => c.chain_id === location.chain_id && c.number === number)) {
      throw fieldProblem(
        'loyalty_card_number',
        `loyalty_card_number ${number} is already used by another card in this chain`,
      );
    }
    const card = ctx.store.insert('loyaltyCards', {
      id: ctx.store.nextId('loyaltyCards'),
      chain_id: location.chain_id,
      location_id: location.id,
      client_id: client.id,
      phone: client.phone,
      number,
      type_id: type.id,
      balance: 0,
      points: 0,
      paid_amount: 0,
      sold_amount: 0,
      visits_count: 0,
      created_date: nowEastern(),
    });
    return respond(ctx, cardView(ctx.store, card));
  },

  get_loyalty_card_list_by_phone(ctx) {
    const location = locationOf(ctx);
    const chainId = idParam(ctx, 'chain_id');
    if (location.chain_id !== chainId) throw notFound(`Location ${location.id} in chain`, chainId);
    const cards = cardsOfPhone(ctx.store, chainId, String(ctx.pathParams.phone));
    return respondList(
      ctx,
      cards.map((c) => cardView(ctx.store, c)),
    );
  },

  get_loyalty_card_list_by_client_id(ctx) {
    const id = idParam(ctx, 'client_id');
    const client = ctx.store.get('clients', id);
    // A client of a location that was removed is gone with it.
    const location = client && ctx.store.get('locations', client.location_id);
    if (!location) throw notFound('Client', id);
    const chainId = location.chain_id;
    return respondList(
      ctx,
      cardsOfPhone(ctx.store, chainId, client.phone).map((c) => cardView(ctx.store, c)),
    );
  },

  remove_loyalty_card(ctx) {
    const card = cardInChain(ctx, locationOf(ctx).chain_id);
    ctx.store.remove('loyaltyCards', card.id);
    return respond(ctx, null);
  },

  create_loyalty_card_transaction(ctx) {
    const location = locationOf(ctx);
    return manualTransaction(ctx, cardInChain(ctx, location.chain_id), location.id);
  },

  create_chain_loyalty_card_transaction(ctx) {
    const chainId = idParam(ctx, 'chain_id');
    if (!ctx.store.get('chains', chainId)) throw notFound('Chain', chainId);
    return manualTransaction(ctx, cardInChain(ctx, chainId), null);
  },

  get_loyalty_card_type_list(ctx) {
    const location = locationOf(ctx);
    return respondList(
      ctx,
      cardTypesOf(ctx.store, location.chain_id).map((t) => cardTypeView(ctx.store, t)),
    );
  },

  /** The card types the client can still be given: those of the chain they hold no card of. */
  get_loyalty_card_type_list_for_client(ctx) {
    const location = locationOf(ctx);
    const held = new Set(
      cardsOfPhone(ctx.store, location.chain_id, String(ctx.pathParams.phone)).map((c) => c.type_id),
    );
    const types = cardTypesOf(ctx.store, location.chain_id).filter((t) => !held.has(t.id));
    return respondList(
      ctx,
      types.map((t) => cardTypeView(ctx.store, t)),
    );
  },

  get_chain_loyalty_card_type_list(ctx) {
    const chainId = idParam(ctx, 'chain_id');
    if (!ctx.store.get('chains', chainId)) throw notFound('Chain', chainId);
    return respondList(
      ctx,
      cardTypesOf(ctx.store, chainId).map((t) => ({ id: t.id, title: t.title })),
    );
  },
};

function cardTypesOf(store: Store, chainId: number): LoyaltyCardType[] {
  return store.filter('loyaltyCardTypes', (t) => t.chain_id === chainId);
}

function cardTypeView(store: Store, type: LoyaltyCardType) {
  return {
    id: type.id,
    title: type.title,
    salon_group_id: type.chain_id,
    salon_group: { id: type.chain_id, title: store.get('chains', type.chain_id)?.title ?? '' },
  };
}
