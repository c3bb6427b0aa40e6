import { ListPromise } from '../list.js';
import { segment } from './path.js';

/** Connected accounts: the receivers a payment's split may pay. */
export class Accounts {
  #transport;

  constructor(transport) {
    this.#transport = transport;
  }

  /** CreateAccount. */
  create(params, options) {
    return this.#transport.request('POST', '/v1/accounts', { body: params, options });
  }

  /** GetAccount. */
  retrieve(id, options) {
    return this.#transport.request('GET', `/v1/accounts/${segment(id, 'account')}`, { options });
  }

  /** ListAccounts. */
  list(params = {}, options) {
    return new ListPromise((query) => this.#transport.request('GET', '/v1/accounts', { query, options }), params);
  }

  /** DeactivateAccount: no new splits may pay it. */
  deactivate(id, options) {
    return this.#transport.request('POST', `/v1/accounts/${segment(id, 'account')}/deactivate`, { options });
  }
}
