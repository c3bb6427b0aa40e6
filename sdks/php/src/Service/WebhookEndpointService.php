<?php

declare(strict_types=1);

namespace PayFunctions\Service;

use PayFunctions\Model\Collection;
use PayFunctions\Model\WebhookDelivery;
use PayFunctions\Model\WebhookEndpoint;

/**
 * The merchant's webhook endpoint, its deliveries, and test events.
 */
final class WebhookEndpointService extends AbstractService
{
    /**
     * @param array<string, mixed> $opts
     *
     * @return Collection<WebhookEndpoint>
     */
    public function all(array $opts = []): Collection
    {
        return $this->requestCollection('/v1/webhook_endpoints', WebhookEndpoint::class, [], $opts, false);
    }

    /**
     * Sends a signed test event to the endpoint and answers how its delivery went.
     *
     * @param array<string, mixed> $params
     * @param array<string, mixed> $opts
     */
    public function sendTest(array $params = [], array $opts = []): WebhookDelivery
    {
        return $this->requestObject('POST', '/v1/webhook_endpoints/test', WebhookDelivery::class, [], $params, $opts);
    }

    /**
     * @param array{limit?: int, starting_after?: string} $params
     * @param array<string, mixed> $opts
     *
     * @return Collection<WebhookDelivery> newest first
     */
    public function allDeliveries(array $params = [], array $opts = []): Collection
    {
        return $this->requestCollection('/v1/webhook_endpoints/deliveries', WebhookDelivery::class, $params, $opts);
    }
}
