import { Accounts } from './resources/accounts.js';
import { ApiKeys } from './resources/api-keys.js';
import { BalanceResource } from './resources/balance.js';
import { ChannelAccounts } from './resources/channel-accounts.js';
import { Payments } from './resources/payments.js';
import { Refunds } from './resources/refunds.js';
import { Reports } from './resources/reports.js';
import { Risk } from './resources/risk.js';
import { Routing } from './resources/routing.js';
import { Settlements } from './resources/settlements.js';
import { Stores } from './resources/stores.js';
import { WebhookEndpoints } from './resources/webhook-endpoints.js';
import { Transport } from './transport.js';
import { VERSION } from './version.js';
import { webhooks } from './webhooks.js';

/** A client of the PayFunctions merchant API, authenticated with one API key. */
export class PayFunctions {
  static VERSION = VERSION;
  static webhooks = webhooks;

  /**
   * @param {string} apiKey the merchant's `sk_test_…` or `sk_live_…` key
   * @param {import('../types/index.js').PayFunctionsConfig} [config]
   */
  constructor(apiKey, config = {}) {
    const transport = new Transport({ ...config, apiKey });
    this.payments = new Payments(transport);
    this.refunds = new Refunds(transport);
    this.accounts = new Accounts(transport);
    this.apiKeys = new ApiKeys(transport);
    this.stores = new Stores(transport);
    this.routing = new Routing(transport);
    this.channelAccounts = new ChannelAccounts(transport);
    this.settlements = new Settlements(transport);
    this.balance = new BalanceResource(transport);
    this.webhookEndpoints = new WebhookEndpoints(transport);
    this.reports = new Reports(transport);
    this.risk = new Risk(transport);
    this.webhooks = webhooks;
    Object.defineProperty(this, 'baseUrl', { value: transport.baseUrl, enumerable: true });
  }
}
