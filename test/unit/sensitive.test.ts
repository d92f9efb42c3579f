import * as assert from 'assert';
import { MASK, maskSensitiveFields } from '../../src/api/sensitive';

describe('maskSensitiveFields', () => {
  it('masks passwords and tokens at any depth and leaves other values alone', () => {
    const input = {
      login: 'demo',
      password: 'hunter2',
      data: { user_token: 'abc', name: 'James', list: [{ partner_token: 'p' }] },
    };
    const out = maskSensitiveFields(input);
    assert.deepStrictEqual(out, {
      login: 'demo',
      password: MASK,
      data: { user_token: MASK, name: 'James', list: [{ partner_token: MASK }] },
    });
    assert.strictEqual(input.password, 'hunter2', 'the input is not modified');
  });

  it('keeps empty values and non-secret keys that merely contain the word', () => {
    assert.deepStrictEqual(maskSensitiveFields({ password: '', token_count: 3, tokenized: 'x' }), {
      password: '',
      token_count: 3,
      tokenized: 'x',
    });
  });
});
