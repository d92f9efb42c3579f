// Altegio's Authorization header: `Bearer <partner_token>` for partner operations and
// `Bearer <partner_token>, User <user_token>` for operations that act as a business user.
import type { OperationSpec } from '../api/catalog';
import type { User } from './model';
import type { Store } from './store';

export interface PresentedTokens {
  partner?: string;
  user?: string;
}

export function parseAuthorization(header: string | undefined): PresentedTokens {
  const tokens: PresentedTokens = {};
  if (!header) return tokens;
  for (const part of header.split(',')) {
    const m = /^\s*(Bearer|User)\s+(\S+)\s*$/i.exec(part);
    if (!m) continue;
    if (m[1].toLowerCase() === 'bearer') tokens.partner ??= m[2];
    else tokens.user ??= m[2];
  }
  return tokens;
}

export type AuthResult =
  | { ok: true; user: User | undefined }
  /** `reason` is for the sandbox's own log; it never contains a token. */
  | { ok: false; reason: string };

export function authenticate(
  op: OperationSpec,
  header: string | undefined,
  store: Store,
  partnerToken: string,
): AuthResult {
  const tokens = parseAuthorization(header);
  if (!tokens.partner)
    return {
      ok: false,
      reason: header ? 'no Bearer partner token in the Authorization header' : 'no Authorization header',
    };
  if (tokens.partner !== partnerToken) return { ok: false, reason: 'unknown partner token' };
  const user = tokens.user ? store.find('users', (u) => u.user_token === tokens.user) : undefined;
  if (op.security === 'BearerPartnerUser') {
    if (!tokens.user) return { ok: false, reason: `${op.id} needs a user token ("Bearer <partner>, User <user>")` };
    if (!user) return { ok: false, reason: 'unknown user token' };
  }
  return { ok: true, user };
}
