<?php

declare(strict_types=1);

namespace PayFunctions\Exception;

/**
 * The API key is missing, unknown or revoked (401).
 */
final class AuthenticationException extends ApiErrorException
{
}
