<?php

declare(strict_types=1);

namespace PayFunctions\Exception;

/**
 * A webhook delivery failed verification: missing headers, a bad signature or a timestamp out of tolerance.
 */
final class SignatureVerificationException extends PayFunctionsException
{
}
