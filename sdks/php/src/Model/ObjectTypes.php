<?php

declare(strict_types=1);

namespace PayFunctions\Model;

/**
 * Builds the model class that an API object's `object` field names.
 */
final class ObjectTypes
{
    private const CLASSES = [
        'account' => Account::class,
        'api_key' => ApiKey::class,
        'balance' => Balance::class,
        'channel_account' => ChannelAccount::class,
        'event' => Event::class,
        'payment' => Payment::class,
        'refund' => Refund::class,
        'report' => Report::class,
        'risk_rule' => RiskRule::class,
        'routing_policy' => RoutingPolicy::class,
        'settlement' => Settlement::class,
        'store' => Store::class,
        'webhook_delivery' => WebhookDelivery::class,
        'webhook_endpoint' => WebhookEndpoint::class,
    ];

    /**
     * @param array<string, mixed> $values
     * @param class-string<PayFunctionsObject> $fallback the class for an object whose type is not named
     */
    public static function build(array $values, string $fallback = PayFunctionsObject::class): PayFunctionsObject
    {
        $type = $values['object'] ?? null;
        $class = is_string($type) && isset(self::CLASSES[$type]) ? self::CLASSES[$type] : $fallback;

        return new $class($values);
    }
}
