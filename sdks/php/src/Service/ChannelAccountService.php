<?php

declare(strict_types=1);

namespace PayFunctions\Service;

use PayFunctions\Model\ChannelAccount;
use PayFunctions\Model\Collection;

/**
 * The channel accounts routing may choose.
 */
final class ChannelAccountService extends AbstractService
{
    /**
     * @param array<string, mixed> $opts
     *
     * @return Collection<ChannelAccount>
     */
    public function all(array $opts = []): Collection
    {
        return $this->requestCollection('/v1/channel_accounts', ChannelAccount::class, [], $opts, false);
    }
}
