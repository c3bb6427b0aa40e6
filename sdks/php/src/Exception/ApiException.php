<?php

declare(strict_types=1);

namespace PayFunctions\Exception;

/**
 * The server failed (5xx) or answered with a status this library does not name.
 */
final class ApiException extends ApiErrorException
{
}
