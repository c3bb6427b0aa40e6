import { ListPromise } from '../list.js';
import { segment } from './path.js';

/** Stores: a fixed QR code a payer scans to pay the merchant. */
export class Stores {
  #transport;

  constructor(transport) {
    this.#transport = transport;
  }

  /** CreateStore. */
  create(params, options) {
    return this.#transport.request('POST', '/v1/stores', { body: params, options });
  }

  /** GetStore. */
  retrieve(id, options) {
    return this.#transport.request('GET', `/v1/stores/${segment(id, 'store')}`, { options });
  }

  /** ListStores. */
  list(params = {}, options) {
    return new ListPromise((query) => this.#transport.request('GET', '/v1/stores', { query, options }), params);
  }

  /** GetStoreQrPng: the store's QR code as PNG bytes. */
  qrPng(id, options) {
    return this.#transport.request('GET', `/v1/stores/${segment(id, 'store')}/qr.png`, { as: 'bytes', options });
  }

  /** GetStoreQrSvg: the store's QR code as SVG bytes (UTF-8 text). */
  qrSvg(id, options) {
    return this.#transport.request('GET', `/v1/stores/${segment(id, 'store')}/qr.svg`, { as: 'bytes', options });
  }
}
