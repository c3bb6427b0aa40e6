<?php

declare(strict_types=1);

namespace PayFunctions\Service;

use PayFunctions\Model\Collection;
use PayFunctions\Model\Settlement;

/**
 * What the merchant was paid, per settlement day.
 */
final class SettlementService extends AbstractService
{
    /**
     * @param array<string, mixed> $opts
     *
     * @return Collection<Settlement>
     */
    public function all(array $opts = []): Collection
    {
        return $this->requestCollection('/v1/settlements', Settlement::class, [], $opts, false);
    }
}
