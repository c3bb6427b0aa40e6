import assert from 'node:assert/strict';
import { afterEach, describe, it } from 'node:test';
import PayFunctions from 'payfunctions';
import { scriptedServer } from './support/server.js';

// Five payments, newest first, served in pages by `starting_after` as the API does.
const IDS = ['pay_5', 'pay_4', 'pay_3', 'pay_2', 'pay_1'];

function pagedList(req, res) {
  const url = new URL(req.url, 'http://localhost');
  const limit = Number(url.searchParams.get('limit') ?? 10);
  const after = url.searchParams.get('starting_after');
  const start = after === null ? 0 : IDS.indexOf(after) + 1;
  const data = IDS.slice(start, start + limit).map((id) => ({ id, object: 'payment' }));
  res.writeHead(200, { 'Content-Type': 'application/json' });
  res.end(JSON.stringify({ object: 'list', url: '/api/v1/payments', data, has_more: start + limit < IDS.length }));
}

let server;
afterEach(() => server?.close());

describe('pagination', () => {
  it('awaits to one page', async () => {
    server = await scriptedServer([pagedList]);
    const page = await new PayFunctions('sk_test_unit', { baseUrl: server.baseUrl }).payments.list({ limit: 2 });
    assert.deepEqual(page.data.map((p) => p.id), ['pay_5', 'pay_4']);
    assert.equal(page.has_more, true);
    assert.equal(server.requests.length, 1);
  });

  it('iterates every item, following starting_after and keeping the other parameters', async () => {
    server = await scriptedServer([pagedList]);
    const payfunctions = new PayFunctions('sk_test_unit', { baseUrl: server.baseUrl });
    const ids = [];
    for await (const payment of payfunctions.payments.list({ limit: 2, status: 'succeeded' })) ids.push(payment.id);
    assert.deepEqual(ids, IDS);
    assert.deepEqual(
      server.requests.map((r) => r.url),
      [
        '/api/v1/payments?limit=2&status=succeeded',
        '/api/v1/payments?limit=2&status=succeeded&starting_after=pay_4',
        '/api/v1/payments?limit=2&status=succeeded&starting_after=pay_2',
      ],
    );
  });

  it('stops fetching when the caller stops iterating', async () => {
    server = await scriptedServer([pagedList]);
    const payfunctions = new PayFunctions('sk_test_unit', { baseUrl: server.baseUrl });
    const first = await payfunctions.payments.list({ limit: 2 }).autoPagingToArray({ limit: 3 });
    assert.deepEqual(first.map((p) => p.id), ['pay_5', 'pay_4', 'pay_3']);
    assert.equal(server.requests.length, 2);
  });

  it('paginates a payment’s refunds under its path', async () => {
    server = await scriptedServer([pagedList]);
    const payfunctions = new PayFunctions('sk_test_unit', { baseUrl: server.baseUrl });
    const all = await payfunctions.refunds.list('pay_9', { limit: 4 }).autoPagingToArray({ limit: 100 });
    assert.equal(all.length, 5);
    assert.deepEqual(
      server.requests.map((r) => r.url),
      ['/api/v1/payments/pay_9/refunds?limit=4', '/api/v1/payments/pay_9/refunds?limit=4&starting_after=pay_2'],
    );
  });
});
