<?php

declare(strict_types=1);

namespace PayFunctions\Model;

/**
 * One event's delivery to the merchant's webhook endpoint and how it went.
 */
final class WebhookDelivery extends PayFunctionsObject
{
    public ?string $id = null;
    public ?string $object = null;
    public ?string $type = null;
    public ?string $subject = null;
    public ?string $status = null;
    public ?int $attempts = null;
    public ?int $last_response_code = null;
    public ?string $last_attempt_at = null;
    public ?string $delivered_at = null;
}
