import * as assert from 'assert';
import fc from 'fast-check';
import { parseFormMessage, parseFormState } from '../../src/protocol/form-protocol';
import { parseResponseMessage, parseResponseState } from '../../src/protocol/response-protocol';
import { anyValue } from './helpers/arbitraries';

const values = { path: { location_id: 720441 }, query: {}, body: { phone: 13155550175, loyalty_card_type_id: '8231' } };

describe('webview protocol guards', () => {
  describe('request form messages', () => {
    it('accepts every well-formed message the form app posts', () => {
      const good: unknown[] = [
        { type: 'ready' },
        { type: 'change', seq: 3, values },
        { type: 'change', seq: 0, values: { path: {}, query: {} } },
        { type: 'uiState', tab: 'json' },
        { type: 'lookupSearch', field: 'client_id', term: 'James' },
        { type: 'lookupRefresh', field: 'loyalty_card_type_id' },
        { type: 'send', seq: 4, values },
        { type: 'sendAnyway', seq: 5, values },
        { type: 'cancel' },
        { type: 'fillExamples' },
        { type: 'reset' },
        { type: 'openResponse' },
        { type: 'chooseFile', key: 'body:image' },
        { type: 'signIn' },
        { type: 'openSetting' },
        { type: 'openDocs' },
        { type: 'saveToNotebook' },
        { type: 'copyAsCode' },
      ];
      for (const m of good) assert.ok(parseFormMessage(m).ok, JSON.stringify(m));
    });

    it('refuses unknown types, missing or extra fields and wrong types, naming the problem', () => {
      const bad: [unknown, RegExp][] = [
        [null, /expected an object/],
        ['ready', /expected an object/],
        [[], /expected an object/],
        [{}, /unknown type/],
        [{ type: 'deleteEverything' }, /unknown type "deleteEverything"/],
        [{ type: 'ready', extra: 1 }, /unexpected key "extra"/],
        [{ type: 'change', values }, /seq/],
        [{ type: 'change', seq: -1, values }, /seq/],
        [{ type: 'change', seq: 1.5, values }, /seq/],
        [{ type: 'change', seq: 1, values: { path: {} } }, /query/],
        [{ type: 'change', seq: 1, values: { path: [], query: {} } }, /values.path: expected an object/],
        [{ type: 'change', seq: 1, values: { path: { 'bad key!': 1 }, query: {} } }, /not allowed/],
        [{ type: 'uiState', tab: 'raw' }, /tab/],
        [{ type: 'lookupSearch', field: 'client_id', term: 'x'.repeat(201) }, /longer than 200/],
        [{ type: 'lookupSearch', field: '../../etc', term: '' }, /does not match/],
        [{ type: 'chooseFile', key: '/etc/passwd' }, /does not match/],
        [{ type: 'rendered', fields: 4, issues: [] }, /unknown type "rendered"/],
      ];
      for (const [m, error] of bad) {
        const parsed = parseFormMessage(m);
        assert.ok(!parsed.ok, `accepted ${JSON.stringify(m)}`);
        assert.match(parsed.error, error);
      }
    });

    it('refuses values nested too deep, too many values, overlong strings, non-finite numbers and __proto__ keys', () => {
      let deep: unknown = 1;
      for (let i = 0; i < 40; i++) deep = { a: deep };
      const wide = Array.from({ length: 60_000 }, (_v, i) => i);
      const cases = [
        { path: {}, query: {}, body: deep },
        { path: {}, query: {}, body: wide },
        { path: {}, query: {}, body: { note: 'x'.repeat(200_001) } },
        { path: {}, query: {}, body: { amount: Number.NaN } },
        { path: {}, query: {}, body: { amount: Infinity } },
        { path: {}, query: {}, body: JSON.parse('{"__proto__": {"polluted": true}}') },
        { path: {}, query: {}, body: { when: new Date() } },
        { path: {}, query: {}, body: { f: () => 1 } },
      ];
      for (const v of cases) assert.ok(!parseFormMessage({ type: 'change', seq: 1, values: v }).ok);
      assert.strictEqual(({} as Record<string, unknown>).polluted, undefined);
    });

    it('restores a form only for an operation the catalog knows', () => {
      const state = { operationId: 'issue_loyalty_card', values, ui: { tab: 'fields' } };
      assert.ok(parseFormState(state, (id) => id === 'issue_loyalty_card'));
      assert.strictEqual(
        parseFormState({ ...state, operationId: 'no_such_operation' }, (id) => id === 'issue_loyalty_card'),
        undefined,
      );
      assert.strictEqual(
        parseFormState({ ...state, operationId: 'x; rm -rf /' }, () => true),
        undefined,
      );
      assert.strictEqual(
        parseFormState(undefined, () => true),
        undefined,
      );
    });

    it('never throws, whatever arrives (property)', () => {
      fc.assert(
        fc.property(anyValue, (raw) => {
          const parsed = parseFormMessage(raw);
          return parsed.ok || typeof parsed.error === 'string';
        }),
        { numRuns: 2000 },
      );
    });

    it('refuses any message with a key the type does not have (property)', () => {
      fc.assert(
        fc.property(
          fc.string({ minLength: 1, maxLength: 20 }).filter((k) => !['type', 'seq', 'values'].includes(k)),
          fc.jsonValue(),
          (key, extra) => {
            return !parseFormMessage({ type: 'change', seq: 1, values, [key]: extra }).ok;
          },
        ),
        { numRuns: 500 },
      );
    });

    it('accepts any JSON body within the limits (property)', () => {
      fc.assert(
        fc.property(fc.jsonValue({ maxDepth: 6 }), (body) => {
          // JSON.parse gives "__proto__" as an own key; it and the other prototype keys are refused on purpose.
          const plain = JSON.parse(
            JSON.stringify(body).replace(/"(__proto__|constructor|prototype)":/g, '"proto":'),
          ) as unknown;
          return parseFormMessage({ type: 'change', seq: 1, values: { path: {}, query: {}, body: plain } }).ok;
        }),
        { numRuns: 500 },
      );
    });
  });

  describe('response viewer messages', () => {
    it("accepts the viewer's messages and refuses malformed ones", () => {
      const good: unknown[] = [
        { type: 'ready' },
        { type: 'openInEditor' },
        { type: 'copy', text: '{}', what: 'json' },
        { type: 'saveCsv', csv: 'a\r\n1\r\n', rows: 1 },
        { type: 'nextPage' },
        { type: 'fetchAll' },
        { type: 'cancelPaging' },
        { type: 'pin', pinned: true },
        { type: 'action', action: 'signIn' },
        { type: 'saveToNotebook' },
        { type: 'copyAsCode' },
      ];
      for (const m of good) assert.ok(parseResponseMessage(m).ok, JSON.stringify(m));
      const bad: unknown[] = [
        { type: 'rendered', rows: 40, ms: 35 },
        { type: 'copy', text: 1, what: 'json' },
        { type: 'copy', text: 'x', what: 'token' },
        { type: 'pin', pinned: 'yes' },
        { type: 'action', action: 'deleteAccount' },
        { type: 'saveCsv', csv: 'a', rows: -1 },
        { type: 'openInEditor', path: '/etc/passwd' },
        { type: 'saveToNotebook', request: { operation: { id: 'delete_loyalty_card' } } },
        { type: 'copyAsCode', language: 'php' },
        { type: 'show', view: {} },
      ];
      for (const m of bad) assert.ok(!parseResponseMessage(m).ok, JSON.stringify(m));
    });

    it('restores a viewer from a history id only', () => {
      assert.deepStrictEqual(parseResponseState({ historyId: 'm1abc-2', pinned: true, tab: 1 }), {
        historyId: 'm1abc-2',
        pinned: true,
        tab: 1,
      });
      assert.deepStrictEqual(parseResponseState({ pinned: false, tab: 0 }), { pinned: false, tab: 0 });
      assert.strictEqual(parseResponseState({ historyId: '../../x', pinned: false, tab: 0 }), undefined);
      assert.strictEqual(parseResponseState({ historyId: 'a', pinned: false, tab: 0, body: {} }), undefined);
    });

    it('never throws, whatever arrives (property)', () => {
      fc.assert(
        fc.property(anyValue, (raw) => {
          const parsed = parseResponseMessage(raw);
          return parsed.ok || typeof parsed.error === 'string';
        }),
        { numRuns: 2000 },
      );
    });
  });
});
