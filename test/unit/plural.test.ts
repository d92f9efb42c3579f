// Texts with a count take the plural form of the UI language: "1 page", "3 pages"; "1 страница", "3 страницы",
// "5 страниц" — never "from 1 pages". The forms come from the host's catalogue; Intl.PluralRules picks one.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { pluralText, type PluralText } from '../../src/protocol/plural';

const root = path.resolve(__dirname, '..', '..');
const russian = JSON.parse(fs.readFileSync(path.join(root, 'l10n', 'bundle.l10n.ru.json'), 'utf8')) as Record<
  string,
  string
>;

/** A plural text as src/services/plural.ts builds it, in English (the keys) or Russian (the catalogue). */
function text(one: string, many: string, language: 'en' | 'ru'): PluralText {
  const pick = (key: string) => (language === 'en' ? key.replace(/\/plural: \w+$/, '') : russian[key]);
  return {
    one: pick(`${one}/plural: one`),
    few: pick(`${many}/plural: few`),
    many: pick(`${many}/plural: many`),
    other: pick(many),
  };
}

describe('plural texts', () => {
  it('say "1 page" and "3 pages" in English', () => {
    const pages = text('{0} page', '{0} pages', 'en');
    assert.deepStrictEqual(
      [0, 1, 3, 21].map((n) => pluralText(pages, n, 'en')),
      ['0 pages', '1 page', '3 pages', '21 pages'],
    );
  });

  it('take the one, few and many forms in Russian', () => {
    const pages = text('{0} page', '{0} pages', 'ru');
    assert.deepStrictEqual(
      [1, 3, 5, 11, 21, 22, 25].map((n) => pluralText(pages, n, 'ru')),
      ['1 страница', '3 страницы', '5 страниц', '11 страниц', '21 страница', '22 страницы', '25 страниц'],
    );
    const problems = text('{0} problem to fix before sending', '{0} problems to fix before sending', 'ru');
    assert.notStrictEqual(pluralText(problems, 2, 'ru'), pluralText(problems, 5, 'ru'));
    const items = text('{0} item', '{0} items', 'ru');
    assert.deepStrictEqual(
      [1, 3, 5, 11, 21, 22, 1.5].map((n) => pluralText(items, n, 'ru')),
      ['1 элемент', '3 элемента', '5 элементов', '11 элементов', '21 элемент', '22 элемента', '1,5 элемента'],
    );
    const saved = text('{0} row saved to {1}.', '{0} rows saved to {1}.', 'ru');
    assert.strictEqual(
      pluralText(saved, 1234, 'ru', 'out.csv').replace(/\u00a0/g, ' '),
      '1 234 строки сохранены в файл out.csv.',
    );
  });

  it('have every Russian form of every plural message, "few" and "many" told apart', () => {
    const forms = ['one', 'few', 'many'].map((c) => Object.keys(russian).filter((k) => k.endsWith(`/plural: ${c}`)));
    assert.ok(
      forms[0].length >= 7 && forms.every((f) => f.length === forms[0].length),
      forms.map((f) => f.length).join(),
    );
    for (const few of forms[1]) {
      const many = few.replace(/few$/, 'many');
      assert.ok(russian[few.replace(/\/plural: few$/, '')], `the other form of ${few}`);
      if (!/of [{]0[}]/.test(few)) assert.notStrictEqual(russian[few], russian[many], few);
    }
  });

  it('write the count as the language does, and fill the other placeholders', () => {
    const progress: PluralText = { one: 'Page {1}: {2} of {0} item', other: 'Page {1}: {2} of {0} items' };
    assert.strictEqual(pluralText(progress, 10000, 'en', 3, '600'), 'Page 3: 600 of 10,000 items');
    assert.strictEqual(pluralText(progress, 1, 'en', 1, '1'), 'Page 1: 1 of 1 item');
  });

  it('falls back to English rules and the other form for a language Intl does not know', () => {
    assert.strictEqual(pluralText({ other: '{0} rows' }, 1, 'ru'), '1 rows');
    assert.strictEqual(pluralText({ one: '{0} row', other: '{0} rows' }, 1, 'not a locale!'), '1 row');
  });
});
