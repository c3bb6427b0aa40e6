<?php

declare(strict_types=1);

namespace PayFunctions\Exception;

/**
 * The request conflicts with the object's state or with another request using the same idempotency key (409).
 */
final class ConflictException extends ApiErrorException
{
}
