import assert from 'node:assert/strict';
import { afterEach, describe, it } from 'node:test';
import PayFunctions, {
  APIError,
  AuthenticationError,
  ConflictError,
  InvalidRequestError,
  NotFoundError,
  PayFunctionsError,
  PermissionError,
  RateLimitError,
} from 'payfunctions';
import { json, problem, recordingSleep, scriptedServer } from './support/server.js';

let server;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

function client() {
  return new PayFunctions('sk_test_unit', { baseUrl: server.baseUrl, sleep: recordingSleep().sleep, maxRetries: 0 });
}

describe('errors', () => {
  it('raises 400 at once as an invalid-request error carrying the problem document and request id', async () => {
    server = await scriptedServer([problem(400, 'parameter_invalid', { param: 'amount', requestId: 'req_400' })]);
    const payfunctions = new PayFunctions('sk_test_unit', { baseUrl: server.baseUrl, sleep: recordingSleep().sleep });
    const error = await payfunctions.payments.create({ amount: 0 }).catch((e) => e);
    assert.equal(server.requests.length, 1, 'a 400 is not retried');
    assert.ok(error instanceof InvalidRequestError);
    assert.ok(error instanceof PayFunctionsError);
    assert.equal(error.name, 'InvalidRequestError');
    assert.equal(error.status, 400);
    assert.equal(error.code, 'parameter_invalid');
    assert.equal(error.param, 'amount');
    assert.equal(error.requestId, 'req_400');
    assert.equal(error.title, 'Problem parameter_invalid');
    assert.equal(error.detail, 'Details of parameter_invalid');
    assert.equal(error.message, 'Details of parameter_invalid');
    assert.equal(error.type, 'https://payfunctions.dev/problems/parameter_invalid');
    assert.equal(error.problem.code, 'parameter_invalid');
  });

  for (const [status, ErrorClass] of [
    [401, AuthenticationError],
    [403, PermissionError],
    [404, NotFoundError],
    [409, ConflictError],
    [429, RateLimitError],
    [500, APIError],
    [422, APIError],
  ]) {
    it(`maps ${status} to ${ErrorClass.name}`, async () => {
      server = await scriptedServer([problem(status, 'some_code')]);
      const error = await client().balance.retrieve().catch((e) => e);
      assert.ok(error instanceof ErrorClass, String(error));
      assert.ok(error instanceof PayFunctionsError);
      assert.equal(error.status, status);
      assert.equal(error.code, 'some_code');
    });
  }

  it('raises an API error with the status when the body is not a problem document', async () => {
    server = await scriptedServer([
      (req, res) => {
        res.writeHead(502, { 'Content-Type': 'text/html' });
        res.end('<h1>Bad gateway</h1>');
      },
    ]);
    const error = await client().balance.retrieve().catch((e) => e);
    assert.ok(error instanceof APIError);
    assert.equal(error.status, 502);
    assert.equal(error.problem, null);
    assert.equal(error.code, null);
    assert.equal(error.requestId, null);
  });

  it('raises an API error when a successful answer is not JSON', async () => {
    server = await scriptedServer([
      (req, res) => {
        res.writeHead(200, { 'Content-Type': 'text/html' });
        res.end('<h1>Welcome</h1>');
      },
    ]);
    const error = await client().balance.retrieve().catch((e) => e);
    assert.ok(error instanceof APIError, String(error));
    assert.equal(error.status, 200);
  });

  it('exposes the request id of a successful answer without changing the object', async () => {
    server = await scriptedServer([json(200, { object: 'balance', extra_field: 7 }, { 'Request-Id': 'req_ok' })]);
    const balance = await client().balance.retrieve();
    assert.equal(balance.lastResponse.requestId, 'req_ok');
    assert.equal(balance.lastResponse.statusCode, 200);
    assert.equal(balance.extra_field, 7, 'fields the client does not know stay readable');
    assert.equal(JSON.stringify(balance), '{"object":"balance","extra_field":7}');
  });

  it('refuses a missing id before sending anything', async () => {
    server = await scriptedServer([json(200, {})]);
    assert.throws(() => client().payments.retrieve(''), TypeError);
    assert.equal(server.requests.length, 0);
  });

  it('refuses to be built without an API key', () => {
    assert.throws(() => new PayFunctions(''), TypeError);
  });
});
