// Keeps tokens and passwords out of anything shown or stored: the Authorization header of a kept request,
// log lines, error texts.

export const MASKED = '***';

const CREDENTIAL = /\b(Bearer|User)(\s+)[^\s,]+/gi;

/** `Bearer abc, User def` → `Bearer ***, User ***`; anything not in that shape is masked whole. */
export function maskAuthorization(value: string): string {
  if (!/\b(Bearer|User)\s+\S/i.test(value)) return value.trim() === '' ? value : MASKED;
  return value.replace(CREDENTIAL, `$1$2${MASKED}`);
}

/** A credential value, unless it is already a mask, a `<placeholder>`, a `$VARIABLE` or a `{{variable}}`. */
const VALUE = '(?![*<$\\{])[^\\s,;"\'<>]+';
const SECRET_NAMES = 'user_token|partner_token|password|access_token|refresh_token|api_key|secret';

const PATTERNS: [RegExp, string][] = [
  [new RegExp(String.raw`\b(Bearer\s+)${VALUE}`, 'gi'), `$1${MASKED}`],
  // "User" alone is an ordinary word; it introduces a token only after a Bearer credential.
  [new RegExp(String.raw`(,\s*User\s+)${VALUE}`, 'gi'), `$1${MASKED}`],
  [new RegExp(String.raw`\b(Authorization\s*:[ \t]*)(?![ \t]|Bearer\b|User\b|\*)[^\r\n]+`, 'gi'), `$1${MASKED}`],
  [new RegExp(String.raw`("(?:${SECRET_NAMES})"\s*:\s*)"(?:[^"\\]|\\.)*"`, 'gi'), `$1"${MASKED}"`],
  [new RegExp(String.raw`\b((?:${SECRET_NAMES})=)[^&\s"']+`, 'gi'), `$1${MASKED}`],
];

/**
 * Removes the given secrets (tokens, passwords the caller knows) and anything token-shaped: `Bearer x`,
 * `, User x`, other Authorization values, `"user_token": "…"`, `"password": "…"`, `partner_token=…`.
 */
export function redactSecrets(text: string, secrets: readonly (string | undefined)[] = []): string {
  let out = text;
  // Longest first, so a secret that contains another is removed whole. Very short values would erase
  // ordinary text, and no real token is that short.
  const known = secrets
    .filter((s): s is string => typeof s === 'string' && s.length >= 4)
    .sort((a, b) => b.length - a.length);
  for (const secret of known) out = out.split(secret).join(MASKED);
  for (const [pattern, replacement] of PATTERNS) out = out.replace(pattern, replacement);
  return out;
}
