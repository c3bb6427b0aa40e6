<?php

declare(strict_types=1);

namespace PayFunctions\Exception;

/**
 * The request was invalid (400): a parameter is missing or wrong.
 */
final class InvalidRequestException extends ApiErrorException
{
}
