<?php

declare(strict_types=1);

namespace PayFunctions\Exception;

/**
 * Too many requests (429); retried automatically until the retries ran out.
 */
final class RateLimitException extends ApiErrorException
{
}
