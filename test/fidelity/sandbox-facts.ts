// What the sandbox's seed business holds, for the values of a blueprint request that stand for things of the
// blueprint's own business: the client of a sale document, that client's gift card, membership and loyalty card,
// another client's card, a custom field of a category.
import type { SandboxState } from '../../src/sandbox/model';
import { createSeedState } from '../../src/sandbox/seed';

export class SandboxFacts {
  private readonly state: SandboxState = createSeedState();

  constructor(readonly credentials: { login: string; password: string }) {}

  /** The client a stock (sale) document is for. */
  documentClient(documentId: number): number {
    const doc = this.state.collections.stockDocuments.find((d) => d.id === documentId) as { client_id?: number };
    if (!doc?.client_id) throw new Error(`the seed has no client for document ${documentId}`);
    return doc.client_id;
  }

  giftCardOf(clientId: number): number {
    return this.first(
      this.state.collections.giftCards.filter((g) => g.client_id === clientId),
      'gift card',
    );
  }

  membershipOf(clientId: number): number {
    return this.first(
      this.state.collections.memberships.filter((m) => m.client_id === clientId),
      'membership',
    );
  }

  loyaltyCardOf(clientId: number): number {
    return this.first(
      this.state.collections.loyaltyCards.filter((c) => c.client_id === clientId),
      'loyalty card',
    );
  }

  /** The phone of a loyalty card held by someone else (a referrer). */
  otherCardPhone(clientId: number): string {
    const card = this.state.collections.loyaltyCards.find((c) => c.client_id !== clientId);
    if (!card) throw new Error('the seed has no second loyalty card');
    return card.phone;
  }

  giftCardBalance(id: number): number {
    return this.state.collections.giftCards.find((g) => g.id === id)?.balance ?? 0;
  }

  loyaltyCardBalance(id: number): number {
    return this.state.collections.loyaltyCards.find((c) => c.id === id)?.balance ?? 0;
  }

  /** A discount program that applies to the card's type. */
  discountProgramOf(cardId: number): number {
    const card = this.state.collections.loyaltyCards.find((c) => c.id === cardId);
    return this.first(
      this.state.collections.loyaltyPrograms.filter(
        (p) => card !== undefined && p.card_type_ids.includes(card.type_id) && p.loyalty_type.is_discount,
      ),
      `discount program of card ${cardId}`,
    );
  }

  customFieldOf(category: string, locationId: number): number {
    return this.first(
      this.state.collections.customFields.filter((f) => f.category === category && f.location_id === locationId),
      `custom field of ${category}`,
    );
  }

  private first(list: { id: number }[], what: string): number {
    if (!list.length) throw new Error(`the seed has no ${what}`);
    return list[0].id;
  }
}
