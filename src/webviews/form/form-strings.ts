// The request form's texts, localised here in the host and sent to the app with `init`.
import * as vscode from 'vscode';
import type { FormStrings } from '../../protocol/form-strings';
import { plural } from '../../services/plural';
import type { IssueTexts } from './form-validation';
import { localiseFieldError } from './validation-text';

export function formStrings(): FormStrings {
  return {
    pathParameters: vscode.l10n.t('Path parameters'),
    queryParameters: vscode.l10n.t('Query parameters'),
    body: vscode.l10n.t('Body'),
    fieldsTab: vscode.l10n.t('Fields'),
    jsonTab: vscode.l10n.t('JSON'),
    send: vscode.l10n.t('Send'),
    sendAnyway: vscode.l10n.t('Send Anyway…'),
    sendAnywayHelp: vscode.l10n.t(
      'The documentation may be wrong about the server: send these values as they are, after a confirmation that lists the problems.',
    ),
    sending: vscode.l10n.t('Sending…'),
    cancel: vscode.l10n.t('Cancel'),
    required: vscode.l10n.t('required'),
    notSet: vscode.l10n.t('(not set)'),
    addItem: vscode.l10n.t('Add Item'),
    removeItem: vscode.l10n.t('Remove item {0}'),
    itemLabel: vscode.l10n.t('Item {0}'),
    noItems: vscode.l10n.t('No items.'),
    problems: plural(
      vscode.l10n.t({
        message: '{0} problem to fix before sending|{0} problems to fix before sending',
        comment: 'plural: forms split by |, one per CLDR category of the language in order (ru: one|few|many|other)',
      }),
    ),
    noProblems: vscode.l10n.t('Ready to send'),
    invalidJson: vscode.l10n.t('Not valid JSON: {0}'),
    jsonBodyHelp: vscode.l10n.t('The body as JSON. Edits here and in the fields stay in sync.'),
    jsonFieldHelp: vscode.l10n.t('a JSON value'),
    jsonOnlyNoSchema: vscode.l10n.t('The documentation gives no schema for this body, so it is written as JSON.'),
    jsonOnlyFreeForm: vscode.l10n.t('This body takes any fields, so it is written as JSON.'),
    jsonOnlyNotObject: vscode.l10n.t('This body is not an object of fields, so it is written as JSON.'),
    jsonOnlyCombinator: vscode.l10n.t('This body has alternative forms, so it is written as JSON.'),
    noParameters: vscode.l10n.t('This operation takes no parameters.'),
    lookupLoading: vscode.l10n.t('Loading options…'),
    lookupUnavailableLocation: vscode.l10n.t(
      'Choose a location (location_id) to list the options; an ID can be typed meanwhile.',
    ),
    lookupUnavailableChain: vscode.l10n.t(
      'Select a location that belongs to a chain to list the options; an ID can be typed meanwhile.',
    ),
    lookupError: vscode.l10n.t('Could not load the options: {0}'),
    lookupReload: vscode.l10n.t('Reload Options'),
    openOptions: vscode.l10n.t('Open the list of options'),
    lookupAddTyped: vscode.l10n.t('Use "{0}"'),
    lookupNoOptions: vscode.l10n.t('No options'),
    lookupSearchPlaceholder: vscode.l10n.t('Search by name or phone…'),
    lookupNoMatches: vscode.l10n.t('No matches.'),
    lookupCount: plural(
      vscode.l10n.t({
        message: '{0} option from the API|{0} options from the API',
        comment: 'plural: forms split by |, one per CLDR category of the language in order (ru: one|few|many|other)',
      }),
    ),
    lookupUnavailableSignIn: vscode.l10n.t('Sign in to list the options; an ID can be typed meanwhile.'),
    lookupChosen: vscode.l10n.t('Chosen: {0}'),
    securityPartner: vscode.l10n.t('Needs the partner token'),
    securityPartnerUser: vscode.l10n.t('Needs the partner token and a user token'),
    notSignedIn: vscode.l10n.t('You are not signed in to {0}: nothing can be sent.'),
    missingUserToken: vscode.l10n.t(
      'This operation acts as a user, but {0} has no user token: sign in with a user token or with login and password.',
    ),
    signIn: vscode.l10n.t('Sign In'),
    readOnlyBlocked: vscode.l10n.t('{0} is read-only: this operation changes data and will not be sent.'),
    openSetting: vscode.l10n.t('Open Setting'),
    destructive: vscode.l10n.t(
      'This operation changes or removes data: you will be asked to confirm before it is sent.',
    ),
    deprecated: vscode.l10n.t('Deprecated'),
    documentation: vscode.l10n.t('Documentation'),
    fillExamples: vscode.l10n.t('Fill with Examples'),
    clear: vscode.l10n.t('Clear'),
    saveToNotebook: vscode.l10n.t('Save to Notebook'),
    copyAsCode: vscode.l10n.t('Copy as Code…'),
    openResponse: vscode.l10n.t('Open Response'),
    chooseFile: vscode.l10n.t('Choose File…'),
    noFile: vscode.l10n.t('No file chosen'),
    phoneHint: vscode.l10n.t('+, spaces and dashes are removed before sending'),
    phoneSentAs: vscode.l10n.t('Sent as {0}'),
    placeholderExample: vscode.l10n.t('e.g. {0}'),
    environment: vscode.l10n.t('Environment: {0}'),
    serverSaid: vscode.l10n.t('Altegio:'),
    resultTitle: vscode.l10n.t('Result'),
    kindText: vscode.l10n.t('text'),
    kindInteger: vscode.l10n.t('integer'),
    kindNumber: vscode.l10n.t('number'),
    kindBoolean: vscode.l10n.t('true/false'),
    kindEnum: vscode.l10n.t('choice'),
    kindDate: vscode.l10n.t('date'),
    kindPhone: vscode.l10n.t('phone'),
    kindArray: vscode.l10n.t('list'),
    kindObject: vscode.l10n.t('object'),
    kindFile: vscode.l10n.t('file'),
    kindJson: vscode.l10n.t('JSON'),
    yes: vscode.l10n.t('true'),
    no: vscode.l10n.t('false'),
    blockedSignedOut: vscode.l10n.t('Sign in to send'),
    blockedReadOnly: vscode.l10n.t('Read-only: cannot be sent here'),
    blockedUserToken: vscode.l10n.t('Needs a user token to send'),
  };
}

/** How the host words schema problems, and a phone that is not what the API expects ({0} is the field). */
export function issueTexts(): IssueTexts {
  return {
    phone: vscode.l10n.t('{0} must be 9 to 15 digits with the country code'),
    describe: localiseFieldError,
  };
}
