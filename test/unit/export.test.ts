import * as assert from 'assert';
import { execFile, execFileSync, spawnSync } from 'child_process';
import { promisify } from 'util';
import { AltegioClient } from '../../src/api/client';
import { maskAuthorization, redactSecrets, toCurl, toHttpFile } from '../../src/api/export';
import type { PreparedRequest } from '../../src/api/http-types';
import { maskRequest } from '../../src/api/request-builder';
import { sendJson, startServer } from './helpers/test-server';
import { TOKENS, operation } from './helpers/operations';

const TRICKY_BODY = { title: `O'Neil's "best" \\ $HOME \`date\` $(id)`, note: 'line one\nline two', price: 10 };
const client = new AltegioClient({
  baseUrl: 'https://api.alteg.io/api/v1',
  credentials: () => TOKENS,
  rateLimiter: null,
});
const issueCard = operation({ method: 'POST', path: '/loyalty/cards/{location_id}' });
const partnerOnly = operation({ method: 'GET', path: '/countries', security: 'BearerPartner' });
const upload = operation({
  method: 'POST',
  path: '/images/{entity}',
  requestBody: { required: true, contentType: 'multipart/form-data', schema: {} },
});
const prepared: PreparedRequest = client.prepare(
  { operation: issueCard, pathParams: { location_id: 720441 }, body: TRICKY_BODY },
  TOKENS,
);
const ENV = { ALTEGIO_PARTNER_TOKEN: 'envPartner', ALTEGIO_USER_TOKEN: 'envUser' };

/** Runs the command in a POSIX shell where `curl` only prints its arguments, and returns them. */
function curlArgs(command: string, env: Record<string, string> = ENV): string[] {
  const out = execFileSync('sh', ['-c', `curl() { printf '%s\\0' "$@"; }\n${command}`], {
    env: { PATH: process.env.PATH, ...env },
    encoding: 'utf8',
  });
  return out.split('\0').slice(0, -1);
}

describe('toCurl', () => {
  it('masks the tokens by default, reading them from environment variables', () => {
    const curl = toCurl(prepared);
    assert.ok(curl.includes(`-H "Authorization: Bearer $ALTEGIO_PARTNER_TOKEN, User $ALTEGIO_USER_TOKEN"`), curl);
    for (const token of Object.values(TOKENS)) assert.ok(!curl.includes(token));
    assert.ok(!curl.includes('User-Agent'));
  });

  it('quotes every argument so the shell passes the body through untouched and expands only the token variables', () => {
    assert.deepStrictEqual(curlArgs(toCurl(prepared)), [
      '-X',
      'POST',
      'https://api.alteg.io/api/v1/loyalty/cards/720441',
      '-H',
      'Accept: application/vnd.api.v2+json',
      '-H',
      'Authorization: Bearer envPartner, User envUser',
      '-H',
      'Content-Type: application/json',
      '--data-raw',
      JSON.stringify(TRICKY_BODY),
    ]);
  });

  it('puts the real tokens in only when asked to', () => {
    const args = curlArgs(toCurl(prepared, { revealTokens: true }), {});
    assert.ok(args.includes('Authorization: Bearer partnerSECRET123, User userSECRET456'), args.join(' '));
  });

  it('cannot reveal the tokens of a request that was already masked', () => {
    const curl = toCurl(maskRequest(prepared), { revealTokens: true });
    assert.ok(curl.includes('$ALTEGIO_PARTNER_TOKEN'));
    assert.ok(!curl.includes('***'));
  });

  it('references only the partner token for partner-only operations, and leaves -X out for GET', () => {
    const curl = toCurl(client.prepare({ operation: partnerOnly }, TOKENS));
    assert.deepStrictEqual(curlArgs(curl), [
      'https://api.alteg.io/api/v1/countries',
      '-H',
      'Accept: application/vnd.api.v2+json',
      '-H',
      'Authorization: Bearer envPartner',
    ]);
  });

  it('sends form fields as files or literal strings', () => {
    const req = client.prepare(
      {
        operation: upload,
        pathParams: { entity: 'client' },
        body: {
          image: { filename: 'my photo.png', content: new Uint8Array(3), contentType: 'image/png' },
          note: '@not-a-file',
        },
      },
      TOKENS,
    );
    const args = curlArgs(toCurl(req));
    assert.deepStrictEqual(args.slice(-4), [
      '-F',
      'image=@my photo.png;type=image/png',
      '--form-string',
      'note=@not-a-file',
    ]);
  });

  it('produces a command that real curl sends exactly as the client would', async function () {
    if (spawnSync('curl', ['--version']).status !== 0) this.skip();
    const server = await startServer((_req, res) => sendJson(res, 201, { success: true, data: null, meta: [] }));
    try {
      const local = new AltegioClient({ baseUrl: server.baseUrl, credentials: () => TOKENS, rateLimiter: null });
      const req = local.prepare(
        { operation: issueCard, pathParams: { location_id: 'a b' }, body: TRICKY_BODY },
        TOKENS,
      );
      // Asynchronously: the server answering curl runs on this same event loop.
      await promisify(execFile)('sh', ['-c', `${toCurl(req)} --silent --show-error --max-time 10 --output /dev/null`], {
        env: { PATH: process.env.PATH, ...ENV },
        timeout: 15_000,
      });
      const [seen] = server.requests;
      assert.strictEqual(seen.method, 'POST');
      assert.strictEqual(seen.url, '/api/v1/loyalty/cards/a%20b');
      assert.strictEqual(seen.headers.authorization, 'Bearer envPartner, User envUser');
      assert.strictEqual(seen.headers.accept, 'application/vnd.api.v2+json');
      assert.deepStrictEqual(JSON.parse(seen.body), TRICKY_BODY);
    } finally {
      await server.close();
    }
  });
});

describe('toHttpFile', () => {
  it('declares token variables at the top, read from the environment, and masks the header', () => {
    const text = toHttpFile(prepared, { title: 'Issue a loyalty\ncard' });
    const lines = text.split('\n');
    assert.ok(lines.includes('@partnerToken = {{$processEnv ALTEGIO_PARTNER_TOKEN}}'), text);
    assert.ok(lines.includes('@userToken = {{$processEnv ALTEGIO_USER_TOKEN}}'));
    assert.ok(
      lines.indexOf('@partnerToken = {{$processEnv ALTEGIO_PARTNER_TOKEN}}') <
        lines.indexOf('### Issue a loyalty card'),
    );
    assert.ok(lines.includes('POST https://api.alteg.io/api/v1/loyalty/cards/720441'));
    assert.ok(lines.includes('Authorization: Bearer {{partnerToken}}, User {{userToken}}'));
    for (const token of Object.values(TOKENS)) assert.ok(!text.includes(token));
  });

  it('separates headers from a pretty-printed body by one blank line', () => {
    const text = toHttpFile(prepared);
    const [head, body] = text.split('\n\n').slice(-2);
    assert.ok(head.endsWith('Content-Type: application/json'), head);
    assert.deepStrictEqual(JSON.parse(body), TRICKY_BODY);
    assert.ok(body.includes('\n  "title"'), 'indented');
    assert.ok(text.includes(`### POST /loyalty/cards/720441`), 'the default title');
  });

  it('writes the real tokens into the variables only when asked to', () => {
    const text = toHttpFile(prepared, { revealTokens: true });
    assert.ok(text.includes('@partnerToken = partnerSECRET123\n'));
    assert.ok(text.includes('@userToken = userSECRET456\n'));
    assert.ok(
      text.includes('Authorization: Bearer {{partnerToken}}, User {{userToken}}'),
      'the header still uses the variables',
    );
  });

  it('declares no user token for partner-only operations', () => {
    const text = toHttpFile(client.prepare({ operation: partnerOnly }, TOKENS));
    assert.ok(!text.includes('userToken'));
    assert.ok(text.includes('Authorization: Bearer {{partnerToken}}\n'));
  });

  it('writes multipart bodies with a boundary and a file reference', () => {
    const req = client.prepare(
      {
        operation: upload,
        pathParams: { entity: 'client' },
        body: { image: { filename: 'photo.png', content: new Uint8Array(3), contentType: 'image/png' } },
      },
      TOKENS,
    );
    const text = toHttpFile(req);
    assert.ok(
      text.includes(
        'Content-Type: multipart/form-data; boundary=AltegioFormBoundary\n\n--AltegioFormBoundary\nContent-Disposition: form-data; name="image"; filename="photo.png"\nContent-Type: image/png\n\n< ./photo.png\n--AltegioFormBoundary--\n',
      ),
      text,
    );
  });
});

describe('redaction', () => {
  it('maskAuthorization hides both tokens and keeps the shape', () => {
    assert.strictEqual(maskAuthorization('Bearer abc, User def'), 'Bearer ***, User ***');
    assert.strictEqual(maskAuthorization('Bearer abc'), 'Bearer ***');
    assert.strictEqual(maskAuthorization('Basic dXNlcjpwYXNz'), '***');
  });

  it('redactSecrets removes the given secrets wherever they appear', () => {
    assert.strictEqual(
      redactSecrets('token=partnerSECRET123; echo userSECRET456!', [TOKENS.partnerToken, TOKENS.userToken]),
      'token=***; echo ***!',
    );
  });

  it('redactSecrets removes token-shaped values it was not told about', () => {
    const line =
      'Authorization: Bearer abc123, User def456 {"login":"a@b.c","password":"p\\"w","user_token": "tok"} partner_token=xyz&page=2';
    assert.strictEqual(
      redactSecrets(line),
      'Authorization: Bearer ***, User *** {"login":"a@b.c","password":"***","user_token": "***"} partner_token=***&page=2',
    );
    assert.strictEqual(redactSecrets('X-Other: 1\nAuthorization: Basic Zm9v\n'), 'X-Other: 1\nAuthorization: ***\n');
  });

  it('redactSecrets leaves ordinary text, placeholders and variables alone', () => {
    const text =
      'The User token was rejected. Use Bearer <partner_token>, User <user_token> or "Bearer $ALTEGIO_PARTNER_TOKEN" or {{partnerToken}}.';
    assert.strictEqual(redactSecrets(text, ['', 'ab']), text);
  });
});
