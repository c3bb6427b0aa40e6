/** The merchant's balance off the ledger: pending settlement, in transit, held for review. */
export class BalanceResource {
  #transport;

  constructor(transport) {
    this.#transport = transport;
  }

  /** GetBalance. */
  retrieve(options) {
    return this.#transport.request('GET', '/v1/balance', { options });
  }
}
