// What a failed exchange means and what to do about it, by kind of failure: 401, 403, 404, 422, 429,
// a write whose outcome is unknown, and the rest. Localised; never a token (messages are built from the
// operation, the path and the status).
import * as vscode from 'vscode';
import type { AltegioError } from '../../api/errors';
import type { ErrorAction, ErrorView } from '../../protocol/response-protocol';
import { errorAdvice, errorSummary, errorTitle, fieldProblems } from '../../services/error-text';

export function explainError(error: AltegioError, path: string, method: string): ErrorView {
  const statusLine = errorTitle(error);
  const retryAfter = error.retryAfterMs !== undefined ? Math.ceil(error.retryAfterMs / 1000) : undefined;
  let title = statusLine;
  let advice = errorAdvice(error);
  let actions: ErrorAction[] = [];
  switch (error.kind) {
    case 'unauthorized':
      title = vscode.l10n.t('{0}: the tokens were rejected', statusLine);
      advice = vscode.l10n.t(
        'Sign in again. The partner token may have been revoked, or the user token replaced (changing the password in Altegio issues a new one).',
      );
      actions = ['signIn'];
      break;
    case 'missing_token':
      title = vscode.l10n.t('Not signed in');
      advice = vscode.l10n.t('Sign in with the partner token, and a user token for operations that act as a user.');
      actions = ['signIn'];
      break;
    case 'forbidden':
      title = vscode.l10n.t('{0}: this user may not do this', statusLine);
      advice = vscode.l10n.t(
        'The user behind the user token lacks the access right this operation needs. Sign in as a user who has it, or ask the business owner to grant it in Altegio (user access rights).',
      );
      actions = ['signIn'];
      break;
    case 'not_found':
      title = vscode.l10n.t('{0}: nothing there', statusLine);
      advice = vscode.l10n.t(
        'Check the IDs in {0}: the resource does not exist, was deleted, or belongs to a location this user cannot see.',
        path,
      );
      actions = ['editRequest'];
      break;
    case 'unprocessable':
      title = vscode.l10n.t('{0}: Altegio refused the values', statusLine);
      advice = vscode.l10n.t(
        'The request was understood but some values were refused. Fix the fields listed above, then send again.',
      );
      actions = ['editRequest'];
      break;
    case 'validation':
      title = vscode.l10n.t('{0}: the request is not valid', statusLine);
      advice = vscode.l10n.t(
        "Fix the fields listed above (and check the body against the operation's documentation), then send again.",
      );
      actions = ['editRequest'];
      break;
    case 'rate_limited':
      title = vscode.l10n.t('{0}: too many requests', statusLine);
      advice =
        retryAfter !== undefined
          ? vscode.l10n.t(
              'Altegio allows 5 requests per second and 200 per minute per IP address. Wait {0} s, then send again. Reads were already retried automatically; writes never are.',
              retryAfter,
            )
          : vscode.l10n.t(
              'Altegio allows 5 requests per second and 200 per minute per IP address. Wait a moment, then send again. Reads were already retried automatically; writes never are.',
            );
      actions = ['retry'];
      break;
    case 'outcome_unknown':
      title = vscode.l10n.t('Outcome unknown: the connection dropped after {0} was sent', method);
      advice = vscode.l10n.t(
        'The request reached the network but no answer came back, so it may or may not have taken effect. Check before repeating it: list the entity, or find the request in the History.',
      );
      actions = ['openHistory'];
      break;
    case 'payment_required':
      title = vscode.l10n.t('{0}: the licence must be renewed', statusLine);
      break;
    case 'server':
    case 'timeout':
    case 'network':
      actions = ['retry'];
      break;
    default:
      break;
  }
  return {
    kind: error.kind,
    title,
    message: errorSummary(error),
    ...(error.apiMessage ? { apiMessage: error.apiMessage } : {}),
    fieldErrors: Object.entries(fieldProblems(error)),
    advice,
    actions,
    sent: error.sent,
  };
}
