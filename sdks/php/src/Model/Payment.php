<?php

declare(strict_types=1);

namespace PayFunctions\Model;

/**
 * A payment: an amount to collect from a payer through one method. `amount` is in the currency's minor unit.
 */
final class Payment extends PayFunctionsObject
{
    protected const NESTED = [
        'next_action' => NextAction::class,
        'allocations' => [Allocation::class],
    ];

    public ?string $id = null;
    public ?string $object = null;
    public ?int $amount = null;
    public ?string $currency = null;
    public ?string $status = null;
    public ?string $method = null;
    public ?string $channel = null;
    public ?string $channel_account = null;
    public ?string $merchant_order_id = null;
    public ?string $description = null;
    public ?string $created_at = null;
    public ?string $expires_at = null;
    public ?NextAction $next_action = null;
    public ?string $channel_trade_no = null;
    public ?string $paid_at = null;
    public ?array $split = null;
    /** @var list<Allocation>|null */
    public ?array $allocations = null;
    public ?string $failure_code = null;
    public ?string $failure_message = null;
    public ?array $metadata = null;
    public ?bool $livemode = null;
    public ?array $payment_method_types = null;
    public ?string $checkout_url = null;
    public ?string $capture_method = null;
    public ?string $capture_before = null;
    public ?array $fx = null;
    public ?array $routing = null;
    public ?array $risk = null;
}
