// A text with a count, in each plural form the UI language has (English: one, other; Russian: one, few, many,
// other), and the choice between them by Intl.PluralRules. The host words the forms (vscode.l10n.t), the
// webview apps and the host pick the one a count needs: "1 page", "3 pages"; "1 страница", "3 страницы", "5 страниц".

export interface PluralText {
  zero?: string;
  one?: string;
  two?: string;
  few?: string;
  many?: string;
  other: string;
}

/** The form of `text` that `count` takes in `locale`, with `{0}` the count as written there and `{1}`… `args`. */
export function pluralText(text: PluralText, count: number, locale: string, ...args: (string | number)[]): string {
  // A language tag Intl refuses (a webview's lang attribute can hold anything) falls back to English rules.
  let language = locale;
  let rules: Intl.PluralRules;
  try {
    rules = new Intl.PluralRules(language);
  } catch {
    language = 'en';
    rules = new Intl.PluralRules(language);
  }
  const template = text[rules.select(count)] ?? text.other;
  const values = [count.toLocaleString(language), ...args.map(String)];
  return template.replace(/\{(\d+)\}/g, (m, i: string) => values[Number(i)] ?? m);
}
