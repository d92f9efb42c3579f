// The response viewer's texts, localised here in the host and sent to the app with `show`.
import * as vscode from 'vscode';
import type { ResponseStrings } from '../../protocol/response-strings';
import { itemsPlural, pagesPlural, plural } from '../../services/plural';
import { unitStrings } from '../../services/units';

export function responseStrings(): ResponseStrings {
  return {
    dataTab: vscode.l10n.t('Data'),
    rawTab: vscode.l10n.t('Raw JSON'),
    headersTab: vscode.l10n.t('Headers'),
    requestTab: vscode.l10n.t('Request'),
    pin: vscode.l10n.t('Pin'),
    unpin: vscode.l10n.t('Unpin'),
    openInEditor: vscode.l10n.t('Open in Editor'),
    copy: vscode.l10n.t('Copy'),
    copied: vscode.l10n.t('Copied.'),
    editRequest: vscode.l10n.t('Edit Request'),
    saveToNotebook: vscode.l10n.t('Save to Notebook'),
    copyAsCode: vscode.l10n.t('Copy as Code…'),
    duration: vscode.l10n.t('Time: {0}'),
    size: vscode.l10n.t('Size: {0}'),
    attempts: plural(
      vscode.l10n.t({
        message: '{0} attempt|{0} attempts',
        comment: 'plural: forms split by |, one per CLDR category of the language in order (ru: one|few|many|other)',
      }),
    ),
    environment: vscode.l10n.t('Environment: {0}'),
    noStatus: vscode.l10n.t('No answer'),
    emptyBody: vscode.l10n.t('The answer has no body.'),
    tooLarge: vscode.l10n.t(
      'This answer is {0}, more than the {1} the viewer shows (setting "altegio.responseViewer.largeResponseThresholdMB"). It was opened in an editor.',
    ),
    unavailable: vscode.l10n.t('The body of this answer was not kept. Send the request again to see it.'),
    filter: vscode.l10n.t('Filter loaded rows'),
    columns: vscode.l10n.t('Columns'),
    exportCsv: vscode.l10n.t('Export CSV…'),
    rowsMatching: plural(
      vscode.l10n.t({
        message: '{1} of {0} loaded row match|{1} of {0} loaded rows match',
        comment: 'plural: forms split by |, one per CLDR category of the language in order (ru: one|few|many|other)',
      }),
    ),
    rows: plural(
      vscode.l10n.t({
        message: '{0} row|{0} rows',
        comment: 'plural: forms split by |, one per CLDR category of the language in order (ru: one|few|many|other)',
      }),
    ),
    valueColumn: vscode.l10n.t('value'),
    sortAscending: vscode.l10n.t('Sort ascending'),
    sortDescending: vscode.l10n.t('Sort descending'),
    noRows: vscode.l10n.t('The list is empty.'),
    noMatches: vscode.l10n.t('No rows match the filter.'),
    nextPage: vscode.l10n.t('Next Page'),
    fetchAll: vscode.l10n.t('Fetch All Pages'),
    cancel: vscode.l10n.t('Cancel'),
    pagingProgressTotal: plural(
      vscode.l10n.t({
        message: 'Page {1}: {2} of {0} item|Page {1}: {2} of {0} items',
        comment: 'plural: forms split by |, one per CLDR category of the language in order (ru: one|few|many|other)',
      }),
    ),
    pagingProgress: plural(
      vscode.l10n.t({
        message: 'Page {1}: {0} item|Page {1}: {0} items',
        comment: 'plural: forms split by |, one per CLDR category of the language in order (ru: one|few|many|other)',
      }),
    ),
    combined: vscode.l10n.t('All pages fetched: {0}, {1}.'),
    items: itemsPlural(),
    pages: pagesPlural(),
    combinedTruncated: vscode.l10n.t("Stopped at the viewer's limit; more items exist."),
    loadedOfTotal: plural(
      vscode.l10n.t({
        message:
          '{1} of {0} item loaded; Next Page and Fetch All Pages load the rest.|{1} of {0} items loaded; Next Page and Fetch All Pages load the rest.',
        comment: 'plural: forms split by |, one per CLDR category of the language in order (ru: one|few|many|other)',
      }),
    ),
    selectedRow: vscode.l10n.t('Row'),
    closeRow: vscode.l10n.t('Close Row Details'),
    expand: vscode.l10n.t('Expand'),
    collapse: vscode.l10n.t('Collapse'),
    keysCount: plural(
      vscode.l10n.t({
        message: '{0} field|{0} fields',
        comment: 'plural: forms split by |, one per CLDR category of the language in order (ru: one|few|many|other)',
      }),
    ),
    showMore: vscode.l10n.t('Show more…'),
    requestHeaders: vscode.l10n.t('Request headers'),
    responseHeaders: vscode.l10n.t('Response headers'),
    noHeaders: vscode.l10n.t('None.'),
    curl: vscode.l10n.t('cURL'),
    httpFile: vscode.l10n.t('.http (REST Client)'),
    requestBody: vscode.l10n.t('Request body'),
    tokensMasked: vscode.l10n.t(
      'Tokens are not included: the cURL command reads them from $ALTEGIO_PARTNER_TOKEN and $ALTEGIO_USER_TOKEN, the .http file from the same environment variables.',
    ),
    altegioSaid: vscode.l10n.t('Altegio says:'),
    fieldErrors: vscode.l10n.t('Field errors'),
    whatToDo: vscode.l10n.t('What to do'),
    notSent: vscode.l10n.t('Nothing reached the server.'),
    signIn: vscode.l10n.t('Sign In'),
    openHistory: vscode.l10n.t('Open History'),
    retry: vscode.l10n.t('Send Again'),
    showAllColumns: vscode.l10n.t('Show all columns'),
    cutNotice: vscode.l10n.t('Only the beginning is shown here; Open in Editor shows all of it.'),
    units: unitStrings(),
  };
}
