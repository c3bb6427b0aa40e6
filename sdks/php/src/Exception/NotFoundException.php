<?php

declare(strict_types=1);

namespace PayFunctions\Exception;

/**
 * The object asked for does not exist (404).
 */
final class NotFoundException extends ApiErrorException
{
}
