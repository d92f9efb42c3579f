// Every text the request form shows, localised by the host (vscode.l10n.t) and sent in `init`.
// `{0}`-style placeholders are filled in by the app; texts with a count come in their plural forms.
import type { PluralText } from './plural';

export interface FormStrings {
  pathParameters: string;
  queryParameters: string;
  body: string;
  fieldsTab: string;
  jsonTab: string;
  send: string;
  /** The secondary button offered when the only problems are the schema's. */
  sendAnyway: string;
  sendAnywayHelp: string;
  sending: string;
  cancel: string;
  required: string;
  notSet: string;
  addItem: string;
  /** {0}: the item's number. */
  removeItem: string;
  /** {0}: the item's number. */
  itemLabel: string;
  noItems: string;
  /** {0}: the count. */
  problems: PluralText;
  noProblems: string;
  /** {0}: the parser's message. */
  invalidJson: string;
  jsonBodyHelp: string;
  jsonFieldHelp: string;
  jsonOnlyNoSchema: string;
  jsonOnlyFreeForm: string;
  jsonOnlyNotObject: string;
  jsonOnlyCombinator: string;
  noParameters: string;
  lookupLoading: string;
  lookupUnavailableLocation: string;
  lookupUnavailableChain: string;
  /** {0}: the reason. */
  lookupError: string;
  lookupReload: string;
  /** The screen-reader name of a dropdown's open button (the element library's own label is English). */
  openOptions: string;
  /** The dropdown's row that takes a typed value (an ID not in the list). {0}: what was typed. */
  lookupAddTyped: string;
  lookupNoOptions: string;
  lookupSearchPlaceholder: string;
  lookupNoMatches: string;
  /** {0}: how many options. */
  lookupCount: PluralText;
  lookupUnavailableSignIn: string;
  /** {0}: the chosen option (a client's name). */
  lookupChosen: string;
  securityPartner: string;
  securityPartnerUser: string;
  /** {0}: the environment. */
  notSignedIn: string;
  /** {0}: the environment. */
  missingUserToken: string;
  signIn: string;
  /** {0}: the environment. */
  readOnlyBlocked: string;
  openSetting: string;
  destructive: string;
  deprecated: string;
  documentation: string;
  fillExamples: string;
  clear: string;
  saveToNotebook: string;
  copyAsCode: string;
  openResponse: string;
  chooseFile: string;
  noFile: string;
  phoneHint: string;
  /** {0}: the digits sent. */
  phoneSentAs: string;
  /** {0}: the documented example. */
  placeholderExample: string;
  /** {0}: the environment. */
  environment: string;
  serverSaid: string;
  resultTitle: string;
  kindText: string;
  kindInteger: string;
  kindNumber: string;
  kindBoolean: string;
  kindEnum: string;
  kindDate: string;
  kindPhone: string;
  kindArray: string;
  kindObject: string;
  kindFile: string;
  kindJson: string;
  yes: string;
  no: string;
  /** Instead of "Ready to send" when Send is disabled because of the environment or the tokens. */
  blockedSignedOut: string;
  blockedReadOnly: string;
  blockedUserToken: string;
}
