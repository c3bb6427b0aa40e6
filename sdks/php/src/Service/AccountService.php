<?php

declare(strict_types=1);

namespace PayFunctions\Service;

use PayFunctions\Model\Account;
use PayFunctions\Model\Collection;

/**
 * Connected accounts: the receivers a payment's split may pay.
 */
final class AccountService extends AbstractService
{
    /**
     * @param array<string, mixed> $params type, name, payout_method
     * @param array<string, mixed> $opts
     */
    public function create(array $params, array $opts = []): Account
    {
        return $this->requestObject('POST', '/v1/accounts', Account::class, [], $params, $opts);
    }

    /**
     * @param array{limit?: int, starting_after?: string} $params
     * @param array<string, mixed> $opts
     *
     * @return Collection<Account>
     */
    public function all(array $params = [], array $opts = []): Collection
    {
        return $this->requestCollection('/v1/accounts', Account::class, $params, $opts);
    }

    /** @param array<string, mixed> $opts */
    public function retrieve(string $id, array $opts = []): Account
    {
        return $this->requestObject('GET', self::path('/v1/accounts/%s', $id), Account::class, [], null, $opts);
    }

    /** @param array<string, mixed> $opts */
    public function deactivate(string $id, array $opts = []): Account
    {
        return $this->requestObject('POST', self::path('/v1/accounts/%s/deactivate', $id), Account::class, [], null, $opts);
    }
}
