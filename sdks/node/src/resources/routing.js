/** The merchant's routing policy: which channel account takes which payment. */
export class Routing {
  #transport;

  constructor(transport) {
    this.#transport = transport;
  }

  /** GetRoutingPolicy. */
  retrieve(options) {
    return this.#transport.request('GET', '/v1/routing', { options });
  }

  /** SetRoutingPolicy: replaces the whole policy. */
  update(policy, options) {
    return this.#transport.request('POST', '/v1/routing', { body: policy, options });
  }
}
