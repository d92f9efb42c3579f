// Numbers, durations, sizes and dates as the UI language writes them: the locale's digits and dates, and the unit
// words the host localised.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { ENGLISH_UNITS, UnitFormat, type PluralStrings, type UnitStrings } from '../../src/protocol/units';

const bundle = JSON.parse(
  fs.readFileSync(path.join(__dirname, '..', '..', 'l10n', 'bundle.l10n.ru.json'), 'utf8'),
) as Record<string, string>;
/** The Russian unit words, as vscode.l10n.t gives them with the Russian bundle. */
const RUSSIAN_UNITS = Object.fromEntries(
  Object.entries(ENGLISH_UNITS).map(([k, english]) => [k, bundle[english]]),
) as unknown as UnitStrings;
const nbsp = (s: string) => s.replace(/\u00a0/g, ' ');

describe('units in the UI language', () => {
  const en = new UnitFormat('en', ENGLISH_UNITS);
  const ru = new UnitFormat('ru', RUSSIAN_UNITS);

  it('has a Russian word for every unit', () => {
    for (const [k, v] of Object.entries(RUSSIAN_UNITS)) assert.match(v, /^\{0\}\s[а-яё]+$/i, k);
  });

  it('writes durations in ms under a second and in seconds above', () => {
    assert.strictEqual(en.duration(16.4), '16 ms');
    assert.strictEqual(nbsp(ru.duration(16.4)), '16 мс');
    assert.strictEqual(en.duration(1250), '1.25 s');
    assert.strictEqual(nbsp(ru.duration(1250)), '1,25 с');
  });

  it('writes sizes in the largest unit under 1024, with the locale decimal sign', () => {
    assert.strictEqual(en.size(690), '690 B');
    assert.strictEqual(nbsp(ru.size(690)), '690 Б');
    assert.strictEqual(en.size(5222), '5.1 KB');
    assert.strictEqual(nbsp(ru.size(5222)), '5,1 КБ');
    assert.strictEqual(nbsp(ru.size(12.3 * 1024 * 1024)), '12,3 МБ');
  });

  it('writes numbers and dates the locale way', () => {
    assert.strictEqual(en.number(27.3), '27.3');
    assert.strictEqual(ru.number(27.3), '27,3');
    assert.strictEqual(nbsp(ru.number(12345)), '12 345');
    const when = new Date(2026, 11, 1, 12, 4, 17);
    assert.match(ru.dateTime(when), /^1 дек\. 2026 г\., 12:04:17$/);
    assert.strictEqual(ru.time(when), '12:04:17');
    assert.match(en.time(when), /^12:04:17\sPM$/);
  });

  it('falls back to English digits for a language Intl does not know', () => {
    assert.strictEqual(new UnitFormat('qps-ploc', ENGLISH_UNITS).number(1234.5), '1,234.5');
    assert.strictEqual(new UnitFormat('not a tag!', ENGLISH_UNITS).locale, 'en');
  });

  it('puts a counted noun in the plural form of the language, with a Russian message for every form', () => {
    /** The forms of a message as src/services/plurals.ts asks for them: `<message>/plural: <category>`. */
    const forms = (one: string, other: string, texts: Record<string, string>): PluralStrings => ({
      one: texts[`${one}/plural: one`] ?? one,
      few: texts[`${other}/plural: few`] ?? other,
      many: texts[`${other}/plural: many`] ?? other,
      other: texts[`${other}/plural: other`] ?? other,
    });
    const english = forms('{0} item', '{0} items', {});
    assert.deepStrictEqual(
      [1, 3, 5].map((n) => en.count(n, english)),
      ['1 item', '3 items', '5 items'],
    );
    const items = forms('{0} item', '{0} items', bundle);
    assert.deepStrictEqual(
      [1, 3, 5, 11, 21, 22, 1.5].map((n) => nbsp(ru.count(n, items))),
      ['1 элемент', '3 элемента', '5 элементов', '11 элементов', '21 элемент', '22 элемента', '1,5 элемента'],
    );
    const problems = forms('{0} problem to fix before sending', '{0} problems to fix before sending', bundle);
    assert.strictEqual(ru.count(2, problems), 'Перед отправкой исправьте 2 ошибки');
    const saved = forms('{0} row saved to {1}.', '{0} rows saved to {1}.', bundle);
    assert.strictEqual(nbsp(ru.count(1234, saved, 'out.csv')), '1 234 строки сохранены в файл out.csv.');
    // Every plural message has its four Russian forms, and "few" and "many" differ as Russian needs.
    const categories = ['one', 'few', 'many', 'other'].map(
      (c) => Object.keys(bundle).filter((k) => k.endsWith(`/plural: ${c}`)).length,
    );
    assert.ok(categories[0] >= 7 && categories.every((n) => n === categories[0]), categories.join(', '));
    for (const key of Object.keys(bundle).filter((k) => k.endsWith('/plural: few')))
      assert.notStrictEqual(bundle[key], bundle[key.replace(/few$/, 'many')], key);
  });
});
