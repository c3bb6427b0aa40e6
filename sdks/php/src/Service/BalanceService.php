<?php

declare(strict_types=1);

namespace PayFunctions\Service;

use PayFunctions\Model\Balance;

/**
 * The merchant's balance off the ledger.
 */
final class BalanceService extends AbstractService
{
    /** @param array<string, mixed> $opts */
    public function retrieve(array $opts = []): Balance
    {
        return $this->requestObject('GET', '/v1/balance', Balance::class, [], null, $opts);
    }
}
