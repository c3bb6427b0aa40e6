import { segment } from './path.js';

/** The merchant's own risk rules, applied with the platform's on every payment. */
export class RiskRules {
  #transport;

  constructor(transport) {
    this.#transport = transport;
  }

  /** ListRiskRules. */
  list(options) {
    return this.#transport.request('GET', '/v1/risk/rules', { options });
  }

  /** CreateRiskRule. */
  create(params, options) {
    return this.#transport.request('POST', '/v1/risk/rules', { body: params, options });
  }

  /** UpdateRiskRule: replaces the rule with the draft. */
  update(id, params, options) {
    return this.#transport.request('POST', `/v1/risk/rules/${segment(id, 'risk rule')}`, { body: params, options });
  }

  /** DeleteRiskRule. */
  del(id, options) {
    return this.#transport.request('DELETE', `/v1/risk/rules/${segment(id, 'risk rule')}`, { options });
  }
}

/** Risk: a namespace for the merchant's rules. */
export class Risk {
  constructor(transport) {
    this.rules = new RiskRules(transport);
  }
}
