// Messages with a count, in each plural form of the UI language (see PluralStrings in src/protocol/units.ts):
// English needs two forms, Russian three and one for fractions. Each form is its own vscode.l10n.t string, told
// apart by its comment, so that the translator writes "1 элемент", "3 элемента", "5 элементов".
import * as vscode from 'vscode';
import type { PluralStrings } from '../protocol/units';

/** "{0} items": the elements of a list. */
export function itemsPlural(): PluralStrings {
  return {
    one: vscode.l10n.t({ message: '{0} item', comment: ['plural: one'] }),
    few: vscode.l10n.t({ message: '{0} items', comment: ['plural: few'] }),
    many: vscode.l10n.t({ message: '{0} items', comment: ['plural: many'] }),
    other: vscode.l10n.t({ message: '{0} items', comment: ['plural: other'] }),
  };
}

/** "{0} fields": the keys of an object. */
export function fieldsPlural(): PluralStrings {
  return {
    one: vscode.l10n.t({ message: '{0} field', comment: ['plural: one'] }),
    few: vscode.l10n.t({ message: '{0} fields', comment: ['plural: few'] }),
    many: vscode.l10n.t({ message: '{0} fields', comment: ['plural: many'] }),
    other: vscode.l10n.t({ message: '{0} fields', comment: ['plural: other'] }),
  };
}

/** "{0} rows" of the response viewer's table. */
export function rowsPlural(): PluralStrings {
  return {
    one: vscode.l10n.t({ message: '{0} row', comment: ['plural: one'] }),
    few: vscode.l10n.t({ message: '{0} rows', comment: ['plural: few'] }),
    many: vscode.l10n.t({ message: '{0} rows', comment: ['plural: many'] }),
    other: vscode.l10n.t({ message: '{0} rows', comment: ['plural: other'] }),
  };
}

/** "{0} rows saved to {1}." after a CSV export; {1} is the file. */
export function rowsSavedPlural(): PluralStrings {
  return {
    one: vscode.l10n.t({ message: '{0} row saved to {1}.', comment: ['plural: one'] }),
    few: vscode.l10n.t({ message: '{0} rows saved to {1}.', comment: ['plural: few'] }),
    many: vscode.l10n.t({ message: '{0} rows saved to {1}.', comment: ['plural: many'] }),
    other: vscode.l10n.t({ message: '{0} rows saved to {1}.', comment: ['plural: other'] }),
  };
}

/** "{0} attempts" when a read was retried. */
export function attemptsPlural(): PluralStrings {
  return {
    one: vscode.l10n.t({ message: '{0} attempt', comment: ['plural: one'] }),
    few: vscode.l10n.t({ message: '{0} attempts', comment: ['plural: few'] }),
    many: vscode.l10n.t({ message: '{0} attempts', comment: ['plural: many'] }),
    other: vscode.l10n.t({ message: '{0} attempts', comment: ['plural: other'] }),
  };
}

/** "{0} problems to fix before sending" in the form's send bar. */
export function problemsPlural(): PluralStrings {
  return {
    one: vscode.l10n.t({ message: '{0} problem to fix before sending', comment: ['plural: one'] }),
    few: vscode.l10n.t({ message: '{0} problems to fix before sending', comment: ['plural: few'] }),
    many: vscode.l10n.t({ message: '{0} problems to fix before sending', comment: ['plural: many'] }),
    other: vscode.l10n.t({ message: '{0} problems to fix before sending', comment: ['plural: other'] }),
  };
}

/** "{0} options from the API" under a lookup field. */
export function optionsPlural(): PluralStrings {
  return {
    one: vscode.l10n.t({ message: '{0} option from the API', comment: ['plural: one'] }),
    few: vscode.l10n.t({ message: '{0} options from the API', comment: ['plural: few'] }),
    many: vscode.l10n.t({ message: '{0} options from the API', comment: ['plural: many'] }),
    other: vscode.l10n.t({ message: '{0} options from the API', comment: ['plural: other'] }),
  };
}
