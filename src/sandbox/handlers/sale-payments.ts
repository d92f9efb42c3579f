// Paying a sale document with loyalty: a loyalty card's balance, a gift card, a membership visit, a loyalty
// program's discount or a referral. Each payment is a loyalty transaction of the document that remembers what it
// drew on, so taking it back restores the card, gift card or membership.
import type { Entities, LoyaltyTransaction, StockDocument } from '../model';
import { nowEastern } from '../time';
import { ApiError, fieldProblem } from './errors';
import type { HandlerContext } from './handler';
import { phoneDigits } from './request';

export interface LoyaltyMethod {
  slug?: string;
  loyalty_card_id?: number;
  loyalty_certificate_id?: number;
  loyalty_abonement_id?: number;
  loyalty_program_id?: number;
}

export interface LoyaltyPayment {
  method?: LoyaltyMethod;
  amount?: number;
  number?: string;
  referrer_phone?: string;
}

export const LOYALTY_SLUGS = [
  'loyalty_card',
  'loyalty_certificate',
  'loyalty_abonement',
  'loyalty_program',
  'referral_loyalty_program',
];
const TYPE_OF: Record<string, { id: number; title: string }> = {
  loyalty_card: { id: 3, title: 'Card withdrawal' },
  loyalty_certificate: { id: 8, title: 'Gift card withdrawal' },
  loyalty_abonement: { id: 9, title: 'Membership use' },
  loyalty_program: { id: 1, title: 'Promotion discount' },
  referral_loyalty_program: { id: 4, title: 'Referral accrual' },
};

function round(n: number): number {
  return Math.round(n * 100) / 100;
}

/** The holder's phone: a loyalty payment must use something of the document's client. */
function clientPhone(ctx: HandlerContext, d: StockDocument): string {
  const client = d.client_id ? ctx.store.get('clients', d.client_id) : undefined;
  if (!client) throw fieldProblem('payment.method', `document ${d.id} has no client to pay with loyalty`);
  return client.phone;
}

function positive(amount: unknown): number {
  const n = Number(amount);
  if (!(n > 0)) throw fieldProblem('payment.amount', 'payment.amount must be greater than zero');
  return n;
}

/** Carries out a loyalty payment of `due` (what the document still owes) and records it. */
export function payWithLoyalty(ctx: HandlerContext, d: StockDocument, payment: LoyaltyPayment, due: number): void {
  const slug = payment.method?.slug ?? '';
  const chainId = ctx.store.get('locations', d.location_id)!.chain_id;
  const phone = clientPhone(ctx, d);
  const holders = new Set(ctx.store.filter('clients', (c) => c.phone === phone).map((c) => c.id));
  let amount = 0;
  let cardId = 0;
  let programId: number | null = null;
  let drawn: LoyaltyTransaction['drawn_from'] = null;
  /** The client's gift card or membership the method names (by id, or the payment's number), else a 422. */
  const held = <K extends 'giftCards' | 'memberships'>(
    holdings: K,
    idField: 'loyalty_certificate_id' | 'loyalty_abonement_id',
    what: string,
  ): Entities[K] => {
    const id = Number(payment.method?.[idField]);
    const found = ctx.store.find(
      holdings,
      (x) => (x.id === id || (!!payment.number && x.number === payment.number)) && x.chain_id === chainId,
    );
    const field = `payment.method.${idField}`;
    if (!found || !holders.has(found.client_id))
      throw fieldProblem(field, `${field} is not ${what} of the document's client`);
    return found;
  };
  if (slug === 'loyalty_card' || slug === 'loyalty_program') {
    const card = ctx.store.get('loyaltyCards', Number(payment.method?.loyalty_card_id));
    if (!card || card.chain_id !== chainId || card.phone !== phone)
      throw fieldProblem(
        'payment.method.loyalty_card_id',
        "payment.method.loyalty_card_id is not a card of the document's client",
      );
    cardId = card.id;
    if (slug === 'loyalty_card') {
      amount = positive(payment.amount);
      if (card.balance < amount) throw fieldProblem('payment.amount', `card ${card.number} holds only ${card.balance}`);
      ctx.store.update('loyaltyCards', card.id, { balance: round(card.balance - amount) });
      drawn = { kind: 'card', id: card.id, amount };
    } else {
      const program = ctx.store.get('loyaltyPrograms', Number(payment.method?.loyalty_program_id));
      if (!program || !program.card_type_ids.includes(card.type_id) || !program.loyalty_type.is_discount)
        throw fieldProblem(
          'payment.method.loyalty_program_id',
          `payment.method.loyalty_program_id is not a discount program of card ${card.number}`,
        );
      programId = program.id;
      amount = round((due * program.value) / 100);
    }
  } else if (slug === 'loyalty_certificate') {
    const gift = held('giftCards', 'loyalty_certificate_id', 'a gift card');
    amount = positive(payment.amount);
    if (gift.balance < amount)
      throw fieldProblem('payment.amount', `gift card ${gift.number} holds only ${gift.balance}`);
    ctx.store.update('giftCards', gift.id, { balance: round(gift.balance - amount) });
    drawn = { kind: 'gift_card', id: gift.id, amount };
  } else if (slug === 'loyalty_abonement') {
    const m = held('memberships', 'loyalty_abonement_id', 'a membership');
    if (m.is_frozen || m.remaining_visits < 1)
      throw fieldProblem('payment.method.loyalty_abonement_id', `membership ${m.number} has no visit left to use`);
    ctx.store.update('memberships', m.id, { remaining_visits: m.remaining_visits - 1 });
    amount = due;
    drawn = { kind: 'membership', id: m.id, amount: 1 };
  } else if (slug === 'referral_loyalty_program') {
    const referrer = phoneDigits(payment.referrer_phone);
    const card = ctx.store.find('loyaltyCards', (c) => c.chain_id === chainId && c.phone === referrer);
    if (!card || referrer === phone)
      throw fieldProblem(
        'payment.referrer_phone',
        "payment.referrer_phone must be the phone of another client's loyalty card",
      );
    cardId = card.id;
    amount = round(due * 0.05);
    ctx.store.update('loyaltyCards', card.id, { balance: round(card.balance + amount) });
    drawn = { kind: 'card', id: card.id, amount: -amount };
  } else {
    throw new ApiError(422, `payment.method.slug must be one of account, deposit, ${LOYALTY_SLUGS.join(', ')}`);
  }
  ctx.store.insert('loyaltyTransactions', {
    id: ctx.store.nextId('loyaltyTransactions'),
    card_id: cardId,
    chain_id: chainId,
    location_id: d.location_id,
    amount,
    title: TYPE_OF[slug].title,
    type_id: TYPE_OF[slug].id,
    program_id: programId,
    created_date: nowEastern(),
    record_id: d.record_id,
    document_id: d.id,
    drawn_from: drawn,
  });
}

/** Takes a loyalty payment back: the card, gift card or membership gets what it gave. */
export function undoLoyaltyPayment(ctx: HandlerContext, t: LoyaltyTransaction): void {
  const drawn = t.drawn_from;
  if (drawn?.kind === 'card') {
    const card = ctx.store.get('loyaltyCards', drawn.id);
    if (card) ctx.store.update('loyaltyCards', card.id, { balance: round(card.balance + drawn.amount) });
  } else if (drawn?.kind === 'gift_card') {
    const gift = ctx.store.get('giftCards', drawn.id);
    if (gift) ctx.store.update('giftCards', gift.id, { balance: round(gift.balance + drawn.amount) });
  } else if (drawn?.kind === 'membership') {
    const m = ctx.store.get('memberships', drawn.id);
    if (m) ctx.store.update('memberships', m.id, { remaining_visits: m.remaining_visits + drawn.amount });
  }
  ctx.store.remove('loyaltyTransactions', t.id);
}
