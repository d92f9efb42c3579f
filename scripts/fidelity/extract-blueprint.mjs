#!/usr/bin/env node
// Extracts the facts of the official YCLIENTS API Blueprint (Altegio's API v1 is its international edition) into
// reference/yclients-examples.json: per action its method, URL template, parameters with their example values,
// example requests (query, body) and example responses (status, body). Data only — no titles, descriptions or
// other prose of the blueprint — plus the repository and commit it came from. The fidelity test reads the result.
//
//   node scripts/fidelity/extract-blueprint.mjs --git-dir /work/.mirror/mkosinov+yclientsapi/repo
//   node scripts/fidelity/extract-blueprint.mjs --apib yclientsru.apib --commit <sha> [--out file]
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const REPOSITORY = 'mkosinov/yclientsapi';
const BLUEPRINT_PATH = 'docs/yclients_official/yclientsru.apib';
const DEFAULT_OUT = path.join(root, 'reference', 'yclients-examples.json');
const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];

function parseArgs(argv) {
  const args = {};
  for (let i = 0; i < argv.length; i += 2) args[argv[i].replace(/^--/, '')] = argv[i + 1];
  return args;
}

function readSource(args) {
  if (args['git-dir']) {
    const git = (...a) => execFileSync('git', ['--git-dir', args['git-dir'], ...a], { maxBuffer: 64 << 20 }).toString();
    return { text: git('show', `HEAD:${BLUEPRINT_PATH}`), commit: git('rev-parse', 'HEAD').trim() };
  }
  if (args.apib && args.commit) return { text: fs.readFileSync(args.apib, 'utf8'), commit: args.commit };
  throw new Error('usage: --git-dir <mirror> | --apib <file> --commit <sha> [--out <file>]');
}

// ---------------------------------------------------------------------------------------------------------------
// Headings: groups, resources and actions.

/** `## Title [/url]`, `## Title [POST /url]`, `### Title [GET]`, `##Title [...]` (the blueprint is not strict). */
function heading(line) {
  const m = /^(#{1,4})\s*([^[]*?)\s*\[(.*)\]\s*$/.exec(line);
  if (!m) return undefined;
  const level = m[1].length;
  const inside = m[3].trim();
  const parts = inside.split(/\s+/);
  if (METHODS.includes(parts[0])) return { level, method: parts[0], url: parts.slice(1).join(' ') || undefined };
  if (inside.startsWith('/')) return { level, url: inside };
  return undefined;
}

function isGroup(line) {
  return /^#\s*Group\b/.test(line);
}

/** The blueprint writes some templates with the API prefix, some without; ours are relative to /api/v1. */
function normaliseUrl(url) {
  return url.replace(/^\/api\/v1(?=\/)/, '');
}

// ---------------------------------------------------------------------------------------------------------------
// Sections: `+ Parameters`, `+ Request`, `+ Response 200`, `+ Attributes` and their nested blocks.

const indentOf = (line) => line.length - line.trimStart().length;

/** The lines that belong to the list item starting at `start` (more indented, or blank, until the next item). */
function blockOf(lines, start) {
  const base = indentOf(lines[start]);
  let end = start + 1;
  while (end < lines.length) {
    const line = lines[end];
    if (line.trim() === '') {
      end++;
      continue;
    }
    if (/^#/.test(line)) break;
    if (indentOf(line) <= base && /^\s*\+\s/.test(line)) break;
    if (indentOf(line) === 0 && base === 0 && !/^\s*[{[\]}]/.test(line)) {
      // Unindented prose after a section ends it, except for JSON written flush left.
      break;
    }
    end++;
  }
  return { lines: lines.slice(start + 1, end), end };
}

/**
 * One MSON line: `+ company_id: \`4564\` (required, number) - …`, `+ page (number, \`1\`) - …`,
 * `+ fullname:Joh (optional, string)`, `+ phone: '79264037640' (string)`. Returns the name, whether it is required,
 * its type and its sample value (quotes of the notation removed), if any.
 */
function parameterLine(line) {
  const m = /^\s*\+\s+([A-Za-z_][A-Za-z0-9_]*(?:\[\])?)\s*(.*)$/.exec(line);
  if (!m) return undefined;
  const name = m[1];
  let rest = m[2];
  let example;
  if (rest.startsWith(':')) {
    rest = rest.slice(1).trimStart();
    const quoted = /^`([^`]*)`,?\s*/.exec(rest);
    if (quoted) {
      example = quoted[1];
      rest = rest.slice(quoted[0].length);
    } else {
      const end = rest.search(/\s\(|\s-\s|^\(|^-\s/);
      example = (end < 0 ? rest : rest.slice(0, end)).trim();
      rest = end < 0 ? '' : rest.slice(end).trimStart();
    }
  }
  const parens = /^\(([^)]*)\)/.exec(rest);
  const attrs = (parens?.[1] ?? '').split(',').map((s) => s.trim());
  const quotedAttr = attrs.find((a) => /^`.*`$/.test(a));
  if ((example === undefined || example === '') && quotedAttr) example = quotedAttr.slice(1, -1);
  const type = attrs.find((a) => /^(number|string|boolean|array|object|enum|integer)\b/.test(a));
  if (example !== undefined) example = unquote(example);
  return {
    name,
    required: attrs.includes('required'),
    ...(type ? { type } : {}),
    ...(example !== undefined && example !== '' ? { example } : {}),
  };
}

/** The notation's quotes around a sample: `x`, 'x', "x". */
function unquote(text) {
  const t = text.trim();
  return /^(`.*`|'.*'|".*")$/.test(t) && t.length >= 2 ? t.slice(1, -1) : t;
}

/** The list items at the block's outer level, each with the lines nested under it. */
function items(blockLines) {
  const bullets = blockLines.filter((l) => /^\s*\+\s/.test(l));
  if (!bullets.length) return [];
  const base = Math.min(...bullets.map(indentOf));
  const out = [];
  for (const line of blockLines) {
    if (/^\s*\+\s/.test(line) && indentOf(line) === base) out.push({ line, children: [] });
    else if (out.length && line.trim()) out[out.length - 1].children.push(line);
  }
  return out;
}

function parameterList(blockLines) {
  const out = [];
  for (const item of items(blockLines)) {
    if (/^\s*\+\s+(Default|Members|Sample)\b/.test(item.line)) continue;
    const p = parameterLine(item.line);
    if (p) out.push(p);
  }
  return out;
}
/**
 * Sub-blocks of a Request/Response section by keyword (`Headers`, `Body`, `Attributes`, `Schema`). They never nest,
 * and the blueprint indents them inconsistently, so each runs to the next keyword whatever its indentation.
 */
function subBlocks(blockLines) {
  const out = { direct: [] };
  let current = out.direct;
  for (const line of blockLines) {
    const m = /^\s*\+\s+(Headers|Body|Attributes|Schema)\b(.*)$/.exec(line);
    if (m) {
      current = [];
      out[m[1].toLowerCase()] = { lines: current, header: m[2].trim() };
      continue;
    }
    current.push(line);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// JSON bodies: the first balanced {…} or […] of a code block; trailing commas (a common slip of the blueprint) are
// repaired and recorded; anything else that does not parse is kept as text with the parser's complaint.

function balancedJson(blockLines) {
  const start = blockLines.findIndex((l) => /^\s*[{[]/.test(l));
  if (start < 0) return undefined;
  let depth = 0;
  let inString = false;
  let escaped = false;
  const taken = [];
  for (let i = start; i < blockLines.length; i++) {
    const line = blockLines[i];
    taken.push(line);
    for (const ch of line) {
      if (inString) {
        if (escaped) escaped = false;
        else if (ch === '\\') escaped = true;
        else if (ch === '"') inString = false;
        continue;
      }
      if (ch === '"') inString = true;
      else if (ch === '{' || ch === '[') depth++;
      else if (ch === '}' || ch === ']') depth--;
    }
    // A string never spans lines in JSON; a stray quote must not swallow the rest of the block.
    inString = false;
    if (depth <= 0) break;
  }
  const indent = Math.min(...taken.filter((l) => l.trim()).map(indentOf));
  return taken.map((l) => l.slice(Math.min(indent, indentOf(l)))).join('\n');
}

/**
 * Slips of the blueprint's hand-written JSON that have one reading, repaired in this order; each repair applied is
 * recorded with the example. Anything else stays text with the parser's complaint (the fidelity test lists those).
 */
const REPAIRS = [
  ['trailing comma', (t) => t.replace(/,(\s*[}\]])/g, '$1')],
  [
    'missing comma between lines',
    (t) => t.replace(/("|[0-9]|true|false|null|[}\]])([ \t]*\n[ \t]*)(?=["{[0-9-])/g, '$1,$2'),
  ],
  // `"meta": [ "count": 1 ]`: members in square brackets are an object.
  ['object written in square brackets', (t) => t.replace(/\[(\s*"[^"\n]*"\s*:[^[\]{}]*)\]/g, '{$1}')],
  ['unquoted property name', (t) => t.replace(/^(\s*)([A-Za-z_][A-Za-z0-9_]*)(\s*):/gm, '$1"$2"$3:')],
];

function parseJsonExample(text) {
  const attempt = (t) => {
    try {
      return { ok: true, value: JSON.parse(t) };
    } catch (e) {
      return { ok: false, error: e.message };
    }
  };
  const first = attempt(text);
  if (first.ok) return { body: first.value };
  let current = text;
  const applied = [];
  for (const [name, fix] of REPAIRS) {
    const next = fix(current);
    if (next === current) continue;
    current = next;
    applied.push(name);
    const result = attempt(current);
    if (result.ok) return { body: result.value, repaired: applied };
  }
  return { bodyText: text, bodyError: first.error };
}

/**
 * A body built from MSON attributes with sample values (`+ login: \`x\` (required, string)`, arrays written as
 * nested `+ 1` items, objects as nested attributes). Undefined when a required attribute has no sample: the
 * blueprint then shows no complete request.
 */
function attributesBody(blockLines) {
  const list = items(blockLines);
  if (!list.length) return undefined;
  const body = {};
  for (const item of list) {
    if (/^\s*\+\s+(Default|Members|Sample)\b/.test(item.line)) continue;
    const p = parameterLine(item.line);
    if (!p) continue;
    const value = sampleOf(p, item.children);
    if (value === undefined) {
      if (p.required) return undefined;
      continue;
    }
    body[p.name] = value;
  }
  return Object.keys(body).length ? body : undefined;
}

function sampleOf(p, children) {
  if (p.type && /^array/.test(p.type) && children.length) {
    const values = items(children).map((c) => /^\s*\+\s+(.*?)\s*$/.exec(c.line)[1]);
    const itemType = /array\[(\w+)\]/.exec(p.type)?.[1];
    return values.map((v) => typedSample(unquote(v), itemType));
  }
  if (p.type && /^object/.test(p.type) && children.length) return attributesBody(children);
  return p.example === undefined ? undefined : typedSample(p.example, p.type);
}

function typedSample(value, type) {
  if (type && /^array/.test(type) && /^\[.*\]$/.test(value)) {
    try {
      return JSON.parse(value);
    } catch {
      return value;
    }
  }
  if (type && /^(number|integer)/.test(type) && /^-?[0-9]+(\.[0-9]+)?$/.test(value)) return Number(value);
  if (type && /^boolean/.test(type) && /^(true|false)$/.test(value)) return value === 'true';
  return value;
}

function exampleFrom(section) {
  const sub = subBlocks(section.lines);
  const source = sub.body?.lines ?? sub.direct;
  const text = balancedJson(source);
  if (text !== undefined) return parseJsonExample(text);
  if (sub.attributes) return fromAttributes(sub.attributes.lines);
  return {};
}

/**
 * A body from MSON attributes; when a required attribute has no sample, the attributes themselves (name, required,
 * type, sample) so that a reader can see which fields the blueprint names without showing a value.
 */
function fromAttributes(blockLines) {
  const body = attributesBody(blockLines);
  if (body) return { body, from: 'attributes' };
  const attributes = parameterList(blockLines);
  return attributes.length ? { attributes } : {};
}

// ---------------------------------------------------------------------------------------------------------------
// URL templates: `/records/{company_id}{?page,count}`, `/cities?country_id=1&salon_id=1`,
// `/labels/{company_id}/clients?{page}=&{term}=…`, `/loyalty/certificates/?{phone}&{company_id}`.

function splitTemplate(url) {
  const queryNames = [];
  const literalQuery = {};
  /** `ids[]={id}`: the query key `ids` (a list) takes the sample of the variable `id`. */
  const queryVariables = {};
  let pathPart = url.replace(/\{\?([^}]*)\}/g, (_m, names) => {
    for (const n of names.split(',')) if (n.trim()) queryNames.push(n.trim());
    return '';
  });
  const q = pathPart.indexOf('?');
  if (q >= 0) {
    const query = pathPart.slice(q + 1);
    pathPart = pathPart.slice(0, q);
    for (const pair of query.split('&')) {
      if (!pair) continue;
      const [rawKey, rawValue = ''] = pair.split('=');
      const isList = /\[\]$/.test(rawKey);
      const key = rawKey.replace(/^\{|\}$/g, '').replace(/\[\]$/, '');
      if (!key) continue;
      queryNames.push(key);
      const variable = /^\{(.*)\}$/.exec(rawValue)?.[1];
      if (variable) queryVariables[variable] = { key, isList };
      else if (rawValue) literalQuery[key] = isList ? [rawValue] : rawValue;
    }
  }
  const pathNames = [...pathPart.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]);
  return { path: pathPart, pathNames, queryNames: [...new Set(queryNames)], literalQuery, queryVariables };
}

// ---------------------------------------------------------------------------------------------------------------

function extract(text) {
  const lines = text.replace(/\r\n/g, '\n').split('\n');
  const actions = [];
  let inDataStructures = false;
  let resource; // { url, parameters }
  let action; // current action being filled
  let pendingParameters = [];

  const finishAction = () => {
    if (action) actions.push(action);
    action = undefined;
  };

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (/^#\s*Data Structures/.test(line)) {
      finishAction();
      inDataStructures = true;
      continue;
    }
    if (isGroup(line)) {
      finishAction();
      inDataStructures = false;
      resource = undefined;
      continue;
    }
    if (inDataStructures) continue;
    const h = /^#/.test(line) ? heading(line) : undefined;
    if (h) {
      finishAction();
      if (h.method) {
        // An action, possibly with its own template; `## Title [POST /url]` is a resource and an action at once.
        const url = h.url ?? resource?.url;
        if (!url) continue;
        if (h.url && h.level <= 2) resource = { url: h.url, parameters: [] };
        action = {
          line: i + 1,
          method: h.method,
          url: normaliseUrl(url),
          resourceParameters: resource ? resource.parameters : [],
          parameters: [...pendingParameters],
          requests: [],
          responses: [],
          attributes: undefined,
        };
        pendingParameters = [];
      } else {
        resource = { url: normaliseUrl(h.url), parameters: [] };
        pendingParameters = [];
      }
      continue;
    }
    if (/^#/.test(line)) {
      // A heading without a template (`#### Фильтрация …`): prose, the action continues.
      continue;
    }
    const section = /^(\s*)\+\s+(Parameters|Параметры|Параметр|Request|Response|Attributes)\b(.*)$/.exec(line);
    if (!section || indentOf(line) > 2) continue;
    const block = blockOf(lines, i);
    const kind = section[2];
    if (kind === 'Parameters' || kind === 'Параметры' || kind === 'Параметр') {
      const params = parameterList(block.lines);
      if (action) action.parameters.push(...params);
      else if (resource) resource.parameters.push(...params);
    } else if (kind === 'Attributes') {
      if (action) action.attributes = block;
    } else if (kind === 'Request' && action) {
      action.requests.push(exampleFrom(block));
    } else if (kind === 'Response' && action) {
      const status = Number(/^\s*([0-9]{3})/.exec(section[3])?.[1]);
      if (status) action.responses.push({ status, ...exampleFrom(block) });
    }
    i = block.end - 1;
  }
  finishAction();
  return actions.map(toFixture);
}

function toFixture(a) {
  const template = splitTemplate(a.url);
  const inTemplate = (name) =>
    template.pathNames.includes(name) || template.queryNames.includes(name) || name in template.queryVariables;
  const byName = new Map();
  // A resource's parameters apply to its actions as far as the action's own template names them.
  for (const p of a.resourceParameters) if (inTemplate(p.name)) byName.set(p.name, p);
  for (const p of a.parameters) byName.set(p.name, { ...byName.get(p.name), ...p });
  // An action's `+ Attributes` outside its request, for a GET, lists its query parameters (with samples).
  if (a.attributes && a.method === 'GET') for (const p of parameterList(a.attributes.lines)) byName.set(p.name, p);
  const parameters = [...byName.values()].map((p) => ({
    ...p,
    in: template.pathNames.includes(p.name) ? 'path' : 'query',
  }));
  // The documented request: the template's literal query values, then the parameters' sample values.
  const query = { ...template.literalQuery };
  for (const p of parameters) {
    if (p.in !== 'query' || p.example === undefined || p.example === '') continue;
    const variable = template.queryVariables[p.name];
    const key = variable?.key ?? p.name;
    if (key in query) continue;
    query[key] = variable?.isList ? [p.example] : p.example;
  }
  const requests = (a.requests.length ? a.requests : [{}]).map((r) => ({ query, ...r }));
  // A body described only by the action's attributes (no Request body) is the request's body.
  if (a.attributes && a.method !== 'GET') {
    const described = fromAttributes(a.attributes.lines);
    for (const r of requests)
      if (r.body === undefined && r.bodyText === undefined && !r.attributes) Object.assign(r, described);
  }
  return {
    line: a.line,
    method: a.method,
    url: a.url,
    path: template.path,
    pathParameters: template.pathNames,
    queryParameters: [
      ...new Set([...template.queryNames, ...parameters.filter((p) => p.in === 'query').map((p) => p.name)]),
    ],
    parameters,
    requests,
    responses: a.responses,
  };
}

const args = parseArgs(process.argv.slice(2));
const { text, commit } = readSource(args);
const actions = extract(text);
const fixture = {
  source: {
    repository: REPOSITORY,
    commit,
    path: BLUEPRINT_PATH,
    extractedBy: 'scripts/fidelity/extract-blueprint.mjs',
    note: 'Data only: method, URL template, parameters with sample values, example requests and responses.',
  },
  actions,
};
const out = args.out ?? DEFAULT_OUT;
fs.mkdirSync(path.dirname(out), { recursive: true });
fs.writeFileSync(out, `${JSON.stringify(fixture, null, 2)}\n`);
const requests = actions.reduce((n, a) => n + a.requests.length, 0);
const responses = actions.reduce((n, a) => n + a.responses.length, 0);
const unparsed = actions.flatMap((a) => [...a.requests, ...a.responses]).filter((x) => x.bodyError).length;
console.log(
  `${actions.length} actions, ${requests} requests, ${responses} responses (${unparsed} bodies unparseable) → ${path.relative(root, out)}`,
);
