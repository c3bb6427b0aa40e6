<?php

declare(strict_types=1);

namespace PayFunctions\Model;

/**
 * A risk rule of the merchant (or the platform's): what it matches and the action it takes. `deleted` is true in the answer to a delete.
 */
final class RiskRule extends PayFunctionsObject
{
    public ?string $id = null;
    public ?string $object = null;
    public ?string $scope = null;
    public ?string $kind = null;
    public ?string $action = null;
    public ?array $stages = null;
    public ?string $description = null;
    public ?string $key = null;
    public ?string $window = null;
    public ?int $max_count = null;
    public ?int $max_amount = null;
    public ?string $currency = null;
    public ?int $min_count = null;
    public ?float $min_z = null;
    public ?float $max_share = null;
    public ?float $min_kmh = null;
    public ?float $min_score = null;
    public ?string $field = null;
    public ?array $values = null;
    public ?string $created_at = null;
    public ?string $updated_at = null;
    public ?bool $deleted = null;
}
