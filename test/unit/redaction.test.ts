// Tokens never leave in what is shown or kept: redaction works on whole values before anything is cut short (D6), and
// masks by structure — headers, bare "User <token>", JSON keys, query strings, URL-encoded forms — not one exact
// key (D7). Exports mask query-string tokens too.
import * as assert from 'assert';
import { getCatalog } from '../../src/api/catalog';
import { AltegioClient } from '../../src/api/client';
import { CODE_LANGUAGES, toCode } from '../../src/api/code-export';
import { toCurl, toHttpFile } from '../../src/api/export';
import type { PreparedRequest } from '../../src/api/http-types';
import { redactSecrets } from '../../src/api/redact';
import { maskRequest } from '../../src/api/request-builder';
import { parseResponse } from '../../src/api/response-parser';
import { longestLeak } from './helpers/leaks';
import { TOKENS, operation } from './helpers/operations';

const TOKEN = 'f3a9c27e5b1d4e8fa0c6b2d9e7f1a3c5b8d0e2f4a6'; // 42 characters, like the D6 probe's
const OTHER = 'Zq7LmN2pR8sT4vW6xY0zA1bC3dE5';

function assertNoLeak(text: string, tokens: string[] = [TOKEN, OTHER]): void {
  for (const token of tokens) {
    const leak = longestLeak(text, token);
    assert.ok(leak < 8, `${leak} characters of ${token} leaked: ${text}`);
  }
}

describe('redaction', () => {
  describe('on whole values, before any truncation (D6)', () => {
    const auth = getCatalog().requireOperation('authorize_user');
    const request: PreparedRequest = {
      operationId: auth.id,
      method: 'POST',
      url: 'https://api.alteg.io/api/v1/auth',
      path: '/auth',
      headers: { Authorization: 'Bearer ***' },
    };

    for (let offset = 150; offset <= 200; offset += 5) {
      const head = `{"success":true,"data":{"id":1,"name":"${'n'.repeat(offset - 55)}","user_token":"`;
      it(`keeps a new user token out of the error when it starts at character ${head.length} of a cut-off body`, () => {
        const text = `${head}${TOKEN}","login":"demo"`; // cut off: not JSON
        assert.throws(
          () =>
            parseResponse(
              {
                status: 200,
                statusText: 'OK',
                headers: { 'content-type': 'application/json' },
                bytes: new TextEncoder().encode(text),
                durationMs: 1,
              },
              { operation: auth, request, attempts: 1, nowMs: Date.now(), secrets: [] },
            ),
          (e: Error) => {
            assertNoLeak(e.message);
            return true;
          },
        );
      });
    }

    it('masks a token cut off by the end of the text', () => {
      assertNoLeak(redactSecrets(`{"user_token":"${TOKEN.slice(0, 30)}`));
      assertNoLeak(redactSecrets(`Authorization: Bearer ${TOKEN.slice(0, 20)}`));
    });
  });

  describe('by structure (D7)', () => {
    const cases: [string, string][] = [
      ['Authorization: User', `Authorization: User ${TOKEN}`],
      ['Authorization: Bearer, User', `Authorization: Bearer ${OTHER}, User ${TOKEN}`],
      ['lower-case authorization header', `authorization: bearer ${TOKEN}`],
      ['bare User <token>', `the server said: User ${TOKEN} is not valid`],
      ['JSON "authorization"', `{"authorization":"${TOKEN}"}`],
      ['JSON "Authorization" with Bearer', `{"Authorization": "Bearer ${OTHER}, User ${TOKEN}"}`],
      ['JSON "user_token"', `{"user_token": "${TOKEN}"}`],
      ['JSON "partner_token"', `{"partner_token":"${TOKEN}"}`],
      ['JSON "password"', `{"login":"a@b.c","password":"${TOKEN}"}`],
      ['JSON "userToken"', `{"userToken":"${TOKEN}"}`],
      ['escaped JSON in a string', `"{\\"user_token\\":\\"${TOKEN}\\"}"`],
      ['query token=', `GET /api/v1/x?token=${TOKEN}&page=2`],
      ['query userToken=', `https://api.alteg.io/api/v1/x?page=1&userToken=${TOKEN}`],
      ['query apikey=', `/x?apikey=${TOKEN}`],
      ['query api_key=', `/x?api_key=${TOKEN}`],
      ['query access_token=', `/x?access_token=${TOKEN}#frag`],
      ['URL-encoded form', `login=demo%40example.com&password=${encodeURIComponent(`p@ss ${TOKEN}`)}&remember=1`],
      ['percent-encoded query value', `/x?token=${TOKEN.slice(0, 10)}%2B${TOKEN.slice(10)}`],
      ['X-Api-Key header', `X-Api-Key: ${TOKEN}`],
      ['Cookie header', `Cookie: session=${TOKEN}`],
    ];
    for (const [what, text] of cases) {
      it(`masks a token in ${what}`, () => {
        assertNoLeak(redactSecrets(text));
      });
    }

    it('masks known secrets anywhere, and still leaves ordinary words after "User" alone', () => {
      assertNoLeak(redactSecrets(`id-${TOKEN}-x`, [TOKEN]));
      const ordinary = 'User permissions were denied. The User token was rejected; User 42 is not here.';
      assert.strictEqual(redactSecrets(ordinary), ordinary);
    });

    it('maskRequest masks every credential header, whatever its case, and query-string tokens', () => {
      const masked = maskRequest({
        operationId: 'x',
        method: 'GET',
        url: `https://api.alteg.io/api/v1/x?token=${TOKEN}&page=2`,
        path: '/x',
        headers: { authorization: `Bearer ${OTHER}, User ${TOKEN}`, 'X-Api-Key': TOKEN, Accept: 'application/json' },
      });
      assertNoLeak(JSON.stringify(masked));
      assert.strictEqual(masked.headers.Accept, 'application/json');
      assert.match(masked.url, /page=2/);
    });
  });

  describe('exports (D7)', () => {
    const client = new AltegioClient({
      baseUrl: 'https://api.alteg.io/api/v1',
      credentials: () => TOKENS,
      rateLimiter: null,
    });
    const op = operation({ method: 'GET', path: '/things' });
    const prepared = client.prepare({ operation: op, query: { token: TOKEN, apikey: OTHER, page: 2 } }, TOKENS);

    it('cURL and .http mask query-string tokens unless tokens are revealed', () => {
      for (const text of [toCurl(prepared), toHttpFile(prepared)]) {
        assertNoLeak(text);
        assert.match(text, /page=2/);
      }
      assert.ok(toCurl(prepared, { revealTokens: true }).includes(TOKEN));
    });

    it('code snippets (TypeScript, Python, PHP, cURL) mask query-string tokens and passwords in the body', () => {
      const withPassword = client.prepare(
        { operation: operation({ method: 'POST', path: '/auth' }), body: { login: 'demo', password: OTHER } },
        TOKENS,
      );
      for (const language of CODE_LANGUAGES) {
        for (const req of [prepared, withPassword]) assertNoLeak(toCode(req, language));
        assert.match(toCode(prepared, language), /page=2/);
      }
    });
  });
});
