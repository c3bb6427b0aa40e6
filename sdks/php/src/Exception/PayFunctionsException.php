<?php

declare(strict_types=1);

namespace PayFunctions\Exception;

/**
 * The base of every error this library raises, so one catch handles them all.
 */
abstract class PayFunctionsException extends \RuntimeException
{
}
