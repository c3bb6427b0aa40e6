<?php

declare(strict_types=1);

namespace PayFunctions\Model;

/**
 * A payment channel account that routing may choose, with the methods and currencies it takes.
 */
final class ChannelAccount extends PayFunctionsObject
{
    public ?string $object = null;
    public ?string $channel_account = null;
    public ?string $channel = null;
    public ?string $account = null;
    public ?bool $is_default = null;
    public ?array $methods = null;
    public ?array $currencies = null;
}
