// What a failed exchange means and what to do about it, by kind of failure: 401, 403, 404, 422, 429,
// a write whose outcome is unknown, and the rest. Localised; never a token (messages are built from the
// operation, the path and the status).
import * as vscode from 'vscode';
import type { AltegioError, AltegioErrorKind } from '../../api/errors';
import type { ErrorAction, ErrorView } from '../../protocol/response-protocol';
import { errorAdvice, errorSummary, errorTitle, fieldProblems } from '../../services/error-text';

/** What the viewer's sentences may name: the status line, the request's path and method, the wait in seconds. */
interface Facts {
  status: string;
  path: string;
  method: string;
  retryAfter: number | undefined;
}

/**
 * The viewer's own word on a kind of failure: a title and advice more telling than the notification's (each
 * falls back to the general one when absent), and the buttons it offers.
 */
interface KindExplanation {
  title?: (f: Facts) => string;
  advice?: (f: Facts) => string;
  actions: ErrorAction[];
}

const BY_KIND: Partial<Record<AltegioErrorKind, KindExplanation>> = {
  unauthorized: {
    title: (f) => vscode.l10n.t('{0}: the tokens were rejected', f.status),
    advice: () =>
      vscode.l10n.t(
        'Sign in again. The partner token may have been revoked, or the user token replaced (changing the password in Altegio issues a new one).',
      ),
    actions: ['signIn'],
  },
  missing_token: {
    title: () => vscode.l10n.t('Not signed in'),
    advice: () => vscode.l10n.t('Sign in with the partner token, and a user token for operations that act as a user.'),
    actions: ['signIn'],
  },
  forbidden: {
    title: (f) => vscode.l10n.t('{0}: this user may not do this', f.status),
    advice: () =>
      vscode.l10n.t(
        'The user behind the user token lacks the access right this operation needs. Sign in as a user who has it, or ask the business owner to grant it in Altegio (user access rights).',
      ),
    actions: ['signIn'],
  },
  not_found: {
    title: (f) => vscode.l10n.t('{0}: nothing there', f.status),
    advice: (f) =>
      vscode.l10n.t(
        'Check the IDs in {0}: the resource does not exist, was deleted, or belongs to a location this user cannot see.',
        f.path,
      ),
    actions: ['editRequest'],
  },
  unprocessable: {
    title: (f) => vscode.l10n.t('{0}: Altegio refused the values', f.status),
    advice: () =>
      vscode.l10n.t(
        'The request was understood but some values were refused. Fix the fields listed above, then send again.',
      ),
    actions: ['editRequest'],
  },
  validation: {
    title: (f) => vscode.l10n.t('{0}: the request is not valid', f.status),
    advice: () =>
      vscode.l10n.t(
        "Fix the fields listed above (and check the body against the operation's documentation), then send again.",
      ),
    actions: ['editRequest'],
  },
  rate_limited: {
    title: (f) => vscode.l10n.t('{0}: too many requests', f.status),
    advice: (f) =>
      f.retryAfter !== undefined
        ? vscode.l10n.t(
            'Altegio allows 5 requests per second and 200 per minute per IP address. Wait {0} s, then send again. Reads were already retried automatically; writes never are.',
            f.retryAfter,
          )
        : vscode.l10n.t(
            'Altegio allows 5 requests per second and 200 per minute per IP address. Wait a moment, then send again. Reads were already retried automatically; writes never are.',
          ),
    actions: ['retry'],
  },
  outcome_unknown: {
    title: (f) => vscode.l10n.t('Outcome unknown: the connection dropped after {0} was sent', f.method),
    advice: () =>
      vscode.l10n.t(
        'The request reached the network but no answer came back, so it may or may not have taken effect. Check before repeating it: list the entity, or find the request in the History.',
      ),
    actions: ['openHistory'],
  },
  payment_required: { title: (f) => vscode.l10n.t('{0}: the licence must be renewed', f.status), actions: [] },
  server: { actions: ['retry'] },
  timeout: { actions: ['retry'] },
  network: { actions: ['retry'] },
};

export function explainError(error: AltegioError, path: string, method: string): ErrorView {
  const status = errorTitle(error);
  const retryAfter = error.retryAfterMs !== undefined ? Math.ceil(error.retryAfterMs / 1000) : undefined;
  const facts: Facts = { status, path, method, retryAfter };
  const explanation = BY_KIND[error.kind];
  return {
    kind: error.kind,
    title: explanation?.title?.(facts) ?? status,
    message: errorSummary(error),
    ...(error.apiMessage ? { apiMessage: error.apiMessage } : {}),
    fieldErrors: Object.entries(fieldProblems(error)),
    advice: explanation?.advice?.(facts) ?? errorAdvice(error),
    actions: [...(explanation?.actions ?? [])],
    sent: error.sent,
  };
}
