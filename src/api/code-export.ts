// A prepared request as code to paste into a project: TypeScript (fetch), Python (requests), PHP (Guzzle) or cURL.
// Tokens are never written into the code: every snippet reads them from the same environment variables as the
// cURL export (ALTEGIO_PARTNER_TOKEN, ALTEGIO_USER_TOKEN).
import type { MultipartPart, PreparedRequest } from './http-types';
import { PARTNER_TOKEN_ENV, USER_TOKEN_ENV, toCurl, withoutCredentials } from './export';

export type CodeLanguage = 'typescript' | 'python' | 'php' | 'curl';
export const CODE_LANGUAGES: readonly CodeLanguage[] = ['typescript', 'python', 'php', 'curl'];

export function toCode(original: PreparedRequest, language: CodeLanguage): string {
  // Query-string tokens, other credential headers and passwords in the body are masked like in the cURL export.
  const req = withoutCredentials(original);
  switch (language) {
    case 'typescript':
      return toTypeScript(req);
    case 'python':
      return toPython(req);
    case 'php':
      return toPhp(req);
    case 'curl':
      return `${toCurl(req)}\n`;
  }
}

interface Parts {
  headers: [string, string][];
  /** Whether the operation acts as a user (needs the user token as well). */
  auth?: { user: boolean };
  json?: unknown;
  rawBody?: string;
  multipart?: MultipartPart[];
}

function parts(req: PreparedRequest): Parts {
  const headers: [string, string][] = [];
  let auth: Parts['auth'];
  for (const [name, value] of Object.entries(req.headers)) {
    const lower = name.toLowerCase();
    if (lower === 'user-agent') continue;
    // A snippet's HTTP library sets the multipart Content-Type itself, with its boundary.
    if (lower === 'content-type' && req.multipart) continue;
    if (lower === 'authorization') auth = { user: /,\s*User\s/i.test(value) };
    else headers.push([name, value]);
  }
  const out: Parts = { headers, ...(auth ? { auth } : {}) };
  if (req.body !== undefined) {
    try {
      out.json = JSON.parse(req.body);
    } catch {
      out.rawBody = req.body;
    }
  }
  if (req.multipart) out.multipart = req.multipart;
  return out;
}

function toTypeScript(req: PreparedRequest): string {
  const p = parts(req);
  const lines = [`// ${req.method} ${req.path}`];
  if (p.multipart?.some((part) => part.filename !== undefined))
    lines.push(`import { readFile } from 'node:fs/promises';`, '');
  const headers = p.headers.map(([n, v]) => `    ${tsKey(n)}: ${tsString(v)},`);
  if (p.auth)
    headers.splice(
      1,
      0,
      `    Authorization: \`Bearer \${process.env.${PARTNER_TOKEN_ENV}}${p.auth.user ? `, User \${process.env.${USER_TOKEN_ENV}}` : ''}\`,`,
    );
  if (p.multipart) {
    lines.push('const form = new FormData();');
    for (const part of p.multipart) {
      if (part.filename === undefined)
        lines.push(`form.append(${tsString(part.name)}, ${tsString(part.value ?? '')});`);
      else
        lines.push(
          `form.append(${tsString(part.name)}, new Blob([await readFile(${tsString(part.filename)})]${part.contentType ? `, { type: ${tsString(part.contentType)} }` : ''}), ${tsString(part.filename)});`,
        );
    }
  }
  lines.push(
    `const response = await fetch(${tsString(req.url)}, {`,
    `  method: ${tsString(req.method)},`,
    '  headers: {',
    ...headers,
    '  },',
  );
  if (p.json !== undefined)
    lines.push(`  body: JSON.stringify(${indentAfterFirst(JSON.stringify(p.json, null, 2), '  ')}),`);
  else if (p.rawBody !== undefined) lines.push(`  body: ${tsString(p.rawBody)},`);
  else if (p.multipart) lines.push('  body: form,');
  lines.push('});', 'console.log(response.status, await response.text());');
  return `${lines.join('\n')}\n`;
}

function toPython(req: PreparedRequest): string {
  const p = parts(req);
  const lines = [`# ${req.method} ${req.path}`, 'import os', '', 'import requests', ''];
  lines.push(
    'response = requests.request(',
    `    ${pyString(req.method)},`,
    `    ${pyString(req.url)},`,
    '    headers={',
  );
  const headers = p.headers.map(([n, v]) => `        ${pyString(n)}: ${pyString(v)},`);
  if (p.auth)
    headers.splice(
      1,
      0,
      `        "Authorization": f"Bearer {os.environ['${PARTNER_TOKEN_ENV}']}${p.auth.user ? `, User {os.environ['${USER_TOKEN_ENV}']}` : ''}",`,
    );
  lines.push(...headers, '    },');
  if (p.json !== undefined) lines.push(`    json=${indentAfterFirst(literal(PYTHON, p.json), '    ')},`);
  else if (p.rawBody !== undefined) lines.push(`    data=${pyString(p.rawBody)},`);
  else if (p.multipart) {
    const fields = p.multipart.filter((part) => part.filename === undefined);
    const files = p.multipart.filter((part) => part.filename !== undefined);
    if (fields.length)
      lines.push(`    data={${fields.map((f) => `${pyString(f.name)}: ${pyString(f.value ?? '')}`).join(', ')}},`);
    if (files.length)
      lines.push(
        `    files={${files
          .map(
            (f) =>
              `${pyString(f.name)}: (${pyString(f.filename!)}, open(${pyString(f.filename!)}, "rb")${f.contentType ? `, ${pyString(f.contentType)}` : ''})`,
          )
          .join(', ')}},`,
      );
  }
  lines.push('    timeout=30,', ')', 'print(response.status_code, response.text)');
  return `${lines.join('\n')}\n`;
}

function toPhp(req: PreparedRequest): string {
  const p = parts(req);
  const lines = [
    '<?php',
    `// ${req.method} ${req.path}`,
    "require 'vendor/autoload.php';",
    '',
    '$client = new GuzzleHttp\\Client();',
  ];
  lines.push(`$response = $client->request(${phpString(req.method)}, ${phpString(req.url)}, [`, "    'headers' => [");
  const headers = p.headers.map(([n, v]) => `        ${phpString(n)} => ${phpString(v)},`);
  if (p.auth)
    headers.splice(
      1,
      0,
      `        'Authorization' => 'Bearer ' . getenv('${PARTNER_TOKEN_ENV}')${p.auth.user ? ` . ', User ' . getenv('${USER_TOKEN_ENV}')` : ''},`,
    );
  lines.push(...headers, '    ],');
  if (p.json !== undefined) lines.push(`    'json' => ${indentAfterFirst(literal(PHP, p.json), '    ')},`);
  else if (p.rawBody !== undefined) lines.push(`    'body' => ${phpString(p.rawBody)},`);
  else if (p.multipart) {
    lines.push("    'multipart' => [");
    for (const part of p.multipart) {
      const contents =
        part.filename === undefined ? phpString(part.value ?? '') : `fopen(${phpString(part.filename)}, 'r')`;
      const filename = part.filename === undefined ? '' : `, 'filename' => ${phpString(part.filename)}`;
      lines.push(`        ['name' => ${phpString(part.name)}, 'contents' => ${contents}${filename}],`);
    }
    lines.push('    ],');
  }
  // Guzzle throws on 4xx and 5xx by default; the answer (with Altegio's error message) is worth printing.
  lines.push(
    "    'http_errors' => false,",
    ']);',
    'echo $response->getStatusCode(), "\\n", $response->getBody(), "\\n";',
  );
  return `${lines.join('\n')}\n`;
}

function tsString(value: string): string {
  return `'${value
    .replace(/\\/g, '\\\\')
    .replace(/'/g, "\\'")
    .replace(/\n/g, '\\n')
    .replace(/\r/g, '\\r')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029')}'`;
}

function tsKey(name: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(name) ? name : tsString(name);
}

/** A JSON string literal is a valid Python string literal (no `$`, `{` or `%` is special in a plain one). */
function pyString(value: string): string {
  return JSON.stringify(value);
}

/** How a language writes the JSON values of a body as a literal. */
interface LiteralSyntax {
  null: string;
  true: string;
  false: string;
  string: (value: string) => string;
  /** Opens and closes a map of keys; a list is always `[…]` in both languages. */
  map: [string, string];
  /** Between a key and its value. */
  arrow: string;
  /** An empty JSON object, which must stay an object. */
  emptyMap: string;
}

const PYTHON: LiteralSyntax = {
  null: 'None',
  true: 'True',
  false: 'False',
  string: pyString,
  map: ['{', '}'],
  arrow: ': ',
  emptyMap: '{}',
};

/** A JSON value as a literal of `syntax`, one item a line, indented four spaces a level. */
function literal(syntax: LiteralSyntax, value: unknown, indent = ''): string {
  if (value === null) return syntax.null;
  if (value === true) return syntax.true;
  if (value === false) return syntax.false;
  if (typeof value === 'string') return syntax.string(value);
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : syntax.null;
  const inner = `${indent}    `;
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    return `[\n${value.map((v) => `${inner}${literal(syntax, v, inner)},`).join('\n')}\n${indent}]`;
  }
  const entries = Object.entries(value as Record<string, unknown>);
  if (entries.length === 0) return syntax.emptyMap;
  const [open, close] = syntax.map;
  const lines = entries.map(([k, v]) => `${inner}${syntax.string(k)}${syntax.arrow}${literal(syntax, v, inner)},`);
  return `${open}\n${lines.join('\n')}\n${indent}${close}`;
}

/** Single quotes, where PHP expands nothing but `\\` and `\'`; double quotes with escapes for control characters. */
function phpString(value: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what must be escaped
  if (!/[\u0000-\u001f\u007f]/.test(value)) return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
  // eslint-disable-next-line no-control-regex -- as above
  const escaped = value.replace(/[\\"$\u0000-\u001f\u007f]/g, (c) => {
    const named: Record<string, string> = { '\\': '\\\\', '"': '\\"', $: '\\$', '\n': '\\n', '\r': '\\r', '\t': '\\t' };
    return named[c] ?? `\\u{${c.charCodeAt(0).toString(16)}}`;
  });
  return `"${escaped}"`;
}

const PHP: LiteralSyntax = {
  null: 'null',
  true: 'true',
  false: 'false',
  string: phpString,
  map: ['[', ']'],
  arrow: ' => ',
  // An empty PHP array would be sent as [] — a JSON object must stay an object.
  emptyMap: 'new \\stdClass()',
};

function indentAfterFirst(text: string, indent: string): string {
  return text.replace(/\n/g, `\n${indent}`);
}
