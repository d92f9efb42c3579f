// Plural texts in the host: the forms are worded where they are used (each a literal vscode.l10n.t call, so the
// string extractor sees it: the `plural: few` and `plural: many` forms exist for Russian) and chosen here by
// the UI language's plural rules.
import * as vscode from 'vscode';
import { pluralText, type PluralText } from '../protocol/plural';

/** The four forms a text with a count needs in English and Russian. */
export function plural(one: string, few: string, many: string, other: string): PluralText {
  return { one, few, many, other };
}

/** The form `count` takes in the UI language, `{0}` the count, `{1}`… the rest. */
export function countText(text: PluralText, count: number, ...args: (string | number)[]): string {
  return pluralText(text, count, vscode.env.language, ...args);
}

/** "1 item", "3 items": the rows of a list answer. */
export function itemsPlural(): PluralText {
  return plural(
    vscode.l10n.t({ message: '{0} item', comment: 'plural: one' }),
    vscode.l10n.t({ message: '{0} items', comment: 'plural: few' }),
    vscode.l10n.t({ message: '{0} items', comment: 'plural: many' }),
    vscode.l10n.t('{0} items'),
  );
}

/** "1 page", "3 pages": the pages of a paged list. */
export function pagesPlural(): PluralText {
  return plural(
    vscode.l10n.t({ message: '{0} page', comment: 'plural: one' }),
    vscode.l10n.t({ message: '{0} pages', comment: 'plural: few' }),
    vscode.l10n.t({ message: '{0} pages', comment: 'plural: many' }),
    vscode.l10n.t('{0} pages'),
  );
}
