<?php

declare(strict_types=1);

namespace PayFunctions\Model;

/**
 * A store code: a printed QR code payers scan to pay the merchant, with a fixed amount or one they enter.
 */
final class Store extends PayFunctionsObject
{
    public ?string $id = null;
    public ?string $object = null;
    public ?string $name = null;
    public ?int $amount = null;
    public ?string $currency = null;
    public ?string $code_url = null;
    public ?string $qr_png_url = null;
    public ?string $qr_svg_url = null;
    public ?string $created_at = null;
}
