// Every judgement the fidelity test makes about the blueprint, with its reason: actions mapped by hand, actions
// outside the B2B API, and examples we hold to be the blueprint's own mistakes. Nothing is skipped silently: the
// test fails when an entry here no longer applies, so this list stays exactly as long as it must be.
import type { BlueprintAction } from './blueprint';
import type { SandboxFacts } from './sandbox-facts';

/** Actions whose path differs from Altegio's, mapped to our operation by method and path. */
export const ACTION_ALIASES: Record<string, { method: string; path: string; reason: string }> = {
  'GET /loyality/card_types/client/{company_id}/{phone}': {
    method: 'GET',
    path: '/loyalty/card_types/client/{location_id}/{phone}',
    reason: 'the blueprint spells the path "loyality"; Altegio documents "loyalty"',
  },
  'PUT /comments/{company_id}/': {
    method: 'PUT',
    path: '/comments/{location_id}/{team_member_id}/{comment_id}',
    reason: "the action inherits the list's template; its own parameters name staff_id and comment_id",
  },
  'DELETE /comments/{company_id}/': {
    method: 'DELETE',
    path: '/comments/{location_id}/{team_member_id}/{comment_id}',
    reason: "the action inherits the list's template; its own parameters name staff_id and comment_id",
  },
};

const PUBLIC_BOOKING =
  /^\/(bookform|i18n|book_services|book_staff|book_dates|book_times|book_staff_seances|book_code|book_check|book_record|user\/auth|user\/records)\b/;

/** Actions that are not operations of Altegio's B2B API v1. */
export const OUT_OF_SCOPE: { test: (a: BlueprintAction) => boolean; reason: string }[] = [
  {
    test: (a) => PUBLIC_BOOKING.test(a.path) || /^\/activity\/\{[^}]+\}\/\{[^}]+\}\/book$/.test(a.path),
    reason: "Altegio's public online-booking API (its own document on the same host, partner token only), not B2B v1",
  },
  {
    test: (a) => a.path === '/' || a.path.startsWith('/https:'),
    reason: "an endpoint the partner implements (SMS gateway, fiscal register) that Altegio calls, not Altegio's API",
  },
];

/** What a reference is resolved from: the sandbox's seed business and the request as built so far. */
export interface ReferenceContext {
  facts: SandboxFacts;
  pathParams: Record<string, string>;
  /** Our document's example body for the operation. */
  ours: Record<string, unknown>;
  /** The body as built so far. */
  body: unknown;
}

const client = (c: ReferenceContext) => c.facts.documentClient(Number(c.pathParams.document_id));
const slug = (c: ReferenceContext) =>
  ((c.body as { payment?: { method?: { slug?: string } } }).payment?.method?.slug ?? '') as string;

/**
 * Values of a request that stand for things of the blueprint's own business, replaced by the sandbox's as ids are
 * (ids themselves are replaced by test/unit/sandbox-seed-ids.ts): by operation id, where (`body.a.b` or
 * `path.name`), why, and the sandbox's value.
 */
export const SANDBOX_REFERENCES: Record<
  string,
  { at: string; reason: string; value: (c: ReferenceContext) => unknown }[]
> = {
  authorize_user: [
    {
      at: 'body.login',
      reason: "the blueprint's demo user does not exist in the sandbox; its own demo user signs in",
      value: (c) => c.facts.credentials.login,
    },
    { at: 'body.password', reason: "the sandbox demo user's password", value: (c) => c.facts.credentials.password },
  ],
  issue_loyalty_card: [
    {
      at: 'body.phone',
      reason: 'the phone names the client who gets the card; the sandbox issues cards to its own clients only',
      value: (c) => c.ours.phone,
    },
  ],
  create_appointment: [
    {
      at: 'body.datetime',
      reason:
        "the blueprint books 12:00 at UTC+04:00, 03:00 in the sandbox's New York business, outside the team member's hours (refused, as Altegio does); our example's time instead",
      value: (c) => c.ours.datetime,
    },
  ],
  update_appointment: [
    {
      at: 'body.datetime',
      reason:
        "the blueprint books 12:00 at UTC+04:00, 03:00 in the sandbox's New York business, outside the team member's hours (refused, as Altegio does); our example's time instead",
      value: (c) => c.ours.datetime,
    },
  ],
  apply_referral_program: [
    {
      at: 'body.referrer_phone',
      reason: 'the referrer is named by the phone of a loyalty card in the chain; the sandbox has its own',
      value: (c) => c.ours.referrer_phone,
    },
  ],
  create_payment_with_loyalty_methods: [
    {
      at: 'body.payment.method.loyalty_certificate_id',
      reason: "a gift card of the sale document's client",
      value: (c) => c.facts.giftCardOf(client(c)),
    },
    {
      at: 'body.payment.method.loyalty_abonement_id',
      reason: "a membership of the sale document's client",
      value: (c) => c.facts.membershipOf(client(c)),
    },
    {
      at: 'body.payment.method.loyalty_card_id',
      reason: "a loyalty card of the sale document's client",
      value: (c) => c.facts.loyaltyCardOf(client(c)),
    },
    {
      at: 'body.payment.method.loyalty_program_id',
      reason: "a discount program of the client's card type (a referral program keeps the blueprint's id)",
      value: (c) =>
        slug(c) === 'loyalty_program'
          ? c.facts.discountProgramOf(c.facts.loyaltyCardOf(client(c)))
          : (c.body as { payment: { method: { loyalty_program_id: unknown } } }).payment.method.loyalty_program_id,
    },
    {
      at: 'body.payment.amount',
      reason: "what the client's gift card or loyalty card holds, at most (the blueprint's balances are its own)",
      value: (c) => {
        const amount = Number((c.body as { payment: { amount: unknown } }).payment.amount);
        if (slug(c) === 'loyalty_certificate')
          return Math.min(amount, c.facts.giftCardBalance(c.facts.giftCardOf(client(c))));
        if (slug(c) === 'loyalty_card')
          return Math.min(amount, c.facts.loyaltyCardBalance(c.facts.loyaltyCardOf(client(c))));
        return amount;
      },
    },
    {
      at: 'body.payment.referrer_phone',
      reason: "the referrer is named by the phone of another client's loyalty card",
      value: (c) => c.facts.otherCardPhone(client(c)),
    },
  ],
  update_custom_field: [
    {
      at: 'path.field_id',
      reason: 'a custom field of the category the path names (the blueprint edits a record field)',
      value: (c) => c.facts.customFieldOf(c.pathParams.field_category, Number(c.pathParams.location_id)),
    },
  ],
  delete_custom_field: [
    {
      at: 'path.field_id',
      reason: 'a custom field of the category the path names (the blueprint removes a record field)',
      value: (c) => c.facts.customFieldOf(c.pathParams.field_category, Number(c.pathParams.location_id)),
    },
  ],
};

/**
 * Request examples we hold to be mistakes of the blueprint, by `METHOD /path · request N` (N counts from 1 within
 * the action). The test fails if one of these is accepted after all.
 */
export const REQUEST_ERRORS: Record<string, string> = {
  'POST /services/{company_id} · request 1': 'not JSON: a stray quote in "id": 1796", inside staff[]',
  'PUT /services/{company_id}/{service_id} · request 1': 'not JSON: a stray quote in "id": 1796", inside staff[]',
  'POST /images/{entity} · request 1':
    'the blueprint shows no body for this multipart upload (the image file), so there is nothing to send as documented',
};

const NOT_JSON = 'not JSON';

/** Response examples we hold to be mistakes of the blueprint, by `METHOD /path · response N (status)`. */
export const RESPONSE_ERRORS: Record<string, string> = {
  'GET /company/{id}/ · response 1 (200)': `${NOT_JSON}: the "address" string is never closed`,
  'GET /company/{company_id}/staff/{staff_id} · response 2 (403)': `${NOT_JSON}: meta.message is not quoted`,
  'GET /company/{company_id}/staff/{staff_id} · response 3 (404)': `${NOT_JSON}: meta.message is not quoted`,
  'GET /company/{company_id}/staff/{staff_id} · response 4 (404)': `${NOT_JSON}: meta.message is not quoted`,
  'GET /company/{company_id}/staff/{staff_id} · response 5 (404)': `${NOT_JSON}: meta.message is not quoted`,
  'GET /staff/{company_id}/{staff_id} · response 1 (200)': `${NOT_JSON}: the list of team members breaks off after the first one`,
  'GET /resources/{company_id} · response 1 (200)': `${NOT_JSON}: objects side by side without the envelope or the list's brackets`,
  'GET /loyalty/card_types/salon/{company_id} · response 1 (200)': `${NOT_JSON}: objects side by side without the envelope or the list's brackets`,
  'GET /labels/{company_id}/clients · response 1 (200)': `${NOT_JSON}: "data" holds objects without keys (a list written with braces)`,
  'GET /groups · response 1 (200)': `${NOT_JSON}: one closing brace is missing`,
  'GET /goods/category_node/{company_id}/{category_id} · response 1 (200)':
    'the example leaves out "meta", which the blueprint itself says every answer of the v2 format carries',
};

/** Statuses the blueprint documents that we do not, by `METHOD /path · status N`, with the decision. */
export const STATUS_DECISIONS: Record<string, string> = {
  'DELETE /loyalty/cards/{company_id}/{card_id} · status 200':
    'Altegio documents 204 for this operation of the brief, kept exact; the blueprint shows an empty 200',
};
