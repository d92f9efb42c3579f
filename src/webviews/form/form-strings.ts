// The request form's texts, localised here in the host and sent to the app with `init`.
import * as vscode from 'vscode';
import type { FormStrings } from '../../protocol/form-strings';
import type { IssueTexts } from './form-validation';

export function formStrings(): FormStrings {
  const t = vscode.l10n.t;
  return {
    pathParameters: t('Path parameters'),
    queryParameters: t('Query parameters'),
    body: t('Body'),
    fieldsTab: t('Fields'),
    jsonTab: t('JSON'),
    send: t('Send'),
    sending: t('Sending…'),
    cancel: t('Cancel'),
    required: t('required'),
    notSet: t('(not set)'),
    addItem: t('Add Item'),
    removeItem: t('Remove item {0}'),
    itemLabel: t('Item {0}'),
    noItems: t('No items.'),
    problemsOne: t('1 problem to fix before sending'),
    problemsMany: t('{0} problems to fix before sending'),
    noProblems: t('Ready to send'),
    invalidJson: t('Not valid JSON: {0}'),
    jsonBodyHelp: t('The body as JSON. Edits here and in the fields stay in sync.'),
    jsonFieldHelp: t('a JSON value'),
    jsonOnlyNoSchema: t('The documentation gives no schema for this body, so it is written as JSON.'),
    jsonOnlyFreeForm: t('This body takes any fields, so it is written as JSON.'),
    jsonOnlyNotObject: t('This body is not an object of fields, so it is written as JSON.'),
    jsonOnlyCombinator: t('This body has alternative forms, so it is written as JSON.'),
    noParameters: t('This operation takes no parameters.'),
    lookupLoading: t('Loading options…'),
    lookupUnavailableLocation: t('Choose a location (location_id) to list the options; an ID can be typed meanwhile.'),
    lookupUnavailableChain: t('Select a location that belongs to a chain to list the options; an ID can be typed meanwhile.'),
    lookupError: t('Could not load the options: {0}'),
    lookupReload: t('Reload Options'),
    lookupSearchPlaceholder: t('Search by name or phone…'),
    lookupNoMatches: t('No matches.'),
    lookupCount: t('{0} options from the API'),
    securityPartner: t('Needs the partner token'),
    securityPartnerUser: t('Needs the partner token and a user token'),
    notSignedIn: t('You are not signed in to {0}: nothing can be sent.'),
    missingUserToken: t('This operation acts as a user, but {0} has no user token: sign in with a user token or with login and password.'),
    signIn: t('Sign In'),
    readOnlyBlocked: t('{0} is read-only: this operation changes data and will not be sent.'),
    openSetting: t('Open Setting'),
    destructive: t('This operation changes or removes data: you will be asked to confirm before it is sent.'),
    deprecated: t('Deprecated'),
    documentation: t('Documentation'),
    fillExamples: t('Fill with Examples'),
    clear: t('Clear'),
    openResponse: t('Open Response'),
    chooseFile: t('Choose File…'),
    noFile: t('No file chosen'),
    phoneHintString: t('9 to 15 digits, a leading + allowed, no spaces'),
    phoneHintNumber: t('9 to 15 digits, no + and no spaces'),
    environment: t('Environment: {0}'),
    serverSaid: t('Altegio:'),
    resultTitle: t('Result'),
    kindText: t('text'),
    kindInteger: t('integer'),
    kindNumber: t('number'),
    kindBoolean: t('true/false'),
    kindEnum: t('choice'),
    kindDate: t('date'),
    kindPhone: t('phone'),
    kindArray: t('list'),
    kindObject: t('object'),
    kindFile: t('file'),
    kindJson: t('JSON'),
    yes: t('true'),
    no: t('false'),
  };
}

/** How the host words a phone that is not what the API expects ({0} is the field). */
export function issueTexts(): IssueTexts {
  return {
    phoneString: vscode.l10n.t('{0} must be 9 to 15 digits; a leading + is allowed, spaces and dashes are not'),
    phoneNumber: vscode.l10n.t('{0} must be 9 to 15 digits, without +, spaces or dashes'),
  };
}
