import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, describe, it } from 'node:test';
import PayFunctions, { VERSION } from 'payfunctions';
import { json, scriptedServer } from './support/server.js';

// Each call's method, path, query and body as the server saw them, against one server answering `{}` to all.
let server;
let payfunctions;
before(async () => {
  server = await scriptedServer([
    (req, res) => {
      if (req.url.endsWith('/qr.png')) {
        res.writeHead(200, { 'Content-Type': 'image/png' });
        res.end(Buffer.from([0x89, 0x50, 0x4e, 0x47]));
      } else if (req.url.includes('format=csv')) {
        res.writeHead(200, { 'Content-Type': 'text/csv; charset=utf-8' });
        res.end('key,currency\nwechat_pay.native,cny\n');
      } else {
        json(200, { ok: true })(req, res);
      }
    },
  ]);
  payfunctions = new PayFunctions('sk_test_unit', { baseUrl: `${server.baseUrl}/` });
});
after(() => server.close());

async function seen(call) {
  const before = server.requests.length;
  const result = await call();
  const { method, url, body } = server.requests.at(before);
  return { method, url, body: body === '' ? undefined : JSON.parse(body), result };
}

describe('resources', () => {
  const cases = [
    [(c) => c.payments.list({ limit: 2, status: 'succeeded' }), 'GET', '/api/v1/payments?limit=2&status=succeeded'],
    [(c) => c.payments.close('pay_1'), 'POST', '/api/v1/payments/pay_1/close'],
    [(c) => c.payments.timeline('pay_1'), 'GET', '/api/v1/payments/pay_1/timeline'],
    [(c) => c.refunds.create('pay_1', { amount: 300 }), 'POST', '/api/v1/payments/pay_1/refunds', { amount: 300 }],
    [(c) => c.refunds.list('pay_1', { limit: 5 }), 'GET', '/api/v1/payments/pay_1/refunds?limit=5'],
    [(c) => c.refunds.retrieve('re_1'), 'GET', '/api/v1/refunds/re_1'],
    [(c) => c.accounts.deactivate('acct_1'), 'POST', '/api/v1/accounts/acct_1/deactivate'],
    [(c) => c.apiKeys.roll('key_1', { expires_in_seconds: 60 }), 'POST', '/api/v1/api_keys/key_1/roll', { expires_in_seconds: 60 }],
    [(c) => c.apiKeys.revoke('key_1'), 'POST', '/api/v1/api_keys/key_1/revoke'],
    [(c) => c.stores.retrieve('st/1'), 'GET', '/api/v1/stores/st%2F1'],
    [(c) => c.routing.update({ objective: 'cost' }), 'POST', '/api/v1/routing', { objective: 'cost' }],
    [(c) => c.webhookEndpoints.sendTest(), 'POST', '/api/v1/webhook_endpoints/test', {}],
    [(c) => c.webhookEndpoints.listDeliveries({ limit: 3 }), 'GET', '/api/v1/webhook_endpoints/deliveries?limit=3'],
    [(c) => c.reports.payments({ group_by: 'day', from: '2026-11-01' }), 'GET', '/api/v1/reports/payments?group_by=day&from=2026-11-01'],
    [(c) => c.risk.rules.update('rule_1', { action: 'block' }), 'POST', '/api/v1/risk/rules/rule_1', { action: 'block' }],
    [(c) => c.risk.rules.del('rule_1'), 'DELETE', '/api/v1/risk/rules/rule_1'],
  ];
  for (const [call, method, url, body] of cases) {
    it(`${method} ${url}`, async () => {
      const request = await seen(() => call(payfunctions));
      assert.equal(request.method, method);
      assert.equal(request.url, url);
      assert.deepEqual(request.body, body);
    });
  }

  it('answers the QR PNG as bytes', async () => {
    const png = await payfunctions.stores.qrPng('st_1');
    assert.ok(Buffer.isBuffer(png));
    assert.deepEqual([...png], [0x89, 0x50, 0x4e, 0x47]);
  });

  it('answers the CSV report as text', async () => {
    const csv = await payfunctions.reports.payments({ format: 'csv' });
    assert.equal(csv, 'key,currency\nwechat_pay.native,cny\n');
  });

  it('states the same version as package.json', async () => {
    const manifest = JSON.parse(await readFile(new URL('../package.json', import.meta.url), 'utf8'));
    assert.equal(VERSION, manifest.version);
    assert.equal(PayFunctions.VERSION, manifest.version);
  });
});
