<?php

declare(strict_types=1);

namespace PayFunctions\Model;

/**
 * The merchant's money on the ledger, per currency: owed and not settled yet, on its way, and held for a risk review.
 */
final class Balance extends PayFunctionsObject
{
    protected const NESTED = [
        'pending_settlement' => [Amount::class],
        'in_transit' => [Amount::class],
        'held_for_review' => [Amount::class],
    ];

    public ?string $object = null;
    /** @var list<Amount>|null */
    public ?array $pending_settlement = null;
    /** @var list<Amount>|null */
    public ?array $in_transit = null;
    /** @var list<Amount>|null */
    public ?array $held_for_review = null;
}
