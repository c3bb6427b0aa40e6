/** What the daily settlement runs paid the merchant. */
export class Settlements {
  #transport;

  constructor(transport) {
    this.#transport = transport;
  }

  /** ListSettlements. */
  list(options) {
    return this.#transport.request('GET', '/v1/settlements', { options });
  }
}
