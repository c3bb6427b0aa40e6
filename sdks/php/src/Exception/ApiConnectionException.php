<?php

declare(strict_types=1);

namespace PayFunctions\Exception;

/**
 * The server could not be reached, or the connection failed before an answer (after the last retry).
 */
final class ApiConnectionException extends PayFunctionsException
{
}
