import assert from 'node:assert/strict';
import { afterEach, describe, it } from 'node:test';
import PayFunctions, { APIError, ConflictError, ConnectionError, RateLimitError } from 'payfunctions';
import { drop, freePort, hang, json, problem, recordingSleep, scriptedServer } from './support/server.js';

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const PAYMENT = { id: 'pay_1', object: 'payment', amount: 1234, currency: 'cny', status: 'requires_action' };
const CREATE = { amount: 1234, currency: 'cny', method: 'wechat_pay.native', merchant_order_id: 'order-1' };

let server;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

function client(config = {}) {
  const recorder = recordingSleep();
  const payfunctions = new PayFunctions('sk_test_unit', {
    baseUrl: server?.baseUrl,
    sleep: recorder.sleep,
    random: () => 0.5,
    ...config,
  });
  return { payfunctions, waits: recorder.waits };
}

function keysOf(requests) {
  return requests.map((request) => request.headers['idempotency-key']);
}

describe('retries', () => {
  it('waits what Retry-After asks on 429, then succeeds with the same idempotency key', async () => {
    server = await scriptedServer([problem(429, 'rate_limited', { headers: { 'Retry-After': '2' } }), json(201, PAYMENT)]);
    const { payfunctions, waits } = client();
    const payment = await payfunctions.payments.create(CREATE);
    assert.equal(payment.id, 'pay_1');
    assert.deepEqual(waits, [2000]);
    assert.equal(server.requests.length, 2);
    const [first, second] = keysOf(server.requests);
    assert.match(first, UUID_V4);
    assert.equal(second, first);
    assert.equal(server.requests[1].body, JSON.stringify(CREATE));
  });

  it('reads Retry-After as an HTTP date, and caps any wait at 60 s', async () => {
    const inTenSeconds = new Date(Date.now() + 10_000).toUTCString();
    server = await scriptedServer([
      problem(429, 'rate_limited', { headers: { 'Retry-After': inTenSeconds } }),
      problem(429, 'rate_limited', { headers: { 'Retry-After': '3600' } }),
      json(200, PAYMENT),
    ]);
    const { payfunctions, waits } = client();
    await payfunctions.payments.retrieve('pay_1');
    assert.equal(waits.length, 2);
    assert.ok(waits[0] > 8_000 && waits[0] <= 10_000, `date wait ${waits[0]}`);
    assert.equal(waits[1], 60_000);
  });

  it('retries 503 after the backoff', async () => {
    server = await scriptedServer([problem(503, 'unavailable'), json(201, PAYMENT)]);
    const { payfunctions, waits } = client();
    assert.equal((await payfunctions.payments.create(CREATE)).id, 'pay_1');
    assert.equal(server.requests.length, 2);
    assert.deepEqual(waits, [375]);
    assert.equal(keysOf(server.requests)[1], keysOf(server.requests)[0]);
  });

  it('retries 409 idempotency_key_in_use with the same key', async () => {
    server = await scriptedServer([problem(409, 'idempotency_key_in_use'), json(201, PAYMENT)]);
    const { payfunctions } = client();
    assert.equal((await payfunctions.payments.create(CREATE)).id, 'pay_1');
    assert.equal(server.requests.length, 2);
    assert.equal(keysOf(server.requests)[1], keysOf(server.requests)[0]);
  });

  it('does not retry any other 409', async () => {
    server = await scriptedServer([problem(409, 'payment_not_closable'), json(200, PAYMENT)]);
    const { payfunctions, waits } = client();
    await assert.rejects(payfunctions.payments.close('pay_1'), ConflictError);
    assert.equal(server.requests.length, 1);
    assert.deepEqual(waits, []);
  });

  it('retries a connection dropped after the request was sent', async () => {
    server = await scriptedServer([drop(), json(201, PAYMENT)]);
    const { payfunctions, waits } = client();
    assert.equal((await payfunctions.payments.create(CREATE)).id, 'pay_1');
    assert.equal(server.requests.length, 2);
    assert.equal(keysOf(server.requests)[1], keysOf(server.requests)[0]);
    assert.equal(waits.length, 1);
  });

  it('retries a refused connection, succeeding once the server listens', async () => {
    const port = await freePort();
    let started;
    const payfunctions = new PayFunctions('sk_test_unit', {
      baseUrl: `http://127.0.0.1:${port}/api`,
      random: () => 0.5,
      // The server comes up during the first wait, so the first attempt is refused and the second answered.
      sleep: async () => {
        started ??= scriptedServer([json(200, PAYMENT)], { port });
        server = await started;
      },
    });
    assert.equal((await payfunctions.payments.retrieve('pay_1')).id, 'pay_1');
    assert.equal(server.requests.length, 1);
  });

  it('retries after a timeout', async () => {
    server = await scriptedServer([hang(), json(200, PAYMENT)]);
    const { payfunctions, waits } = client({ timeout: 500 });
    assert.equal((await payfunctions.payments.retrieve('pay_1')).id, 'pay_1');
    assert.equal(server.requests.length, 2);
    assert.equal(waits.length, 1);
  });

  it('raises the last error once the retries are exhausted', async () => {
    server = await scriptedServer([problem(503, 'unavailable', { requestId: 'req_last' })]);
    const { payfunctions, waits } = client();
    const error = await payfunctions.payments.create(CREATE).catch((e) => e);
    assert.ok(error instanceof APIError);
    assert.equal(error.status, 503);
    assert.equal(error.requestId, 'req_last');
    assert.equal(server.requests.length, 3, 'the first attempt and two retries');
    assert.equal(waits.length, 2);
    assert.equal(new Set(keysOf(server.requests)).size, 1);
  });

  it('raises a rate-limit error when 429 persists', async () => {
    server = await scriptedServer([problem(429, 'rate_limited', { headers: { 'Retry-After': '1' } })]);
    const { payfunctions, waits } = client({ maxRetries: 1 });
    await assert.rejects(payfunctions.balance.retrieve(), RateLimitError);
    assert.deepEqual(waits, [1000]);
  });

  it('raises a connection error when the host never answers', async () => {
    const port = await freePort();
    const { payfunctions, waits } = client({ baseUrl: `http://127.0.0.1:${port}/api` });
    const error = await payfunctions.balance.retrieve().catch((e) => e);
    assert.ok(error instanceof ConnectionError, String(error));
    assert.match(error.message, /ECONNREFUSED/);
    assert.equal(waits.length, 2);
  });

  it('takes maxRetries per request', async () => {
    server = await scriptedServer([problem(500, 'internal_error')]);
    const { payfunctions } = client();
    await assert.rejects(payfunctions.balance.retrieve({ maxRetries: 0 }), APIError);
    assert.equal(server.requests.length, 1);
  });

  it('keeps every backoff within min(8 s, 0.5 s × 2^n) × [0.5, 1)', async () => {
    server = await scriptedServer([problem(502, 'bad_gateway')]);
    for (const random of [() => 0, () => 0.999999, Math.random]) {
      const { payfunctions, waits } = client({ maxRetries: 6, random });
      await assert.rejects(payfunctions.balance.retrieve(), APIError);
      assert.equal(waits.length, 6);
      waits.forEach((wait, n) => {
        const ceiling = Math.min(8000, 500 * 2 ** n);
        assert.ok(wait >= ceiling / 2 && wait < ceiling, `retry ${n} waited ${wait}, ceiling ${ceiling}`);
      });
    }
  });
});

describe('idempotency keys and headers', () => {
  it('sends no Idempotency-Key on GET, and the key, user agent and bearer on every request', async () => {
    server = await scriptedServer([json(200, PAYMENT)]);
    const { payfunctions } = client();
    await payfunctions.payments.retrieve('pay_1');
    const { headers, method, url } = server.requests[0];
    assert.equal(method, 'GET');
    assert.equal(url, '/api/v1/payments/pay_1');
    assert.equal(headers['idempotency-key'], undefined);
    assert.equal(headers.authorization, 'Bearer sk_test_unit');
    assert.equal(headers['user-agent'], 'payfunctions-node/0.1.0');
  });

  it("uses the caller's own idempotency key as given, on every attempt", async () => {
    server = await scriptedServer([problem(500, 'internal_error'), json(201, PAYMENT)]);
    const { payfunctions } = client();
    await payfunctions.payments.create(CREATE, { idempotencyKey: 'order-1-create' });
    assert.deepEqual(keysOf(server.requests), ['order-1-create', 'order-1-create']);
  });

  it('makes a new key for each call', async () => {
    server = await scriptedServer([json(201, PAYMENT)]);
    const { payfunctions } = client();
    await payfunctions.payments.create(CREATE);
    await payfunctions.payments.create(CREATE);
    const [first, second] = keysOf(server.requests);
    assert.notEqual(first, second);
  });

  it('puts an Idempotency-Key on POSTs without a body too', async () => {
    server = await scriptedServer([json(200, PAYMENT)]);
    const { payfunctions } = client();
    await payfunctions.payments.capture('pay_1');
    assert.match(server.requests[0].headers['idempotency-key'], UUID_V4);
    assert.equal(server.requests[0].url, '/api/v1/payments/pay_1/capture');
  });
});
