// What `{{…}}` stands for in a request cell. In order: the current row of a data-driven run (`{{row.phone}}`),
// the answer of a named cell (`{{card.data.id}}`), the notebook's front matter, then the session's defaults
// (`{{location_id}}` and `{{chain_id}}` from the default location, `{{environment}}`).
import type { VariableRef } from './variable-refs';

/** The part of an answer a named cell exposes: `{{card.status}}`, `{{card.data.id}}`, `{{card.meta.total_count}}`. */
export interface NamedResult {
  status?: number;
  data?: unknown;
  meta?: unknown;
  body?: unknown;
}

export interface VariableScope {
  /** The row of a data-driven run, exposed as `{{row}}`. */
  row?: unknown;
  results: Record<string, NamedResult>;
  notebook: Record<string, unknown>;
  defaults: Record<string, unknown>;
  /** Cells that name themselves but have not answered yet in this session: no warning, just no value. */
  pending?: ReadonlySet<string>;
}

export type VariableSource = 'row' | 'result' | 'notebook' | 'default';

export type Resolution =
  | { found: true; value: unknown; source: VariableSource }
  /** `unknown`: nothing has that name; `pending`: a named cell that has not run; `noValue`: the path leads nowhere. */
  | { found: false; reason: 'unknown' | 'pending' | 'noValue' | 'rowOutsideRun'; source?: VariableSource };

export const ROW_VARIABLE = 'row';

export function resolveVariable(scope: VariableScope, ref: Pick<VariableRef, 'root' | 'path'>): Resolution {
  const found = (value: unknown, source: VariableSource): Resolution => {
    const at = walk(value, ref.path);
    return at === undefined ? { found: false, reason: 'noValue', source } : { found: true, value: at, source };
  };
  if (ref.root === ROW_VARIABLE) {
    return scope.row === undefined ? { found: false, reason: 'rowOutsideRun' } : found(scope.row, 'row');
  }
  if (Object.prototype.hasOwnProperty.call(scope.results, ref.root)) return found(scope.results[ref.root], 'result');
  if (Object.prototype.hasOwnProperty.call(scope.notebook, ref.root))
    return found(scope.notebook[ref.root], 'notebook');
  if (Object.prototype.hasOwnProperty.call(scope.defaults, ref.root) && scope.defaults[ref.root] !== undefined)
    return found(scope.defaults[ref.root], 'default');
  if (scope.pending?.has(ref.root)) return { found: false, reason: 'pending' };
  return { found: false, reason: 'unknown' };
}

function walk(value: unknown, path: (string | number)[]): unknown {
  let node = value;
  for (const key of path) {
    if (node === null || typeof node !== 'object') return undefined;
    if (!Object.prototype.hasOwnProperty.call(node, key)) return undefined;
    node = (node as Record<string | number, unknown>)[key];
  }
  return node;
}

/** A value as it is written into text: strings as they are, everything else as JSON. */
export function variableText(value: unknown): string {
  return typeof value === 'string' ? value : (JSON.stringify(value) ?? '');
}

/** Replaces every reference in a piece of text; the references it could not resolve are returned. */
export function substitute(
  text: string,
  refs: VariableRef[],
  scope: VariableScope,
  offset = 0,
): { text: string; unresolved: VariableRef[] } {
  const unresolved: VariableRef[] = [];
  let out = '';
  let at = 0;
  for (const ref of refs) {
    const start = ref.start - offset;
    const end = ref.end - offset;
    if (start < 0 || end > text.length) continue;
    out += text.slice(at, start);
    const r = ref.valid ? resolveVariable(scope, ref) : undefined;
    if (r?.found) out += variableText(r.value);
    else {
      unresolved.push(ref);
      out += text.slice(start, end);
    }
    at = end;
  }
  return { text: out + text.slice(at), unresolved };
}

export interface FrontMatterProblem {
  line: number;
  text: string;
}

/**
 * Notebook variables from front matter: `name: value` lines, values as YAML scalars (numbers, true/false, null,
 * quoted or plain strings) or JSON (`[1, 2]`, `{"a": 1}`). Anything else is reported, not guessed.
 */
export function parseFrontMatter(text: string): { values: Record<string, unknown>; problems: FrontMatterProblem[] } {
  const values: Record<string, unknown> = {};
  const problems: FrontMatterProblem[] = [];
  text.split(/\r\n|\r|\n/).forEach((line, index) => {
    if (/^\s*(#.*)?$/.test(line)) return;
    const match = /^([A-Za-z_][\w-]*)\s*:(?:\s+(.*?))?\s*$/.exec(line);
    if (!match) {
      problems.push({ line: index, text: line });
      return;
    }
    const value = scalar(match[2] ?? '');
    if (value === INVALID) problems.push({ line: index, text: line });
    else values[match[1]] = value;
  });
  return { values, problems };
}

const INVALID = Symbol('invalid');

function scalar(raw: string): unknown {
  const text = raw.replace(/\s+#.*$/, '');
  if (text === '' || text === '~' || text === 'null') return null;
  if (text === 'true') return true;
  if (text === 'false') return false;
  if (/^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?$/.test(text)) return Number(text);
  if (text.startsWith('"') || text.startsWith('[') || text.startsWith('{')) {
    // A quoted value may hold " #", which is not a comment there.
    for (const candidate of [raw, text]) {
      try {
        return JSON.parse(candidate);
      } catch {
        // try the next reading
      }
    }
    return INVALID;
  }
  if (text.startsWith("'")) return /^'(?:[^']|'')*'$/.test(text) ? text.slice(1, -1).replace(/''/g, "'") : INVALID;
  return text;
}
