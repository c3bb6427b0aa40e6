import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { describe, it } from 'node:test';
import PayFunctions, { PayFunctionsError, SignatureVerificationError } from 'payfunctions';

const SECRET = 'whsec_ZGVtby13ZWJob29rLXNlY3JldC0wMDAwMDA=';
const NOW = 1_796_048_213;
const BODY = JSON.stringify({
  id: 'evt_1',
  object: 'event',
  type: 'payment.succeeded',
  created_at: '2026-11-30T14:16:53Z',
  data: { object: { id: 'pay_1', object: 'payment', amount: 1234 } },
});

// Signs as Standard Webhooks does, independently of the client: HMAC-SHA256 over id.timestamp.body, in base64.
function signature(secret, id, timestamp, body) {
  const key = Buffer.from(secret.slice('whsec_'.length), 'base64');
  return createHmac('sha256', key).update(`${id}.${timestamp}.${body}`).digest('base64');
}

function delivery({ secret = SECRET, timestamp = NOW, body = BODY } = {}) {
  return {
    body,
    headers: {
      'webhook-id': 'evt_1',
      'webhook-timestamp': String(timestamp),
      'webhook-signature': `v1,${signature(secret, 'evt_1', timestamp, body)}`,
    },
  };
}

const verify = (body, headers, options = { now: NOW }) =>
  PayFunctions.webhooks.constructEvent(body, headers, SECRET, options);

describe('webhooks', () => {
  it('verifies a signed delivery and answers the typed event', () => {
    const { body, headers } = delivery();
    const event = verify(body, headers);
    assert.equal(event.id, 'evt_1');
    assert.equal(event.type, 'payment.succeeded');
    assert.equal(event.data.object.id, 'pay_1');
  });

  it('takes the raw body as a Buffer and the headers as a Headers object of any case', () => {
    const { body, headers } = delivery();
    const shouting = new Headers(Object.entries(headers).map(([name, value]) => [name.toUpperCase(), value]));
    assert.equal(verify(Buffer.from(body), shouting).id, 'evt_1');
    const mixed = Object.fromEntries(Object.entries(headers).map(([name, value]) => [name.replace('webhook', 'Webhook'), value]));
    assert.equal(verify(new Uint8Array(Buffer.from(body)), mixed).id, 'evt_1');
  });

  it('is on the client too, and checks against the current time by default', () => {
    const { body, headers } = delivery({ timestamp: Math.floor(Date.now() / 1000) });
    const client = new PayFunctions('sk_test_unit');
    assert.equal(client.webhooks.constructEvent(body, headers, SECRET).id, 'evt_1');
  });

  it('rejects a tampered body', () => {
    const { body, headers } = delivery();
    assert.throws(() => verify(body.replace('1234', '1235'), headers), SignatureVerificationError);
  });

  it('rejects a delivery signed with another secret', () => {
    const other = `whsec_${Buffer.from('another-secret-of-32-bytes-00000').toString('base64')}`;
    const { body, headers } = delivery({ secret: other });
    assert.throws(() => verify(body, headers), SignatureVerificationError);
  });

  it('rejects stale and future timestamps beyond the tolerance, and accepts them within', () => {
    for (const offset of [-301, 301]) {
      const { body, headers } = delivery({ timestamp: NOW + offset });
      assert.throws(() => verify(body, headers), SignatureVerificationError, `offset ${offset}`);
    }
    for (const offset of [-300, 300]) {
      const { body, headers } = delivery({ timestamp: NOW + offset });
      assert.equal(verify(body, headers).id, 'evt_1', `offset ${offset}`);
    }
    const { body, headers } = delivery({ timestamp: NOW - 600 });
    assert.equal(verify(body, headers, { now: NOW, tolerance: 900 }).id, 'evt_1');
  });

  it('rejects a delivery missing any of the three headers', () => {
    const { body, headers } = delivery();
    for (const name of Object.keys(headers)) {
      const rest = { ...headers };
      delete rest[name];
      assert.throws(() => verify(body, rest), SignatureVerificationError, name);
    }
  });

  it('accepts a valid signature among several', () => {
    const { body, headers } = delivery();
    const valid = headers['webhook-signature'];
    const forged = `v1,${Buffer.alloc(32, 7).toString('base64')}`;
    const unknownVersion = `v1a,${valid.slice(3)}`;
    headers['webhook-signature'] = `${unknownVersion} ${forged} ${valid}`;
    assert.equal(verify(body, headers).id, 'evt_1');
    headers['webhook-signature'] = `${unknownVersion} ${forged}`;
    assert.throws(() => verify(body, headers), SignatureVerificationError);
  });

  it('rejects a non-numeric timestamp, and refuses parsed JSON in place of the raw body', () => {
    const { body, headers } = delivery();
    assert.throws(() => verify(body, { ...headers, 'webhook-timestamp': 'soon' }), SignatureVerificationError);
    assert.throws(() => verify(JSON.parse(body), headers), TypeError);
  });

  it('raises errors sharing the client’s base class', () => {
    const { body, headers } = delivery();
    assert.throws(() => verify(`${body} `, headers), PayFunctionsError);
  });
});
