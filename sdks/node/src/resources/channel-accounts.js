/** The channel accounts (WeChat Pay, Alipay, Stripe, …) the merchant's payments may be routed to. */
export class ChannelAccounts {
  #transport;

  constructor(transport) {
    this.#transport = transport;
  }

  /** ListChannelAccounts: one page holding all of them. */
  list(options) {
    return this.#transport.request('GET', '/v1/channel_accounts', { options });
  }
}
