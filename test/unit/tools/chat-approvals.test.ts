// A chat's confirmation covers exactly the write it was prepared for, in the environment it named, once; anything
// else, and anything destructive, is asked about again by our own modal.
import * as assert from 'assert';
import { ChatApprovals, mustAskOurselves, writeKey, type ApprovedWrite } from '../../../src/tools/core/chat-approvals';

const card: ApprovedWrite = {
  environmentId: 'sandbox',
  baseUrl: 'http://127.0.0.1:4010/api/v1',
  operationId: 'issue_loyalty_card',
  pathParams: { location_id: 720441 },
  body: { loyalty_card_number: '0909', loyalty_card_type_id: '8230', phone: 13155550179 },
};

describe('chat approvals of the Copilot tools', () => {
  it('covers a write once, for the request that was offered', () => {
    const approvals = new ChatApprovals();
    approvals.offer(writeKey(card));
    assert.strictEqual(approvals.take(writeKey(card)), true);
    assert.strictEqual(approvals.take(writeKey(card)), false, 'one confirmation, one write');
  });

  it('keys a write by its values whatever the order of their keys', () => {
    const reordered: ApprovedWrite = {
      ...card,
      body: { phone: 13155550179, loyalty_card_type_id: '8230', loyalty_card_number: '0909' },
    };
    assert.strictEqual(writeKey(reordered), writeKey(card));
  });

  it('does not cover the same request in another environment, with another body or another location', () => {
    const approvals = new ChatApprovals();
    approvals.offer(writeKey(card));
    for (const other of [
      { ...card, environmentId: 'production', baseUrl: 'https://api.alteg.io/api/v1' },
      { ...card, baseUrl: 'http://127.0.0.1:4011/api/v1' },
      { ...card, body: { ...(card.body as object), loyalty_card_number: '0910' } },
      { ...card, pathParams: { location_id: 720442 } },
      { ...card, query: { force: 1 } },
    ])
      assert.strictEqual(approvals.take(writeKey(other)), false, JSON.stringify(other));
    assert.strictEqual(approvals.take(writeKey(card)), true, 'the offered one is still covered');
  });

  it('counts two offers of the same request as two writes', () => {
    const approvals = new ChatApprovals();
    approvals.offer(writeKey(card));
    approvals.offer(writeKey(card));
    assert.strictEqual(approvals.take(writeKey(card)), true);
    assert.strictEqual(approvals.take(writeKey(card)), true);
    assert.strictEqual(approvals.take(writeKey(card)), false);
  });

  it('forgets the oldest offers nobody used beyond its limit', () => {
    const approvals = new ChatApprovals(3);
    const keys = [1, 2, 3, 4].map((n) => writeKey({ ...card, pathParams: { location_id: n } }));
    for (const key of keys) approvals.offer(key);
    assert.strictEqual(approvals.take(keys[0]), false, 'the oldest is forgotten');
    for (const key of keys.slice(1)) assert.strictEqual(approvals.take(key), true);
  });

  it('asks ourselves outside a chat, for a request the chat was not shown, and for anything destructive', () => {
    assert.strictEqual(mustAskOurselves({ inChat: true, destructive: false, offeredInChat: true }), false);
    assert.strictEqual(mustAskOurselves({ inChat: false, destructive: false, offeredInChat: true }), true);
    assert.strictEqual(mustAskOurselves({ inChat: true, destructive: false, offeredInChat: false }), true);
    assert.strictEqual(mustAskOurselves({ inChat: true, destructive: true, offeredInChat: true }), true);
  });
});
