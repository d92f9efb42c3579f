// A text with a count is one message holding all its plural forms, as Mozilla's PluralForm and gettext have them:
// the forms separated by "|", one per plural category of the language the text is written in, in CLDR order
// (English "{0} page|{0} pages"; Russian "{0} страница|{0} страницы|{0} страниц|{0} страницы"). The host sends it
// with that language; the host and the webview apps pick the form a count needs by that language's rules.

/**
 * The comment of every plural message (vscode.l10n.t's `comment`, which also keys the message in the bundles). The
 * string extractor reads only a literal there, so each call writes this text out; a unit test checks they agree.
 */
export const PLURAL_FORMS_COMMENT =
  'plural: forms split by |, one per CLDR category of the language in order (ru: one|few|many|other)';

export interface PluralText {
  /** The forms, separated by "|"; a missing trailing form repeats the last one given. */
  forms: string;
  /** The language the forms are written in, whose plural rules choose among them. */
  language: string;
}

/**
 * The plural messages a string bundle translates (vscode.l10n.bundle, keyed by English message and comment): the
 * rules of the bundle's language split those; any other text is the English message vscode.l10n.t gave back, split
 * by English rules — never two English forms spread over, say, the six categories of Arabic.
 */
export class PluralTranslations {
  private readonly translated: ReadonlySet<string>;

  constructor(
    private readonly language: string,
    bundle: Readonly<Record<string, string>> | undefined,
  ) {
    const suffix = `/${PLURAL_FORMS_COMMENT}`;
    const plurals = Object.entries(bundle ?? {}).filter(([key]) => key.endsWith(suffix));
    this.translated = new Set(plurals.map(([, forms]) => forms));
  }

  /** `forms`, as vscode.l10n.t returned them, with the language they are written in. */
  text(forms: string): PluralText {
    return { forms, language: this.translated.has(forms) ? this.language : 'en' };
  }
}

/** CLDR's order of the plural categories, the order a message gives its forms in. */
const CATEGORY_ORDER: readonly Intl.LDMLPluralRule[] = ['zero', 'one', 'two', 'few', 'many', 'other'];

const rulesByLanguage = new Map<string, Intl.PluralRules>();

/** The plural rules of `language`; English ones for a tag Intl refuses (a webview's lang attribute can hold anything). */
function pluralRules(language: string): Intl.PluralRules {
  let rules = rulesByLanguage.get(language);
  if (!rules) {
    try {
      rules = new Intl.PluralRules(language);
    } catch {
      rules = new Intl.PluralRules('en');
    }
    rulesByLanguage.set(language, rules);
  }
  return rules;
}

/** The plural categories of `language` in the order its plural messages give their forms. */
export function pluralCategories(language: string): Intl.LDMLPluralRule[] {
  const present = pluralRules(language).resolvedOptions().pluralCategories;
  return CATEGORY_ORDER.filter((c) => present.includes(c));
}

/** The form of `text` that `count` takes, with `{0}` the count as `locale` writes numbers and `{1}`… `args`. */
export function pluralText(text: PluralText, count: number, locale: string, ...args: (string | number)[]): string {
  const forms = text.forms.split('|');
  const index = pluralCategories(text.language).indexOf(pluralRules(text.language).select(count));
  const template = forms[Math.min(index, forms.length - 1)];
  const values = [formatCount(count, locale), ...args.map(String)];
  return template.replace(/\{(\d+)\}/g, (m, i: string) => values[Number(i)] ?? m);
}

function formatCount(count: number, locale: string): string {
  try {
    return count.toLocaleString(locale);
  } catch {
    return count.toLocaleString('en');
  }
}
