// Against the running host and sandbox, shared with other clients' suites: every object is found by its own id,
// and no list is assumed to hold only this suite's objects.

import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, it } from 'node:test';
import PayFunctions, { InvalidRequestError, NotFoundError } from 'payfunctions';
import { API_BASE, API_KEY, SANDBOX_URL, WEBHOOK_SECRET } from './support/env.js';

// Other clients' suites share the host's per-key rate limit, so a few more retries ride out their bursts.
const client = new PayFunctions(API_KEY, { baseUrl: API_BASE, maxRetries: 5 });
const run = randomUUID().slice(0, 8);

/** Calls `probe` until it answers something truthy, at most `attempts` times. */
async function eventually(what, probe, { attempts = 60, interval = 500 } = {}) {
  for (let attempt = 1; ; attempt++) {
    const value = await probe();
    if (value) return value;
    if (attempt === attempts) assert.fail(`${what}: not after ${attempts} attempts`);
    await sleep(interval);
  }
}

function createPayment(n) {
  return client.payments.create({
    amount: 1234,
    currency: 'cny',
    method: 'wechat_pay.native',
    merchant_order_id: `node-sdk-${run}-${n}`,
    description: 'Node SDK live test',
  });
}

describe('against the running host', () => {
  const ids = [];

  it('a. creates a CNY WeChat Pay payment that asks for a QR code', async () => {
    const payment = await createPayment(1);
    ids.push(payment.id);
    assert.match(payment.id, /^pay_/);
    assert.equal(payment.amount, 1234);
    assert.equal(payment.currency, 'cny');
    assert.equal(payment.status, 'requires_action');
    assert.equal(payment.next_action.type, 'display_qr_code');
    assert.ok(payment.next_action.display_qr_code.data.length > 0);
  });

  it('b. pays it in the sandbox', async () => {
    const response = await fetch(`${SANDBOX_URL}/sandbox/wechat_pay/orders/${ids[0]}/pay`, { method: 'POST' });
    assert.ok(response.ok, `sandbox answered ${response.status}: ${await response.text()}`);
  });

  it('c. retrieves it until it succeeded', async () => {
    const payment = await eventually('payment succeeded', async () => {
      const current = await client.payments.retrieve(ids[0]);
      return current.status === 'succeeded' && current;
    });
    assert.equal(payment.id, ids[0]);
    assert.ok(payment.paid_at);
  });

  it('d. lists with pagination: each of three new payments once, newest first', async () => {
    ids.push((await createPayment(2)).id, (await createPayment(3)).id);
    const positions = new Map(ids.map((id) => [id, []]));
    let index = 0;
    for await (const payment of client.payments.list({ limit: 2 })) {
      positions.get(payment.id)?.push(index);
      index += 1;
      if ([...positions.values()].every((seen) => seen.length > 0) || index >= 2000) break;
    }
    for (const [id, seen] of positions) assert.equal(seen.length, 1, `${id} seen at ${seen}`);
    const [oldest, middle, newest] = ids.map((id) => positions.get(id)[0]);
    assert.ok(newest < middle && middle < oldest, `positions ${newest}, ${middle}, ${oldest}`);
    assert.ok(index > 2, 'more than one page was read');
  });

  it('e. refunds part of it, and the refund succeeds', async () => {
    const refund = await client.refunds.create(ids[0], { amount: 234, reason: 'Node SDK live test' });
    assert.match(refund.id, /^re_/);
    assert.equal(refund.payment, ids[0]);
    assert.equal(refund.amount, 234);
    const done = await eventually('refund succeeded', async () => {
      const current = await client.refunds.retrieve(refund.id);
      return current.status === 'succeeded' && current;
    });
    assert.equal(done.id, refund.id);
    const refunds = await client.refunds.list(ids[0]).autoPagingToArray({ limit: 100 });
    assert.ok(refunds.some((r) => r.id === refund.id));
  });

  it('f. verifies the payment.succeeded webhook the demo merchant received, and not a tampered copy', async () => {
    const delivery = await eventually('payment.succeeded webhook', async () => {
      const response = await fetch(`${SANDBOX_URL}/sandbox/webhooks/demo`);
      assert.equal(response.status, 200);
      const deliveries = await response.json();
      return deliveries.find((d) => {
        const event = JSON.parse(d.body);
        return event.type === 'payment.succeeded' && event.data?.object?.id === ids[0];
      });
    });
    const event = client.webhooks.constructEvent(delivery.body, delivery.headers, WEBHOOK_SECRET);
    assert.equal(event.type, 'payment.succeeded');
    assert.equal(event.data.object.id, ids[0]);
    assert.equal(event.data.object.amount, 1234);
    assert.match(event.id, /^evt_/);

    const tampered = delivery.body.replace('"amount":1234', '"amount":1235');
    assert.equal(tampered.length, delivery.body.length);
    assert.notEqual(tampered, delivery.body);
    assert.throws(() => client.webhooks.constructEvent(tampered, delivery.headers, WEBHOOK_SECRET), {
      name: 'SignatureVerificationError',
    });
  });

  it('g. raises typed problem errors with the request id', async () => {
    const invalid = await client.payments
      .create({ amount: 0, currency: 'cny', method: 'wechat_pay.native', merchant_order_id: `node-sdk-${run}-0` })
      .catch((e) => e);
    assert.ok(invalid instanceof InvalidRequestError, String(invalid));
    assert.equal(invalid.status, 400);
    assert.equal(invalid.code, 'parameter_invalid');
    assert.equal(invalid.param, 'amount');
    assert.equal(typeof invalid.requestId, 'string', 'the answer carries a Request-Id header');
    assert.ok(invalid.requestId.length > 0, 'Request-Id header present');

    const missing = await client.payments.retrieve('pay_doesnotexist000000000000').catch((e) => e);
    assert.ok(missing instanceof NotFoundError, String(missing));
    assert.equal(missing.status, 404);
  });

  it('reads the merchant’s other objects in the documented shapes', async () => {
    const balance = await client.balance.retrieve();
    assert.equal(balance.object, 'balance');
    assert.ok(Array.isArray(balance.pending_settlement));
    const timeline = await client.payments.timeline(ids[0]);
    assert.ok(timeline.data.length > 0);
    for (const page of [
      await client.channelAccounts.list(),
      await client.settlements.list(),
      await client.webhookEndpoints.list(),
      await client.risk.rules.list(),
      await client.webhookEndpoints.listDeliveries({ limit: 1 }),
    ]) {
      assert.equal(page.object, 'list');
      assert.equal(typeof page.has_more, 'boolean');
    }
    const report = await client.reports.payments({ group_by: 'method' });
    assert.equal(report.group_by, 'method');
    assert.match(await client.reports.payments({ format: 'csv' }), /^key,currency,/);
  });

  it('creates a store and downloads its QR code as PNG and SVG bytes', async () => {
    const store = await client.stores.create({ name: `Node SDK ${run}`, currency: 'cny' });
    assert.equal((await client.stores.retrieve(store.id)).id, store.id);
    const png = await client.stores.qrPng(store.id);
    assert.deepEqual([...png.subarray(0, 4)], [0x89, 0x50, 0x4e, 0x47]);
    const svg = await client.stores.qrSvg(store.id);
    assert.match(svg.toString('utf8'), /<svg/);
  });
});
