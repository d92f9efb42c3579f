// A small dependency-free validator for messages that come from a webview (untrusted input): shapes, types,
// sizes and nesting are checked before the host acts, and a failure names the first offending path. Before any
// message's own guard runs, the whole message must be plain JSON within a total size, with no key that reaches an
// object's prototype (`__proto__`, `constructor`, `prototype`) anywhere in it.

export interface Guard<T> {
  /** Returns an error ("values.path.location_id: expected an integer") or undefined when `value` is a T. */
  check(value: unknown, path: string): string | undefined;
  /** Phantom: the type this guard admits. */
  readonly __type?: T;
}

export type Infer<G> = G extends Guard<infer T> ? T : never;

const guard = <T>(check: (value: unknown, path: string) => string | undefined): Guard<T> => ({ check });
const at = (path: string) => path || 'message';

/** Keys that reach an object's prototype when a host copies values by key (`out[key] = value`). */
const PROTOTYPE_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/** The most a message may weigh (characters of its strings and keys, plus a little per value) unless a protocol says less. */
export const MAX_MESSAGE_SIZE = 128 * 1024 * 1024;
/** How deep any message may nest, whatever its own guard allows. */
const MAX_MESSAGE_DEPTH = 64;

export function str(options: { max?: number; min?: number; pattern?: RegExp } = {}): Guard<string> {
  const max = options.max ?? 10_000;
  return guard((v, p) => {
    if (typeof v !== 'string') return `${at(p)}: expected a string`;
    if (v.length > max) return `${at(p)}: longer than ${max} characters`;
    if (options.min !== undefined && v.length < options.min) return `${at(p)}: shorter than ${options.min} characters`;
    if (options.pattern && !options.pattern.test(v)) return `${at(p)}: does not match ${options.pattern}`;
    return undefined;
  });
}

export function int(options: { min?: number; max?: number } = {}): Guard<number> {
  const min = options.min ?? Number.MIN_SAFE_INTEGER;
  const max = options.max ?? Number.MAX_SAFE_INTEGER;
  return guard((v, p) =>
    typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max
      ? undefined
      : `${at(p)}: expected an integer from ${min} to ${max}`,
  );
}

export const bool: Guard<boolean> = guard((v, p) =>
  typeof v === 'boolean' ? undefined : `${at(p)}: expected true or false`,
);

export function literal<const L extends string | number | boolean>(...allowed: L[]): Guard<L> {
  return guard((v, p) =>
    allowed.includes(v as L)
      ? undefined
      : `${at(p)}: expected one of ${allowed.map((a) => JSON.stringify(a)).join(', ')}`,
  );
}

export function optional<T>(inner: Guard<T>): Guard<T | undefined> & { optional: true } {
  return { optional: true, check: (v, p) => (v === undefined ? undefined : inner.check(v, p)) };
}

export function arrayOf<T>(item: Guard<T>, options: { max: number }): Guard<T[]> {
  return guard((v, p) => {
    if (!Array.isArray(v)) return `${at(p)}: expected a list`;
    if (v.length > options.max) return `${at(p)}: more than ${options.max} items`;
    for (let i = 0; i < v.length; i++) {
      const e = item.check(v[i], `${p}[${i}]`);
      if (e) return e;
    }
    return undefined;
  });
}

type Shape = Record<string, Guard<unknown>>;
type OptionalKeys<S extends Shape> = { [K in keyof S]: S[K] extends { optional: true } ? K : never }[keyof S];
type RequiredKeys<S extends Shape> = Exclude<keyof S, OptionalKeys<S>>;
export type ObjectOf<S extends Shape> = { [K in RequiredKeys<S>]: Infer<S[K]> } & {
  [K in OptionalKeys<S>]?: Infer<S[K]>;
};

/** A plain object with exactly these keys (unknown keys are refused). */
export function object<S extends Shape>(shape: S): Guard<ObjectOf<S>> {
  const keys = Object.keys(shape);
  return guard((v, p) => {
    if (!isPlainObject(v)) return `${at(p)}: expected an object`;
    for (const k of Object.keys(v)) if (!keys.includes(k)) return `${at(p)}: unexpected key "${k.slice(0, 40)}"`;
    for (const k of keys) {
      const e = shape[k].check((v as Record<string, unknown>)[k], p ? `${p}.${k}` : k);
      if (e) return e;
    }
    return undefined;
  });
}

/** A record of string keys (at most `maxKeys`) whose values pass `value`. */
export function record<T>(value: Guard<T>, options: { maxKeys: number; key?: RegExp }): Guard<Record<string, T>> {
  return guard((v, p) => {
    if (!isPlainObject(v)) return `${at(p)}: expected an object`;
    const entries = Object.entries(v);
    if (entries.length > options.maxKeys) return `${at(p)}: more than ${options.maxKeys} keys`;
    for (const [k, item] of entries) {
      if (PROTOTYPE_KEYS.has(k) || (options.key && !options.key.test(k)))
        return `${at(p)}: key "${k.slice(0, 40)}" is not allowed`;
      const e = value.check(item, `${p}.${k}`);
      if (e) return e;
    }
    return undefined;
  });
}

export interface JsonLimits {
  maxDepth: number;
  maxNodes: number;
  maxStringLength: number;
}

/** Any JSON value within limits: no functions or symbols, finite numbers, bounded depth, size and strings. */
export function json(limits: JsonLimits): Guard<unknown> {
  return guard((v, p) => {
    let nodes = 0;
    const visit = (x: unknown, path: string, depth: number): string | undefined => {
      if (++nodes > limits.maxNodes) return `${at(p)}: more than ${limits.maxNodes} values`;
      if (depth > limits.maxDepth) return `${path}: nested deeper than ${limits.maxDepth}`;
      if (x === null || typeof x === 'boolean') return undefined;
      if (typeof x === 'number') return Number.isFinite(x) ? undefined : `${path}: not a finite number`;
      if (typeof x === 'string')
        return x.length > limits.maxStringLength ? `${path}: string longer than ${limits.maxStringLength}` : undefined;
      if (Array.isArray(x)) {
        for (let i = 0; i < x.length; i++) {
          const e = visit(x[i], `${path}[${i}]`, depth + 1);
          if (e) return e;
        }
        return undefined;
      }
      if (isPlainObject(x)) {
        for (const [k, item] of Object.entries(x)) {
          if (PROTOTYPE_KEYS.has(k)) return `${path}: key "${k}" is not allowed`;
          if (k.length > 200) return `${path}: key longer than 200 characters`;
          const e = visit(item, `${path}.${k}`, depth + 1);
          if (e) return e;
        }
        return undefined;
      }
      return `${path}: not a JSON value`;
    };
    return visit(v, at(p), 0);
  });
}

export type MessageGuards = Record<string, Guard<unknown>>;
export type MessageOf<G extends MessageGuards> = { [K in keyof G]: { type: K } & Infer<G[K]> }[keyof G];

export type Parsed<M> = { ok: true; message: M } | { ok: false; error: string };

/**
 * Checks a message `{ type, ...fields }` against the guard of its type. Each guard is an `object(...)`
 * of the fields besides `type`; unknown types are refused. Never throws, whatever arrives.
 */
export function parseMessage<G extends MessageGuards>(
  guards: G,
  raw: unknown,
  options: { maxSize?: number } = {},
): Parsed<MessageOf<G>> {
  try {
    if (!isPlainObject(raw)) return { ok: false, error: 'message: expected an object' };
    const notPlain = plainJsonProblem(raw, options.maxSize ?? MAX_MESSAGE_SIZE);
    if (notPlain) return { ok: false, error: notPlain };
    const type = (raw as { type?: unknown }).type;
    if (typeof type !== 'string' || !Object.prototype.hasOwnProperty.call(guards, type)) {
      return {
        ok: false,
        error: `message: unknown type ${typeof type === 'string' ? JSON.stringify(type.slice(0, 40)) : typeof type}`,
      };
    }
    const { type: _type, ...rest } = raw as Record<string, unknown>;
    const error = guards[type].check(rest, '');
    return error ? { ok: false, error: `${type}: ${error}` } : { ok: true, message: raw as MessageOf<G> };
  } catch (e) {
    // A hostile value (a proxy, say) can throw from anywhere; it is refused like any other bad message.
    return { ok: false, error: `message: could not be read (${String((e as Error)?.message ?? e).slice(0, 80)})` };
  }
}

/**
 * Why `value` is not plain JSON within `maxSize`, or undefined: only plain objects (no class instances, accessors,
 * symbol or hidden keys, prototype keys), dense arrays without extra keys, strings, finite numbers, booleans and
 * null; `undefined` only as an object's value (where JSON leaves it out). Iterative, so depth cannot overflow here.
 */
export function plainJsonProblem(value: unknown, maxSize: number): string | undefined {
  try {
    return walkPlainJson(value, maxSize);
  } catch (e) {
    return `message: could not be read (${String((e as Error)?.message ?? e).slice(0, 80)})`;
  }
}

function walkPlainJson(value: unknown, maxSize: number): string | undefined {
  let size = 0;
  const pending: [unknown, string, number][] = [[value, 'message', 0]];
  while (pending.length) {
    const [x, path, depth] = pending.pop()!;
    size += 8;
    if (typeof x === 'string') size += x.length;
    if (size > maxSize) return `message: larger than ${maxSize} characters in all`;
    if (x === null || typeof x === 'boolean' || typeof x === 'string') continue;
    if (typeof x === 'number') {
      if (!Number.isFinite(x)) return `${path}: not a finite number`;
      continue;
    }
    if (typeof x !== 'object') return `${path}: not a JSON value`;
    if (depth >= MAX_MESSAGE_DEPTH) return `${path}: nested deeper than ${MAX_MESSAGE_DEPTH}`;
    if (Object.getOwnPropertySymbols(x).length) return `${path}: has symbol keys`;
    if (Array.isArray(x)) {
      if (Object.getPrototypeOf(x) !== Array.prototype) return `${path}: not a plain list`;
      const names = Object.getOwnPropertyNames(x);
      // A dense list has exactly its indices and "length".
      if (names.length !== x.length + 1) return `${path}: a list with holes or extra keys`;
      for (let i = x.length - 1; i >= 0; i--) {
        const d = Object.getOwnPropertyDescriptor(x, i);
        if (!d || !('value' in d)) return `${path}[${i}]: not a plain value`;
        if (d.value === undefined) return `${path}[${i}]: not a JSON value`;
        pending.push([d.value, `${path}[${i}]`, depth + 1]);
      }
      continue;
    }
    if (!isPlainObject(x)) return `${path}: not a plain object`;
    const keys = Object.keys(x);
    if (Object.getOwnPropertyNames(x).length !== keys.length) return `${path}: has hidden keys`;
    for (const k of keys) {
      size += k.length;
      if (PROTOTYPE_KEYS.has(k)) return `${path}: key "${k}" is not allowed`;
      const d = Object.getOwnPropertyDescriptor(x, k)!;
      if (!('value' in d)) return `${path}.${k.slice(0, 40)}: not a plain value`;
      if (d.value !== undefined) pending.push([d.value, `${path}.${k.slice(0, 40)}`, depth + 1]);
    }
  }
  return undefined;
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return false;
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}
