<?php

declare(strict_types=1);

namespace PayFunctions\Service;

use PayFunctions\Model\Collection;
use PayFunctions\Model\Refund;

/**
 * Refunds of a payment.
 */
final class RefundService extends AbstractService
{
    /**
     * Refunds part of a payment, or all that is left of it when `amount` is left out.
     *
     * @param array{amount?: int, reason?: string, metadata?: array<string, string>} $params
     * @param array<string, mixed> $opts
     */
    public function create(string $paymentId, array $params = [], array $opts = []): Refund
    {
        return $this->requestObject('POST', self::path('/v1/payments/%s/refunds', $paymentId), Refund::class, [], $params, $opts);
    }

    /**
     * @param array{limit?: int, starting_after?: string} $params
     * @param array<string, mixed> $opts
     *
     * @return Collection<Refund>
     */
    public function all(string $paymentId, array $params = [], array $opts = []): Collection
    {
        return $this->requestCollection(self::path('/v1/payments/%s/refunds', $paymentId), Refund::class, $params, $opts);
    }

    /** @param array<string, mixed> $opts */
    public function retrieve(string $id, array $opts = []): Refund
    {
        return $this->requestObject('GET', self::path('/v1/refunds/%s', $id), Refund::class, [], null, $opts);
    }
}
