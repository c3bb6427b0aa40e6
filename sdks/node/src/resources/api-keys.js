import { ListPromise } from '../list.js';
import { segment } from './path.js';

/** The merchant's API keys. A key's secret is answered once, when it is created or rolled. */
export class ApiKeys {
  #transport;

  constructor(transport) {
    this.#transport = transport;
  }

  /** CreateApiKey. */
  create(params = {}, options) {
    return this.#transport.request('POST', '/v1/api_keys', { body: params, options });
  }

  /** ListApiKeys. */
  list(params = {}, options) {
    return new ListPromise((query) => this.#transport.request('GET', '/v1/api_keys', { query, options }), params);
  }

  /** RollApiKey: a new secret; the old one keeps working for `expires_in_seconds`. */
  roll(id, params = {}, options) {
    return this.#transport.request('POST', `/v1/api_keys/${segment(id, 'API key')}/roll`, { body: params, options });
  }

  /** RevokeApiKey: the key stops working at once. */
  revoke(id, options) {
    return this.#transport.request('POST', `/v1/api_keys/${segment(id, 'API key')}/revoke`, { options });
  }
}
