<?php

declare(strict_types=1);

namespace PayFunctions\Model;

/**
 * A refund of part or all of a payment, in the payment's currency's minor unit.
 */
final class Refund extends PayFunctionsObject
{
    public ?string $id = null;
    public ?string $object = null;
    public ?string $payment = null;
    public ?int $amount = null;
    public ?string $currency = null;
    public ?string $status = null;
    public ?string $reason = null;
    public ?string $channel_refund_no = null;
    public ?string $failure_code = null;
    public ?string $failure_message = null;
    public ?string $created_at = null;
    public ?string $succeeded_at = null;
    public ?array $metadata = null;
}
