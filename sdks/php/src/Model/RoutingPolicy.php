<?php

declare(strict_types=1);

namespace PayFunctions\Model;

/**
 * How the merchant's payments are routed among its channel accounts.
 */
final class RoutingPolicy extends PayFunctionsObject
{
    public ?string $object = null;
    public ?string $objective = null;
    public ?float $cost_weight = null;
    public ?string $utc_offset = null;
    public ?array $rules = null;
    public ?array $fees = null;
}
