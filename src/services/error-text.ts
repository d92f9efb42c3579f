// Failures in the user's language. The core (src/api) reports each failure as data: its kind, status, reason
// with arguments, the advice that applies and Altegio's own message; here it becomes the sentences that
// notifications, the request form, the response viewer, the trees and the history show.
import * as vscode from 'vscode';
import {
  isAltegioError,
  type AltegioError,
  type AltegioErrorKind,
  type ErrorAdvice,
  type RequestProblem,
} from '../api/errors';

/** Any failure as one sentence: a core error worded here; the host's own errors are worded already. */
export function failureText(e: unknown): string {
  if (isAltegioError(e)) return errorSummary(e);
  return e instanceof Error ? e.message : String(e);
}

/** A short title: the HTTP status line when there was an answer (protocol text, as sent), else the kind of failure. */
export function errorTitle(e: AltegioError): string {
  const status = e.status ?? e.response?.status;
  return status !== undefined ? `${status} ${e.response?.statusText ?? ''}`.trim() : KIND_TITLES[e.kind]();
}

/** What went wrong, in one sentence that names the request. */
export function errorSummary(e: AltegioError): string {
  const what = e.request ? `${e.request.method} ${e.request.path}` : (e.operationId ?? vscode.l10n.t('The request'));
  const status = e.status ?? e.response?.status;
  const r = e.reason;
  switch (r.code) {
    case 'status':
      return vscode.l10n.t('{0} failed with status {1}.', what, status ?? '?');
    case 'envelopeFailure':
      return vscode.l10n.t('{0} answered {1}, but Altegio reported a failure.', what, status ?? '?');
    case 'notJson':
      return vscode.l10n.t('{0} answered {1} with a body that is not JSON.', what, status ?? '?');
    case 'noEnvelope':
      return vscode.l10n.t(
        '{0} answered {1} without the envelope (success, data, meta) Altegio always sends.',
        what,
        status ?? '?',
      );
    case 'tooLarge':
      return vscode.l10n.t(
        '{0} answered {1} with a body larger than {2} MB; it was not read.',
        what,
        status ?? '?',
        Math.round((r.limitBytes / 1048576) * 10) / 10,
      );
    case 'noAnswer': {
      const seconds = Math.round(r.timeoutMs / 100) / 10;
      return e.kind === 'outcome_unknown'
        ? vscode.l10n.t('{0} was sent, but no answer came within {1} s.', what, seconds)
        : vscode.l10n.t('{0} got no answer within {1} s.', what, seconds);
    }
    case 'notSent':
      return vscode.l10n.t('{0} could not be sent: {1} ({2}).', what, systemFailure(r.systemCode), r.systemCode);
    case 'dropped': {
      const code = r.systemCode ? ` (${r.systemCode})` : '';
      return r.whileReading
        ? vscode.l10n.t('{0}: the connection dropped while the answer was being read{1}.', what, code)
        : vscode.l10n.t('{0}: the connection dropped before an answer arrived{1}.', what, code);
    }
    case 'missingToken':
      return r.token === 'partner'
        ? vscode.l10n.t('No partner token: every Altegio request needs one. Nothing was sent.')
        : vscode.l10n.t('No user token: this operation acts as an Altegio user. Nothing was sent.');
    case 'invalidRequest':
      return vscode.l10n.t(
        '{0} was not sent: {1}.',
        what,
        r.problems.map((p) => `${p.field}: ${problemText(p.problem)}`).join('; '),
      );
    case 'cancelled':
    case 'other':
      return byKind(e, what, status);
  }
}

/** What the user can do about it, in one sentence. */
export function errorAdvice(e: AltegioError): string {
  return ADVICE[e.advice]();
}

const ADVICE: Record<ErrorAdvice, () => string> = {
  validation: () => vscode.l10n.t('Correct the fields named in the error, then send the request again.'),
  unauthorized: () => vscode.l10n.t('Sign in again: the partner or user token was rejected.'),
  payment_required: () => vscode.l10n.t("Renew the location's licence in Altegio."),
  forbidden: () =>
    vscode.l10n.t(
      'Use an Altegio user who has the permission this operation needs, or ask the business owner to grant it.',
    ),
  not_found: () => vscode.l10n.t('Check the IDs in the path: the resource does not exist or this user cannot see it.'),
  unprocessable: () =>
    vscode.l10n.t('Fix the values Altegio rejected (see the field errors), then send the request again.'),
  rate_limited: () => vscode.l10n.t('Wait and retry; Altegio allows 5 requests per second and 200 per minute.'),
  server: () => vscode.l10n.t('Altegio could not handle the request right now; try again in a moment.'),
  http: () => vscode.l10n.t("Check the request against the operation's documentation and the environment's base URL."),
  network: () =>
    vscode.l10n.t("Check the network connection and the environment's base URL; nothing reached the server."),
  timeout: () => vscode.l10n.t('The server did not answer in time; try again, or raise the request timeout.'),
  invalid_response: () =>
    vscode.l10n.t(
      "Check that the environment's base URL points at the Altegio API: the answer was not the JSON it sends.",
    ),
  missing_token: () =>
    vscode.l10n.t('Sign in with a partner token, and a user token for operations that act as a user.'),
  cancelled: () => vscode.l10n.t('The request was cancelled; nothing was sent.'),
  outcome_unknown: () =>
    vscode.l10n.t(
      'The request was sent but the connection dropped before an answer; check whether it took effect (for example list the entity) before repeating it.',
    ),
  checkConnection: () => vscode.l10n.t('Check the network connection, then try again.'),
  checkWriteAfterServerError: () =>
    vscode.l10n.t('Altegio reported an error; check whether the change took effect before repeating it.'),
  checkWriteAfterCancel: () =>
    vscode.l10n.t('The request was cancelled after it was sent; check whether it took effect before repeating it.'),
  cancelledRead: () => vscode.l10n.t('The request was cancelled.'),
  signInPartner: () => vscode.l10n.t('Sign in with your partner token (Altegio Marketplace, developer account).'),
  signInUser: () => vscode.l10n.t('Sign in with a user token, or with the login and password of an Altegio user.'),
  pasteTokenAgain: () => vscode.l10n.t('Paste the token again, without spaces or line breaks.'),
};

/**
 * The problems by field: Altegio's own `meta.errors` as it sent them, or, for a request refused before it was
 * sent, the core's problems worded here.
 */
export function fieldProblems(e: AltegioError): Record<string, string[]> {
  if (e.reason.code !== 'invalidRequest') return e.fieldErrors;
  const out: Record<string, string[]> = {};
  for (const p of e.reason.problems) (out[p.field] ??= []).push(problemText(p.problem));
  return out;
}

/** Summary, Altegio's message and field errors, and the advice: the text of an error notification. */
export function errorNotification(e: AltegioError): string {
  const fields = Object.entries(fieldProblems(e));
  const said = [
    e.apiMessage,
    e.reason.code === 'invalidRequest' || fields.length === 0
      ? undefined
      : fields.map(([field, messages]) => `${field}: ${messages.join(', ')}`).join('; '),
  ]
    .filter(Boolean)
    .join(' ');
  return [errorSummary(e), said ? vscode.l10n.t('Altegio: {0}', said) : undefined, errorAdvice(e)]
    .filter(Boolean)
    .join(' — ');
}

/** A failure's kind in a few words, for a title when there was no answer to take the status line from. */
const KIND_TITLES: Record<AltegioErrorKind, () => string> = {
  validation: () => vscode.l10n.t('Request not valid'),
  unauthorized: () => vscode.l10n.t('Tokens rejected'),
  payment_required: () => vscode.l10n.t('Licence expired'),
  forbidden: () => vscode.l10n.t('Not allowed'),
  not_found: () => vscode.l10n.t('Not found'),
  unprocessable: () => vscode.l10n.t('Values refused'),
  rate_limited: () => vscode.l10n.t('Too many requests'),
  server: () => vscode.l10n.t('Server error'),
  http: () => vscode.l10n.t('Failed'),
  network: () => vscode.l10n.t('Network error'),
  timeout: () => vscode.l10n.t('No answer in time'),
  invalid_response: () => vscode.l10n.t('Not an Altegio answer'),
  missing_token: () => vscode.l10n.t('Not signed in'),
  cancelled: () => vscode.l10n.t('Cancelled'),
  outcome_unknown: () => vscode.l10n.t('Outcome unknown'),
};

function byKind(e: AltegioError, what: string, status: number | undefined): string {
  switch (e.kind) {
    case 'cancelled':
      return e.sent
        ? vscode.l10n.t('{0} was cancelled.', what)
        : vscode.l10n.t('{0} was cancelled; nothing was sent.', what);
    case 'timeout':
      return vscode.l10n.t('{0} got no answer in time.', what);
    case 'network':
      return e.sent
        ? vscode.l10n.t('{0} failed: the connection was lost.', what)
        : vscode.l10n.t('{0} could not be sent.', what);
    case 'outcome_unknown':
      return vscode.l10n.t('{0} was sent, but no answer came back.', what);
    case 'missing_token':
      return vscode.l10n.t('{0} needs tokens; nothing was sent.', what);
    case 'validation':
      return e.sent
        ? vscode.l10n.t('{0} failed with status {1}.', what, status ?? '?')
        : vscode.l10n.t('{0} was not sent: the request is not valid.', what);
    default:
      return status !== undefined
        ? vscode.l10n.t('{0} failed with status {1}.', what, status)
        : vscode.l10n.t('{0} failed.', what);
  }
}

function problemText(problem: RequestProblem): string {
  return PROBLEMS[problem]();
}

const PROBLEMS: Record<RequestProblem, () => string> = {
  required: () => vscode.l10n.t('is required'),
  bodyOnGet: () => vscode.l10n.t('a GET request carries no body; use query parameters'),
  dotSegment: () => vscode.l10n.t('cannot be "." or ".."'),
  notAbsoluteUrl: () => vscode.l10n.t('is not an absolute URL'),
  notHttpUrl: () => vscode.l10n.t('must start with https:// or http://'),
  notJson: () => vscode.l10n.t('cannot be sent as JSON'),
  formNotObject: () => vscode.l10n.t('must be an object of form fields'),
  badToken: () => vscode.l10n.t('contains spaces or characters that cannot be sent in a header'),
};

/** Node's system error codes by what they mean to the user; any other code is "a network error". */
const SYSTEM_FAILURES: [codes: readonly string[], words: () => string][] = [
  [['ECONNREFUSED'], () => vscode.l10n.t('the connection was refused')],
  [['ENOTFOUND'], () => vscode.l10n.t('the host name was not found')],
  [['EAI_AGAIN'], () => vscode.l10n.t('the host name could not be resolved right now')],
  [['EHOSTUNREACH', 'EHOSTDOWN'], () => vscode.l10n.t('the host is unreachable')],
  [['ENETUNREACH', 'ENETDOWN'], () => vscode.l10n.t('the network is unreachable')],
  [['EADDRNOTAVAIL'], () => vscode.l10n.t('the address is not available')],
  [
    [
      'CERT_HAS_EXPIRED',
      'CERT_NOT_YET_VALID',
      'DEPTH_ZERO_SELF_SIGNED_CERT',
      'SELF_SIGNED_CERT_IN_CHAIN',
      'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
      'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
      'ERR_TLS_CERT_ALTNAME_INVALID',
    ],
    () => vscode.l10n.t("the server's certificate is not trusted"),
  ],
  [
    ['ERR_INVALID_URL', 'ERR_INVALID_CHAR', 'ERR_INVALID_HTTP_TOKEN', 'ERR_UNESCAPED_CHARACTERS'],
    () => vscode.l10n.t('the request could not be encoded'),
  ],
];

function systemFailure(code: string): string {
  const words = SYSTEM_FAILURES.find(([codes]) => codes.includes(code))?.[1];
  return words ? words() : vscode.l10n.t('a network error');
}
