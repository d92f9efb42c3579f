// The JSON body of a request cell, read tolerantly (jsonc-parser) so that completion and diagnostics work while
// it is being typed. `{{var}}` may stand where a value goes (`"id": {{card.data.id}}`: the value itself, CSV text
// read as the JSON it spells) or inside a string (`"{{row.number}}"`: text; a list or object stays whole).
import { getLocation, parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import { findVariables, type VariableRef } from './variable-refs';
import { resolveVariable, variableText, type VariableScope } from './variables';

export interface CellBody {
  /** The body as written, with each reference outside a string blanked to `null` of the same length. */
  masked: string;
  /** Offset of the body in the cell. */
  start: number;
  root: Node | undefined;
  errors: { start: number; end: number; code: string }[];
  refs: VariableRef[];
}

export interface BodyValue {
  value: unknown;
  /** References without a value, and the field they were for (`services[0].id`, '' for the whole body). */
  unresolved: { ref: VariableRef; field: string }[];
}

export function readBody(text: string, start: number): CellBody {
  const refs = findVariables(text);
  let masked = '';
  let at = 0;
  for (const ref of refs) {
    if (insideString(text, ref.start)) continue;
    masked += text.slice(at, ref.start) + 'null'.padEnd(ref.end - ref.start, ' ');
    at = ref.end;
  }
  masked += text.slice(at);
  const errors: ParseError[] = [];
  const root = parseTree(masked, errors, { allowTrailingComma: false, disallowComments: true });
  return {
    masked,
    start,
    root,
    errors: errors.map((e) => ({
      start: start + e.offset,
      end: start + e.offset + Math.max(1, e.length),
      code: printParseErrorCode(e.error),
    })),
    refs: refs.map((r) => ({ ...r, start: r.start + start, end: r.end + start })),
  };
}

/** The body's value with every reference replaced by what the scope gives it. */
export function bodyValue(body: CellBody, scope: VariableScope): BodyValue {
  const unresolved: BodyValue['unresolved'] = [];
  const refsIn = (node: Node) =>
    body.refs.filter((r) => r.start >= body.start + node.offset && r.end <= body.start + node.offset + node.length);
  const visit = (node: Node, field: string): unknown => {
    switch (node.type) {
      case 'object': {
        const out: Record<string, unknown> = {};
        for (const prop of node.children ?? []) {
          const [key, value] = prop.children ?? [];
          if (!key || !value) continue;
          const name = String(key.value);
          out[name] = visit(value, field ? `${field}.${name}` : name);
        }
        return out;
      }
      case 'array':
        return (node.children ?? []).map((child, i) => visit(child, `${field}[${i}]`));
      case 'string': {
        const refs = refsIn(node);
        const text = String(node.value);
        if (refs.length === 0) return text;
        if (refs.length === 1 && /^\s*\{\{[^{}]*\}\}\s*$/.test(text)) {
          const r = refs[0].valid ? resolveVariable(scope, refs[0]) : undefined;
          // Quotes ask for text: a number read into "{{…}}" becomes its digits; a list or an object stays whole.
          if (r?.found) return r.value !== null && typeof r.value === 'object' ? r.value : variableText(r.value);
          unresolved.push({ ref: refs[0], field });
          return text;
        }
        let out = text;
        for (const ref of refs) {
          const r = ref.valid ? resolveVariable(scope, ref) : undefined;
          if (!r?.found) {
            unresolved.push({ ref, field });
            continue;
          }
          const pattern = new RegExp(`\\{\\{\\s*${escapeRegExp(ref.expression)}\\s*\\}\\}`, 'g');
          out = out.replace(pattern, () => variableText(r.value));
        }
        return out;
      }
      case 'null': {
        // A blanked reference: its `null` is shorter than the reference it stands for.
        const ref = body.refs.find((r) => r.start === body.start + node.offset);
        if (!ref) return null;
        const r = ref.valid ? resolveVariable(scope, ref) : undefined;
        if (r?.found) return bareValue(r.value);
        unresolved.push({ ref, field });
        return null;
      }
      default:
        return node.value;
    }
  };
  return { value: body.root ? visit(body.root, '') : undefined, unresolved };
}

export interface BodyCursor {
  /** The JSON path of the property or value at the cursor (`['services', 0, 'id']`). */
  path: (string | number)[];
  /** At a property name: the path's last segment is the name being typed. */
  atPropertyKey: boolean;
  /** The names already present in the object around the cursor. */
  siblings: string[];
  /** The node under the cursor, if any. */
  node?: Node;
}

/** Where the cursor is in the body (`offset` is an offset in the cell). */
export function bodyCursor(body: CellBody, offset: number): BodyCursor {
  const local = offset - body.start;
  const location = getLocation(body.masked, local);
  const path = [...location.path];
  const objectPath = location.isAtPropertyKey ? path.slice(0, -1) : path;
  const siblings = propertyNames(body.root, location.isAtPropertyKey ? objectPath : objectPath);
  return { path, atPropertyKey: location.isAtPropertyKey, siblings, node: location.previousNode };
}

function propertyNames(root: Node | undefined, path: (string | number)[]): string[] {
  let node = root;
  for (const key of path) {
    if (!node) return [];
    if (node.type === 'object') {
      const prop = node.children?.find((p) => p.children?.[0]?.value === key);
      node = prop?.children?.[1];
    } else if (node.type === 'array' && typeof key === 'number') node = node.children?.[key];
    else return [];
  }
  if (node?.type !== 'object') return [];
  return (node.children ?? []).map((p) => String(p.children?.[0]?.value ?? '')).filter(Boolean);
}

/** The span (cell offsets) of the value or property a body field names (`services[0].id`), for diagnostics. */
export function fieldSpan(body: CellBody, field: string): { start: number; end: number } | undefined {
  if (!body.root) return undefined;
  const segments = field === '' ? [] : splitField(field);
  let node: Node | undefined = body.root;
  let best: Node = body.root;
  for (const key of segments) {
    if (node?.type === 'object') {
      const prop: Node | undefined = node.children?.find((p) => p.children?.[0]?.value === key);
      if (!prop) break;
      best = prop;
      node = prop.children?.[1];
    } else if (node?.type === 'array' && typeof key === 'number' && node.children?.[key]) {
      node = node.children[key];
      best = node;
    } else break;
  }
  // A missing field is reported on the object that lacks it: its opening brace.
  const length = best.type === 'object' && best === node ? 1 : best.length;
  return { start: body.start + best.offset, end: body.start + best.offset + length };
}

export function splitField(field: string): (string | number)[] {
  const out: (string | number)[] = [];
  for (const match of field.matchAll(/([^.[\]]+)|\[(\d+)\]/g))
    out.push(match[2] !== undefined ? Number(match[2]) : match[1]);
  return out;
}

/**
 * A reference written where a value goes stands for its text, as in REST Client: a CSV cell "13155550175" written
 * as `"phone": {{row.phone}}` is the number 13155550175. Text that is not a JSON number, true, false or null stays text.
 */
function bareValue(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  const text = value.trim();
  if (/^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?$/.test(text) || text === 'true' || text === 'false' || text === 'null')
    return JSON.parse(text);
  return value;
}

function insideString(text: string, offset: number): boolean {
  let inside = false;
  for (let i = 0; i < offset; i++) {
    const c = text[i];
    if (inside && c === '\\') i++;
    else if (c === '"') inside = !inside;
    else if (c === '\n') inside = false;
  }
  return inside;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
