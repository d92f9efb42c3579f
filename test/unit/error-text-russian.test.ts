// In the Russian UI no failure reads in English. Every kind of failure the core reports (real errors from the
// real client against a local server) is worded by the host's error text with the Russian catalogue
// (l10n/bundle.l10n.ru.json), and what a user would read holds no English word but names: paths, fields,
// system codes, Altegio's own message and the HTTP status line as the server sent them.
import * as assert from 'assert';
import * as fs from 'fs';
import Module from 'module';
import * as path from 'path';
import { AltegioClient } from '../../src/api/client';
import type { AltegioError } from '../../src/api/errors';
import type * as ErrorTextModule from '../../src/services/error-text';
import { TOKENS, operation } from './helpers/operations';
import { refusedBaseUrl, startServer, type TestServer } from './helpers/test-server';
import { failure } from './helpers/failure';

const ROOT = path.resolve(__dirname, '..', '..');
const russian = JSON.parse(fs.readFileSync(path.join(ROOT, 'l10n', 'bundle.l10n.ru.json'), 'utf8')) as Record<
  string,
  string | { message: string }
>;
const untranslated: string[] = [];

/** vscode.l10n as VS Code runs it in Russian: the bundle's text with {0}… filled in. */
const russianVscode = {
  l10n: {
    t(message: string, ...args: unknown[]): string {
      const entry = russian[message];
      if (entry === undefined) untranslated.push(message);
      const text = entry === undefined ? message : typeof entry === 'string' ? entry : entry.message;
      return text.replace(/\{(\d+)\}/g, (_m, i: string) => String(args[Number(i)]));
    },
  },
};

/** The host's error text, loaded with `vscode` resolved to the Russian stand-in above. */
function loadErrorText(): typeof ErrorTextModule {
  const loader = Module as unknown as { _load(request: string, ...rest: unknown[]): unknown };
  const original = loader._load;
  loader._load = function (request: string, ...rest: unknown[]) {
    return request === 'vscode' ? russianVscode : original.call(this, request, ...rest);
  };
  try {
    return require('../../src/services/error-text') as typeof ErrorTextModule;
  } finally {
    loader._load = original;
  }
}

/** Words that may stay as they are in a Russian sentence: names of things, not English prose. */
const NAMES = new Set([
  'Altegio',
  'Marketplace',
  'JSON',
  'GET',
  'POST',
  'URL',
  'API',
  'https',
  'http',
  'success',
  'data',
  'meta',
]);

describe('error text in the Russian UI', () => {
  const text = loadErrorText();
  let server: TestServer;
  /** What the server does with the next request. */
  let behave: (req: import('http').IncomingMessage, res: import('http').ServerResponse) => void;
  const read = operation({ method: 'GET', path: '/things/{id}' });
  const write = operation({ method: 'POST', path: '/things/{id}' });
  const client = (options: Partial<ConstructorParameters<typeof AltegioClient>[0]> = {}) =>
    new AltegioClient({
      baseUrl: server.baseUrl,
      credentials: () => TOKENS,
      rateLimiter: null,
      retry: { maxRetries: 0 },
      timeoutMs: 300,
      ...options,
    });
  const answer = (status: number, body: string) => {
    behave = (_req, res) => {
      res.writeHead(status, { 'Content-Type': 'application/json' });
      res.end(body);
    };
  };
  const refusal = (status: number) =>
    answer(
      status,
      JSON.stringify({ success: false, data: null, meta: { message: 'Отказано', errors: { phone: ['неверный'] } } }),
    );

  before(async () => {
    server = await startServer((req, res) => behave(req, res));
  });
  after(() => server.close());

  /** Every failure the core reports, one or more of each kind and reason. */
  async function everyFailure(): Promise<AltegioError[]> {
    const errors: AltegioError[] = [];
    for (const status of [400, 401, 402, 403, 404, 409, 422, 429, 500, 503]) {
      refusal(status);
      errors.push(await failure(client().send({ operation: read, pathParams: { id: 7 } })));
      errors.push(await failure(client().send({ operation: write, pathParams: { id: 7 }, body: {} })));
    }
    answer(200, JSON.stringify({ success: false, data: null, meta: { message: 'Отказано' } }));
    errors.push(await failure(client().send({ operation: read, pathParams: { id: 7 } })));
    answer(200, '<html>not json</html>');
    errors.push(await failure(client().send({ operation: read, pathParams: { id: 7 } })));
    answer(200, JSON.stringify({ rows: [] }));
    errors.push(await failure(client().send({ operation: read, pathParams: { id: 7 } })));
    behave = () => undefined; // never answers
    errors.push(await failure(client().send({ operation: read, pathParams: { id: 7 } })));
    errors.push(await failure(client().send({ operation: write, pathParams: { id: 7 }, body: {} })));
    behave = (req) => req.socket.destroy();
    errors.push(await failure(client().send({ operation: read, pathParams: { id: 7 } })));
    errors.push(await failure(client().send({ operation: write, pathParams: { id: 7 }, body: {} })));
    const refused = await refusedBaseUrl();
    errors.push(await failure(client({ baseUrl: refused }).send({ operation: read, pathParams: { id: 7 } })));
    errors.push(await failure(client().send({ operation: read, pathParams: { id: 7 }, signal: AbortSignal.abort() })));
    for (const op of [read, write]) {
      behave = () => undefined;
      const controller = new AbortController();
      const pending = client().send({
        operation: op,
        pathParams: { id: 7 },
        body: op === write ? {} : undefined,
        signal: controller.signal,
      });
      setTimeout(() => controller.abort(), 50);
      errors.push(await failure(pending));
    }
    errors.push(await failure(client({ credentials: () => ({}) }).send({ operation: read, pathParams: { id: 7 } })));
    errors.push(
      await failure(
        client({ credentials: () => ({ partnerToken: TOKENS.partnerToken }) }).send({
          operation: read,
          pathParams: { id: 7 },
        }),
      ),
    );
    errors.push(
      await failure(
        client({ credentials: () => ({ ...TOKENS, partnerToken: 'two words' }) }).send({
          operation: read,
          pathParams: { id: 7 },
        }),
      ),
    );
    errors.push(await failure(client().send({ operation: read, pathParams: {} })));
    errors.push(await failure(client().send({ operation: read, pathParams: { id: '..' } })));
    errors.push(await failure(client().send({ operation: read, pathParams: { id: 7 }, body: { a: 1 } })));
    errors.push(
      await failure(client({ baseUrl: 'ftp://example.com/api/v1' }).send({ operation: read, pathParams: { id: 7 } })),
    );
    return errors;
  }

  it('words every failure of the core in Russian, with nothing left in English', async () => {
    const errors = await everyFailure();
    const kinds = new Set(errors.map((e) => e.kind));
    assert.ok(kinds.size >= 13, `${kinds.size} kinds of failure: ${[...kinds].join(', ')}`);
    const english: string[] = [];
    for (const e of errors) {
      const shown = [
        text.errorTitle(e),
        text.errorSummary(e),
        text.errorAdvice(e),
        text.errorNotification(e),
        text.failureText(e),
        ...Object.values(text.fieldProblems(e)).flat(),
      ].join(' ');
      assert.match(shown, /[а-яё]/i, `${e.kind}: worded in Russian`);
      // Names a Russian sentence keeps as they are: the request line, fields, codes, the server's status line.
      const names = new Set([
        ...NAMES,
        ...`${e.request?.path ?? ''} ${e.operationId ?? ''} ${e.response?.statusText ?? ''}`.split(/[^A-Za-z_]+/),
        ...Object.keys(e.fieldErrors),
        ...(e.reason.code === 'invalidRequest' ? e.reason.problems.map((p) => p.field) : []),
        ...(e.reason.code === 'notSent' || e.reason.code === 'dropped' ? [e.reason.systemCode ?? ''] : []),
      ]);
      const left = (shown.match(/[A-Za-z][A-Za-z_]*/g) ?? []).filter((w) => !names.has(w));
      if (left.length > 0) english.push(`${e.kind}/${e.reason.code}: ${left.join(' ')} — in "${shown}"`);
    }
    assert.deepStrictEqual(english, []);
    assert.deepStrictEqual([...new Set(untranslated)], [], 'every string has a Russian entry');
  });

  it('keeps the English wording for the logs in the error itself', async () => {
    refusal(404);
    const e = await failure(client().send({ operation: read, pathParams: { id: 7 } }));
    assert.match(e.message, /GET \/things\/7 .* failed: 404/);
    assert.strictEqual(e.advice, 'not_found');
  });
});
