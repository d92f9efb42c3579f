// Every judgement the fidelity test makes about the blueprint, with its reason: actions mapped by hand, actions
// outside the B2B API, and examples we hold to be the blueprint's own mistakes. Nothing is skipped silently: the
// test fails when an entry here no longer applies, so this list stays exactly as long as it must be.
import type { BlueprintAction } from './blueprint';

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

/**
 * Values of a request that stand for things of the blueprint's own business, replaced by the sandbox's (as ids are):
 * by operation id, the body field and why.
 */
export const SANDBOX_REFERENCES: Record<string, { field: string; reason: string }[]> = {
  authorize_user: [
    { field: 'login', reason: "the blueprint's demo user does not exist in the sandbox; its own demo user signs in" },
    { field: 'password', reason: "the password of the sandbox's demo user" },
  ],
  issue_loyalty_card: [
    {
      field: 'phone',
      reason: 'the phone names the client who gets the card; the sandbox issues cards to its own clients only',
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
