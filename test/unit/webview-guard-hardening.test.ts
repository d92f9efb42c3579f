// Webview messages are untrusted: no key that can reach an object's prototype passes the guards, anywhere in a
// message (D5), nothing but plain JSON passes, and every message has a total-size limit.
import * as assert from 'assert';
import { requestValues } from '../../src/api/form-model';
import type { FormModel } from '../../src/api/form-types';
import { parseFormMessage, parseFormState } from '../../src/protocol/form-protocol';
import { MAX_MESSAGE_SIZE } from '../../src/protocol/guard';
import { parseResponseMessage } from '../../src/protocol/response-protocol';

const FORBIDDEN = ['__proto__', 'constructor', 'prototype'];

function change(values: unknown): unknown {
  return { type: 'change', seq: 1, values };
}

describe('webview guards against prototype keys and oversized messages', () => {
  for (const key of FORBIDDEN) {
    it(`refuses "${key}" as a field name in values.path, values.query and the body (D5)`, () => {
      const own = (inner: string) => JSON.parse(`{"${key}": ${inner}}`) as Record<string, unknown>;
      const cases = [
        { path: own('"1"'), query: {} },
        { path: {}, query: own('{"polluted": true}') },
        { path: {}, query: {}, body: own('{"polluted": true}') },
        { path: {}, query: {}, body: { nested: [own('1')] } },
      ];
      for (const values of cases) {
        const parsed = parseFormMessage(change(values));
        assert.ok(!parsed.ok, `accepted ${JSON.stringify(values)}`);
        assert.match(parsed.error, new RegExp(`"${key}" is not allowed`));
        assert.strictEqual(
          parseFormState({ operationId: 'x', values, ui: { tab: 'fields' } }, () => true),
          undefined,
        );
      }
    });
  }

  it('leaves the prototype of pruned query values alone even if a __proto__ key gets past the guard', () => {
    const query = JSON.parse('{"__proto__": {"polluted": "yes"}, "page": "2"}') as Record<string, unknown>;
    const pruned = requestValues({} as FormModel, { path: {}, query });
    assert.strictEqual(Object.getPrototypeOf(pruned.query), Object.prototype);
    assert.strictEqual((pruned.query as Record<string, unknown>).polluted, undefined);
    assert.strictEqual(({} as Record<string, unknown>).polluted, undefined);
  });

  it('refuses any message over the total size limit, whichever fields carry it', () => {
    // Each string is within its own field limit; together they are too much.
    const body = Object.fromEntries(Array.from({ length: 100 }, (_, i) => [`f${i}`, 'x'.repeat(190_000)]));
    const parsed = parseFormMessage(change({ path: {}, query: {}, body }));
    assert.ok(!parsed.ok);
    assert.match(parsed.error, /larger than/);
    const copy = parseResponseMessage({ type: 'copy', what: 'json', text: 'x'.repeat(MAX_MESSAGE_SIZE + 1) });
    assert.ok(!copy.ok);
  });

  it('refuses what is not plain JSON: accessors, symbols, sparse or decorated arrays, class instances', () => {
    const withGetter = Object.defineProperty({ path: {}, query: {} }, 'body', {
      enumerable: true,
      get: () => {
        throw new Error('a getter ran');
      },
    });
    const sparse: unknown[] = [1];
    sparse[3] = 2;
    const decorated = Object.assign([1, 2], { extra: 1 });
    const symbolic = { path: {}, query: {}, body: { [Symbol('s')]: 1 } };
    for (const values of [
      withGetter,
      { path: {}, query: {}, body: sparse },
      { path: {}, query: {}, body: decorated },
      symbolic,
    ]) {
      const parsed = parseFormMessage(change(values));
      assert.ok(!parsed.ok, 'accepted something that is not plain JSON');
    }
    assert.ok(
      !parseFormMessage(
        new (class Message {
          type = 'ready';
        })(),
      ).ok,
    );
  });
});
