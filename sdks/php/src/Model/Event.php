<?php

declare(strict_types=1);

namespace PayFunctions\Model;

/**
 * A webhook event: `type` says what happened (e.g. `payment.succeeded`) and `data->object` is the object as it then was.
 */
final class Event extends PayFunctionsObject
{
    protected const NESTED = [
        'data' => EventData::class,
    ];

    public ?string $id = null;
    public ?string $object = null;
    public ?string $type = null;
    public ?string $created_at = null;
    public ?bool $livemode = null;
    public ?EventData $data = null;
}
