// Request cell problems in the user's language: the core names each problem by a code with arguments, the host
// words it here (validation problems exactly as the forms word them).
import * as vscode from 'vscode';
import type { CellProblem, CellProblemCode } from './core/cell-request';
import type { CsvError } from './core/csv';
import { localiseFieldError } from '../webviews/form/validation-text';

/** Words a problem from its arguments, in the order the core gives them ('' where the core gave fewer). */
type Wording = (a: string, b: string, c: string) => string;

// One entry a code (a code without one fails typecheck); each message stays a literal `vscode.l10n.t` call so the
// string extractor and the catalogue test see it. Validation problems are worded by the forms' wording instead.
const WORDING: Record<Exclude<CellProblemCode, 'validation'>, Wording> = {
  noRequestLine: () => vscode.l10n.t('Write the request line: a method and a path, e.g. GET /company/{{location_id}}'),
  unknownMethod: (method) =>
    vscode.l10n.t('"{0}" is not an HTTP method the API uses (GET, POST, PUT, PATCH, DELETE)', method),
  noPath: () => vscode.l10n.t('Write the path after the method, starting with /'),
  extraText: (rest) => vscode.l10n.t('Unexpected text after the path: "{0}"', rest),
  absoluteUrl: () =>
    vscode.l10n.t(
      'Write the path without the base URL: requests go to the current environment (Altegio: Select Environment)',
    ),
  badHeader: (line) =>
    vscode.l10n.t('"{0}" is not a header line (Name: value); leave a blank line before the body', line),
  missingBlankLine: () => vscode.l10n.t('Leave a blank line between the request line (and headers) and the body'),
  authorizationHeader: () =>
    vscode.l10n.t(
      'Never write a token in a cell: requests are signed with the tokens of the current environment, kept in the system keychain. This cell will not be sent.',
    ),
  ignoredHeader: (name) =>
    vscode.l10n.t('The header {0} is not sent: the extension sets the headers Altegio needs', name),
  unknownDirective: (name) => vscode.l10n.t('Unknown directive @{0} (known: @name, @each, @dry-run)', name),
  directiveValue: (directive) =>
    directive === 'name'
      ? vscode.l10n.t('@name needs a name made of letters, digits, _ and -, starting with a letter')
      : vscode.l10n.t('@each needs a CSV file next to the notebook or a {{variable}} holding a list'),
  duplicateDirective: (name) => vscode.l10n.t('@{0} is given twice; the first one counts', name),
  badVariable: (expression) =>
    vscode.l10n.t('"{{{0}}}" is not a variable reference (e.g. {{card.data.id}})', expression),
  unknownOperation: (method, path) => vscode.l10n.t('No operation of the API is {0} {1}', method, path),
  methodNotAllowed: (method, path, allowed) =>
    vscode.l10n.t('{1} does not take {0}; it takes {2}', method, path, allowed),
  unknownQueryParameter: (name, operation) => vscode.l10n.t('{0} is not a query parameter of {1}', name, operation),
  bodyNotAllowed: (method, path) => vscode.l10n.t('{0} {1} takes no body', method, path),
  multipartBody: (operation) => vscode.l10n.t('{0} uploads a file: use its form (Open as Form)', operation),
  jsonSyntax: (reason) => vscode.l10n.t('The body is not valid JSON here ({0})', reason),
  unknownVariable: (expression, root) =>
    vscode.l10n.t(
      '{{{0}}} has no value: no cell is named {1}, and the front matter and the defaults do not have it',
      expression,
      root,
    ),
  noValue: (expression) => vscode.l10n.t('{{{0}}} has no value: the answer it reads has nothing there', expression),
  rowOutsideRun: (expression) =>
    vscode.l10n.t('{{{0}}} reads a row: it has a value only in a cell with # @each', expression),
  pendingVariable: (expression, cell) =>
    vscode.l10n.t('{{{0}}} gets its value when the cell named {1} has run', expression, cell),
  eachNotList: (expression) => vscode.l10n.t('@each needs a list; {{{0}}} is not one', expression),
};

export function problemText(p: CellProblem): string {
  const [a = '', b = '', c = ''] = p.args;
  if (p.code !== 'validation') return WORDING[p.code](a, b, c);
  return p.fieldError ? localiseFieldError(p.fieldError) : a;
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
