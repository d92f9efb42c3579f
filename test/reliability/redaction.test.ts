// The redaction property: a random token placed in any position a credential travels in — an Authorization header
// (Bearer, User), a bare "User <token>", a JSON key (authorization, user_token, partner_token, password, userToken),
// a query parameter (token, userToken, apikey), a URL-encoded form, or anywhere as a secret the extension knows —
// never reaches a log line, a history entry, an error message or an export with 8 or more of its characters
// together. Error messages come from the real response parser, also for bodies cut off at a random point.
import * as assert from 'assert';
import fc from 'fast-check';
import { getCatalog } from '../../src/api/catalog';
import { CODE_LANGUAGES, toCode } from '../../src/api/code-export';
import { toCurl, toHttpFile } from '../../src/api/export';
import type { PreparedRequest } from '../../src/api/http-types';
import { redactSecrets } from '../../src/api/redact';
import { maskRequest } from '../../src/api/request-builder';
import { parseResponse } from '../../src/api/response-parser';
import { keepable } from '../../src/api/sensitive';
import { longestLeak } from '../unit/helpers/leaks';
import { count, most } from './figures';
import { PROFILE } from './profile';

const RUNS = PROFILE.redactionPlacements;
const LEAK = 8;
const tokenArb = fc.stringMatching(/^[A-Za-z0-9_-]{16,48}$/);
const auth = getCatalog().requireOperation('authorize_user');

interface Position {
  name: string;
  /** The token in running text, as a server, a log line or a message would carry it. */
  text: (t: string) => string;
  /** Whether the extension knows the token (it is in use) — then it is also passed as a secret. */
  known?: boolean;
}

const POSITIONS: Position[] = [
  { name: 'Authorization: Bearer', text: (t) => `Authorization: Bearer ${t}` },
  { name: 'Authorization: Bearer, User', text: (t) => `Authorization: Bearer p4rtn3rXYZ123456, User ${t}` },
  { name: 'Authorization: User', text: (t) => `Authorization: User ${t}` },
  { name: 'authorization: (lower case)', text: (t) => `authorization: ${t}` },
  { name: 'bare User', text: (t) => `the token of User ${t} has expired` },
  { name: 'JSON authorization', text: (t) => `{"authorization":"Bearer ${t}"}` },
  { name: 'JSON user_token', text: (t) => `{"id":1,"user_token":"${t}","name":"x"}` },
  { name: 'JSON partner_token', text: (t) => `{"partner_token": "${t}"}` },
  { name: 'JSON password', text: (t) => `{"login":"demo","password":"${t}"}` },
  { name: 'JSON userToken', text: (t) => `{"userToken":"${t}"}` },
  { name: 'escaped JSON', text: (t) => JSON.stringify(JSON.stringify({ user_token: t })) },
  { name: 'query token=', text: (t) => `GET https://api.alteg.io/api/v1/x?token=${t}&page=2` },
  { name: 'query userToken=', text: (t) => `/api/v1/x?page=1&userToken=${t}` },
  { name: 'query apikey=', text: (t) => `see /x?apikey=${t}` },
  { name: 'URL-encoded form', text: (t) => `login=demo%40x.io&password=${encodeURIComponent(t)}&remember=1` },
  { name: 'known secret', text: (t) => `upstream said ${t}!`, known: true },
];

const placementArb = fc.record({
  token: tokenArb,
  position: fc.constantFrom(...POSITIONS),
  /** Where a cut-off body ends (as a fraction of its length). */
  cut: fc.double({ min: 0.2, max: 1, noNaN: true }),
  padding: fc.nat({ max: 400 }),
});

function request(overrides: Partial<PreparedRequest>): PreparedRequest {
  return {
    operationId: auth.id,
    method: 'POST',
    url: 'https://api.alteg.io/api/v1/auth',
    path: '/auth',
    headers: { Accept: 'application/vnd.api.v2+json', Authorization: 'Bearer partnerToken123' },
    ...overrides,
  };
}

/** The error message the parser makes of an answer carrying `text` (in meta, field errors, or a cut-off body). */
function errorMessages(text: string, cut: number, secrets: string[]): string[] {
  const messages: string[] = [];
  const answers: [number, string][] = [
    [401, JSON.stringify({ success: false, data: null, meta: { message: text } })],
    [422, JSON.stringify({ success: false, data: null, meta: { message: 'x', errors: { login: [text] } } })],
    [200, JSON.stringify({ success: false, data: null, meta: { message: text } })],
  ];
  const body = `{"success":true,"data":${text.startsWith('{') ? text : JSON.stringify(text)}}`;
  answers.push([200, body.slice(0, Math.max(1, Math.floor(body.length * cut)) - (cut === 1 ? 1 : 0))]);
  for (const [status, raw] of answers) {
    try {
      parseResponse(
        {
          status,
          statusText: '',
          headers: { 'content-type': 'application/json' },
          bytes: new TextEncoder().encode(raw),
          durationMs: 1,
        },
        { operation: auth, request: maskRequest(request({})), attempts: 1, nowMs: Date.now(), secrets },
      );
    } catch (e) {
      messages.push((e as Error).message);
    }
  }
  return messages;
}

/** Exports of requests carrying the token in the Authorization header, a query parameter, a header or the body. */
function exports(token: string, text: string): string[] {
  const requests = [
    request({ headers: { Authorization: `Bearer ${token}, User ${token}` } }),
    request({
      method: 'GET',
      url: `https://api.alteg.io/api/v1/x?page=2&token=${token}&userToken=${token}&apikey=${token}`,
    }),
    request({ headers: { Authorization: 'Bearer x1234567', 'X-Api-Key': token } }),
    request({ body: JSON.stringify({ login: 'demo', password: token }) }),
  ];
  // The position itself as a body, when it is one (a JSON object, or a form).
  const start = text.indexOf('{');
  if (start >= 0 && !text.startsWith('"')) {
    try {
      requests.push(request({ body: JSON.stringify(JSON.parse(text.slice(start))) }));
    } catch {
      // Not a JSON body.
    }
  }
  if (text.includes('password=')) requests.push(request({ body: text.slice(text.indexOf('login=')) }));
  return requests.flatMap((r) => [
    toCurl(r),
    toHttpFile(r),
    JSON.stringify(maskRequest(r)),
    ...CODE_LANGUAGES.map((language) => toCode(r, language)),
  ]);
}

describe('redaction (property)', function () {
  this.timeout(300_000);

  it(`keeps ${LEAK} or more characters of a token out of logs, history, errors and exports, in every position`, () => {
    let worst = 0;
    fc.assert(
      fc.property(placementArb, ({ token, position, cut, padding }) => {
        const text = `${'.'.repeat(padding)}${position.text(token)}`;
        const secrets = position.known ? [token] : [];
        const errors = errorMessages(text, cut, secrets);
        const outputs: [string, string][] = [
          // The log: every line goes through redactSecrets with the tokens in use (AltegioLog).
          ['log line', redactSecrets(`POST /auth → 401: ${text}`, secrets)],
          ...errors.map((m): [string, string] => ['error message', m]),
          ...errors.map((m): [string, string] => ['log line', redactSecrets(`POST /auth → 422: ${m}`, secrets)]),
          // History keeps what `keepable` leaves of the request and the error.
          [
            'history entry',
            JSON.stringify(
              keepable({
                path: '/auth',
                query: { token, userToken: token, apikey: token, page: 2 },
                body: {
                  login: 'demo',
                  password: token,
                  user_token: token,
                  nested: { authorization: `Bearer ${token}` },
                },
                errorMessage: errors[0],
              }),
            ),
          ],
          ...exports(token, position.text(token)).map((e): [string, string] => ['export', e]),
        ];
        for (const [where, output] of outputs) {
          const leak = longestLeak(output, token);
          worst = Math.max(worst, leak);
          count('redaction: outputs checked');
          assert.ok(
            leak < LEAK,
            `${position.name}: ${leak} characters of ${token} in a ${where}: ${output.slice(0, 400)}`,
          );
        }
        count('redaction: token placements');
      }),
      { numRuns: RUNS },
    );
    most('redaction: most characters of a token leaked', worst);
  });
});
