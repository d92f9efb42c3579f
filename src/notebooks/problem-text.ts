// Request cell problems in the user's language: the core names each problem by a code with arguments, the host
// words it here (validation problems exactly as the forms word them).
import * as vscode from 'vscode';
import type { CellProblem } from './core/cell-request';
import type { CsvError } from './core/csv';
import { localiseFieldError } from '../webviews/form/validation-text';

export function problemText(p: CellProblem): string {
  const [a = '', b = '', c = ''] = p.args;
  switch (p.code) {
    case 'noRequestLine':
      return vscode.l10n.t('Write the request line: a method and a path, e.g. GET /company/{{location_id}}');
    case 'unknownMethod':
      return vscode.l10n.t('"{0}" is not an HTTP method the API uses (GET, POST, PUT, PATCH, DELETE)', a);
    case 'noPath':
      return vscode.l10n.t('Write the path after the method, starting with /');
    case 'extraText':
      return vscode.l10n.t('Unexpected text after the path: "{0}"', a);
    case 'absoluteUrl':
      return vscode.l10n.t(
        'Write the path without the base URL: requests go to the current environment (Altegio: Select Environment)',
      );
    case 'badHeader':
      return vscode.l10n.t('"{0}" is not a header line (Name: value); leave a blank line before the body', a);
    case 'missingBlankLine':
      return vscode.l10n.t('Leave a blank line between the request line (and headers) and the body');
    case 'authorizationHeader':
      return vscode.l10n.t(
        'Never write a token in a cell: requests are signed with the tokens of the current environment, kept in the system keychain. This cell will not be sent.',
      );
    case 'ignoredHeader':
      return vscode.l10n.t('The header {0} is not sent: the extension sets the headers Altegio needs', a);
    case 'unknownDirective':
      return vscode.l10n.t('Unknown directive @{0} (known: @name, @each, @dry-run)', a);
    case 'directiveValue':
      return a === 'name'
        ? vscode.l10n.t('@name needs a name made of letters, digits, _ and -, starting with a letter')
        : vscode.l10n.t('@each needs a CSV file next to the notebook or a {{variable}} holding a list');
    case 'duplicateDirective':
      return vscode.l10n.t('@{0} is given twice; the first one counts', a);
    case 'badVariable':
      return vscode.l10n.t('"{{{0}}}" is not a variable reference (e.g. {{card.data.id}})', a);
    case 'unknownOperation':
      return vscode.l10n.t('No operation of the API is {0} {1}', a, b);
    case 'methodNotAllowed':
      return vscode.l10n.t('{1} does not take {0}; it takes {2}', a, b, c);
    case 'unknownQueryParameter':
      return vscode.l10n.t('{0} is not a query parameter of {1}', a, b);
    case 'bodyNotAllowed':
      return vscode.l10n.t('{0} {1} takes no body', a, b);
    case 'multipartBody':
      return vscode.l10n.t('{0} uploads a file: use its form (Open as Form)', a);
    case 'jsonSyntax':
      return vscode.l10n.t('The body is not valid JSON here ({0})', a);
    case 'unknownVariable':
      return vscode.l10n.t(
        '{{{0}}} has no value: no cell is named {1}, and the front matter and the defaults do not have it',
        a,
        b,
      );
    case 'noValue':
      return vscode.l10n.t('{{{0}}} has no value: the answer it reads has nothing there', a);
    case 'rowOutsideRun':
      return vscode.l10n.t('{{{0}}} reads a row: it has a value only in a cell with # @each', a);
    case 'pendingVariable':
      return vscode.l10n.t('{{{0}}} gets its value when the cell named {1} has run', a, b);
    case 'eachNotList':
      return vscode.l10n.t('@each needs a list; {{{0}}} is not one', a);
    case 'validation':
      return p.fieldError ? localiseFieldError(p.fieldError) : a;
  }
}

export function csvErrorText(file: string, e: CsvError): string {
  switch (e.reason) {
    case 'unclosedQuote':
      return vscode.l10n.t('{0}, line {1}: a quoted field is not closed', file, e.line);
    case 'unnamedColumn':
      return vscode.l10n.t('{0}, line {1}: a column of the header row has no name', file, e.line);
    case 'duplicateColumn':
      return vscode.l10n.t(
        '{0}, line {1}: the column "{2}" appears twice in the header row',
        file,
        e.line,
        e.column ?? '',
      );
  }
}
