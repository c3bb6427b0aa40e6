<?php

declare(strict_types=1);

namespace PayFunctions\Model;

/**
 * The merchant's payments summed per group (method, channel, hour, weekday, region or day) over a range of days.
 */
final class Report extends PayFunctionsObject
{
    public ?string $object = null;
    public ?string $group_by = null;
    public ?string $from = null;
    public ?string $to = null;
    public ?string $time_zone = null;
    public ?bool $livemode = null;
    public ?array $data = null;
}
