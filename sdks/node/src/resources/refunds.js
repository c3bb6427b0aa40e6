import { ListPromise } from '../list.js';
import { segment } from './path.js';

/** Refunds of a payment; created and listed under the payment they give money back from. */
export class Refunds {
  #transport;

  constructor(transport) {
    this.#transport = transport;
  }

  /** CreateRefund. Leave out `amount` to refund all that is left of the payment. */
  create(paymentId, params = {}, options) {
    const path = `/v1/payments/${segment(paymentId, 'payment')}/refunds`;
    return this.#transport.request('POST', path, { body: params, options });
  }

  /** GetRefund. */
  retrieve(id, options) {
    return this.#transport.request('GET', `/v1/refunds/${segment(id, 'refund')}`, { options });
  }

  /** ListRefunds of one payment, newest first. */
  list(paymentId, params = {}, options) {
    const path = `/v1/payments/${segment(paymentId, 'payment')}/refunds`;
    return new ListPromise((query) => this.#transport.request('GET', path, { query, options }), params);
  }
}
