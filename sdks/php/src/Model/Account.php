<?php

declare(strict_types=1);

namespace PayFunctions\Model;

/**
 * A connected account: a receiver the merchant's payment splits may pay.
 */
final class Account extends PayFunctionsObject
{
    public ?string $id = null;
    public ?string $object = null;
    public ?string $type = null;
    public ?string $name = null;
    public ?string $status = null;
    public ?array $payout_method = null;
    public ?bool $payouts_enabled = null;
    public ?string $created_at = null;
    public ?string $deactivated_at = null;
}
