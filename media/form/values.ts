// Reading and writing a form's values by path, and turning what is typed into the typed value the schema
// wants. Pure functions: no DOM, so they are unit-tested in plain Node.
import type { FormField, FormLocation } from '../../src/api/form-types';
import { normalisePhone } from '../../src/api/phone';

export type Segment = string | number;

/** The key an issue is placed by, the same as the host's `fieldKey`: `body:services[0].id`, `path:location_id`. */
export function keyOf(location: FormLocation, segments: readonly Segment[]): string {
  let name = '';
  for (const s of segments) {
    if (typeof s === 'number') name += `[${s}]`;
    else if (s !== '') name += name ? `.${s}` : s;
  }
  return `${location}:${name}`;
}

export function getIn(root: unknown, segments: readonly Segment[]): unknown {
  let node = root;
  for (const s of segments) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[s as string];
  }
  return node;
}

/**
 * A copy of `root` with the value at `segments` replaced. `undefined` removes an object key, and a nested
 * object left empty is removed with it, so an untouched optional object is "not given".
 */
export function setIn(root: unknown, segments: readonly Segment[], value: unknown): unknown {
  if (segments.length === 0) return value;
  const [head, ...rest] = segments;
  if (typeof head === 'number') {
    const list = Array.isArray(root) ? [...root] : [];
    list[head] = setIn(list[head], rest, value);
    return list;
  }
  const obj: Record<string, unknown> =
    root !== null && typeof root === 'object' && !Array.isArray(root) ? { ...(root as Record<string, unknown>) } : {};
  const next = setIn(obj[head], rest, value);
  const emptyObject =
    next !== null &&
    typeof next === 'object' &&
    !Array.isArray(next) &&
    Object.keys(next).length === 0 &&
    rest.length > 0;
  if (next === undefined || emptyObject) delete obj[head];
  else obj[head] = next;
  return obj;
}

export function removeAt(list: unknown, index: number): unknown[] {
  return Array.isArray(list) ? list.filter((_v, i) => i !== index) : [];
}

const INTEGER = /^-?\d+$/;
const NUMBER = /^-?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;

/**
 * The typed value for what was typed: '' is "not given"; a number field keeps text that is not a number
 * as text, so that validation names the problem instead of the form silently dropping it.
 */
export function parseInput(field: FormField, text: string): unknown {
  // A phone is sent as its digits: "+1 (917) 555-0114" is 19175550114.
  const t = field.kind === 'phone' ? normalisePhone(text) : text.trim();
  if (t === '') return undefined;
  switch (field.valueType) {
    case 'integer':
      return INTEGER.test(t) && Number.isSafeInteger(Number(t)) ? Number(t) : text;
    case 'number':
      if (field.kind === 'phone') return /^\d+$/.test(t) && Number.isSafeInteger(Number(t)) ? Number(t) : text;
      return NUMBER.test(t) ? Number(t) : text;
    case 'boolean':
      return t === 'true' ? true : t === 'false' ? false : text;
    default:
      return field.kind === 'phone' ? t : text;
  }
}

/** The text an input shows for a value. */
export function displayText(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

/** The value of an option, whose element value is always text, typed as the field wants it. */
export function optionValue(field: FormField, text: string): unknown {
  if (text === '') return undefined;
  const option = field.options?.find((o) => String(o.value) === text);
  if (option) return option.value;
  return parseInput(field, text);
}

/** Whether two values are the same JSON. */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  return JSON.stringify(a) === JSON.stringify(b);
}

/** `body:services[0].id` → ['services', 0, 'id']: the inverse of `keyOf` without its location. */
export function keySegments(key: string): Segment[] {
  const name = key.slice(key.indexOf(':') + 1);
  const out: Segment[] = [];
  for (const m of name.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) out.push(m[2] !== undefined ? Number(m[2]) : m[1]);
  return out;
}
