// Guard fuzzing of both webview protocols: at least 10,000 hostile messages each — any value (Maps, Dates, typed
// arrays, BigInts, null prototypes), valid messages with a field replaced, prototype keys planted at any depth,
// getters and proxies that throw, oversized strings. Parsing never throws; whatever is accepted is plain JSON,
// holds no __proto__/constructor/prototype key, and is within the protocol's total size. Well-formed messages are
// still accepted, so the guards are not refusing everything.
import * as assert from 'assert';
import fc from 'fast-check';
import { parseFormMessage, parseFormState } from '../../src/protocol/form-protocol';
import { MAX_MESSAGE_SIZE } from '../../src/protocol/guard';
import { parseResponseMessage, parseResponseState } from '../../src/protocol/response-protocol';
import { count } from './figures';
import { PROFILE } from './profile';
import { anyValue } from '../unit/helpers/arbitraries';

const RUNS = PROFILE.guardMessages;
const PROTOTYPE_KEYS = ['__proto__', 'constructor', 'prototype'];
const values = { path: { location_id: 720441 }, query: { page: 1 }, body: { phone: '13155550175', tags: ['a'] } };

const FORM_MESSAGES: Record<string, unknown>[] = [
  { type: 'ready' },
  { type: 'change', seq: 3, values },
  { type: 'uiState', tab: 'json' },
  { type: 'lookupSearch', field: 'client_id', term: 'James' },
  { type: 'lookupRefresh', field: 'loyalty_card_type_id' },
  { type: 'send', seq: 4, values },
  { type: 'chooseFile', key: 'body:image' },
  { type: 'cspViolation', directive: 'style-src', blocked: 'inline' },
];
const RESPONSE_MESSAGES: Record<string, unknown>[] = [
  { type: 'ready' },
  { type: 'copy', text: '{"a":1}', what: 'json' },
  { type: 'saveCsv', csv: 'a,b\n1,2', rows: 1 },
  { type: 'pin', pinned: true },
  { type: 'action', action: 'retry' },
];

/** A JSON text with a prototype key planted somewhere: JSON.parse makes it an own key, as a webview's JSON would. */
const plantedArb = fc
  .tuple(fc.jsonValue({ maxDepth: 3 }), fc.constantFrom(...PROTOTYPE_KEYS), fc.jsonValue({ maxDepth: 2 }))
  .map(
    ([inner, key, value]) =>
      JSON.parse(`{"${key}": ${JSON.stringify(value)}, "x": ${JSON.stringify(inner)}}`) as unknown,
  );

const hostileArb = fc.constantFrom(
  new Proxy(
    {},
    {
      ownKeys: () => {
        throw new Error('ownKeys trap');
      },
    },
  ),
  new Proxy(
    { type: 'ready' },
    {
      get: () => {
        throw new Error('get trap');
      },
    },
  ),
  Object.defineProperty({ type: 'ready' }, 'extra', {
    enumerable: true,
    get: () => {
      throw new Error('getter');
    },
  }),
  Object.defineProperty({ type: 'pin' }, 'pinned', { enumerable: true, get: () => true }),
  Object.assign(Object.create({ inherited: 1 }) as object, { type: 'ready' }),
);

/** A valid message with one field (at any depth) replaced by something else. */
function mutated(messages: Record<string, unknown>[]) {
  return fc
    .tuple(
      fc.constantFrom(...messages),
      fc.oneof(anyValue, plantedArb, hostileArb, fc.string({ maxLength: 300_000 })),
      fc.nat(),
      fc.boolean(),
    )
    .map(([message, replacement, pick, atTop]) => {
      const copy = structuredClone(message);
      const holders: Record<string, unknown>[] = [copy];
      for (const v of Object.values(copy))
        if (v && typeof v === 'object' && !Array.isArray(v)) holders.push(v as Record<string, unknown>);
      const holder = atTop ? copy : holders[pick % holders.length];
      const keys = Object.keys(holder);
      holder[keys.length && pick % 3 ? keys[pick % keys.length] : `k${pick % 5}`] = replacement;
      return copy;
    });
}

function messagesArb(messages: Record<string, unknown>[]) {
  return fc.oneof(
    { weight: 3, arbitrary: anyValue },
    { weight: 5, arbitrary: mutated(messages) },
    {
      weight: 2,
      arbitrary: fc
        .tuple(fc.constantFrom(...messages), plantedArb)
        .map(([m, p]) => ({ ...structuredClone(m), values: p })),
    },
    { weight: 1, arbitrary: hostileArb },
  );
}

/** Why `value` is not plain JSON (an independent check, written separately from the guard's). */
function notPlainJson(value: unknown, path = 'message'): string | undefined {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return undefined;
  if (typeof value === 'number') return Number.isFinite(value) ? undefined : `${path} is not finite`;
  if (typeof value !== 'object') return `${path} is a ${typeof value}`;
  if (Array.isArray(value)) {
    if (Object.keys(value).length !== value.length) return `${path} is sparse or decorated`;
    for (let i = 0; i < value.length; i++) {
      if (value[i] === undefined) return `${path}[${i}] is undefined`;
      const e = notPlainJson(value[i], `${path}[${i}]`);
      if (e) return e;
    }
    return undefined;
  }
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) return `${path} is not a plain object`;
  for (const key of Reflect.ownKeys(value)) {
    if (typeof key !== 'string') return `${path} has a symbol key`;
    if (PROTOTYPE_KEYS.includes(key)) return `${path} has the key ${key}`;
    const d = Object.getOwnPropertyDescriptor(value, key)!;
    if (!('value' in d)) return `${path}.${key} is an accessor`;
    if (d.value === undefined) continue;
    const e = notPlainJson(d.value, `${path}.${key}`);
    if (e) return e;
  }
  return undefined;
}

function fuzz(
  name: string,
  parse: (raw: unknown) => { ok: boolean },
  messages: Record<string, unknown>[],
  maxSize: number,
) {
  it(`${name}: ${RUNS.toLocaleString('en-US')} hostile messages — no throw, only plain JSON without prototype keys within ${maxSize / 1024 / 1024} MB`, () => {
    let accepted = 0;
    fc.assert(
      fc.property(messagesArb(messages), (raw) => {
        let parsed: { ok: boolean };
        try {
          parsed = parse(raw);
        } catch (e) {
          count('guards: throws');
          throw e;
        }
        count('guards: messages tried');
        if (!parsed.ok) return;
        accepted++;
        assert.strictEqual(notPlainJson(raw), undefined);
        assert.ok((JSON.stringify(raw) ?? '').length <= maxSize + 1024);
      }),
      { numRuns: RUNS },
    );
    count('guards: hostile messages accepted (all plain JSON)', accepted);
    // The well-formed ones still pass.
    for (const m of messages) assert.ok(parse(structuredClone(m)).ok, JSON.stringify(m));
  });
}

describe('guard fuzzing of both webview protocols (property)', function () {
  this.timeout(300_000);
  count('guards: throws', 0);
  fuzz('request form', parseFormMessage, FORM_MESSAGES, 16 * 1024 * 1024);
  fuzz('response viewer', parseResponseMessage, RESPONSE_MESSAGES, MAX_MESSAGE_SIZE);

  it('restored state: never throws, accepts only plain JSON', () => {
    fc.assert(
      fc.property(fc.oneof(anyValue, plantedArb, hostileArb), (raw) => {
        count('guards: messages tried', 2);
        const form = parseFormState(raw, () => true);
        const viewer = parseResponseState(raw);
        for (const state of [form, viewer]) if (state) assert.strictEqual(notPlainJson(state), undefined);
      }),
      { numRuns: 2000 },
    );
  });
});
