import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import PayFunctions, { OPERATIONS } from 'payfunctions';
import { API_BASE } from './support/env.js';

const METHODS = new Set(['get', 'put', 'post', 'delete', 'patch', 'head', 'options', 'trace']);

// The operationIds an API key may call: those whose security (or the document's default) names apiKey.
function apiKeyOperations(document) {
  const ids = [];
  for (const item of Object.values(document.paths)) {
    for (const [method, operation] of Object.entries(item)) {
      if (!METHODS.has(method)) continue;
      const security = operation.security ?? document.security ?? [];
      if (security.some((requirement) => 'apiKey' in requirement)) ids.push(operation.operationId);
    }
  }
  return ids;
}

describe('coverage of the OpenAPI document', () => {
  let documented;
  before(async () => {
    const response = await fetch(`${API_BASE.replace(/\/+$/, '')}/openapi.json`);
    assert.equal(response.status, 200);
    documented = apiKeyOperations(await response.json());
  });

  it('finds the API-key operations in the document', () => {
    assert.ok(documented.length >= 30, `only ${documented.length} operations found`);
  });

  it('has a method for every API-key operation', () => {
    const missing = documented.filter((id) => !(id in OPERATIONS));
    assert.deepEqual(missing, [], 'operations without a method');
  });

  it('names no operation the document lacks', () => {
    const stale = Object.keys(OPERATIONS).filter((id) => !documented.includes(id));
    assert.deepEqual(stale, [], 'operations the document no longer has');
  });

  it('maps each operation to a method the client really has, and no two to the same', () => {
    const client = new PayFunctions('sk_test_coverage');
    for (const [id, path] of Object.entries(OPERATIONS)) {
      const names = path.split('.');
      const owner = names.slice(0, -1).reduce((object, name) => object?.[name], client);
      assert.equal(typeof owner?.[names.at(-1)], 'function', `${id} -> ${path}`);
    }
    assert.equal(new Set(Object.values(OPERATIONS)).size, Object.keys(OPERATIONS).length);
  });
});
