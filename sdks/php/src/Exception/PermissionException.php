<?php

declare(strict_types=1);

namespace PayFunctions\Exception;

/**
 * The API key lacks the scope this request needs (403).
 */
final class PermissionException extends ApiErrorException
{
}
