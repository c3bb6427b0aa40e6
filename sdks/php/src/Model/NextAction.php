<?php

declare(strict_types=1);

namespace PayFunctions\Model;

/**
 * What the payer must do next: `type` names which of the other fields is set (e.g. `display_qr_code` with its `data`).
 */
final class NextAction extends PayFunctionsObject
{
    public ?string $type = null;
    public ?array $display_qr_code = null;
    public ?array $redirect_to_url = null;
    public ?array $use_sdk = null;
    public ?array $display_transfer_instructions = null;
}
