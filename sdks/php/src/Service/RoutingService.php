<?php

declare(strict_types=1);

namespace PayFunctions\Service;

use PayFunctions\Model\RoutingPolicy;

/**
 * The merchant's routing policy: how payments are spread among its channel accounts.
 */
final class RoutingService extends AbstractService
{
    /** @param array<string, mixed> $opts */
    public function retrieve(array $opts = []): RoutingPolicy
    {
        return $this->requestObject('GET', '/v1/routing', RoutingPolicy::class, [], null, $opts);
    }

    /**
     * Replaces the whole policy.
     *
     * @param array<string, mixed> $params objective, cost_weight, utc_offset, rules, fees
     * @param array<string, mixed> $opts
     */
    public function update(array $params, array $opts = []): RoutingPolicy
    {
        return $this->requestObject('POST', '/v1/routing', RoutingPolicy::class, [], $params, $opts);
    }
}
