<?php

declare(strict_types=1);

namespace PayFunctions\Service;

use PayFunctions\Model\Collection;
use PayFunctions\Model\Payment;
use PayFunctions\Model\PayFunctionsObject;

/**
 * Payments: create, retrieve, list, close, capture, and a payment's timeline.
 */
final class PaymentService extends AbstractService
{
    /**
     * Creates a payment. Besides the common options, `wait` (0–30 s) says how long the create may wait for
     * the channel (`Prefer: wait=N`); when it is not ready in time the answer is the payment in `processing`.
     *
     * @param array<string, mixed> $params e.g. amount (minor units), currency, method, merchant_order_id
     * @param array<string, mixed> $opts
     */
    public function create(array $params, array $opts = []): Payment
    {
        if (isset($opts['wait'])) {
            $opts['headers'] = ($opts['headers'] ?? []) + ['Prefer' => 'wait=' . (int) $opts['wait']];
        }

        return $this->requestObject('POST', '/v1/payments', Payment::class, [], $params, $opts);
    }

    /**
     * @param array{limit?: int, starting_after?: string, status?: string} $params
     * @param array<string, mixed> $opts
     *
     * @return Collection<Payment> newest first
     */
    public function all(array $params = [], array $opts = []): Collection
    {
        return $this->requestCollection('/v1/payments', Payment::class, $params, $opts);
    }

    /** @param array<string, mixed> $opts */
    public function retrieve(string $id, array $opts = []): Payment
    {
        return $this->requestObject('GET', self::path('/v1/payments/%s', $id), Payment::class, [], null, $opts);
    }

    /**
     * Closes a payment that is not paid yet, at the channel too.
     *
     * @param array<string, mixed> $opts
     */
    public function close(string $id, array $opts = []): Payment
    {
        return $this->requestObject('POST', self::path('/v1/payments/%s/close', $id), Payment::class, [], null, $opts);
    }

    /**
     * Captures a payment created with `capture_method` `manual` once it is authorized.
     *
     * @param array<string, mixed> $opts
     */
    public function capture(string $id, array $opts = []): Payment
    {
        return $this->requestObject('POST', self::path('/v1/payments/%s/capture', $id), Payment::class, [], null, $opts);
    }

    /**
     * What happened to a payment, in order: routing, channel answers, notifications, ledger lines, webhooks.
     *
     * @param array<string, mixed> $opts
     *
     * @return Collection<PayFunctionsObject>
     */
    public function timeline(string $id, array $opts = []): Collection
    {
        return $this->requestCollection(self::path('/v1/payments/%s/timeline', $id), PayFunctionsObject::class, [], $opts, false);
    }
}
