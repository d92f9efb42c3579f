// Texts with a count take the plural form of the language they are written in: "1 page", "3 pages"; "1 страница",
// "3 страницы", "5 страниц" — never "from 1 pages". One message holds all the forms, separated by "|", one per plural
// category of its language in CLDR order; Intl.PluralRules picks one.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { PLURAL_FORMS_COMMENT, PluralTranslations, pluralText, type PluralText } from '../../src/protocol/plural';
import { formsAllowed, pluralFormsProblem } from './helpers/plural-forms';

const root = path.resolve(__dirname, '..', '..');
const russian = JSON.parse(fs.readFileSync(path.join(root, 'l10n', 'bundle.l10n.ru.json'), 'utf8')) as Record<
  string,
  string
>;
const SUFFIX = `/${PLURAL_FORMS_COMMENT}`;
const pluralKeys = Object.keys(russian).filter((k) => k.endsWith(SUFFIX));

/** A plural text as the host sends it in a Russian UI: vscode.l10n.t's answer, with the language it is in. */
const inRussianUi = new PluralTranslations('ru', russian);
const ru = (englishForms: string): PluralText => {
  const forms = russian[englishForms + SUFFIX];
  assert.ok(forms, `the Russian bundle translates ${englishForms}`);
  return inRussianUi.text(forms);
};
const en = (forms: string): PluralText => ({ forms, language: 'en' });

describe('plural texts', () => {
  it('say "1 page" and "3 pages" in English', () => {
    const pages = en('{0} page|{0} pages');
    assert.deepStrictEqual(
      [0, 1, 3, 21, 1.5].map((n) => pluralText(pages, n, 'en')),
      ['0 pages', '1 page', '3 pages', '21 pages', '1.5 pages'],
    );
  });

  it('take the one, few and many forms in Russian, and the genitive singular of "other" for a fraction', () => {
    const pages = ru('{0} page|{0} pages');
    assert.strictEqual(pages.language, 'ru');
    assert.deepStrictEqual(
      [1, 3, 5, 11, 21, 22, 25].map((n) => pluralText(pages, n, 'ru')),
      ['1 страница', '3 страницы', '5 страниц', '11 страниц', '21 страница', '22 страницы', '25 страниц'],
    );
    const problems = ru('{0} problem to fix before sending|{0} problems to fix before sending');
    assert.notStrictEqual(pluralText(problems, 2, 'ru'), pluralText(problems, 5, 'ru'));
    const items = ru('{0} item|{0} items');
    assert.deepStrictEqual(
      [1, 3, 5, 11, 21, 22, 25, 1.5].map((n) => pluralText(items, n, 'ru')),
      [
        '1 элемент',
        '3 элемента',
        '5 элементов',
        '11 элементов',
        '21 элемент',
        '22 элемента',
        '25 элементов',
        '1,5 элемента',
      ],
    );
    const saved = ru('{0} row saved to {1}.|{0} rows saved to {1}.');
    assert.strictEqual(
      pluralText(saved, 1234, 'ru', 'out.csv').replace(/\u00a0/g, ' '),
      '1 234 строки сохранены в файл out.csv.',
    );
  });

  it('have every Russian form of every plural message, "few" and "many" told apart', () => {
    assert.ok(pluralKeys.length >= 13, `${pluralKeys.length} plural messages`);
    for (const key of pluralKeys) {
      const forms = russian[key];
      assert.strictEqual(pluralFormsProblem(forms, 'ru'), undefined, key);
      // "other" is not left to repeat "many": a fraction takes the genitive singular («1,5 элемента»), not «элементов».
      assert.strictEqual(forms.split('|').length, 4, `${key}: one|few|many|other`);
      const [, few, many] = forms.split('|');
      // "из {0} загруженных строк" is the same after 3 and after 5.
      if (!/of \{0\}/.test(key)) assert.notStrictEqual(few, many, key);
    }
  });

  it('take exactly two forms in English, three or four in Russian, and find a message with a wrong number', () => {
    assert.deepStrictEqual(formsAllowed('en'), { min: 2, max: 2 });
    assert.deepStrictEqual(formsAllowed('ru'), { min: 3, max: 4 });
    assert.deepStrictEqual(formsAllowed('ar'), { min: 6, max: 6 });
    for (const [forms, language] of [
      ['{0} row|{0} rows', 'en'],
      ['{0} строка|{0} строки|{0} строк', 'ru'],
      ['{0} строка|{0} строки|{0} строк|{0} строки', 'ru'],
    ])
      assert.strictEqual(pluralFormsProblem(forms, language), undefined, forms);
    for (const [forms, language] of [
      ['{0} rows', 'en'],
      ['{0} row|{0} rows|{0} rowz', 'en'],
      ['{0} строка|{0} строк', 'ru'],
      ['{0} строка|{0} строки|{0} строк|{0} строки|{0} строчек', 'ru'],
      ['{0} строка||{0} строк', 'ru'],
      ['{0} row|{0} rows', 'ar'],
    ])
      assert.ok(pluralFormsProblem(forms, language), `${forms} in ${language} is wrong`);
  });

  it('repeat the last form given where a message stops early: gettext-style Russian gives "many" to a fraction', () => {
    const threeForms: PluralText = { forms: '{0} строка|{0} строки|{0} строк', language: 'ru' };
    assert.deepStrictEqual(
      [1, 2, 5, 1.5].map((n) => pluralText(threeForms, n, 'ru')),
      ['1 строка', '2 строки', '5 строк', '1,5 строк'],
    );
  });

  it('split a message the bundle does not translate by English rules, whatever the UI language', () => {
    // vscode.l10n.t gives back the English message: a key the Russian bundle lacks, or a language without a bundle.
    const untranslated = inRussianUi.text('{0} widget|{0} widgets');
    assert.strictEqual(untranslated.language, 'en');
    assert.deepStrictEqual(
      [1, 2, 5, 21].map((n) => pluralText(untranslated, n, 'ru')),
      ['1 widget', '2 widgets', '5 widgets', '21 widgets'],
    );
    for (const language of ['de', 'ar', 'pl']) {
      const attempts = new PluralTranslations(language, undefined).text('{0} attempt|{0} attempts');
      assert.deepStrictEqual(
        [0, 1, 2, 3, 11, 21, 100].map((n) => pluralText(attempts, n, 'en')),
        ['0 attempts', '1 attempt', '2 attempts', '3 attempts', '11 attempts', '21 attempts', '100 attempts'],
        language,
      );
    }
  });

  it('write the count as the UI language does, and fill the other placeholders', () => {
    const progress = en('Page {1}: {2} of {0} item|Page {1}: {2} of {0} items');
    assert.strictEqual(pluralText(progress, 10000, 'en', 3, '600'), 'Page 3: 600 of 10,000 items');
    assert.strictEqual(pluralText(progress, 1, 'en', 1, '1'), 'Page 1: 1 of 1 item');
  });

  it('falls back to English rules and numbers for a language tag Intl does not know', () => {
    const rows: PluralText = { forms: '{0} row|{0} rows', language: 'not a locale!' };
    assert.deepStrictEqual(
      [1, 2].map((n) => pluralText(rows, n, 'not a locale!')),
      ['1 row', '2 rows'],
    );
  });
});
