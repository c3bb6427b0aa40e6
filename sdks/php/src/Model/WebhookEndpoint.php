<?php

declare(strict_types=1);

namespace PayFunctions\Model;

/**
 * Where the merchant's webhooks are delivered.
 */
final class WebhookEndpoint extends PayFunctionsObject
{
    public ?string $object = null;
    public ?string $url = null;
    public ?bool $livemode = null;
}
