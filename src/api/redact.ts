// Keeps tokens and passwords out of anything shown or stored: log lines, error texts, history, exports, the
// requests errors carry. Masking goes by structure — header lines, `Bearer`/`User` credentials, JSON keys (also
// inside escaped JSON and in text cut off mid-value), query and form parameters, URLs — by the secrets the caller
// knows, and by shape for long random-looking values. Callers redact whole values and cut them short afterwards,
// never the other way round: a token split by a cut no longer looks like one.

export const MASKED = '***';

/** Names of headers, JSON keys and parameters whose value is a credential, compared without case, `-` or `_`. */
const SENSITIVE_NAME =
  /^(?:[a-z0-9]*token|[a-z0-9]*password|passwd|pass|pwd|[a-z0-9]*secret|[a-z0-9]*apikey|apikeyid|authorization|proxyauthorization|auth|cookie|setcookie|session|sessionid|credentials?)$/;

export function isSensitiveName(name: string): boolean {
  return SENSITIVE_NAME.test(name.toLowerCase().replace(/[-_.\s]/g, ''));
}

/** `Bearer abc, User def` → `Bearer ***, User ***`; anything not in that shape is masked whole. */
export function maskAuthorization(value: string): string {
  if (!/\b(Bearer|User)\s+\S/i.test(value)) return value.trim() === '' ? value : MASKED;
  return value.replace(/\b(Bearer|User)(\s+)[^\s,]+/gi, `$1$2${MASKED}`);
}

/** A credential value, unless it is already a mask, a `<placeholder>`, a `$VARIABLE` or a `{{variable}}`. */
const VALUE = String.raw`(?![*<$\{•])[^\s,;"'<>\\]+`;
/** Long enough and random enough to be a token rather than a word: at least 20 letters and digits, both present. */
const TOKEN_SHAPED = /\b(?=[A-Za-z0-9]*\d)(?=[A-Za-z0-9]*[A-Za-z])[A-Za-z0-9]{20,}\b/g;

/** `"name": "value"` (a cut-off value too), `"name": 123`, in plain JSON. */
const JSON_MEMBER = /("([A-Za-z0-9_.-]{1,80})"\s*:\s*)("(?:[^"\\]|\\[\s\S])*(?:"|$)|-?\d[\d.eE+-]*)/g;
/** The same inside a JSON string: `\"name\":\"value\"`. */
const ESCAPED_JSON_MEMBER = /(\\+"([A-Za-z0-9_.-]{1,80})\\+"\s*:\s*)(\\+"(?:[^"\\]|\\(?!")[\s\S])*(?:\\+"|\\*$))/g;
/** `Name: value` header lines (and "password: …" in prose). */
const HEADER_LINE = /(^|[^A-Za-z0-9_-])([A-Za-z][A-Za-z0-9-]{1,40})([ \t]*:[ \t]*)([^\r\n]*)/g;
/** `name=value` in query strings, form bodies and prose. */
const PARAMETER = /(^|[^A-Za-z0-9_.[\]-])([A-Za-z0-9_.\-[\]]{1,80})=([^&\s"'#<>;]*)/g;

/**
 * Removes the given secrets (tokens and passwords the caller knows, also URL- or JSON-encoded) and every credential
 * found by structure or shape.
 */
export function redactSecrets(text: string, secrets: readonly (string | undefined)[] = []): string {
  let out = text;
  // Longest first, so a secret that contains another is removed whole. Very short values would erase ordinary text,
  // and no real token is that short.
  const known = new Set<string>();
  for (const s of secrets) {
    if (typeof s !== 'string' || s.length < 4) continue;
    known.add(s);
    known.add(encodeURIComponent(s));
    known.add(JSON.stringify(s).slice(1, -1));
  }
  for (const secret of [...known].sort((a, b) => b.length - a.length)) out = out.split(secret).join(MASKED);
  out = maskSecretFragments(out, [...known]);

  out = out.replace(JSON_MEMBER, (whole, head: string, name: string) =>
    isSensitiveName(name) ? `${head}"${MASKED}"` : whole,
  );
  out = out.replace(ESCAPED_JSON_MEMBER, (whole, head: string, name: string, value: string) => {
    if (!isSensitiveName(name)) return whole;
    const quote = /^\\+"/.exec(value)![0];
    return `${head}${quote}${MASKED}${quote}`;
  });
  out = out.replace(HEADER_LINE, (whole, lead: string, name: string, colon: string, value: string) => {
    if (!isSensitiveName(name) || value === '' || value.startsWith(MASKED)) return whole;
    const lower = name.toLowerCase();
    // An Authorization value keeps its shape ("Bearer ***, User ***"); what follows it on the line is left to the
    // other rules, so one header does not swallow a whole log line.
    if ((lower === 'authorization' || lower === 'proxy-authorization') && /^(Bearer|User)\s/i.test(value))
      return `${lead}${name}${colon}${value.replace(new RegExp(String.raw`^((?:Bearer|User)\s+)${VALUE}`, 'i'), `$1${MASKED}`)}`;
    return `${lead}${name}${colon}${MASKED}`;
  });
  out = out.replace(new RegExp(String.raw`\b(Bearer\s+)${VALUE}`, 'gi'), `$1${MASKED}`);
  // After a comma (the second credential of an Authorization value) "User" always introduces a token.
  out = out.replace(new RegExp(String.raw`(,\s*User\s+)${VALUE}`, 'gi'), `$1${MASKED}`);
  // Elsewhere "User" is an ordinary word; it is followed by a token only when the next word looks like one.
  // At the very end of a text that was cut short, a shorter word may be what is left of a token.
  out = out.replace(
    /\b(User\s+)([A-Za-z0-9._~+/=-]+)/g,
    (whole, head: string, value: string, at: number, all: string) =>
      looksLikeToken(value) || (value.length >= FRAGMENT && at + whole.length === all.length)
        ? `${head}${MASKED}`
        : whole,
  );
  out = out.replace(PARAMETER, (whole, lead: string, name: string, value: string) =>
    isSensitiveName(name.replace(/\[\]$/, '')) && value !== '' && !value.startsWith(MASKED)
      ? `${lead}${name}=${MASKED}`
      : whole,
  );
  return out.replace(TOKEN_SHAPED, MASKED);
}

/** Fragments of a known secret count from this many characters: what a cut (a truncated body) leaves of one. */
const FRAGMENT = 8;
/** Texts longer than this are searched for whole secrets only. */
const FRAGMENT_SEARCH_LIMIT = 256 * 1024;

/** Masks every run of token characters that holds FRAGMENT or more consecutive characters of a known secret. */
function maskSecretFragments(text: string, secrets: string[]): string {
  const grams = new Set<string>();
  for (const secret of secrets)
    for (let i = 0; i + FRAGMENT <= secret.length; i++) grams.add(secret.slice(i, i + FRAGMENT));
  if (!grams.size || text.length > FRAGMENT_SEARCH_LIMIT) return text;
  return text.replace(/[A-Za-z0-9._~+/=%-]{8,}/g, (run) => {
    for (let i = 0; i + FRAGMENT <= run.length; i++) if (grams.has(run.slice(i, i + FRAGMENT))) return MASKED;
    return run;
  });
}

/** Credential-looking: eight or more characters with a digit, or sixteen or more. */
function looksLikeToken(value: string): boolean {
  return value.length >= 16 || (value.length >= 8 && /\d/.test(value));
}

/** The URL with the values of credential query parameters and any password in it masked; nothing else changes. */
export function maskUrl(url: string): string {
  const queryAt = url.indexOf('?');
  let out = url;
  if (queryAt >= 0) {
    const hashAt = url.indexOf('#', queryAt);
    const end = hashAt < 0 ? url.length : hashAt;
    const query = url
      .slice(queryAt + 1, end)
      .split('&')
      .map((pair) => {
        const eq = pair.indexOf('=');
        if (eq < 0) return pair;
        let name = pair.slice(0, eq);
        try {
          name = decodeURIComponent(name);
        } catch {
          // A name that does not decode is compared as it is.
        }
        return isSensitiveName(name.replace(/\[\]$/, '')) ? `${pair.slice(0, eq)}=${MASKED}` : pair;
      })
      .join('&');
    out = `${url.slice(0, queryAt + 1)}${query}${url.slice(end)}`;
  }
  return out.replace(/^([a-z][a-z0-9+.-]*:\/\/[^/@:?#]*:)[^/@?#]*@/i, `$1${MASKED}@`);
}

/** Headers the client sets on every request that are not credentials: their names need no pattern test. */
const PLAIN_HEADERS = new Set(['accept', 'content-type', 'user-agent']);

/** Headers with every credential masked: Authorization keeps its shape, other sensitive headers become `***`. */
export function maskHeaders(headers: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    const lower = name.toLowerCase();
    if (lower === 'authorization' || lower === 'proxy-authorization') out[name] = maskAuthorization(value);
    else out[name] = !PLAIN_HEADERS.has(lower) && isSensitiveName(name) && value !== '' ? MASKED : value;
  }
  return out;
}
