<?php

declare(strict_types=1);

namespace PayFunctions\Model;

/**
 * An amount of money in a currency's minor unit.
 */
final class Amount extends PayFunctionsObject
{
    public ?int $amount = null;
    public ?string $currency = null;
}
