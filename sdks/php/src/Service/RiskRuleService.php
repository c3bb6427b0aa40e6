<?php

declare(strict_types=1);

namespace PayFunctions\Service;

use PayFunctions\Model\Collection;
use PayFunctions\Model\RiskRule;

/**
 * The merchant's own risk rules.
 */
final class RiskRuleService extends AbstractService
{
    /**
     * @param array<string, mixed> $opts
     *
     * @return Collection<RiskRule>
     */
    public function all(array $opts = []): Collection
    {
        return $this->requestCollection('/v1/risk/rules', RiskRule::class, [], $opts, false);
    }

    /**
     * @param array<string, mixed> $params kind, action, and the fields the kind needs (e.g. field and values for a list)
     * @param array<string, mixed> $opts
     */
    public function create(array $params, array $opts = []): RiskRule
    {
        return $this->requestObject('POST', '/v1/risk/rules', RiskRule::class, [], $params, $opts);
    }

    /**
     * Replaces a rule with the one given.
     *
     * @param array<string, mixed> $params
     * @param array<string, mixed> $opts
     */
    public function update(string $id, array $params, array $opts = []): RiskRule
    {
        return $this->requestObject('POST', self::path('/v1/risk/rules/%s', $id), RiskRule::class, [], $params, $opts);
    }

    /**
     * @param array<string, mixed> $opts
     *
     * @return RiskRule with `deleted` true
     */
    public function delete(string $id, array $opts = []): RiskRule
    {
        return $this->requestObject('DELETE', self::path('/v1/risk/rules/%s', $id), RiskRule::class, [], null, $opts);
    }
}
