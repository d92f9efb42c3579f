import * as assert from 'assert';
import { execFile, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { promisify } from 'util';
import { AltegioClient } from '../../src/api/client';
import { CODE_LANGUAGES, toCode } from '../../src/api/code-export';
import { maskRequest } from '../../src/api/request-builder';
import { sendJson, startServer, type TestServer } from './helpers/test-server';
import { TOKENS, operation } from './helpers/operations';

const TRICKY = {
  title: `O'Neil's "best" \\ $HOME \${x} {y} %s`,
  note: 'line one\nline two',
  list: [1, true, null],
  empty: {},
};
const ENV = { ALTEGIO_PARTNER_TOKEN: 'envPartner', ALTEGIO_USER_TOKEN: 'envUser' };
const issueCard = operation({ method: 'POST', path: '/loyalty/cards/{location_id}' });
const partnerOnly = operation({ method: 'GET', path: '/countries', security: 'BearerPartner' });

function prepare(baseUrl: string, input: Parameters<AltegioClient['prepare']>[0]) {
  const client = new AltegioClient({ baseUrl, credentials: () => TOKENS, rateLimiter: null });
  return maskRequest(client.prepare(input, TOKENS));
}

const run = promisify(execFile);
const hasPythonRequests = spawnSync('python3', ['-c', 'import requests'], { stdio: 'ignore' }).status === 0;

describe('copy as code', () => {
  let server: TestServer;
  let dir: string;
  before(async () => {
    server = await startServer((_req, res) => sendJson(res, 201, { success: true, data: { id: 1 } }));
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'altegio-code-'));
  });
  after(async () => {
    await server.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('never writes a token: every language reads them from environment variables', () => {
    const req = prepare('https://api.alteg.io/api/v1', {
      operation: issueCard,
      pathParams: { location_id: 1 },
      body: TRICKY,
    });
    const unmasked = new AltegioClient({
      baseUrl: 'https://api.alteg.io/api/v1',
      credentials: () => TOKENS,
      rateLimiter: null,
    }).prepare({ operation: issueCard, pathParams: { location_id: 1 }, body: TRICKY }, TOKENS);
    for (const language of CODE_LANGUAGES) {
      for (const r of [req, unmasked]) {
        const code = toCode(r, language);
        for (const token of Object.values(TOKENS)) assert.ok(!code.includes(token), `${language} leaks a token`);
        assert.ok(code.includes('ALTEGIO_PARTNER_TOKEN') && code.includes('ALTEGIO_USER_TOKEN'), language);
        assert.ok(!code.includes('User-Agent'), language);
      }
    }
    const partner = toCode(prepare('https://api.alteg.io/api/v1', { operation: partnerOnly }), 'python');
    assert.ok(!partner.includes('ALTEGIO_USER_TOKEN'));
  });

  it('TypeScript (fetch) sends exactly the request, tokens from the environment', async () => {
    const req = prepare(server.baseUrl, { operation: issueCard, pathParams: { location_id: 720441 }, body: TRICKY });
    const file = path.join(dir, 'snippet.mjs');
    // The snippet has no type annotations, so Node runs it as it is.
    fs.writeFileSync(file, toCode(req, 'typescript'));
    const { stdout } = await run(process.execPath, [file], { env: { ...process.env, ...ENV } });
    assert.ok(stdout.startsWith('201 '), stdout);
    const got = server.requests[server.requests.length - 1];
    assert.strictEqual(got.method, 'POST');
    assert.strictEqual(got.url, '/api/v1/loyalty/cards/720441');
    assert.strictEqual(got.headers.authorization, 'Bearer envPartner, User envUser');
    assert.strictEqual(got.headers.accept, 'application/vnd.api.v2+json');
    assert.deepStrictEqual(JSON.parse(got.body), TRICKY);
  });

  it('Python (requests) sends exactly the request, tokens from the environment', async function () {
    if (!hasPythonRequests) this.skip();
    const req = prepare(server.baseUrl, { operation: issueCard, pathParams: { location_id: 720441 }, body: TRICKY });
    const file = path.join(dir, 'snippet.py');
    fs.writeFileSync(file, toCode(req, 'python'));
    const { stdout } = await run('python3', [file], { env: { ...process.env, ...ENV } });
    assert.ok(stdout.startsWith('201 '), stdout);
    const got = server.requests[server.requests.length - 1];
    assert.strictEqual(got.url, '/api/v1/loyalty/cards/720441');
    assert.strictEqual(got.headers.authorization, 'Bearer envPartner, User envUser');
    assert.deepStrictEqual(JSON.parse(got.body), TRICKY);
  });

  it('PHP (Guzzle) writes the body as a PHP array, strings single-quoted, an empty object as an object', () => {
    const req = prepare('https://api.alteg.io/api/v1', {
      operation: issueCard,
      pathParams: { location_id: 1 },
      body: TRICKY,
    });
    const php = toCode(req, 'php');
    assert.ok(php.startsWith('<?php\n'));
    assert.ok(php.includes("$client->request('POST', 'https://api.alteg.io/api/v1/loyalty/cards/1', ["), php);
    assert.ok(
      php.includes(
        `'Authorization' => 'Bearer ' . getenv('ALTEGIO_PARTNER_TOKEN') . ', User ' . getenv('ALTEGIO_USER_TOKEN'),`,
      ),
    );
    assert.ok(php.includes(`'title' => 'O\\'Neil\\'s "best" \\\\ $HOME \${x} {y} %s',`), php);
    assert.ok(php.includes(`'note' => "line one\\nline two",`), php);
    assert.ok(php.includes("'empty' => new \\stdClass(),"));
    assert.ok(php.includes("'http_errors' => false"));
  });

  it('cURL is the existing export', () => {
    const req = prepare('https://api.alteg.io/api/v1', { operation: partnerOnly });
    assert.strictEqual(
      toCode(req, 'curl'),
      `curl 'https://api.alteg.io/api/v1/countries' \\\n  -H 'Accept: application/vnd.api.v2+json' \\\n  -H "Authorization: Bearer $ALTEGIO_PARTNER_TOKEN"\n`,
    );
  });

  it('uploads a multipart body from a file named in the request', () => {
    const upload = operation({
      method: 'POST',
      path: '/images/{location_id}',
      requestBody: { required: true, contentType: 'multipart/form-data', schema: {} },
    });
    const req = prepare('https://api.alteg.io/api/v1', {
      operation: upload,
      pathParams: { location_id: 1 },
      body: {
        entity: 'goods',
        image: { filename: 'photo.png', content: new Uint8Array([1]), contentType: 'image/png' },
      },
    });
    const ts = toCode(req, 'typescript');
    assert.ok(
      ts.includes(`form.append('image', new Blob([await readFile('photo.png')], { type: 'image/png' }), 'photo.png');`),
      ts,
    );
    assert.ok(ts.includes(`form.append('entity', 'goods');`));
    assert.ok(!/Content-Type/.test(ts));
    const py = toCode(req, 'python');
    assert.ok(py.includes('files={"image": ("photo.png", open("photo.png", "rb"), "image/png")},'), py);
    const php = toCode(req, 'php');
    assert.ok(
      php.includes(`['name' => 'image', 'contents' => fopen('photo.png', 'r'), 'filename' => 'photo.png'],`),
      php,
    );
  });
});
