import { ListPromise } from '../list.js';

/** Where the merchant's webhooks go, and what was delivered there. */
export class WebhookEndpoints {
  #transport;

  constructor(transport) {
    this.#transport = transport;
  }

  /** ListWebhookEndpoints. */
  list(options) {
    return this.#transport.request('GET', '/v1/webhook_endpoints', { options });
  }

  /** SendTestWebhook: delivers a signed test event now and answers the delivery. */
  sendTest(options) {
    return this.#transport.request('POST', '/v1/webhook_endpoints/test', { body: {}, options });
  }

  /** ListWebhookDeliveries, newest first. */
  listDeliveries(params = {}, options) {
    const fetchPage = (query) => this.#transport.request('GET', '/v1/webhook_endpoints/deliveries', { query, options });
    return new ListPromise(fetchPage, params);
  }
}
