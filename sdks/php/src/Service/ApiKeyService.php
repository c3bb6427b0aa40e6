<?php

declare(strict_types=1);

namespace PayFunctions\Service;

use PayFunctions\Model\ApiKey;
use PayFunctions\Model\Collection;

/**
 * The merchant's API keys.
 */
final class ApiKeyService extends AbstractService
{
    /**
     * @param array<string, mixed> $params e.g. name, scopes
     * @param array<string, mixed> $opts
     */
    public function create(array $params = [], array $opts = []): ApiKey
    {
        return $this->requestObject('POST', '/v1/api_keys', ApiKey::class, [], $params, $opts);
    }

    /**
     * @param array{limit?: int, starting_after?: string} $params
     * @param array<string, mixed> $opts
     *
     * @return Collection<ApiKey>
     */
    public function all(array $params = [], array $opts = []): Collection
    {
        return $this->requestCollection('/v1/api_keys', ApiKey::class, $params, $opts);
    }

    /**
     * Replaces a key with a new secret; the old one keeps working for the grace period asked.
     *
     * @param array<string, mixed> $params
     * @param array<string, mixed> $opts
     */
    public function roll(string $id, array $params = [], array $opts = []): ApiKey
    {
        return $this->requestObject('POST', self::path('/v1/api_keys/%s/roll', $id), ApiKey::class, [], $params, $opts);
    }

    /** @param array<string, mixed> $opts */
    public function revoke(string $id, array $opts = []): ApiKey
    {
        return $this->requestObject('POST', self::path('/v1/api_keys/%s/revoke', $id), ApiKey::class, [], null, $opts);
    }
}
