// A prepared request as a cURL command or a REST Client `.http` snippet. Tokens stay out unless the user
// explicitly asks: cURL reads them from environment variables, `.http` from file variables at the top; other
// credentials (query-string tokens, credential headers, passwords in the body) are masked.
import type { PreparedRequest } from './http-types';
import { maskAuthorization, maskHeaders } from './redact';
import { maskRequest } from './request-builder';

export { maskAuthorization, redactSecrets, MASKED } from './redact';

export const PARTNER_TOKEN_ENV = 'ALTEGIO_PARTNER_TOKEN';
export const USER_TOKEN_ENV = 'ALTEGIO_USER_TOKEN';

export interface CurlOptions {
  revealTokens?: boolean;
}

export interface HttpFileOptions {
  revealTokens?: boolean;
  title?: string;
}

/** A POSIX shell command (bash, zsh, sh). */
export function toCurl(original: PreparedRequest, opts: CurlOptions = {}): string {
  const req = opts.revealTokens ? original : withoutCredentials(original);
  const args = [`curl${req.method === 'GET' ? '' : ` -X ${req.method}`} ${shellQuote(req.url)}`];
  for (const [name, value] of exportedHeaders(req)) {
    if (name.toLowerCase() !== 'authorization') {
      args.push(`-H ${shellQuote(`${name}: ${value}`)}`);
      continue;
    }
    const auth = parseAuthorization(value);
    if (opts.revealTokens && auth.revealable) args.push(`-H ${shellQuote(`Authorization: ${value}`)}`);
    // Double quotes, so the shell expands the variables when the command runs.
    else
      args.push(`-H "Authorization: Bearer $${PARTNER_TOKEN_ENV}${auth.hasUser ? `, User $${USER_TOKEN_ENV}` : ''}"`);
  }
  if (req.body !== undefined) args.push(`--data-raw ${shellQuote(req.body)}`);
  for (const part of req.multipart ?? []) {
    // --form-string keeps a value starting with @ or < from being read as a file name.
    if (part.filename === undefined) args.push(`--form-string ${shellQuote(`${part.name}=${part.value ?? ''}`)}`);
    else
      args.push(
        `-F ${shellQuote(`${part.name}=@${curlFileName(part.filename)}${part.contentType ? `;type=${part.contentType}` : ''}`)}`,
      );
  }
  return args.join(' \\\n  ');
}

/** A REST Client (humao.rest-client) request with its token variables declared at the top. */
export function toHttpFile(original: PreparedRequest, opts: HttpFileOptions = {}): string {
  const req = opts.revealTokens ? original : withoutCredentials(original);
  const authValue = req.headers.Authorization;
  const auth = authValue === undefined ? undefined : parseAuthorization(authValue);
  const reveal = opts.revealTokens === true && auth?.revealable === true;
  const lines: string[] = [];
  if (auth) {
    if (!reveal)
      lines.push(
        `# The tokens are read from the environment variables ${PARTNER_TOKEN_ENV}${auth.hasUser ? ` and ${USER_TOKEN_ENV}` : ''}; or paste them here.`,
      );
    lines.push(`@partnerToken = ${reveal ? auth.partner : `{{$processEnv ${PARTNER_TOKEN_ENV}}}`}`);
    if (auth.hasUser) lines.push(`@userToken = ${reveal ? auth.user : `{{$processEnv ${USER_TOKEN_ENV}}}`}`);
    lines.push('');
  }
  lines.push(`### ${oneLine(opts.title ?? `${req.method} ${req.path}`)}`, `${req.method} ${req.url}`);
  for (const [name, value] of exportedHeaders(req)) {
    if (name.toLowerCase() === 'authorization')
      lines.push(`Authorization: Bearer {{partnerToken}}${auth?.hasUser ? ', User {{userToken}}' : ''}`);
    else lines.push(`${name}: ${value}`);
  }
  if (req.body !== undefined) {
    lines.push('', prettyJson(req.body));
  } else if (req.multipart) {
    const boundary = 'AltegioFormBoundary';
    lines.push(`Content-Type: multipart/form-data; boundary=${boundary}`, '');
    for (const part of req.multipart) {
      lines.push(`--${boundary}`);
      if (part.filename === undefined) {
        lines.push(`Content-Disposition: form-data; name="${part.name}"`, '', part.value ?? '');
      } else {
        lines.push(`Content-Disposition: form-data; name="${part.name}"; filename="${part.filename}"`);
        if (part.contentType) lines.push(`Content-Type: ${part.contentType}`);
        lines.push('', `< ./${part.filename}`);
      }
    }
    lines.push(`--${boundary}--`);
  }
  return `${lines.join('\n')}\n`;
}

/**
 * Everything but the Authorization header masked (the exporters turn that one into variables, and need its shape):
 * query-string tokens, other credential headers, passwords and tokens in the body.
 */
export function withoutCredentials(req: PreparedRequest): PreparedRequest {
  const masked = maskRequest(req);
  const headers = maskHeaders(req.headers);
  for (const name of Object.keys(headers))
    if (name.toLowerCase() === 'authorization') headers[name] = req.headers[name];
  return { ...masked, headers };
}

/** Single-quotes for a POSIX shell: nothing inside is expanded; a quote becomes '\''. */
export function shellQuote(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

interface ParsedAuthorization {
  partner?: string;
  user?: string;
  hasUser: boolean;
  /** False when the request was already masked: its tokens are gone and cannot be revealed. */
  revealable: boolean;
}

function parseAuthorization(value: string): ParsedAuthorization {
  const partner = /\bBearer\s+([^\s,]+)/i.exec(value)?.[1];
  const user = /,\s*User\s+([^\s,]+)/i.exec(value)?.[1];
  return {
    partner,
    user,
    hasUser: user !== undefined,
    revealable: partner !== undefined && maskAuthorization(value) !== value,
  };
}

/** The tool that runs the snippet names itself, so our User-Agent is left out. */
function exportedHeaders(req: PreparedRequest): [string, string][] {
  return Object.entries(req.headers).filter(([name]) => name.toLowerCase() !== 'user-agent');
}

/** curl reads `;` and `,` in a file name as separators unless the name is double-quoted. */
function curlFileName(name: string): string {
  return /[;,"\\]/.test(name) ? `"${name.replace(/["\\]/g, '\\$&')}"` : name;
}

function prettyJson(text: string): string {
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
