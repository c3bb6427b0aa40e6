<?php

declare(strict_types=1);

namespace PayFunctions\Model;

/**
 * An API key of the merchant. `secret` is only present in the answer that created or rolled it.
 */
final class ApiKey extends PayFunctionsObject
{
    public ?string $id = null;
    public ?string $object = null;
    public ?string $name = null;
    public ?string $prefix = null;
    public ?array $scopes = null;
    public ?bool $signature_required = null;
    public ?string $status = null;
    public ?string $created_at = null;
    public ?string $expires_at = null;
    public ?string $revoked_at = null;
    public ?string $secret = null;
    public ?string $signing_secret = null;
    public ?bool $secret_redacted = null;
}
