// Failures in the user's language. The core (src/api) reports each failure as data: its kind, status, reason
// with arguments, the advice that applies and Altegio's own message; here it becomes the sentences that
// notifications, the request form, the response viewer, the trees and the history show.
import * as vscode from 'vscode';
import { isAltegioError, type AltegioError, type RequestProblem } from '../api/errors';

/** Any failure as one sentence: a core error worded here; the host's own errors are worded already. */
export function failureText(e: unknown): string {
  if (isAltegioError(e)) return errorSummary(e);
  return e instanceof Error ? e.message : String(e);
}

/** A short title: the HTTP status line when there was an answer (protocol text, as sent), else the kind of failure. */
export function errorTitle(e: AltegioError): string {
  const status = e.status ?? e.response?.status;
  return status !== undefined ? `${status} ${e.response?.statusText ?? ''}`.trim() : kindTitle(e);
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
  switch (e.advice) {
    case 'validation':
      return vscode.l10n.t('Correct the fields named in the error, then send the request again.');
    case 'unauthorized':
      return vscode.l10n.t('Sign in again: the partner or user token was rejected.');
    case 'payment_required':
      return vscode.l10n.t("Renew the location's licence in Altegio.");
    case 'forbidden':
      return vscode.l10n.t(
        'Use an Altegio user who has the permission this operation needs, or ask the business owner to grant it.',
      );
    case 'not_found':
      return vscode.l10n.t('Check the IDs in the path: the resource does not exist or this user cannot see it.');
    case 'unprocessable':
      return vscode.l10n.t('Fix the values Altegio rejected (see the field errors), then send the request again.');
    case 'rate_limited':
      return vscode.l10n.t('Wait and retry; Altegio allows 5 requests per second and 200 per minute.');
    case 'server':
      return vscode.l10n.t('Altegio could not handle the request right now; try again in a moment.');
    case 'http':
      return vscode.l10n.t("Check the request against the operation's documentation and the environment's base URL.");
    case 'network':
      return vscode.l10n.t("Check the network connection and the environment's base URL; nothing reached the server.");
    case 'timeout':
      return vscode.l10n.t('The server did not answer in time; try again, or raise the request timeout.');
    case 'invalid_response':
      return vscode.l10n.t(
        "Check that the environment's base URL points at the Altegio API: the answer was not the JSON it sends.",
      );
    case 'missing_token':
      return vscode.l10n.t('Sign in with a partner token, and a user token for operations that act as a user.');
    case 'cancelled':
      return vscode.l10n.t('The request was cancelled; nothing was sent.');
    case 'outcome_unknown':
      return vscode.l10n.t(
        'The request was sent but the connection dropped before an answer; check whether it took effect (for example list the entity) before repeating it.',
      );
    case 'checkConnection':
      return vscode.l10n.t('Check the network connection, then try again.');
    case 'checkWriteAfterServerError':
      return vscode.l10n.t('Altegio reported an error; check whether the change took effect before repeating it.');
    case 'checkWriteAfterCancel':
      return vscode.l10n.t(
        'The request was cancelled after it was sent; check whether it took effect before repeating it.',
      );
    case 'cancelledRead':
      return vscode.l10n.t('The request was cancelled.');
    case 'signInPartner':
      return vscode.l10n.t('Sign in with your partner token (Altegio Marketplace, developer account).');
    case 'signInUser':
      return vscode.l10n.t('Sign in with a user token, or with the login and password of an Altegio user.');
    case 'pasteTokenAgain':
      return vscode.l10n.t('Paste the token again, without spaces or line breaks.');
  }
}

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

function kindTitle(e: AltegioError): string {
  switch (e.kind) {
    case 'validation':
      return vscode.l10n.t('Request not valid');
    case 'unauthorized':
      return vscode.l10n.t('Tokens rejected');
    case 'payment_required':
      return vscode.l10n.t('Licence expired');
    case 'forbidden':
      return vscode.l10n.t('Not allowed');
    case 'not_found':
      return vscode.l10n.t('Not found');
    case 'unprocessable':
      return vscode.l10n.t('Values refused');
    case 'rate_limited':
      return vscode.l10n.t('Too many requests');
    case 'server':
      return vscode.l10n.t('Server error');
    case 'http':
      return vscode.l10n.t('Failed');
    case 'network':
      return vscode.l10n.t('Network error');
    case 'timeout':
      return vscode.l10n.t('No answer in time');
    case 'invalid_response':
      return vscode.l10n.t('Not an Altegio answer');
    case 'missing_token':
      return vscode.l10n.t('Not signed in');
    case 'cancelled':
      return vscode.l10n.t('Cancelled');
    case 'outcome_unknown':
      return vscode.l10n.t('Outcome unknown');
  }
}

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
  switch (problem) {
    case 'required':
      return vscode.l10n.t('is required');
    case 'bodyOnGet':
      return vscode.l10n.t('a GET request carries no body; use query parameters');
    case 'dotSegment':
      return vscode.l10n.t('cannot be "." or ".."');
    case 'notAbsoluteUrl':
      return vscode.l10n.t('is not an absolute URL');
    case 'notHttpUrl':
      return vscode.l10n.t('must start with https:// or http://');
    case 'notJson':
      return vscode.l10n.t('cannot be sent as JSON');
    case 'formNotObject':
      return vscode.l10n.t('must be an object of form fields');
    case 'badToken':
      return vscode.l10n.t('contains spaces or characters that cannot be sent in a header');
  }
}

function systemFailure(code: string): string {
  switch (code) {
    case 'ECONNREFUSED':
      return vscode.l10n.t('the connection was refused');
    case 'ENOTFOUND':
      return vscode.l10n.t('the host name was not found');
    case 'EAI_AGAIN':
      return vscode.l10n.t('the host name could not be resolved right now');
    case 'EHOSTUNREACH':
    case 'EHOSTDOWN':
      return vscode.l10n.t('the host is unreachable');
    case 'ENETUNREACH':
    case 'ENETDOWN':
      return vscode.l10n.t('the network is unreachable');
    case 'EADDRNOTAVAIL':
      return vscode.l10n.t('the address is not available');
    case 'CERT_HAS_EXPIRED':
    case 'CERT_NOT_YET_VALID':
    case 'DEPTH_ZERO_SELF_SIGNED_CERT':
    case 'SELF_SIGNED_CERT_IN_CHAIN':
    case 'UNABLE_TO_VERIFY_LEAF_SIGNATURE':
    case 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY':
    case 'ERR_TLS_CERT_ALTNAME_INVALID':
      return vscode.l10n.t("the server's certificate is not trusted");
    case 'ERR_INVALID_URL':
    case 'ERR_INVALID_CHAR':
    case 'ERR_INVALID_HTTP_TOKEN':
    case 'ERR_UNESCAPED_CHARACTERS':
      return vscode.l10n.t('the request could not be encoded');
    default:
      return vscode.l10n.t('a network error');
  }
}
