<?php

declare(strict_types=1);

namespace PayFunctions\Model;

/**
 * What one receiver was paid for one settlement day, in minor units.
 */
final class Settlement extends PayFunctionsObject
{
    public ?string $id = null;
    public ?string $object = null;
    public ?string $account = null;
    public ?int $amount = null;
    public ?string $currency = null;
    public ?string $settlement_date = null;
    public ?string $cutoff_at = null;
    public ?string $journal_entry_id = null;
    public ?string $created_at = null;
}
