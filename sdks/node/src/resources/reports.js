/** Reports over the merchant's payments. */
export class Reports {
  #transport;

  constructor(transport) {
    this.#transport = transport;
  }

  /** GetPaymentReport: the report object, or its CSV text when `format` is `csv`. */
  payments(params = {}, options) {
    return this.#transport.request('GET', '/v1/reports/payments', { query: params, as: 'auto', options });
  }
}
