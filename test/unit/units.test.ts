// Numbers, durations, sizes and dates as the UI language writes them: the locale's digits and dates, and the unit
// words the host localised.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { ENGLISH_UNITS, UnitFormat, type UnitStrings } from '../../src/protocol/units';

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
});
