<?php

declare(strict_types=1);

namespace PayFunctions\Model;

/**
 * The payload of an event: the object it is about, built as its model (a Payment, a Refund, …).
 */
final class EventData extends PayFunctionsObject
{
    protected const NESTED = [
        'object' => PayFunctionsObject::class,
    ];

    public ?PayFunctionsObject $object = null;
}
