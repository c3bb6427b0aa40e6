<?php

declare(strict_types=1);

namespace PayFunctions\Model;

/**
 * One receiver's share of a payment (platform fee, connected account or merchant), in minor units.
 */
final class Allocation extends PayFunctionsObject
{
    public ?string $account = null;
    public ?string $role = null;
    public ?int $amount = null;
    public ?string $currency = null;
}
