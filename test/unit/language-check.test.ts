// The e2e language check catches what a Russian user must never see, and lets through what is Russian with API
// values in it: this keeps the check able to fail.
import * as assert from 'assert';
import { englishPhrases, findEnglish } from '../e2e/helpers/language-check';

describe('the e2e check that the UI reads Russian', () => {
  const phrases = englishPhrases();
  const problems = (lines: string[], values: string[] = []) => findEnglish(lines, phrases, values).map((p) => p.text);

  it('knows the English phrases of the extension, of the manifest and of the API catalog', () => {
    for (const phrase of [
      'could not be sent',
      'Ready to send',
      'Create a client',
      'Issue a loyalty card to a client',
      'Card number',
    ])
      assert.ok(phrases.includes(phrase), phrase);
    assert.ok(phrases.length > 1000, `${phrases.length} phrases`);
  });

  it('flags English sentences, phrases, units and error class names', () => {
    const english = [
      'Не удалось загрузить: GET /groups (get_chain_list) could not be sent: the connection was refused (ECONNREFUSED).',
      'NetworkError',
      "Что делать: Check the network connection and the environment's base URL.",
      'Client phone, digits only — От 9 до 15 цифр, без + и пробелов',
      'Время: 16 ms',
      'Размер: 5,1 KB',
      'Готово к отправке. Ready to send',
      'POST Create a client',
      'Something else went wrong here',
    ];
    assert.deepStrictEqual(problems(english), english);
  });

  it('lets Russian through with identifiers, paths, URLs, methods, status lines and named API values', () => {
    const russian = [
      'GET /company/{location_id}/clients/search · Клиенты',
      '422 Unprocessable Entity: Altegio отклонил значения',
      'Только чтение (настройка «altegio.productionReadOnly»)',
      'Локальная песочница работает по адресу http://127.0.0.1:8787/api/v1.',
      'Bloom Beauty - Manhattan #720441',
      'Alex Morgan',
      'Ответ Altegio: phone 79990001122 is not the phone of a client; create the client first',
      'Время: 16\u00a0мс · Размер: 5,1\u00a0КБ',
      'JSON',
      'POST Выдать карту лояльности',
    ];
    assert.deepStrictEqual(
      problems(russian, ['phone 79990001122 is not the phone of a client; create the client first']),
      [],
    );
  });
});
