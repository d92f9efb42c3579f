// Where a form's request happens: the tree item first, then the default location, then the only choice; a
// layer about another location or chain fills nothing. And phones as Altegio wants them.
import * as assert from 'assert';
import { normalisePhone, phoneWasNormalised } from '../../src/api/phone';
import { entityValue, positiveId, resolveContext } from '../../src/api/request-context';

describe('request context', () => {
  const tree = { locationId: 720442, chainId: 706028, clientId: 7, clientPhone: '+19175550114' };
  const defaultLocation = { locationId: 720441, chainId: 706028 };
  const onlyChoice = { locationId: 720441, chainId: 706028 };

  it('takes the tree item the command came from before the default location', () => {
    assert.deepStrictEqual(resolveContext([tree, defaultLocation, onlyChoice]), tree);
  });

  it('takes the default location when the command came from no tree item', () => {
    assert.deepStrictEqual(
      resolveContext([undefined, defaultLocation, { locationId: 1, chainId: 2 }]),
      defaultLocation,
    );
  });

  it('takes the only choice there is when nothing else says', () => {
    assert.deepStrictEqual(resolveContext([undefined, undefined, onlyChoice]), onlyChoice);
    assert.deepStrictEqual(resolveContext([{}, undefined, { chainId: 706028 }]), { chainId: 706028 });
  });

  it("does not give a tree item's location the chain of another location", () => {
    // The tree item knows its location only; the default location is elsewhere (in another chain, perhaps).
    assert.deepStrictEqual(resolveContext([{ locationId: 5 }, { locationId: 6, chainId: 9 }]), { locationId: 5 });
  });

  it("does not put a location of another chain under a tree item's chain", () => {
    assert.deepStrictEqual(
      resolveContext([{ chainId: 1 }, { locationId: 6, chainId: 9 }, { locationId: 7, chainId: 1 }]),
      {
        chainId: 1,
        locationId: 7,
      },
    );
  });

  it('fills only what is still open, and keeps what the earlier layer said', () => {
    assert.deepStrictEqual(
      resolveContext([{ locationId: 720441 }, { locationId: 720441, chainId: 706028, clientId: 3 }]),
      {
        locationId: 720441,
        chainId: 706028,
        clientId: 3,
      },
    );
  });

  it('names the parameters that hold an entity', () => {
    const ctx = { locationId: 1, chainId: 2, clientId: 3, teamMemberId: 4, serviceId: 5 };
    assert.deepStrictEqual(
      ['location_id', 'chain_id', 'client_id', 'team_member_id', 'staff_id', 'master_id', 'service_id', 'card_id'].map(
        (n) => entityValue(n, ctx),
      ),
      [1, 2, 3, 4, 4, 4, 5, undefined],
    );
  });

  it('reads ids typed as text or numbers, and nothing else', () => {
    assert.deepStrictEqual(['720441', 720441, ' 7 ', '7a', 0, -3, 1.5, '', undefined].map(positiveId), [
      720441,
      720441,
      7,
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
  });
});

describe('phones', () => {
  it('sends the digits of a phone written with a plus, spaces, dashes, dots or brackets', () => {
    for (const [typed, sent] of [
      ['+1 (917) 555-0114', '19175550114'],
      ['+19175550114', '19175550114'],
      ['8 916 123-45-67', '89161234567'],
      ['  13155550175 ', '13155550175'],
      ['+7\u00a0916\u2011123\u201145\u201167', '79161234567'],
    ])
      assert.strictEqual(normalisePhone(typed), sent, typed);
  });

  it('keeps text that is not a phone as it was, for validation to name', () => {
    for (const typed of ['12ab', 'call me', '+1 +2 555', '#123'])
      assert.strictEqual(normalisePhone(typed), typed.trim());
  });

  it('tells when what is sent differs from what was typed', () => {
    assert.strictEqual(phoneWasNormalised('+1 917 555 0114'), true);
    assert.strictEqual(phoneWasNormalised('19175550114'), false);
    assert.strictEqual(phoneWasNormalised(''), false);
  });
});
