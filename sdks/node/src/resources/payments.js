import { ListPromise } from '../list.js';
import { segment } from './path.js';

/** Payments: create one, follow it, close or capture it, and list them. */
export class Payments {
  #transport;

  constructor(transport) {
    this.#transport = transport;
  }

  /** CreatePayment. Answers 201, or 202 with status `processing` when the channel took longer than `Prefer: wait`. */
  create(params, options) {
    return this.#transport.request('POST', '/v1/payments', { body: params, options });
  }

  /** GetPayment. */
  retrieve(id, options) {
    return this.#transport.request('GET', `/v1/payments/${segment(id, 'payment')}`, { options });
  }

  /** ListPayments, newest first; optionally only those in one `status`. */
  list(params = {}, options) {
    return new ListPromise((query) => this.#transport.request('GET', '/v1/payments', { query, options }), params);
  }

  /** ClosePayment: closes it at the channel so it can no longer be paid. */
  close(id, options) {
    return this.#transport.request('POST', `/v1/payments/${segment(id, 'payment')}/close`, { options });
  }

  /** CapturePayment: captures a payment created with `capture_method: "manual"`. */
  capture(id, options) {
    return this.#transport.request('POST', `/v1/payments/${segment(id, 'payment')}/capture`, { options });
  }

  /** GetPaymentTimeline: everything that happened to the payment, in order. */
  timeline(id, options) {
    return this.#transport.request('GET', `/v1/payments/${segment(id, 'payment')}/timeline`, { options });
  }
}
