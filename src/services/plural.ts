// Plural texts in the host: each is one literal vscode.l10n.t call holding all its forms (src/protocol/plural.ts),
// sent on with the language it is actually written in — the UI language where the bundle translates it, English
// where vscode.l10n.t gave back the English message (a UI language without a bundle, or a missing translation), so
// two English forms are never spread over another language's categories.
import * as vscode from 'vscode';
import { PluralTranslations, pluralText, type PluralText } from '../protocol/plural';

/** `forms`, as vscode.l10n.t returned them, with the language whose plural rules choose among them. */
export function plural(forms: string): PluralText {
  // The bundle is loaded once, for the UI language of this session.
  translations ??= new PluralTranslations(vscode.env.language, vscode.l10n.bundle);
  return translations.text(forms);
}

let translations: PluralTranslations | undefined;

/** The form `count` takes, `{0}` the count as the UI language writes it, `{1}`… the rest. */
export function countText(text: PluralText, count: number, ...args: (string | number)[]): string {
  return pluralText(text, count, vscode.env.language, ...args);
}

/** "1 item", "3 items": the rows of a list answer. */
export function itemsPlural(): PluralText {
  return plural(
    vscode.l10n.t({
      message: '{0} item|{0} items',
      comment: 'plural: forms split by |, one per CLDR category of the language in order (ru: one|few|many|other)',
    }),
  );
}

/** "1 page", "3 pages": the pages of a paged list. */
export function pagesPlural(): PluralText {
  return plural(
    vscode.l10n.t({
      message: '{0} page|{0} pages',
      comment: 'plural: forms split by |, one per CLDR category of the language in order (ru: one|few|many|other)',
    }),
  );
}
